"""Ingest that resumes: reruns skip what is stored, --force redoes it, a killed run loses nothing."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from rasd.store import Store
from test_cli import GOOD, OTHER, fake_pipeline, run  # noqa: F401 (fixture)

CITIES = ["القاهرة", "عمان", "الرباط", "تونس", "الجزائر", "بغداد", "دمشق", "بيروت", "الرياض", "الدوحة",
          "مسقط", "الكويت", "صنعاء", "طرابلس", "الخرطوم", "نواكشوط"]
TOPICS = ["افتتاح معرض للكتاب", "ارتفاع أسعار الخبز", "مباراة نهائي الكأس", "موجة حر شديدة",
          "إطلاق قمر صناعي", "إضراب عمال الموانئ"]


def _write_articles(folder: Path, n: int) -> list[Path]:
    """``n`` distinct short news texts, each with a title line and a dated body."""
    folder.mkdir()
    paths = []
    for i in range(n):
        city, topic = CITIES[i % len(CITIES)], TOPICS[i % len(TOPICS)]
        text = (f"{topic} في {city}\n\n"
                f"شهدت مدينة {city} يوم {i % 28 + 1} مارس 2024 {topic}، وقال مسؤول محلي إن الحدث رقم {i}"
                f" جذب آلاف الزوار من المدن المجاورة. وأضاف أن السلطات اتخذت إجراءات لتنظيم الحركة"
                f" في وسط {city} طوال الأسبوع.\n")
        p = folder / f"article-{i:03d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def test_rerun_skips_stored_articles_and_force_analyses_them_again(tmp_path, capsys, fake_pipeline):
    db = str(tmp_path / "r.db")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(folder), "--db", db)
    assert code == 0 and "Analysed 2 articles" in out

    code, out, _ = run(capsys, "analyze", str(folder), "--db", db)
    assert code == 0 and "Analysed 0 articles" in out and "Skipped 2 already stored" in out

    (folder / "b.txt").write_text(OTHER.replace("النفط", "الذهب"), encoding="utf-8")  # content changed
    (folder / "c.txt").write_text("خبر جديد\nافتتح متحف جديد في بكين اليوم.\n", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(folder), "--db", db)
    assert "Analysed 2 articles" in out and "Skipped 1 already stored" in out

    code, out, _ = run(capsys, "analyze", str(folder), "--db", db, "--force")
    assert "Analysed 3 articles" in out and "Skipped" not in out
    with Store(db) as s:
        assert s.search("الذهب") and s.search("متحف")


def test_resume_puts_articles_missing_from_the_story_index_back(tmp_path, capsys, fake_pipeline):
    """A crash after storing but before the story index was saved: the rerun re-adds them."""
    db = str(tmp_path / "r.db")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    run(capsys, "analyze", str(folder), "--db", db)
    with Store(db) as s:  # as if killed before the checkpoint: stored, but no index state
        s.db.execute("DELETE FROM state")
        (aid,) = s.ids()
    (folder / "b.txt").write_text(GOOD.replace("اليوم", "أمس"), encoding="utf-8")  # same story
    code, out, _ = run(capsys, "analyze", str(folder), "--db", db)
    assert "Skipped 1" in out and "Analysed 1 article" in out
    with Store(db) as s:
        stories = {s.get(i).story for i in s.ids()}
        assert len(s) == 2 and len(stories) == 1 and s.get_state("group.stories")
        assert stories == {f"story:{aid}"}


def test_sigkill_mid_run_then_rerun_stores_every_article_once(tmp_path):
    n = 40
    paths = _write_articles(tmp_path / "in", n)
    db = tmp_path / "r.db"
    cmd = [sys.executable, "-m", "rasd.cli", "analyze", str(tmp_path / "in"), "--db", str(db)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as c:
                    stored = c.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # schema not created yet
                continue
            if stored >= 5:
                break
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n

    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "Skipped" in rerun.stdout
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = c.execute("SELECT path, count(*) FROM articles GROUP BY path").fetchall()
        assert sorted(p for p, _ in rows) == sorted(map(str, paths))
        assert all(k == 1 for _, k in rows)
        (fts,) = c.execute("SELECT count(*) FROM articles_fts").fetchone()
        assert fts == n
        unstoried = c.execute("SELECT count(*) FROM articles WHERE story IS NULL").fetchone()[0]
        assert unstoried == 0
