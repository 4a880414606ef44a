"""A run that writes into its input folder never reads what it writes (issue 14).

``rasd analyze DIR -o DIR/out.jsonl --db DIR/rasd.db`` used to read its own
JSONL back as input while writing it and never ended; hidden and temporary
files beside the articles are not articles either.
"""
from __future__ import annotations

import json

from rasd.cli import main
from rasd.ingest import InputError, input_files, read_paths
from rasd.store import Store

ARTICLES = {
    "gaza.txt": "هدنة جديدة في غزة\n\nأعلن وسطاء مصريون وقطريون اليوم الاثنين التوصل إلى هدنة إنسانية "
                "جديدة في قطاع غزة تبدأ صباح الثلاثاء وتستمر أسبوعا.",
    "oil.txt": "النفط يرتفع\n\nارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج "
               "بمقدار مليون برميل يوميا اعتبارا من الشهر المقبل.",
}
NOT_INPUTS = {  # a hidden copy, an editor's backup, a lock file, a partial download
    ".gaza.txt": ARTICLES["gaza.txt"], "oil.txt~": ARTICLES["oil.txt"],
    "~$oil.txt": ARTICLES["oil.txt"], "feed.jsonl.part": '{"text": "x"}',
}


def _folder(tmp_path):
    for name, text in {**ARTICLES, **NOT_INPUTS}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_text(ARTICLES["gaza.txt"], encoding="utf-8")
    return tmp_path


def test_analyze_into_its_own_folder_twice_gives_one_record_per_article(tmp_path, capsys):
    folder = _folder(tmp_path)
    out, db = folder / "out.jsonl", folder / "rasd.db"
    records = []
    # The second run skips what is stored (resume); --force analyses again, its own -o
    # file and database still not read back as input.
    for extra in ([], ["--force"]):
        assert main(["analyze", str(folder), "-o", str(out), "--db", str(db), *extra]) == 0
        capsys.readouterr()
        lines = out.read_text(encoding="utf-8").splitlines()
        records.append(sorted((r["id"], r["title"], r["body"]) for r in map(json.loads, lines)))
        with Store(str(db)) as store:
            assert len(store) == len(ARTICLES)
    assert len(records[0]) == len(ARTICLES)
    assert records[0] == records[1]
    assert {t for _, t, _ in records[0]} == {"هدنة جديدة في غزة", "النفط يرتفع"}


def test_own_outputs_hidden_and_temporary_files_are_never_inputs(tmp_path):
    folder = _folder(tmp_path)
    out, db = folder / "out.jsonl", folder / "rasd.db"
    out.write_text('{"text": "سطر من مخرجات سابقة"}\n', encoding="utf-8")
    for suffix in ("", "-wal", "-shm"):
        (folder / ("rasd.db" + suffix)).write_bytes(b"SQLite format 3\x00")
    expected = [str(folder / n) for n in sorted(ARTICLES)]
    # The file list both the local and the Spark path read from.
    assert list(input_files([str(folder)], exclude=[str(out), str(db)])) == expected
    items = list(read_paths([str(folder)], exclude=[str(out), str(db)]))
    assert [i.path for i in items] == expected

    # Named explicitly, the output is refused with one line, not read.
    (err,) = list(read_paths([str(out)], exclude=[str(out)]))
    assert isinstance(err, InputError) and "own output" in err.reason
