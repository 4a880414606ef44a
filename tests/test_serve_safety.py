"""The API under bad requests: typed, bounded answers, security headers, no script from data."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from fastapi.testclient import TestClient

from rasd.serve.app import STATIC, create_app
from rasd.serve.security import is_loopback
from test_serve_api import fill_store


@pytest.fixture()
def db(tmp_path):
    return fill_store(tmp_path / "rasd.db")


@pytest.fixture()
def client(db):
    return TestClient(create_app(db), raise_server_exceptions=False)


BIG = "9" * 30  # past SQLite's 64-bit integers
BAD = [
    "/api/events?limit=-1", "/api/quotes?limit=-1", "/api/stories?limit=0", "/api/entities?limit=1001",
    f"/api/events?offset={BIG}", f"/api/search?q=x&offset={BIG}", f"/api/stories?min_articles={BIG}",
    "/api/search?q=x&offset=-3", "/api/events?limit=abc", "/api/graph?limit=501",
    "/api/events?since=2024-02-30", "/api/events?until=2024-13", "/api/events?since=yesterday",
    "/api/search?q=x&since=2024/05/01", "/api/timeline?since=20240501", "/api/graph?until=2024-05-32",
    "/api/search", "/api/search?q=", "/api/search?q=" + "ب" * 501, "/api/search?q=" + "وزير " * 40,
    "/api/entities?type=PER%27%20OR%201=1", "/api/events?type=" + "X" * 41,
    "/api/articles/" + "a" * 201, "/api/export/secrets.csv", "/api/export/events.parquet",
]


@pytest.mark.parametrize("url", BAD)
def test_bad_parameters_get_a_4xx_that_says_why(client, url):
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code, r.text[:200])
    assert r.json()["detail"]


@pytest.mark.parametrize("url", ["/api/articles/nope", "/api/entities/nobody", "/api/stories/story:nope"])
def test_unknown_ids_are_404(client, url):
    assert client.get(url).status_code == 404


def test_limits_cap_the_answer_and_offsets_page(client):
    assert len(client.get("/api/events", params={"limit": 1}).json()) == 1
    first, second = (client.get("/api/events", params={"limit": 1, "offset": k}).json()[0] for k in (0, 1))
    assert first["article_id"] != second["article_id"]
    assert client.get("/api/events", params={"limit": 1000}).status_code == 200
    hits = client.get("/api/search", params={"q": "القاهرة", "since": "2025-03-05", "until": "2025-03"}).json()
    assert [h["id"] for h in hits] == ["a2"]


def test_streamed_export_gives_the_whole_table(client):
    r = client.get("/api/export/events.jsonl")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in r.text.splitlines()]
    assert [e["article_id"] for e in rows] == ["a1", "a2"] and rows[0]["actor_name"] == "Abdel Fattah el-Sisi"
    csv_text = client.get("/api/export/articles.csv").text
    assert csv_text.splitlines()[0].startswith("id,url,outlet") and "هاكان فيدان" in csv_text


def test_security_headers_on_the_dashboard_and_the_api(client):
    for url in ("/", "/api/summary", "/static/app.js", "/api/articles/nope"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"


def test_dashboard_has_no_inline_script():
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, flags=re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    assert not re.search(r"\son[a-z]+\s*=", page) and "javascript:" not in page and "style=" not in page
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    assert not re.search(r"\bon[a-z]+=", js) and "style=" not in js and "eval(" not in js


def test_write_requests_need_the_token(db):
    app = create_app(db, token="s3cret")

    @app.post("/api/notes")  # a write route someone adds later
    def add_note() -> dict:
        return {"ok": True}

    c = TestClient(app)
    assert c.post("/api/notes").status_code == 401
    assert c.post("/api/notes", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert c.post("/api/notes", headers={"Authorization": "Bearer s3cret"}).json() == {"ok": True}
    assert c.delete("/api/articles/a1").status_code == 401
    tokenless = TestClient(create_app(db, token=""))
    assert tokenless.post("/api/search", headers={"Authorization": "Bearer "}).status_code == 403


def test_only_loopback_binds_quietly(monkeypatch, capsys, tmp_path):
    from rasd.cli import main

    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    monkeypatch.setattr("rasd.serve.app.create_app", lambda db: "app")
    monkeypatch.setattr("uvicorn.run", lambda app, host, port: None)
    main(["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"])
    assert "warning" in capsys.readouterr().err
    main(["serve", "--db", str(tmp_path / "x.db")])
    assert capsys.readouterr().err == ""


_NODE_HARNESS = r"""
const fs = require("fs"), vm = require("vm");
const el = () => ({innerHTML: "", value: "", textContent: "", addEventListener() {}, classList: {toggle() {}}});
const view = el(), nodes = {view, q: el(), summary: el(), "search-form": el()};
const data = JSON.parse(process.argv[4]);
const ctx = {
  document: {getElementById: id => nodes[id], querySelectorAll: () => []},
  location: {hash: process.argv[3]}, window: {addEventListener() {}}, console,
  fetch: async path => ({ok: true, json: async () => path.startsWith("/api/summary") ? {} : data}),
  encodeURIComponent, decodeURIComponent, setTimeout,
};
vm.createContext(ctx);
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), ctx);
setTimeout(() => process.stdout.write(view.innerHTML), 50);
"""

EVIL = '<img src=x onerror="alert(1)">'


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the dashboard script")
def test_dashboard_escapes_snippets_and_titles_from_the_api(tmp_path):
    harness = tmp_path / "harness.js"
    harness.write_text(_NODE_HARNESS, encoding="utf-8")
    hit = {"id": "a1", "title": EVIL, "outlet": "<b>x</b>", "published": None, "url": None, "score": 1.0,
           "snippet": EVIL + "<mark>القاهرة</mark>", "text": EVIL + " القاهرة", "highlights": [[len(EVIL) + 1, len(EVIL) + 8]]}
    html = subprocess.run(["node", str(harness), str(STATIC / "app.js"), "#/search/القاهرة", json.dumps([hit])],
                          capture_output=True, text=True, timeout=30, check=True).stdout
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "<mark>القاهرة</mark>" in html  # the hit is still marked, by the page itself
