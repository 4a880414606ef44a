"""Office holders in the knowledge base (rasd/data/kb/people/*.yaml).

These tenures turn "وزير الخارجية الصيني" on an article's date into a person,
so the facts a reader would check first must hold, and no single-holder
office may have two holders at once.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from rasd.kb import load

PEOPLE = Path(__file__).resolve().parent.parent / "rasd" / "data" / "kb" / "people"

# Offices held by one person at a time (spokespeople, vice-chairmen and
# ambassadors serve in parallel and are left out).
SINGLE_HOLDER = {
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "security_council_secretary", "national_security_adviser", "supreme_leader",
    "king", "crown_prince", "un_secretary_general", "nato_secretary_general",
    "arab_league_secretary_general", "european_commission_president",
    "eu_foreign_policy_chief", "interior_minister", "finance_minister",
    "chief_of_general_staff", "parliament_speaker",
}
TOLERANCE = dt.timedelta(days=7)  # hand-overs dated a few days apart in sources


def _entries() -> list[dict]:
    out = []
    for path in sorted(PEOPLE.glob("*.yaml")):
        with path.open(encoding="utf-8") as f:
            out += yaml.load(f, Loader=yaml.CSafeLoader) or []
    return out


def _day(value) -> dt.date | None:
    """A YAML date or partial ISO string ("2016-05") as its first day."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    s = str(value)
    s += {4: "-01-01", 7: "-01"}.get(len(s), "")
    return dt.date.fromisoformat(s)


def _names(entities) -> list[str]:
    return [e.name for e in entities]


@pytest.fixture(scope="module")
def kb():
    return load()


@pytest.mark.parametrize("role, of, on, expected", [
    ("foreign_minister", "CN", "2024-11-12", "Wang Yi"),
    ("foreign_minister", "CN", "2023-03-01", "Qin Gang"),
    ("head_of_state", "RU", "2024-11-12", "Vladimir Putin"),
    ("foreign_minister", "US", "2024-11-12", "Antony Blinken"),
    ("foreign_minister", "US", "2025-06-01", "Marco Rubio"),
    ("foreign_minister", "US", "2019-06-01", "Mike Pompeo"),
    ("head_of_state", "US", "2024-11-12", "Joe Biden"),
    ("head_of_state", "US", "2025-06-01", "Donald Trump"),
    ("head_of_state", "US", "2018-06-01", "Donald Trump"),
    ("defence_minister", "RU", "2024-03-01", "Sergei Shoigu"),
    ("defence_minister", "RU", "2024-11-12", "Andrei Belousov"),
    ("security_council_secretary", "RU", "2024-11-12", "Sergei Shoigu"),
    ("security_council_secretary", "RU", "2020-01-01", "Nikolai Patrushev"),
    ("defence_minister", "CN", "2024-11-12", "Dong Jun"),
    ("head_of_government", "GB", "2023-01-01", "Rishi Sunak"),
    ("head_of_government", "GB", "2024-11-12", "Keir Starmer"),
    ("head_of_government", "IL", "2022-01-01", "Naftali Bennett"),
    ("head_of_government", "IL", "2024-11-12", "Benjamin Netanyahu"),
    ("defence_minister", "IL", "2024-06-01", "Yoav Gallant"),
    ("head_of_state", "IR", "2023-01-01", "Ebrahim Raisi"),
    ("foreign_minister", "IR", "2025-01-01", "Abbas Araghchi"),
    ("supreme_leader", "IR", "2020-01-01", "Ali Khamenei"),
    ("head_of_state", "UA", "2018-01-01", "Petro Poroshenko"),
    ("foreign_minister", "TR", "2020-01-01", "Mevlüt Çavuşoğlu"),
    ("crown_prince", "SA", "2016-01-01", "Muhammad bin Nayef"),
    ("crown_prince", "SA", "2024-11-12", "Mohammed bin Salman"),
    ("head_of_state", "FR", "2016-01-01", "François Hollande"),
])
def test_office_holder_on_a_date(kb, role, of, on, expected):
    assert _names(kb.holders(role, of, on))[:1] == [expected]


def test_current_holders_when_no_date_given(kb):
    assert _names(kb.holders("head_of_state", "CN", None)) == ["Xi Jinping"]
    assert "Sergey Lavrov" in _names(kb.holders("foreign_minister", "RU", None))


def test_spokespeople_serve_in_parallel(kb):
    on_duty = _names(kb.holders("foreign_ministry_spokesperson", "CN", "2024-11-12"))
    assert {"Mao Ning", "Lin Jian"} <= set(on_duty)
    assert _names(kb.holders("foreign_ministry_spokesperson", "RU", "2022-03-01")) == ["Maria Zakharova"]
    assert _names(kb.holders("foreign_ministry_spokesperson", "US", "2024-05-01")) == [
        "Matthew Miller (spokesperson)"]


@pytest.mark.parametrize("spelling, expected", [
    ("سيرغي شويغو", "Sergei Shoigu"),
    ("سيرجي شويجو", "Sergei Shoigu"),
    ("أندريه بيلاوسوف", "Andrei Belousov"),
    ("اندريه بيلوسوف", "Andrei Belousov"),
    ("وانغ يي", "Wang Yi"),
    ("وانج يي", "Wang Yi"),
    ("شي جين بينج", "Xi Jinping"),
    ("دونالد ترمب", "Donald Trump"),
    ("أنتوني بلينكن", "Antony Blinken"),
    ("بنيامين نتنياهو", "Benjamin Netanyahu"),
    ("محمد بن سلمان", "Mohammed bin Salman"),
    ("عبد الفتاح السيسي", "Abdel Fattah el-Sisi"),
    ("تشانج يوشيا", "Zhang Youxia"),
])
def test_arabic_spellings_find_the_person(kb, spelling, expected):
    assert expected in _names(kb.by_arabic(spelling))


@pytest.mark.parametrize("short, expected", [
    ("بوتين", "Vladimir Putin"), ("لافروف", "Sergey Lavrov"), ("شويغو", "Sergei Shoigu"),
    ("ترامب", "Donald Trump"), ("أردوغان", "Recep Tayyip Erdoğan"), ("ابن سلمان", "Mohammed bin Salman"),
    ("السيسي", "Abdel Fattah el-Sisi"), ("وانغ", "Wang Yi"),
])
def test_short_forms_used_alone(kb, short, expected):
    assert _names(kb.by_arabic(short))[:1] == [expected]


def test_no_two_holders_of_a_single_holder_office_overlap():
    tenures = defaultdict(list)
    for e in _entries():
        for r in e.get("roles") or []:
            if r["role"] in SINGLE_HOLDER:
                tenures[(r["role"], r.get("of"))].append((_day(r["start"]), _day(r["end"]), e["key"]))
    clashes = []
    for office, spans in tenures.items():
        spans.sort(key=lambda t: t[0])
        for (s1, e1, k1), (s2, _, k2) in zip(spans, spans[1:]):
            if e1 is None or e1 - s2 > TOLERANCE:
                clashes.append(f"{office}: {k1} ({s1}..{e1}) and {k2} (from {s2})")
    assert not clashes, "\n".join(clashes)


# Countries whose head of state and foreign minister are recorded up to today.
CURRENT = {"RU", "CN", "US", "GB", "FR", "IR", "IL", "TR", "UA", "KP", "SA", "EG", "AE", "QA",
           "SY", "IQ", "JO", "LB", "PS", "YE"}


def test_top_offices_are_filled_today():
    """The record reaches the present for the countries in the news most."""
    open_offices = set()
    for e in _entries():
        for r in e.get("roles") or []:
            if r["end"] is None and r["role"] in {"head_of_state", "foreign_minister"}:
                open_offices.add((r["role"], r.get("of")))
    missing = {(role, c) for c in CURRENT for role in ("head_of_state", "foreign_minister")} - open_offices
    assert not missing, sorted(missing)


def test_entries_are_people_with_dated_tenures():
    keys = set()
    for e in _entries():
        assert e["type"] == "PER", e["key"]
        assert e["key"] not in keys, f"duplicate key {e['key']}"
        keys.add(e["key"])
        for r in e.get("roles") or []:
            assert r["start"] is not None, f"{e['key']}: {r['role']} without start"
            if r["end"] is not None:
                assert _day(r["start"]) <= _day(r["end"]), e["key"]
