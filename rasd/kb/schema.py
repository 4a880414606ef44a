"""Parsing and validation of knowledge-base YAML entries.

The KB is hand-edited by several people; a typo in one entry (a Cyrillic
letter in an Arabic spelling, a role id nobody defined, an end date before a
start date) would otherwise surface much later as a wrong link. Every entry
goes through ``parse_entry`` at load time and a bad one stops loading with an
error naming the file and the key.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

TYPES = ("PER", "ORG", "GPE", "LOC")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# Arabic letters proper, diacritics, tatweel and the Persian-range letters
# some outlets use for foreign sounds (گ چ پ ڤ); plus spaces, digits and
# the punctuation names carry (hyphen, dot, apostrophe, parentheses).
_ARABIC_FORM = re.compile(r"^[\u0621-\u065F\u0660-\u0669\u0670\u0671\u067E\u0686\u0698\u06A4\u06A9\u06AF\u06CC0-9 \-.'()]+$")
_HAS_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")

# Fields the loader understands; anything else goes to ``KBEntity.extra``.
_CORE = {"key", "name", "type", "wikidata", "country", "ar", "short_ar", "aliases", "roles"}


class KBError(ValueError):
    """A knowledge-base file or entry that cannot be loaded."""


@dataclass(frozen=True)
class Role:
    """One tenure of an office; dates are ISO strings (``None`` = open)."""

    role: str
    of: str | None
    start: str | None
    end: str | None


@dataclass(frozen=True)
class KBEntity:
    key: str
    name: str
    type: str
    wikidata: str | None
    country: str | None
    ar: tuple[str, ...]
    short_ar: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def id(self) -> str:
        """The entity id used in ``Doc`` (``kb:<key>``)."""
        return f"kb:{self.key}"


def slug(text: str) -> str:
    """Lowercase ASCII slug of an English name ("São Tomé & Príncipe" -> "sao-tome-principe")."""
    import unicodedata

    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"\(.*?\)", " ", t)
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def iso_date(value: Any, where: str) -> str | None:
    """A YAML date (parsed or string) as an ISO string; partial dates allowed (2012, 2012-05)."""
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    s = str(value)
    if not _DATE.match(s):
        raise KBError(f"{where}: date {s!r} is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        _dt.date.fromisoformat(_pad(s, low=True))
    except ValueError as e:
        raise KBError(f"{where}: date {s!r} is invalid ({e})") from None
    return s


def _pad(d: str, low: bool) -> str:
    """Complete a partial date to its first (``low``) or last possible day."""
    if len(d) == 4:
        return d + ("-01-01" if low else "-12-31")
    if len(d) == 7:
        return d + ("-01" if low else "-31")
    return d


def date_bounds(role: Role) -> tuple[str, str]:
    """Comparable (start, end) strings of a tenure, open ends as extreme dates."""
    lo = _pad(role.start, True) if role.start else "0000-00-00"
    hi = _pad(role.end, False) if role.end else "9999-99-99"
    return lo, hi


def arabic_forms(value: Any, where: str) -> tuple[str, ...]:
    """A list of Arabic-script strings, checked and de-duplicated (order kept)."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise KBError(f"{where}: expected a list of Arabic names, got {type(value).__name__}")
    out: list[str] = []
    for v in value:
        s = " ".join(str(v).split())
        if not s or not _ARABIC_FORM.match(s) or not _HAS_ARABIC_LETTER.search(s):
            raise KBError(f"{where}: {v!r} is not an Arabic-script name")
        if s not in out:
            out.append(s)
    return tuple(out)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KBError(f"{where}: expected a list of strings")
    return tuple(value)


def check_country(code: Any, where: str, valid: frozenset[str]) -> str | None:
    if code is None:
        return None
    if not isinstance(code, str) or code not in valid:
        raise KBError(f"{where}: {code!r} is not an ISO 3166-1 alpha-2 country code")
    return code


def parse_entry(raw: Any, path: str, countries: frozenset[str], roles: frozenset[str]) -> KBEntity:
    """Validate one YAML entry and turn it into a ``KBEntity``.

    ``countries`` are the valid ISO codes, ``roles`` the role vocabulary.
    Role ``of`` may name a country or (checked later) a KB key such as ``nato``.
    """
    if not isinstance(raw, dict):
        raise KBError(f"{path}: entry {raw!r} is not a mapping")
    key = raw.get("key")
    where = f"{path}: entry {key!r}"
    if not isinstance(key, str) or not _KEY.match(key):
        raise KBError(f"{where}: key must be a lowercase ascii slug (a-z, 0-9, '-')")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KBError(f"{where}: missing English name")
    typ = raw.get("type")
    if typ not in TYPES:
        raise KBError(f"{where}: type {typ!r} not one of {', '.join(TYPES)}")
    qid = raw.get("wikidata")
    if qid is not None and (not isinstance(qid, str) or not _QID.match(qid)):
        raise KBError(f"{where}: wikidata {qid!r} must look like Q123 or be null")
    country = check_country(raw.get("country"), where, countries)
    ar = arabic_forms(raw.get("ar"), f"{where} ar")
    if not ar:
        raise KBError(f"{where}: needs at least one Arabic form in 'ar'")
    short_ar = arabic_forms(raw.get("short_ar"), f"{where} short_ar")
    aliases = _strings(raw.get("aliases"), f"{where} aliases")
    tenures: list[Role] = []
    for r in raw.get("roles") or []:
        if not isinstance(r, dict) or "role" not in r:
            raise KBError(f"{where}: role {r!r} must be a mapping with 'role'")
        if r["role"] not in roles:
            raise KBError(f"{where}: role {r['role']!r} is not in roles.yaml")
        if typ != "PER":
            raise KBError(f"{where}: only PER entries hold roles")
        of = r.get("of")
        if of is not None and not isinstance(of, str):
            raise KBError(f"{where}: role 'of' must be a country code or KB key")
        role = Role(r["role"], of, iso_date(r.get("start"), where), iso_date(r.get("end"), where))
        if role.start and role.end and _pad(role.start, True) > _pad(role.end, False):
            raise KBError(f"{where}: role {role.role} starts ({role.start}) after it ends ({role.end})")
        tenures.append(role)
    extra = {k: v for k, v in raw.items() if k not in _CORE}
    ministry = extra.get("ministry")
    if ministry is not None:
        if not isinstance(ministry, dict) or "kind" not in ministry:
            raise KBError(f"{where}: ministry must be a mapping with 'of' and 'kind'")
        check_country(ministry.get("of"), f"{where} ministry", countries)
    return KBEntity(
        key=key, name=name.strip(), type=typ, wikidata=qid, country=country,
        ar=ar, short_ar=short_ar, aliases=aliases, roles=tuple(tenures), extra=extra,
    )
