"""Where the recogniser's trained files live (inside the package, read offline)."""
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
MODEL_PATH = MODEL_DIR / "ner_anercorp.crfsuite"
VOCAB_PATH = MODEL_DIR / "ner_anercorp.vocab.json"
NAMENESS_PATH = MODEL_DIR / "ner_nameness.json"
PERSON_NAMES_PATH = MODEL_DIR / "person_names.txt"
ENCODER_PATH = MODEL_DIR / "ner_e5.onnx"
ENCODER_VOCAB_PATH = MODEL_DIR / "ner_e5.vocab.json"
