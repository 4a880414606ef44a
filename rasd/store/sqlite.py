"""The embedded store: one SQLite file (WAL) with Arabic full-text search.

Why SQLite: no server, one file an analyst can copy, FTS5 bundled with
CPython, and WAL lets the dashboard read while ``rasd analyze`` writes.
Every article is written in one transaction that first deletes whatever that
id had, so re-analysing an article replaces it and a failure half-way leaves
the previous state intact. The ``Doc.to_dict()`` JSON (less the body, kept
once in its own column) is stored beside the relational tables, so ``get``
gives back exactly what the pipeline produced; the tables exist for querying
across articles.
"""
from __future__ import annotations

import functools
import json
import sqlite3
import threading
from collections import Counter
from dataclasses import asdict, dataclass, is_dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from rasd.doc import Doc
from rasd.extract.events import SYMMETRIC
from rasd.store.search import Query, entity_token, index_text, make_snippet, mark, name_key, parse_query

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles(
    rid INTEGER PRIMARY KEY,            -- rowid shared with articles_fts
    id TEXT NOT NULL UNIQUE,
    path TEXT, url TEXT, outlet TEXT, title TEXT, title_derived INTEGER NOT NULL DEFAULT 0,
    published TEXT, agencies TEXT NOT NULL DEFAULT '[]', body TEXT NOT NULL,
    story TEXT, json TEXT NOT NULL, stored_at TEXT NOT NULL,
    content_hash TEXT                   -- of the input the article came from: reruns skip it
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, names, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS mentions(
    article_id TEXT NOT NULL, start_char INTEGER, end_char INTEGER, text TEXT,
    type TEXT, entity TEXT, role TEXT,
    is_name INTEGER NOT NULL DEFAULT 1  -- 0 for office titles ("وزير الخارجية الصيني") and other descriptions
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
CREATE TABLE IF NOT EXISTS entities(
    id TEXT PRIMARY KEY, name TEXT, name_ar TEXT, type TEXT, wikidata TEXT, country TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    articles INTEGER NOT NULL DEFAULT 0,  -- kept up to date by upsert/delete, so that
    mentions INTEGER NOT NULL DEFAULT 0   -- top entities never scan article_entities
);
CREATE INDEX IF NOT EXISTS entities_rank ON entities(articles DESC, mentions DESC);
CREATE TABLE IF NOT EXISTS entity_names(
    key TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY(key, entity_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_entities(
    article_id TEXT NOT NULL, entity_id TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY(article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_entities_entity ON article_entities(entity_id);
CREATE TABLE IF NOT EXISTS events(
    article_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT, mode TEXT,
    actor TEXT, target TEXT, location TEXT, date TEXT, date_text TEXT,
    evidence TEXT, start_char INTEGER, end_char INTEGER, trigger TEXT,
    negated INTEGER NOT NULL DEFAULT 0, hypothetical INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_actor ON events(actor);
CREATE INDEX IF NOT EXISTS events_target ON events(target);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS quotes(
    article_id TEXT NOT NULL, seq INTEGER NOT NULL, speaker TEXT, text TEXT,
    start_char INTEGER, end_char INTEGER, kind TEXT, cue TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE TABLE IF NOT EXISTS stories(
    id TEXT PRIMARY KEY, label TEXT, first_seen TEXT, last_seen TEXT,
    outlets TEXT NOT NULL DEFAULT '[]', articles INTEGER NOT NULL DEFAULT 0,
    key_entities TEXT NOT NULL DEFAULT '[]',
    key_events TEXT NOT NULL DEFAULT '[]'  -- the events most of its articles report
);
CREATE TABLE IF NOT EXISTS story_aliases(   -- a story merged into another: its old id still resolves
    id TEXT PRIMARY KEY, story TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS duplicates(
    article_id TEXT NOT NULL, duplicate_id TEXT NOT NULL, PRIMARY KEY(article_id, duplicate_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value BLOB);
"""

SCHEMA_VERSION = 4  # PRAGMA user_version; bump when the tables change
# Steps that bring an older store up to date, by the version they start from
# (tables that are new in a version come from SCHEMA's CREATE ... IF NOT EXISTS).
_MIGRATIONS = {
    2: "ALTER TABLE articles ADD COLUMN content_hash TEXT",
    3: "ALTER TABLE stories ADD COLUMN key_events TEXT NOT NULL DEFAULT '[]'",
}


class StoreError(Exception):
    """A file that is not a Rasd store this version can use."""


# Article tables keyed by article_id that an upsert rewrites.
_CHILD_TABLES = ("mentions", "article_entities", "events", "quotes", "duplicates")


@dataclass
class SearchHit:
    """One ranked search result; ``snippet`` is original text with hits in [brackets]."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float  # higher is better (negated bm25; tiny when the words are in most articles)
    text: str  # the snippet, original text, unmarked
    highlights: list[tuple[int, int]]  # offsets of the hits in ``text``
    url: str | None = None
    snippet: str = ""

    def marked(self, open: str, close: str, escape=None) -> str:
        """The snippet with hits wrapped in ``open``/``close`` (e.g. ``<mark>``, ANSI bold)."""
        return mark(self.text, self.highlights, open, close, escape)


@dataclass
class EntityRecord:
    """An entity as the whole store knows it, merged across articles."""

    id: str
    name: str | None
    name_ar: str | None
    type: str | None
    wikidata: str | None
    country: str | None
    aliases: list[str]
    spellings: list[tuple[str, int]]  # names as written in articles, with counts
    titles: list[tuple[str, int]]  # office titles that referred to it ("وزير الخارجية الصيني")
    roles: list[Any]  # from the knowledge base (kb: entities only)
    articles: list[dict[str, Any]]  # id, title, outlet, published, url, mentions
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _synchronised(method):
    """One connection is shared by the threads of a web server: serialise its use."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


def _plain(obj: Any) -> Any:
    """KB role objects as JSON-able dicts, whatever their class."""
    if is_dataclass(obj):
        return asdict(obj)
    if hasattr(obj, "_asdict"):
        return obj._asdict()
    return obj


def _date_range(column: str, since: str | None, until: str | None, where: list[str], params: list[Any]) -> None:
    """Inclusive ISO bounds on ``column``; a bound may be a prefix ("2024-05") and compares at its length."""
    for bound, op in ((since, ">="), (until, "<=")):
        if bound:
            where.append(f"substr({column}, 1, ?) {op} ?")
            params += [len(bound), bound]


def _paged(sql: str, params: list[Any], limit: int | None, offset: int = 0) -> tuple[str, list[Any]]:
    """``sql`` with LIMIT/OFFSET; a negative limit or offset is refused, not read as "no limit"."""
    if (limit is not None and limit < 0) or offset < 0:
        raise ValueError(f"limit and offset must not be negative (got {limit}, {offset})")
    if limit is None and not offset:
        return sql, params
    return sql + " LIMIT ? OFFSET ?", [*params, -1 if limit is None else limit, offset]


class Store:
    """Rasd's embedded database: articles, entities, events, quotes, stories, search."""

    def __init__(self, path: str | Path, kb: Any = None):
        """Open (or create) the store at ``path``; ``kb`` defaults to ``rasd.kb.load()`` when needed."""
        self.path = Path(path)
        self._kb = kb
        self._lock = threading.RLock()
        self.db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=OFF")
        self.db.execute("PRAGMA busy_timeout=10000")
        self.db.execute("PRAGMA cache_size=-65536")  # 64 MB: FTS5 segment merges reread pages
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        empty = not self.db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
        if version != SCHEMA_VERSION and not empty:
            if version not in _MIGRATIONS:
                self.db.close()
                raise StoreError(f"{path}: store schema version {version}, this Rasd needs {SCHEMA_VERSION}"
                                 " (analyse into a new file)")
            with self._transaction():
                while version in _MIGRATIONS:
                    self.db.execute(_MIGRATIONS[version])
                    version += 1
        self.db.executescript(SCHEMA)
        self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    # -- lifecycle -------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _transaction(self):
        return _Transaction(self.db)

    def reader(self) -> sqlite3.Connection:
        """A read-only connection of its own, for a long read (a streamed export) that must
        not hold the shared connection; WAL gives it one consistent snapshot. Close it after."""
        db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA busy_timeout=10000")
        return db

    # -- writing ---------------------------------------------------------
    @_synchronised
    def upsert(self, doc: Doc, content_hash: str | None = None) -> None:
        """Store one article; the same id again replaces that article's rows, atomically.

        ``content_hash`` identifies the input the article was analysed from,
        so that a rerun can skip it (``stored_with``).
        """
        with self._transaction():
            self._upsert(doc, content_hash)

    @_synchronised
    def upsert_many(self, docs: list[Doc]) -> None:
        """Store many articles in one transaction (faster for bulk loads; all or nothing)."""
        with self._transaction():
            for doc in docs:
                self._upsert(doc)

    @_synchronised
    def stored_with(self, content_hash: str) -> str | None:
        """The id of the article stored from input with this content hash, if any."""
        row = self.db.execute("SELECT id FROM articles WHERE content_hash=? LIMIT 1", (content_hash,)).fetchone()
        return None if row is None else row[0]

    def _upsert(self, doc: Doc, content_hash: str | None = None) -> None:
        db = self.db
        old = db.execute("SELECT rid, story FROM articles WHERE id=?", (doc.id,)).fetchone()
        if old is not None:
            self._delete_rows(doc.id, old["rid"])
        data = doc.to_dict()
        del data["body"]  # kept once, in its own column (get() puts it back)
        cur = db.execute(
            "INSERT INTO articles(id, path, url, outlet, title, title_derived, published, agencies,"
            " body, story, json, stored_at, content_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id, doc.source.path, doc.source.url, doc.source.outlet, doc.title,
                int(doc.title_derived), doc.published, json.dumps(doc.agencies, ensure_ascii=False),
                doc.body, doc.story, json.dumps(data, ensure_ascii=False),
                datetime.now(timezone.utc).isoformat(timespec="seconds"), content_hash,
            ),
        )
        rid = cur.lastrowid
        # Entity names go in their own column so an English query ("Wang Yi")
        # or another outlet's spelling of a linked name finds the article.
        names = [entity_token(eid) for eid in sorted({e.id for e in doc.entities}
                                                      | {m.entity for m in doc.mentions if m.entity})]
        for e in doc.entities:
            names.append(e.name or "")
            names.append(index_text(e.name_ar))
            names.extend(index_text(a) for a in e.aliases)
        db.execute(
            "INSERT INTO articles_fts(rowid, title, body, names) VALUES (?,?,?,?)",
            (rid, index_text(doc.title), index_text(doc.body), " ".join(n for n in names if n)),
        )
        # The linker puts the role on a title and on the name after it alike; a
        # titled mention is a name only when it is one of the entity's names, and a
        # description (nominal: الحكومة العراقية) never is.
        name_keys = {e.id: {name_key(n) for n in [e.name_ar, *e.aliases] if n} for e in doc.entities}
        is_name = [not m.nominal and (not m.role or name_key(m.text) in name_keys.get(m.entity, ()))
                   for m in doc.mentions]
        db.executemany(
            "INSERT INTO mentions(article_id, start_char, end_char, text, type, entity, role, is_name)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(doc.id, m.start, m.end, m.text, m.type, m.entity, m.role, int(ok))
             for m, ok in zip(doc.mentions, is_name)],
        )
        for e in doc.entities:
            self._merge_entity(e)
        counts = Counter(m.entity for m in doc.mentions if m.entity)
        linked = {e.id for e in doc.entities} | set(counts)
        db.executemany(
            "INSERT INTO article_entities(article_id, entity_id, mentions) VALUES (?,?,?)",
            [(doc.id, eid, counts.get(eid, 0)) for eid in sorted(linked)],
        )
        db.executemany(
            "UPDATE entities SET articles = articles + 1, mentions = mentions + ? WHERE id=?",
            [(counts.get(eid, 0), eid) for eid in sorted(linked)],
        )
        db.executemany(
            "INSERT OR IGNORE INTO entity_names(key, entity_id) VALUES (?,?)",
            # Titles ("وزير الخارجية") name an office, not the person: not a spelling.
            [(name_key(m.text), m.entity) for m, ok in zip(doc.mentions, is_name)
             if m.entity and ok and name_key(m.text)],
        )
        db.executemany(
            "INSERT INTO events(article_id, seq, type, mode, actor, target, location, date, date_text,"
            " evidence, start_char, end_char, trigger, negated, hypothetical)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (doc.id, i, ev.type, ev.mode, ev.actor, ev.target, ev.location, ev.date, ev.date_text,
                 ev.evidence, ev.start, ev.end, ev.trigger, int(ev.negated), int(ev.hypothetical))
                for i, ev in enumerate(doc.events)
            ],
        )
        db.executemany(
            "INSERT INTO quotes(article_id, seq, speaker, text, start_char, end_char, kind, cue)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(doc.id, i, q.speaker, q.text, q.start, q.end, q.kind, q.cue) for i, q in enumerate(doc.quotes)],
        )
        db.executemany(
            "INSERT OR IGNORE INTO duplicates(article_id, duplicate_id) VALUES (?,?)",
            [(doc.id, d) for d in doc.duplicates if d != doc.id],
        )
        for sid in {doc.story, old["story"] if old is not None else None} - {None}:
            self._refresh_story(sid)

    def _delete_rows(self, article_id: str, rid: int) -> None:
        self.db.execute(
            "UPDATE entities SET articles = articles - 1, mentions = mentions - (SELECT ae.mentions"
            " FROM article_entities ae WHERE ae.article_id=? AND ae.entity_id=entities.id)"
            " WHERE id IN (SELECT entity_id FROM article_entities WHERE article_id=?)",
            (article_id, article_id),
        )
        self.db.execute("DELETE FROM articles_fts WHERE rowid=?", (rid,))
        for table in _CHILD_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE article_id=?", (article_id,))
        self.db.execute("DELETE FROM articles WHERE rid=?", (rid,))

    def _merge_entity(self, e) -> None:
        """One row per entity id across the corpus; spellings accumulate in ``aliases``."""
        row = self.db.execute("SELECT * FROM entities WHERE id=?", (e.id,)).fetchone()
        aliases = json.loads(row["aliases"]) if row else []
        for a in [e.name_ar, *e.aliases]:
            if a and a not in aliases:
                aliases.append(a)
        if row is None:
            self.db.execute(
                "INSERT INTO entities(id, name, name_ar, type, wikidata, country, aliases) VALUES (?,?,?,?,?,?,?)",
                (e.id, e.name, e.name_ar, e.type, e.wikidata, e.country, json.dumps(aliases, ensure_ascii=False)),
            )
        else:
            self.db.execute(
                "UPDATE entities SET name=coalesce(nullif(?, ''), name), name_ar=coalesce(name_ar, ?),"
                " type=coalesce(type, ?), wikidata=coalesce(wikidata, ?), country=coalesce(country, ?),"
                " aliases=? WHERE id=?",
                (e.name, e.name_ar, e.type, e.wikidata, e.country, json.dumps(aliases, ensure_ascii=False), e.id),
            )
        keys = {name_key(s) for s in [e.name, *aliases] if s} | {e.id.casefold()}
        self.db.executemany(
            "INSERT OR IGNORE INTO entity_names(key, entity_id) VALUES (?,?)",
            [(k, e.id) for k in keys if k],
        )

    @_synchronised
    def delete(self, article_id: str) -> bool:
        """Remove one article and its rows; False when it was not stored."""
        with self._transaction():
            old = self.db.execute("SELECT rid, story FROM articles WHERE id=?", (article_id,)).fetchone()
            if old is None:
                return False
            self._delete_rows(article_id, old["rid"])
            if old["story"]:
                self._refresh_story(old["story"])
            return True

    # -- stories (written by the corpus stage through the caller) ----------
    @_synchronised
    def save_story(self, story_id: str, article_ids: list[str] | None = None, label: str | None = None) -> None:
        """Put articles in a story (and/or set its label); the aggregates are recomputed here."""
        with self._transaction():
            touched = {story_id}
            for aid in article_ids or []:
                row = self.db.execute("SELECT story FROM articles WHERE id=?", (aid,)).fetchone()
                if row is None:
                    continue
                if row["story"]:
                    touched.add(row["story"])
                self.db.execute("UPDATE articles SET story=? WHERE id=?", (story_id, aid))
            if label is not None:
                self.db.execute("INSERT OR IGNORE INTO stories(id) VALUES (?)", (story_id,))
                self.db.execute("UPDATE stories SET label=? WHERE id=?", (label, story_id))
            for sid in touched:
                self._refresh_story(sid)

    @_synchronised
    def merge_stories(self, story_id: str, absorbed: list[str]) -> None:
        """Move every article of the ``absorbed`` stories into ``story_id``; their ids become aliases.

        A later article can show that two stories report one event; links to
        the absorbed ids (the dashboard's, an analyst's notes) keep working.
        """
        with self._transaction():
            for old in absorbed:
                if old == story_id:
                    continue
                self.db.execute("UPDATE articles SET story=? WHERE story=?", (story_id, old))
                self.db.execute("UPDATE story_aliases SET story=? WHERE story=?", (story_id, old))
                self.db.execute("INSERT OR REPLACE INTO story_aliases(id, story) VALUES (?,?)", (old, story_id))
                self.db.execute("DELETE FROM stories WHERE id=?", (old,))
            self.db.execute("DELETE FROM story_aliases WHERE id=?", (story_id,))  # it is a story again
            self._refresh_story(story_id)

    @_synchronised
    def resolve_story(self, story_id: str) -> str:
        """The id of the story holding ``story_id``'s articles now (itself unless it was merged)."""
        row = self.db.execute("SELECT story FROM story_aliases WHERE id=?", (story_id,)).fetchone()
        return story_id if row is None else row["story"]

    @_synchronised
    def set_duplicates(self, article_id: str, duplicate_ids: list[str]) -> None:
        """Record near-duplicates found after the article was stored."""
        with self._transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO duplicates(article_id, duplicate_id) VALUES (?,?)",
                [(article_id, d) for d in duplicate_ids if d != article_id],
            )

    def _refresh_story(self, sid: str) -> None:
        rows = self.db.execute(
            "SELECT id, title, outlet, published FROM articles WHERE story=? ORDER BY published IS NULL, published, rid",
            (sid,),
        ).fetchall()
        if not rows:
            self.db.execute("DELETE FROM stories WHERE id=?", (sid,))
            return
        dates = [r["published"] for r in rows if r["published"]]
        outlets = sorted({r["outlet"] for r in rows if r["outlet"]})
        key = self.db.execute(
            "SELECT ae.entity_id AS id, e.name, e.name_ar, count(*) AS n FROM article_entities ae"
            " JOIN articles a ON a.id=ae.article_id LEFT JOIN entities e ON e.id=ae.entity_id"
            " WHERE a.story=? GROUP BY ae.entity_id ORDER BY n DESC, sum(ae.mentions) DESC LIMIT 5",
            (sid,),
        ).fetchall()
        events = self.db.execute(
            "SELECT ev.type, ev.actor, ev.target, ea.name AS actor_name, et.name AS target_name,"
            " count(DISTINCT ev.article_id) AS n FROM events ev JOIN articles a ON a.id=ev.article_id"
            " LEFT JOIN entities ea ON ea.id=ev.actor LEFT JOIN entities et ON et.id=ev.target"
            " WHERE a.story=? AND ev.negated=0 AND ev.hypothetical=0 AND (ev.actor IS NOT NULL OR ev.target IS NOT NULL)"
            " GROUP BY ev.type, ev.actor, ev.target ORDER BY n DESC, ev.type, ev.actor, ev.target LIMIT 3",
            (sid,),
        ).fetchall()
        label = next((r["title"] for r in rows if r["title"]), None)
        self.db.execute(
            "INSERT INTO stories(id, label, first_seen, last_seen, outlets, articles, key_entities, key_events)"
            " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET label=coalesce(stories.label, excluded.label),"
            " first_seen=excluded.first_seen, last_seen=excluded.last_seen, outlets=excluded.outlets,"
            " articles=excluded.articles, key_entities=excluded.key_entities, key_events=excluded.key_events",
            (
                sid, label, min(dates) if dates else None, max(dates) if dates else None,
                json.dumps(outlets, ensure_ascii=False), len(rows),
                json.dumps([{"id": k["id"], "name": k["name"], "name_ar": k["name_ar"], "articles": k["n"]}
                            for k in key], ensure_ascii=False),
                json.dumps([{"type": e["type"], "actor": e["actor"], "actor_name": e["actor_name"],
                             "target": e["target"], "target_name": e["target_name"], "articles": e["n"]}
                            for e in events], ensure_ascii=False),
            ),
        )

    # -- corpus-stage state ------------------------------------------------
    @_synchronised
    def get_state(self, key: str) -> bytes | None:
        """Opaque state a corpus stage saved (e.g. the story index)."""
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return None if row is None else bytes(row["value"])

    @_synchronised
    def set_state(self, key: str, value: bytes) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT INTO state(key, value) VALUES (?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, sqlite3.Binary(value)),
            )

    # -- reading ---------------------------------------------------------
    @_synchronised
    def get(self, article_id: str) -> Doc | None:
        """The article as the pipeline produced it (story/duplicates as the store knows them now)."""
        row = self.db.execute("SELECT json, body, story FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            return None
        doc = Doc.from_dict({**json.loads(row["json"]), "body": row["body"]})
        doc.story = row["story"]
        dups = [r[0] for r in self.db.execute(
            "SELECT duplicate_id FROM duplicates WHERE article_id=? ORDER BY duplicate_id", (article_id,))]
        doc.duplicates = dups
        return doc

    @_synchronised
    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    @_synchronised
    def __contains__(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    @_synchronised
    def ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY rid")]

    @_synchronised
    def search(self, query: str, limit: int = 20, offset: int = 0, *, outlet: str | None = None,
               since: str | None = None, until: str | None = None) -> list[SearchHit]:
        """Articles matching ``query``, best first (bm25; title weighs double).

        Words are ANDed, "quoted text" is a phrase, ``OR`` joins alternatives,
        ``-word`` excludes; Arabic words match across proclitics (و ف ب ل ك ال)
        and hamza/yaa/taa-marbuta spellings; a name also matches the articles
        where its entity was linked, whatever their spelling, and English
        entity names work. ``outlet``/``since``/``until`` (inclusive ISO dates)
        narrow the articles.
        """
        q: Query = parse_query(query, self._expand)
        if not q.expression:
            return []
        where, params = self._search_filters(q, outlet, since, until)
        rows = self.db.execute(*_paged(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, a.body, articles_fts.body AS indexed,"
            " bm25(articles_fts, 2.0, 1.0, 0.2) AS rank"
            " FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid"
            f" WHERE {where} ORDER BY rank, a.published DESC", params, limit, offset,
        )).fetchall()
        hits = []
        for r in rows:
            snip = make_snippet(r["body"], q.keys, indexed=r["indexed"])
            hit = SearchHit(
                id=r["id"], title=r["title"], outlet=r["outlet"], published=r["published"],
                score=-r["rank"], text=snip.text, highlights=snip.highlights, url=r["url"],
            )
            hit.snippet = hit.marked("[", "]")
            hits.append(hit)
        return hits

    @_synchronised
    def count(self, query: str, *, outlet: str | None = None, since: str | None = None,
              until: str | None = None) -> int:
        """How many articles ``search`` would page through."""
        q = parse_query(query, self._expand)
        if not q.expression:
            return 0
        where, params = self._search_filters(q, outlet, since, until)
        return self.db.execute(
            "SELECT count(*) FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid"
            f" WHERE {where}", params,
        ).fetchone()[0]

    @staticmethod
    def _search_filters(q: Query, outlet: str | None, since: str | None,
                        until: str | None) -> tuple[str, list[Any]]:
        where, params = ["articles_fts MATCH ?"], [q.expression]
        if outlet:
            where.append("a.outlet=?")
            params.append(outlet)
        _date_range("a.published", since, until, where, params)
        return " AND ".join(where), params

    def _expand(self, key: str) -> tuple[list[str], set[str]]:
        """Entities a query name key stands for: their index words, and their spellings' keys."""
        ids = [r[0] for r in self.db.execute(
            "SELECT entity_id FROM entity_names WHERE key=? LIMIT 5", (key,))]
        if not ids:
            return [], set()
        marks = ",".join("?" * len(ids))
        spellings = self.db.execute(
            f"SELECT key FROM entity_names WHERE entity_id IN ({marks})", ids).fetchall()
        return [entity_token(i) for i in ids], {w for (k,) in spellings for w in k.split()}

    def resolve(self, query: str) -> list[str]:
        """Entity ids ``query`` may mean (id, English name or any Arabic spelling), most mentioned first."""
        with self._lock:
            if self.db.execute("SELECT 1 FROM entities WHERE id=?", (query,)).fetchone():
                return [query]
            key = name_key(query)
            if not key:
                return []
            rank = (
                "SELECT n.entity_id, coalesce(e.mentions, 0) AS m FROM entity_names n"
                " LEFT JOIN entities e ON e.id=n.entity_id WHERE "
            )
            rows = self.db.execute(rank + "n.key=? OR n.key=? ORDER BY m DESC, n.entity_id",
                                   (key, query.strip().casefold())).fetchall()
            if not rows:  # part of a name ("Putin", "جين بينغ"): every word, as a word
                words = key.split()
                rows = self.db.execute(
                    rank + " AND ".join(["(' ' || n.key || ' ') LIKE ?"] * len(words))
                    + " ORDER BY m DESC, n.entity_id",
                    [f"% {w} %" for w in words],
                ).fetchall()
            return list(dict.fromkeys(r[0] for r in rows))

    def _kb_roles(self, entity_id: str) -> list[Any]:
        if not entity_id.startswith("kb:"):
            return []
        if self._kb is None:
            from rasd.kb import load

            self._kb = load()
        ent = self._kb.get(entity_id[3:])
        return [_plain(r) for r in (getattr(ent, "roles", None) or [])]

    @_synchronised
    def entity(self, query: str) -> EntityRecord | None:
        """Everything stored about the entity ``query`` names (id, English name or Arabic spelling)."""
        ids = self.resolve(query)
        if not ids:
            return None
        eid = ids[0]
        row = self.db.execute("SELECT * FROM entities WHERE id=?", (eid,)).fetchone()
        spellings: list[tuple[str, int]] = []
        titles: list[tuple[str, int]] = []
        for r in self.db.execute(
            "SELECT text, is_name, count(*) AS n FROM mentions WHERE entity=?"
            " GROUP BY text, is_name ORDER BY n DESC, text",
            (eid,),
        ):
            (spellings if r["is_name"] else titles).append((r["text"], r["n"]))
        articles = [
            dict(r)
            for r in self.db.execute(
                "SELECT a.id, a.title, a.outlet, a.published, a.url, ae.mentions FROM article_entities ae"
                " JOIN articles a ON a.id=ae.article_id WHERE ae.entity_id=?"
                " ORDER BY a.published IS NULL, a.published DESC, a.rid DESC",
                (eid,),
            )
        ]
        return EntityRecord(
            id=eid,
            name=row["name"] if row else None,
            name_ar=row["name_ar"] if row else None,
            type=row["type"] if row else None,
            wikidata=row["wikidata"] if row else None,
            country=row["country"] if row else None,
            aliases=json.loads(row["aliases"]) if row else [],
            spellings=spellings,
            titles=titles,
            roles=self._kb_roles(eid),
            articles=articles,
            mentions=sum(n for _, n in spellings + titles),
        )

    @_synchronised
    def top_entities(self, n: int = 10, type: str | None = None) -> list[dict[str, Any]]:
        """Entities in the most articles (then most mentions), optionally of one type (PER, ORG, ...)."""
        sql = "SELECT id, name, name_ar, type, country, articles, mentions FROM entities WHERE articles > 0"
        params: list[Any] = []
        if type:
            sql += " AND type=?"
            params.append(type)
        sql += " ORDER BY articles DESC, mentions DESC, id"
        return [dict(r) for r in self.db.execute(*_paged(sql, params, n))]

    _EVENT_SQL = (
        "SELECT substr(coalesce(ev.date, a.published), 1, 10) AS date, ev.actor,"
        " ea.name AS actor_name, ea.country AS actor_country, ev.type AS event_type, ev.mode,"
        " ev.target, et.name AS target_name, et.country AS target_country,"
        " ev.location, el.name AS location_name, ev.article_id, a.url, a.outlet, ev.evidence,"
        " ev.negated, ev.hypothetical, ev.date_text, ev.trigger, ev.start_char AS start, ev.end_char AS \"end\""
        " FROM events ev JOIN articles a ON a.id=ev.article_id"
        " LEFT JOIN entities ea ON ea.id=ev.actor LEFT JOIN entities et ON et.id=ev.target"
        " LEFT JOIN entities el ON el.id=ev.location"
    )

    @_synchronised
    def events(
        self,
        actor: str | None = None,
        target: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        article_id: str | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events, oldest first; actor/target by id, English name or Arabic spelling.

        ``date`` is the event's own date, else the article's publication date;
        ``since``/``until`` are inclusive ISO dates (or prefixes: "2024-05").
        """
        query = self._events_query(actor, target, type, since, until, article_id)
        if query is None:
            return []
        sql, params = _paged(*query, limit, offset)
        return [self._event_row(r) for r in self.db.execute(sql, params)]

    def _events_query(self, actor=None, target=None, type=None, since=None, until=None,
                      article_id=None) -> tuple[str, list[Any]] | None:
        """The SQL of ``events`` (None when a named party is unknown: nothing matches)."""
        where, params = [], []
        # In a symmetric event (CONSULT, COOPERATE) either party is an actor: "Shoigu's
        # meetings" must list the talks Wang Yi is coded as holding with him.
        symmetric = ",".join(f"'{t}'" for t in sorted(SYMMETRIC))
        for column, other, q in (("ev.actor", "ev.target", actor), ("ev.target", "ev.actor", target)):
            if q:
                ids = self.resolve(q)
                if not ids:
                    return None
                marks = ",".join("?" * len(ids))
                where.append(f"({column} IN ({marks}) OR (ev.type IN ({symmetric}) AND {other} IN ({marks})))")
                params.extend(ids + ids)
        if type:
            where.append("upper(ev.type)=upper(?)")
            params.append(type)
        _date_range("coalesce(ev.date, a.published)", since, until, where, params)
        if article_id:
            where.append("ev.article_id=?")
            params.append(article_id)
        sql = self._EVENT_SQL + (" WHERE " + " AND ".join(where) if where else "")
        day = "coalesce(ev.date, a.published)"
        sql += f" ORDER BY {day} IS NULL, substr({day}, 1, 10), a.rid, ev.seq"
        return sql, params

    _COUNTED = {
        # Actor–target pairs of asserted events, for the relation graph: "X and Y build
        # no alliance" is no relation.
        "pair": ("actor, actor_name, target, target_name, event_type",
                 "actor IS NOT NULL AND target IS NOT NULL AND actor != target AND NOT negated AND NOT hypothetical"),
        # Dated events, for the timeline.
        "day": ("date, event_type", "length(date) = 10"),
    }

    def event_counts(self, by: str, actor: str | None = None, since: str | None = None,
                     until: str | None = None) -> list[dict[str, Any]]:
        """Events counted in SQL by ``by`` ("pair" or "day") and type, with a ``count`` column.

        The graph and the timeline read these instead of every event row, so their
        memory follows the number of pairs or days, not the size of the corpus.
        """
        columns, keep = self._COUNTED[by]
        query = self._events_query(actor=actor, since=since, until=until)
        if query is None:
            return []
        sql, params = query
        sql = sql[: sql.rindex(" ORDER BY")]
        sql = f"SELECT {columns}, count(*) AS count FROM ({sql}) WHERE {keep} GROUP BY {columns}"
        return [dict(r) for r in self.db.execute(sql, params)]

    @staticmethod
    def _event_row(r: sqlite3.Row) -> dict[str, Any]:
        d = dict(r)
        d["negated"] = bool(d["negated"])
        d["hypothetical"] = bool(d["hypothetical"])
        return d

    _QUOTE_SQL = (
        "SELECT q.speaker, e.name AS speaker_name, e.name_ar AS speaker_name_ar, q.text, q.kind, q.cue,"
        " q.article_id, a.url, a.outlet, a.published, q.start_char AS start, q.end_char AS \"end\""
        " FROM quotes q JOIN articles a ON a.id=q.article_id LEFT JOIN entities e ON e.id=q.speaker"
    )

    @_synchronised
    def quotes(self, speaker: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes, newest article first; ``speaker`` by id, English name or Arabic spelling."""
        query = self._quotes_query(speaker)
        if query is None:
            return []
        return [dict(r) for r in self.db.execute(*_paged(*query, limit, offset))]

    def _quotes_query(self, speaker: str | None = None) -> tuple[str, list[Any]] | None:
        sql, params = self._QUOTE_SQL, []
        if speaker:
            ids = self.resolve(speaker)
            if not ids:
                return None
            sql += f" WHERE q.speaker IN ({','.join('?' * len(ids))})"
            params.extend(ids)
        return sql + " ORDER BY a.published IS NULL, a.published DESC, a.rid, q.seq", params

    @staticmethod
    def _story_row(r: sqlite3.Row) -> dict[str, Any]:
        d = dict(r)
        d["outlets"] = json.loads(d["outlets"])
        d["key_entities"] = json.loads(d["key_entities"])
        d["key_events"] = json.loads(d["key_events"])
        return d

    @_synchronised
    def stories(self, limit: int | None = None, min_articles: int = 1, offset: int = 0) -> list[dict[str, Any]]:
        """Stories, most recent and largest first."""
        sql = (
            "SELECT * FROM stories WHERE articles >= ?"
            " ORDER BY last_seen IS NULL, last_seen DESC, articles DESC, id"
        )
        return [self._story_row(r) for r in self.db.execute(*_paged(sql, [min_articles], limit, offset))]

    @_synchronised
    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its articles, oldest first; an absorbed story's id gives the story it joined."""
        story_id = self.resolve_story(story_id)
        row = self.db.execute("SELECT * FROM stories WHERE id=?", (story_id,)).fetchone()
        if row is None:
            return None
        d = self._story_row(row)
        d["article_list"] = [
            dict(r)
            for r in self.db.execute(
                "SELECT id, title, outlet, published, url FROM articles WHERE story=?"
                " ORDER BY published IS NULL, published, rid",
                (story_id,),
            )
        ]
        return d

    @_synchronised
    def summary(self, top: int = 10) -> dict[str, Any]:
        """The corpus at a glance: counts, outlets, date range, top entities, events by type, stories."""
        db = self.db
        first, last = db.execute("SELECT min(published), max(published) FROM articles").fetchone()
        return {
            "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
            "outlets": {r[0]: r[1] for r in db.execute(
                "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL"
                " GROUP BY outlet ORDER BY n DESC, outlet")},
            "date_range": [first, last],
            "top_entities": self.top_entities(top),
            "events_by_type": {r[0]: r[1] for r in db.execute(
                "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")},
            "quotes": db.execute("SELECT count(*) FROM quotes").fetchone()[0],
            "stories": db.execute("SELECT count(*) FROM stories").fetchone()[0],
            "multi_outlet_stories": db.execute(
                "SELECT count(*) FROM stories WHERE json_array_length(outlets) > 1").fetchone()[0],
        }

    # -- export ----------------------------------------------------------
    def rows(self, what: str = "articles") -> Iterator[dict[str, Any]]:
        """Flat rows for exports: articles, events, entities or quotes."""
        from rasd.store.export import iter_rows

        return iter_rows(self, what)

    def export(self, fmt: str, out: str | Path, what: str = "articles") -> int:
        """Write ``what`` as jsonl, csv or parquet to ``out``; returns the number of rows."""
        from rasd.store.export import export

        return export(self, fmt, out, what)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (nothing half-written)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
        return False
