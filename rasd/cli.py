"""The ``rasd`` command line: analyse files into the store, then search and query it.

``rasd analyze`` is the batch entry point of DESIGN.md: bad inputs cost one
line on stderr each and the batch goes on; every good article is stored in
its own transaction, so a failure later never loses what is stored. The
query commands read the same store. A rerun skips inputs already stored
with the same content (their hash is stored), so a killed run resumes;
``--force`` analyses everything again. Exit codes: 0 all fine, 1 some input
failed (or nothing found), 2 usage error.
"""
from __future__ import annotations

import argparse
import csv
import itertools
import json
import multiprocessing
import os
import re
import sqlite3
import sys
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO, TypeVar

from rasd.doc import Doc
from rasd.store import COLUMNS, FORMATS, WHATS, Store, StoreError

T = TypeVar("T")

STORY_STATE = "group.stories"  # key of the story index in the store's state table
# Seconds between checkpoints of the story index during a run: by time, not by
# article count, because saving costs O(index) and the index keeps growing.
_CHECKPOINT_S = 300.0

_BOLD, _RESET = "\033[1m", "\033[0m"


def _default_db() -> str:
    return os.environ.get("RASD_DB", "rasd.db")


class _NoStore(Exception):
    """There is no readable store; the message has been printed, the exit code is 1."""


def _read(db: str, query: Callable[[Store], T]) -> T:
    """Run ``query`` on the existing store at ``db`` and close it; raises _NoStore (after
    one message) when there is no store yet or it cannot be opened."""
    if not Path(db).exists():
        print(f"rasd: no store at {db} (run `rasd analyze PATH...` first, or pass --db)", file=sys.stderr)
        raise _NoStore
    try:
        store = Store(db)
    except (sqlite3.Error, StoreError) as e:
        print(f"rasd: cannot open {db}: {e}", file=sys.stderr)
        raise _NoStore from e
    with store:
        return query(store)


# -- analyze ----------------------------------------------------------------


class RunSummary:
    """What one ``rasd analyze`` run did, counted as it goes (works without a store)."""

    def __init__(self) -> None:
        self.analysed = 0
        self.failed = 0
        self.skipped = 0  # already stored from the same input
        self.outlets: Counter[str] = Counter()
        self.first: str | None = None  # earliest and latest publication date: two strings, not one per article
        self.last: str | None = None
        self.undated = 0
        self.entities: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.events: Counter[str] = Counter()
        self.stories: dict[str, set[str]] = {}  # story id -> outlets seen in this run

    def add(self, doc: Doc, merged: list[str] = ()) -> None:
        """Count one analysed article; ``merged``: stories it showed are its own story."""
        self.analysed += 1
        if doc.source.outlet:
            self.outlets[doc.source.outlet] += 1
        if doc.published:
            self.first = min(self.first or doc.published, doc.published)
            self.last = max(self.last or doc.published, doc.published)
        else:
            self.undated += 1
        for e in doc.entities:
            self.entities[e.id] += 1
            self.names[e.id] = e.name or e.name_ar
        self.events.update(ev.type for ev in doc.events)
        if doc.story:
            outlets = self.stories.setdefault(doc.story, set())
            for old in merged:
                outlets |= self.stories.pop(old, set())
            outlets.add(doc.source.outlet or "?")

    def render(self) -> str:
        lines = [f"Analysed {self.analysed} article{'s' * (self.analysed != 1)}, {self.failed} failed."]
        if self.skipped:
            lines.append(f"Skipped {self.skipped} already stored with the same content (--force analyses them again).")
        if self.outlets:
            lines.append("Outlets: " + ", ".join(f"{o} ({n})" for o, n in self.outlets.most_common(10))
                         + (f", and {len(self.outlets) - 10} more" if len(self.outlets) > 10 else ""))
        if self.first:
            lines.append(f"Dates: {self.first} to {self.last}"
                         + (f" ({self.undated} undated)" if self.undated else ""))
        elif self.analysed:
            lines.append("Dates: none stated")
        if self.entities:
            lines.append("Top entities: " + ", ".join(
                f"{self.names[e]} ({n})" for e, n in self.entities.most_common(10)))
        if self.events:
            lines.append("Events: " + ", ".join(f"{t} {n}" for t, n in self.events.most_common()))
        if self.stories:
            multi = sum(1 for outlets in self.stories.values() if len(outlets) > 1)
            lines.append(f"Stories: {len(self.stories)} ({multi} reported by several outlets)")
        return "\n".join(lines)


@dataclass
class _Failure:
    where: str
    reason: str


def _analyse(item: Any) -> Doc | _Failure:
    """The per-article stages on one input; in a worker process when ``--jobs`` > 1.

    Returns failures rather than raising them, so one bad article never stops
    the batch (and nothing unpicklable crosses the process boundary).
    """
    from rasd.core import analyze_or_error
    from rasd.ingest import InputError

    if isinstance(item, _Failure):
        return item
    result = analyze_or_error(item)
    return _Failure(result.path, result.reason) if isinstance(result, InputError) else result


WORKER_ARTICLES = 1000  # articles a worker process analyses before a fresh one takes over


def _in_workers(items: Iterator[Any], jobs: int) -> Iterator[Doc | _Failure]:
    """``_analyse`` over ``items`` in ``jobs`` processes, results in input order.

    Per-article stages fan out; grouping and storing stay in the caller, in
    order, because they are corpus stages with one state. A bounded window of
    pending articles keeps memory flat on any corpus size, and a crashed
    worker raises (BrokenProcessPool) instead of hanging the run. The pool is
    replaced by a fresh one after ``WORKER_ARTICLES`` articles a worker, so
    the workers' bounded caches and their allocators' fragmentation cannot
    grow with the corpus (measured: two workers grew by ~120 MB from 2k to
    10k articles), for a model load (~1 % of the work) per replacement. At
    1,000 a worker, a run of any size peaks like a run of 2,000 articles.
    Workers are spawned, not forked: a fork taken mid-run would start from a
    copy of the caller's story index. (A pool of its own per batch rather
    than ``max_tasks_per_child``, which can deadlock on Python 3.11.)
    """
    ctx = multiprocessing.get_context("spawn")
    items = iter(items)
    while True:
        sent = 0
        with ProcessPoolExecutor(jobs, mp_context=ctx) as ex:
            window: deque = deque()
            for item in itertools.islice(items, WORKER_ARTICLES * jobs):
                sent += 1
                window.append(ex.submit(_analyse, item))
                if len(window) >= 4 * jobs:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        if sent < WORKER_ARTICLES * jobs:
            return


class _Report:
    """Problems printed as a run goes: one line per failed input, and one per file and
    kind of warning (a feed with 500 unreadable dates gives one line)."""

    def __init__(self, summary: RunSummary) -> None:
        self.summary = summary
        self.warned: set[tuple[str, str]] = set()

    def fail(self, where: str, reason: str) -> None:
        from tqdm import tqdm

        self.summary.failed += 1
        tqdm.write(f"{where}: {reason}", file=sys.stderr)

    def warn(self, where: str, warning: str) -> None:
        from tqdm import tqdm

        file, kind = where.rsplit(":", 1)[0] if re.search(r":\d+$", where) else where, warning.split(":")[0]
        if (file, kind) not in self.warned:
            self.warned.add((file, kind))
            tqdm.write(f"{where}: {warning} (reported once for {file})", file=sys.stderr)


def _open_outputs(args: argparse.Namespace) -> tuple[Store | None, TextIO | None] | int:
    """The run's store (unless --no-db) and -o file, or exit code 2 after one message."""
    store: Store | None = None
    try:
        if not args.no_db:
            store = Store(args.db)
        out: TextIO | None = open(args.output, "w", encoding="utf-8") if args.output else None
    except (OSError, sqlite3.Error, StoreError) as e:
        print(f"rasd: cannot open {args.db if store is None and not args.no_db else args.output}: {e}",
              file=sys.stderr)
        return 2
    return store, out


def _finish(summary: RunSummary, args: argparse.Namespace, store: Store | None) -> int:
    """The run's summary and where it went; the exit code (1 if any input failed)."""
    print(summary.render())
    if args.output:
        print(f"Wrote {args.output}")
    if store is not None:
        print(f"Store: {args.db} ({len(store)} articles)")
        store.close()
    return 1 if summary.failed else 0


def _analyze_on_spark(args: argparse.Namespace) -> int:
    """The whole flow on Spark into the --parquet folder, then that folder into the store."""
    from rasd.distributed import analyze_to_parquet

    if not args.parquet:
        print("rasd: --engine spark needs --parquet DIR (where the executors write the records)", file=sys.stderr)
        return 2
    steps = analyze_to_parquet(args.paths, args.parquet, master=args.spark_master, exclude=[args.output, args.db])
    print("Spark steps (s): " + json.dumps({k: round(v, 1) for k, v in steps.items()}), file=sys.stderr)
    if args.no_db and not args.output:  # the Parquet folder is the result: nothing to stream back
        from rasd.distributed.records import read_table

        failed = 0
        for failed, err in enumerate(read_table(args.parquet, "errors"), 1):
            print(f"{err['path']}: {err['reason']}", file=sys.stderr)
        print(f"Wrote {args.parquet}" + (f"; {failed} inputs failed" if failed else ""))
        return 1 if failed else 0
    return cmd_load(argparse.Namespace(parquet=args.parquet, db=args.db, no_db=args.no_db, output=args.output))


def cmd_load(args: argparse.Namespace) -> int:
    """Records of a Spark run (a Parquet folder) into the store and/or a JSONL file, streamed."""
    from rasd.distributed.records import read_docs, read_table

    if not (Path(args.parquet) / "articles").is_dir():
        print(f"rasd: {args.parquet} holds no Rasd Parquet tables (no articles/ folder)", file=sys.stderr)
        return 2
    opened = _open_outputs(args)
    if isinstance(opened, int):
        return opened
    store, out = opened
    summary = RunSummary()
    report = _Report(summary)
    for err in read_table(args.parquet, "errors"):
        report.fail(err["path"], err["reason"])
    try:
        for doc, digest in read_docs(args.parquet):
            for warning in doc.warnings:
                report.warn(doc.source.path or doc.id, warning)
            if out:
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            if store is not None:
                store.upsert(doc, content_hash=digest)
                for earlier in doc.duplicates:
                    store.set_duplicates(earlier, [doc.id])
            summary.add(doc)
        if store is not None:
            for story in read_table(args.parquet, "stories"):
                store.save_story(story["id"], label=story["label"])
    finally:
        if out:
            out.close()
    return _finish(summary, args, store)


def cmd_analyze(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from rasd.group import StoryIndex
    from rasd.ingest import InputError, read_paths

    if args.jobs < 1:
        print("rasd: --jobs must be at least 1", file=sys.stderr)
        return 2
    if args.engine == "spark":
        return _analyze_on_spark(args)
    opened = _open_outputs(args)
    if isinstance(opened, int):
        return opened
    store, out = opened
    state = store.get_state(STORY_STATE) if store is not None else None
    stories = StoryIndex.from_state(state) if state else StoryIndex()
    summary = RunSummary()
    touched: set[str] = set()
    hashes: deque[str | None] = deque()  # content hash of each item sent to analysis, in order
    saved_at = time.monotonic()
    own = [args.output, args.db]  # never read back as input
    items = (_Failure(i.path, i.reason) if isinstance(i, InputError) else i for i in read_paths(args.paths, exclude=own))
    items = _unstored(items, store, stories, summary, touched, hashes, force=args.force)
    results = _in_workers(items, args.jobs) if args.jobs > 1 else map(_analyse, items)
    bar = tqdm(results, unit=" articles", file=sys.stderr, delay=1.0,
               disable=not sys.stderr.isatty() and not args.progress)

    report = _Report(summary)
    fail, warn = report.fail, report.warn
    try:
        for doc in bar:
            digest = hashes.popleft() if hashes else None
            if isinstance(doc, _Failure):
                fail(doc.where, doc.reason)
                continue
            where = doc.source.path or doc.id
            for warning in doc.warnings:
                warn(where, warning)
            try:
                grouped = stories.add(doc)  # fills doc.story and doc.duplicates before anything is written
            except Exception as e:
                fail(where, f"grouping failed ({type(e).__name__}: {e})")
                continue
            if out:
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            if store is not None:
                try:
                    store.upsert(doc, content_hash=digest)
                    for earlier in doc.duplicates:
                        store.set_duplicates(earlier, [doc.id])
                    if grouped.merged:
                        store.merge_stories(doc.story, grouped.merged)
                except sqlite3.Error as e:
                    fail(where, f"not stored ({e})")
                    continue
            summary.add(doc, merged=grouped.merged)
            touched.difference_update(grouped.merged)
            touched.add(doc.story)
            if store is not None and time.monotonic() - saved_at > _CHECKPOINT_S:
                store.set_state(STORY_STATE, stories.to_state())
                saved_at = time.monotonic()
    finally:
        bar.close()
        if out:
            out.close()
        if store is not None:
            store.set_state(STORY_STATE, stories.to_state())
            for rec in stories.stories():
                if rec.id in touched:
                    store.save_story(rec.id, label=rec.label)
    return _finish(summary, args, store)


def _unstored(items: Iterator[Any], store: Store | None, stories: Any, summary: RunSummary, touched: set[str],
              hashes: deque, force: bool) -> Iterator[Any]:
    """The items still to analyse, their content hashes queued in ``hashes``.

    An item stored before from the same input is skipped (unless ``force``);
    if a crash lost it from the story index (saved only at checkpoints), the
    stored article rejoins the index here, so the resumed run ends as a
    complete one would.
    """
    from rasd.ingest import content_hash

    for item in items:
        if isinstance(item, _Failure):
            hashes.append(None)
            yield item
            continue
        digest = content_hash(item)
        stored = store.stored_with(digest) if store is not None and not force else None
        if stored is None:
            hashes.append(digest)
            yield item
            continue
        summary.skipped += 1
        if stored not in stories:
            doc = store.get(stored)
            grouped = stories.add(doc)
            store.save_story(doc.story, [doc.id])
            if grouped.merged:
                store.merge_stories(doc.story, grouped.merged)
                touched.difference_update(grouped.merged)
            store.set_duplicates(doc.id, doc.duplicates)
            for earlier in doc.duplicates:
                store.set_duplicates(earlier, [doc.id])
            touched.add(doc.story)


# -- queries ----------------------------------------------------------------


def cmd_search(args: argparse.Namespace) -> int:
    from rasd.store.search import QueryError

    filters = {"outlet": args.outlet, "since": args.since, "until": args.until}
    try:
        hits, total = _read(args.db, lambda store: (
            store.search(args.query, limit=args.limit, offset=args.offset, **filters),
            store.count(args.query, **filters)))
    except QueryError as e:
        print(f"rasd: {e}", file=sys.stderr)
        return 2
    if not hits:
        print(f"No articles match {args.query!r}.")
        return 1
    tty = sys.stdout.isatty()
    print(f"{total} article{'s match' if total != 1 else ' matches'}; showing {args.offset + 1}-{args.offset + len(hits)}.\n")
    for i, h in enumerate(hits, args.offset + 1):
        meta = " · ".join(x for x in (h.outlet, h.published) if x)
        print(f"{i}. {h.title or '(untitled)'}" + (f" — {meta}" if meta else "") + f"  [{h.id}]")
        print("   " + (h.marked(_BOLD, _RESET) if tty else h.snippet))
        print()
    return 0


def _role_text(role: Any) -> str:
    if not isinstance(role, dict):
        return str(role)
    text = role.get("role", "")
    if role.get("of"):
        text += f" of {role['of']}"
    if role.get("start") or role.get("end"):
        text += f" ({role.get('start') or '?'} to {role.get('end') or 'now'})"
    return text


def cmd_entity(args: argparse.Namespace) -> int:
    rec = _read(args.db, lambda store: store.entity(args.name))
    if rec is None:
        print(f"No entity {args.name!r} in {args.db}.", file=sys.stderr)
        return 1
    facts = ", ".join(x for x in (rec.type, rec.country, rec.wikidata) if x)
    print(f"{rec.name or rec.name_ar}" + (f" ({rec.name_ar})" if rec.name_ar and rec.name else "")
          + (f" — {facts}" if facts else "") + f"  [{rec.id}]")
    if rec.spellings:
        print("Spellings seen: " + ", ".join(f"{s} ({n})" for s, n in rec.spellings))
    if rec.titles:
        print("Referred to as: " + ", ".join(f"{s} ({n})" for s, n in rec.titles))
    others = [a for a in rec.aliases if a not in dict(rec.spellings + rec.titles)]
    if others:
        print("Other names: " + ", ".join(others))
    if rec.roles:
        print("Roles: " + "; ".join(_role_text(r) for r in rec.roles))
    print(f"Articles ({len(rec.articles)}):")
    for a in rec.articles[: args.limit]:
        meta = " · ".join((a["published"] or "undated", a["outlet"] or "unknown outlet"))
        print(f"  {meta}  {a['title'] or '(untitled)'}  [{a['id']}]")
    if len(rec.articles) > args.limit:
        print(f"  ... and {len(rec.articles) - args.limit} more")
    return 0


def _clip(text: str | None, width: int) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _write_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str, table_cols: list[tuple[str, int]]) -> None:
    if fmt == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    else:
        print("  ".join(name.ljust(width) for name, width in table_cols).rstrip())
        for r in rows:
            print("  ".join(_clip(str(r.get(name) if r.get(name) is not None else "-"), width).ljust(width)
                            for name, width in table_cols).rstrip())


def cmd_events(args: argparse.Namespace) -> int:
    rows = _read(args.db, lambda store: store.events(
        actor=args.actor, target=args.target, type=args.type, since=args.since, until=args.until, limit=args.limit))
    if not rows and args.format == "table":
        print("No events match.")
        return 1
    for r in rows:
        if r["negated"] or r["hypothetical"]:
            r["event_type"] += " (negated)" if r["negated"] else " (hypothetical)"
    _write_rows(rows, COLUMNS["events"], args.format, [
        ("date", 10), ("event_type", 22), ("mode", 10), ("actor_name", 20), ("target_name", 20),
        ("location_name", 14), ("evidence", 70)])
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    rows = _read(args.db, lambda store: store.quotes(speaker=args.speaker, limit=args.limit))
    if not rows:
        print("No quotes match.")
        return 1
    for q in rows:
        who = q["speaker_name"] or q["speaker_name_ar"] or "(unknown speaker)"
        meta = " · ".join(x for x in (q["outlet"], q["published"]) if x)
        print(f"{who}: «{_clip(q['text'], 300)}»" + (f" — {meta}" if meta else "") + f"  [{q['article_id']}]")
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    rows = _read(args.db, lambda store: store.stories(limit=args.limit, min_articles=args.min_articles))
    if not rows:
        print("No stories.")
        return 1
    for s in rows:
        span = s["first_seen"] if s["first_seen"] == s["last_seen"] else f"{s['first_seen']} to {s['last_seen']}"
        ents = ", ".join(k["name"] or k["name_ar"] or k["id"] for k in s["key_entities"])
        print(f"{s['label'] or '(no title)'}  [{s['id']}]")
        outlets = (f"{len(s['outlets'])} outlet{'s' * (len(s['outlets']) != 1)} ({', '.join(s['outlets'])})"
                   if s["outlets"] else "outlet unknown")
        print(f"   {s['articles']} article{'s' * (s['articles'] != 1)}, {outlets}"
              + (f", {span}" if s["first_seen"] else "") + (f"; {ents}" if ents else ""))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    n = _read(args.db, lambda store: store.export(args.format, args.output, args.what))
    print(f"Wrote {n} {args.what} to {args.output}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from rasd.serve.app import create_app
    from rasd.serve.security import is_loopback

    if not is_loopback(args.host):
        print(f"rasd: warning: serving on {args.host}, not loopback: anyone who can reach this machine"
              " can read the whole store (the API has no login)", file=sys.stderr)
    uvicorn.run(create_app(args.db), host=args.host, port=args.port)
    return 0


# -- parser -----------------------------------------------------------------


def _count(text: str) -> int:
    """A limit or offset: a whole number, never negative (which SQLite would read as "no limit")."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {n}")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="rasd", description="Arabic news into a searchable record of who did what with whom.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def db_opt(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--db", default=_default_db(), help="store file (default: $RASD_DB or ./rasd.db)")

    a = sub.add_parser("analyze", help="analyse files or folders (.txt .html .jsonl) into the store")
    a.add_argument("paths", nargs="+", metavar="PATH")
    a.add_argument("-o", "--output", metavar="OUT.jsonl", help="also write one JSON object per article")
    db_opt(a)
    a.add_argument("--no-db", action="store_true", help="do not write the store")
    a.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for the per-article stages")
    a.add_argument("--force", action="store_true",
                   help="analyse again articles already stored from the same input (default: skip them)")
    a.add_argument("--progress", action="store_true", help="show the progress bar even when stderr is not a terminal")
    a.add_argument("--engine", choices=("local", "spark"), default="local",
                   help="run the per-article stages locally or on Apache Spark (needs the 'spark' extra)")
    a.add_argument("--spark-master", default=None, metavar="URL",
                   help="Spark master for --engine spark (default: $RASD_SPARK_MASTER or local[*])")
    a.add_argument("--parquet", metavar="DIR", help="--engine spark: the Parquet folder the executors write")
    a.set_defaults(func=cmd_analyze)

    ld = sub.add_parser("load", help="load the Parquet folder of a Spark run into the store")
    ld.add_argument("parquet", metavar="PARQUET_DIR")
    ld.add_argument("-o", "--output", metavar="OUT.jsonl", help="also write one JSON object per article")
    db_opt(ld)
    ld.add_argument("--no-db", action="store_true", help="do not write the store")
    ld.set_defaults(func=cmd_load)

    s = sub.add_parser("search", help="full-text search (Arabic-aware; \"phrases\", OR, -exclude)")
    s.add_argument("query")
    db_opt(s)
    s.add_argument("--limit", type=_count, default=10)
    s.add_argument("--offset", type=_count, default=0)
    s.add_argument("--outlet", help="only this outlet")
    s.add_argument("--since", help="published on or after (ISO date)")
    s.add_argument("--until", help="published on or before (ISO date)")
    s.set_defaults(func=cmd_search)

    e = sub.add_parser("entity", help="an entity: spellings seen, roles, articles")
    e.add_argument("name", help="entity id, English name or any Arabic spelling")
    db_opt(e)
    e.add_argument("--limit", type=_count, default=20, help="articles to list")
    e.set_defaults(func=cmd_entity)

    v = sub.add_parser("events", help="coded events, filtered")
    v.add_argument("--actor", help="entity id, English name or Arabic spelling")
    v.add_argument("--target", help="entity id, English name or Arabic spelling")
    v.add_argument("--type", help="PLOVER event type, e.g. CONSULT")
    v.add_argument("--since", help="ISO date (inclusive)")
    v.add_argument("--until", help="ISO date (inclusive)")
    v.add_argument("--limit", type=_count)
    v.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    db_opt(v)
    v.set_defaults(func=cmd_events)

    q = sub.add_parser("quotes", help="who said what")
    q.add_argument("--speaker", help="entity id, English name or Arabic spelling")
    q.add_argument("--limit", type=_count)
    db_opt(q)
    q.set_defaults(func=cmd_quotes)

    st = sub.add_parser("stories", help="stories across outlets, most recent first")
    st.add_argument("--limit", type=_count, default=20)
    st.add_argument("--min-articles", type=_count, default=1)
    db_opt(st)
    st.set_defaults(func=cmd_stories)

    x = sub.add_parser("export", help="export the store as jsonl, csv or parquet")
    x.add_argument("--format", choices=FORMATS, required=True)
    x.add_argument("--what", choices=WHATS, default="articles")
    x.add_argument("-o", "--output", required=True, metavar="FILE")
    db_opt(x)
    x.set_defaults(func=cmd_export)

    sv = sub.add_parser("serve", help="HTTP API and dashboard over the store")
    db_opt(sv)
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except _NoStore:
        return 1
    except BrokenPipeError:  # `rasd events | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("rasd: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
