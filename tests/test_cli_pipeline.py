"""``rasd analyze`` end to end with the real per-article pipeline and story grouping."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from rasd.cli import main
from rasd.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"  # CI clones beside a copy of shared/
SEEDS = SHARED / "corpus" / "seeds"

OWN = """اجتماع في موسكو بين بوتين ووزير الخارجية التركي
التقى الرئيس الروسي فلاديمير بوتين، اليوم الأربعاء، في موسكو وزير الخارجية التركي هاكان فيدان، وبحث الجانبان الوضع في سوريا والتعاون في مجال الطاقة.
وقال بوتين إن "العلاقات بين موسكو وأنقرة تتطور بشكل جيد رغم الظروف الدولية الصعبة".
"""


def test_analyze_batch_with_bad_files_real_pipeline(tmp_path, capsys):
    db = str(tmp_path / "rasd.db")
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, earlier / seed.name)
    assert main(["analyze", str(earlier), "--db", db]) == 0
    capsys.readouterr()

    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "moscow.txt").write_text(OWN, encoding="utf-8")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    out = tmp_path / "out.jsonl"
    code = main(["analyze", str(batch), "-o", str(out), "--db", db])
    stdout, stderr = capsys.readouterr()

    assert code == 1
    errors = stderr.strip().splitlines()
    assert len(errors) == 2, stderr
    assert {Path(line.split(":", 1)[0]).name for line in errors} == {"empty.txt", "image.html"}
    assert "Analysed 1 article, 2 failed." in stdout

    (doc,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert doc["story"] and doc["body"].startswith("التقى الرئيس الروسي")
    assert any(m["text"] == "بوتين" for m in doc["mentions"])
    with Store(db) as s:
        assert len(s) == 2  # the new article and the one stored before
        assert s.get(doc["id"]).story == doc["story"]
        assert [h.id for h in s.search("لأنقرة OR وأنقرة")] == [doc["id"]]
        putin = s.entity("بوتين")
        assert putin is not None and doc["id"] in {a["id"] for a in putin.articles}
        assert s.summary()["stories"] == 2
