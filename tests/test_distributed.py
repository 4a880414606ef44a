"""The Spark engine gives the same records as a local run (skipped without pyspark or Java)."""
import shutil

import pytest

from rasd.core import analyze_raw
from rasd.ingest import InputError, read_paths

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from rasd.distributed import analyze_with_spark, list_inputs  # noqa: E402

ARTICLES = {
    "a.txt": "الرياض تستضيف محادثات\n\nاستقبل ولي العهد السعودي الأمير محمد بن سلمان في الرياض أمس "
             "وزير الخارجية الأمريكي ماركو روبيو، وبحثا العلاقات الثنائية والأوضاع في المنطقة.",
    "sub/b.txt": "احتجاجات في العاصمة\n\nتظاهر آلاف المواطنين في العاصمة الأردنية عمان اليوم الجمعة "
                 "احتجاجا على ارتفاع الأسعار، وطالبوا الحكومة بالتراجع عن قراراتها.",
}


def test_spark_run_matches_local_run(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")

    assert len(list_inputs([str(tmp_path)])) == 3
    local = {d.id: d.to_dict() for d in (analyze_raw(r) for r in read_paths([str(tmp_path)]) if not isinstance(r, InputError))}
    results = list(analyze_with_spark([str(tmp_path)], master="local[2]"))

    errors = [r for r in results if isinstance(r, InputError)]
    docs = {d.id: d.to_dict() for d in results if not isinstance(d, InputError)}
    assert len(errors) == 1 and errors[0].path.endswith("empty.txt")
    assert docs == local
