"""The Spark engine gives the same records as a local run (skipped without pyspark or Java)."""
import shutil

import pytest

from rasd.core import analyze_raw
from rasd.ingest import InputError, input_files, read_paths

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from rasd.distributed import analyze_with_spark  # noqa: E402

ARTICLES = {
    "a.txt": "الرياض تستضيف محادثات\n\nاستقبل ولي العهد السعودي الأمير محمد بن سلمان في الرياض أمس "
             "وزير الخارجية الأمريكي ماركو روبيو، وبحثا العلاقات الثنائية والأوضاع في المنطقة.",
    "sub/b.txt": "احتجاجات في العاصمة\n\nتظاهر آلاف المواطنين في العاصمة الأردنية عمان اليوم الجمعة "
                 "احتجاجا على ارتفاع الأسعار، وطالبوا الحكومة بالتراجع عن قراراتها.",
}


def _write_corpus(folder):
    for name, text in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")


def test_spark_run_matches_local_run(tmp_path):
    _write_corpus(tmp_path)

    assert len(list(input_files([str(tmp_path)]))) == 3
    local = {d.id: d.to_dict() for d in (analyze_raw(r) for r in read_paths([str(tmp_path)]) if not isinstance(r, InputError))}
    results = list(analyze_with_spark([str(tmp_path)], master="local[2]"))

    errors = [r for r in results if isinstance(r, InputError)]
    docs = {d.id: d.to_dict() for d in results if not isinstance(d, InputError)}
    assert len(errors) == 1 and errors[0].path.endswith("empty.txt")
    assert docs == local


def test_cli_spark_engine_writes_the_same_records_and_store(tmp_path, capsys):
    from rasd.cli import main
    from rasd.store import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_corpus(corpus)
    local_out, spark_out = tmp_path / "local.jsonl", tmp_path / "spark.jsonl"
    assert main(["analyze", str(corpus), "--no-db", "-o", str(local_out)]) == 1  # the empty file fails
    assert main(["analyze", str(corpus), "--engine", "spark", "--spark-master", "local[2]",
                 "--db", str(tmp_path / "s.db"), "-o", str(spark_out)]) == 1
    assert "empty.txt" in capsys.readouterr().err
    assert spark_out.read_text(encoding="utf-8") == local_out.read_text(encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        assert len(store) == 2
