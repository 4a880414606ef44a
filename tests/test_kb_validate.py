"""Every knowledge-base file is well formed, and a bad entry fails loudly.

These checks read the YAML files directly (not only through the loader), so
a broken entry is reported with its file and key even if the loader changes.
"""
from __future__ import annotations

import re
from pathlib import Path

import babel
import pytest
import yaml

from rasd.kb import DATA_DIR, KBError, load, load_dir

ISO = {k for k in babel.Locale("en").territories if len(k) == 2 and k.isalpha()}
ARABIC = re.compile(r"[\u0621-\u064A]")
LATIN_OR_CYRILLIC = re.compile(r"[A-Za-z\u0400-\u04FF]")


def _entry_files() -> list[Path]:
    files = [p for p in DATA_DIR.glob("*.yaml") if p.name not in ("roles.yaml", "countries.yaml")]
    return sorted(files) + sorted((DATA_DIR / "people").rglob("*.yaml"))


def _entries():
    for path in _entry_files():
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield path.relative_to(DATA_DIR), raw


def _roles() -> set[str]:
    return set(yaml.safe_load((DATA_DIR / "roles.yaml").read_text(encoding="utf-8")))


def test_bundled_kb_loads_and_validates():
    kb = load_dir(DATA_DIR)  # uncached: runs every loader check
    assert len(kb) > 1000


def test_keys_unique_across_files():
    seen: dict[str, Path] = {}
    dupes = []
    for path, e in _entries():
        if e["key"] in seen:
            dupes.append(f"{e['key']} in {path} and {seen[e['key']]}")
        seen[e["key"]] = path
    assert not dupes


def test_entries_follow_the_schema():
    roles = _roles()
    problems = []
    for path, e in _entries():
        where = f"{path}:{e.get('key')}"
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(e.get("key"))):
            problems.append(f"{where}: bad key")
        if e.get("type") not in ("PER", "ORG", "GPE", "LOC"):
            problems.append(f"{where}: type {e.get('type')}")
        if e.get("wikidata") is not None and not re.fullmatch(r"Q\d+", str(e["wikidata"])):
            problems.append(f"{where}: wikidata {e['wikidata']}")
        if e.get("country") is not None and e["country"] not in ISO:
            problems.append(f"{where}: country {e['country']}")
        forms = list(e.get("ar") or []) + list(e.get("short_ar") or [])
        if not e.get("ar"):
            problems.append(f"{where}: no Arabic form")
        for f in forms:
            if not ARABIC.search(str(f)) or LATIN_OR_CYRILLIC.search(str(f)):
                problems.append(f"{where}: non-Arabic form {f!r}")
        for r in e.get("roles") or []:
            if r["role"] not in roles:
                problems.append(f"{where}: role {r['role']} not in roles.yaml")
            start, end = r.get("start"), r.get("end")
            for d in (start, end):
                if d is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(d)):
                    problems.append(f"{where}: date {d!r} not ISO")
            # partial dates (2012, 2012-05) stand for their first day as a start, last as an end
            last = {4: "-12-31", 7: "-31"}.get(len(str(end)), "")
            if start and end and (str(start) + "-01-01")[:10] > str(end) + last:
                problems.append(f"{where}: {r['role']} starts {start} after it ends {end}")
    assert not problems, "\n".join(problems)


def test_role_phrases_are_arabic_and_unambiguous():
    data = yaml.safe_load((DATA_DIR / "roles.yaml").read_text(encoding="utf-8"))
    for role in ("head_of_state", "head_of_government", "foreign_minister", "defence_minister",
                 "foreign_ministry_spokesperson", "security_council_secretary",
                 "un_secretary_general", "nato_secretary_general"):
        assert data.get(role), role
    phrases = load().role_phrases()
    assert all(ARABIC.search(p) for p in phrases)


def test_every_iso_country_has_an_arabic_and_english_name():
    kb = load()
    countries = [kb.country(c) for c in ISO if kb.country(c)]
    assert len(countries) >= 245
    for c in countries:
        assert c.type == "GPE" and c.ar and c.name
    with_qid = [c for c in countries if c.wikidata]
    assert len(with_qid) >= 60


def test_capitals_point_to_places_in_the_country():
    kb = load()
    for code in ("CN", "RU", "US", "EG", "SA", "IR", "UA", "KP"):
        country = kb.country(code)
        capital = kb.get(country.extra["capital"])
        assert capital is not None and capital.country == code, code


def test_bad_entry_names_file_and_key(tmp_path):
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "xx.yaml").write_text(
        "- key: ivan-petrov\n  name: Ivan Petrov\n  type: PER\n  wikidata: null\n  country: RU\n"
        "  ar: [إيفان بيتروف]\n  roles:\n    - {role: chief_wizard, of: RU, start: 2020-01-01, end: null}\n",
        encoding="utf-8",
    )
    with pytest.raises(KBError, match=r"xx\.yaml.*ivan-petrov.*chief_wizard"):
        load_dir(tmp_path, geonames=False)


@pytest.mark.parametrize("entry, reason", [
    ("{key: x-y, name: X, type: CITY, ar: [اكس]}", "type"),
    ("{key: x-y, name: X, type: GPE, country: ZQ, ar: [اكس]}", "ISO"),
    ("{key: x-y, name: X, type: GPE, wikidata: 12345, ar: [اكس]}", "wikidata"),
    ("{key: x-y, name: X, type: GPE, ar: []}", "Arabic form"),
    ("{key: x-y, name: X, type: GPE, ar: [Beijing]}", "Arabic-script"),
    ("{key: X_Y, name: X, type: GPE, ar: [اكس]}", "slug"),
    ("{key: x-y, name: X, type: PER, ar: [اكس], roles: [{role: foreign_minister, of: RU, start: 2020-05-01, end: 2019-01-01}]}", "after it ends"),
])
def test_schema_violations_are_rejected(tmp_path, entry, reason):
    (tmp_path / "bad.yaml").write_text(f"- {entry}\n", encoding="utf-8")
    with pytest.raises(KBError, match=reason) as err:
        load_dir(tmp_path, geonames=False)
    assert "bad.yaml" in str(err.value)


def test_duplicate_key_is_rejected(tmp_path):
    (tmp_path / "a.yaml").write_text("- {key: zz-top, name: A, type: ORG, ar: [زد]}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("- {key: zz-top, name: B, type: ORG, ar: [زي]}\n", encoding="utf-8")
    with pytest.raises(KBError, match="zz-top.*already used"):
        load_dir(tmp_path, geonames=False)


ARAB_LEAGUE = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
G20_UNSC_AND_FREQUENT = "AR AU BR CA CN FR DE IN ID IT JP KR KP MX RU ZA TR GB US IR IL UA".split()


@pytest.mark.parametrize("code", ARAB_LEAGUE + G20_UNSC_AND_FREQUENT)
def test_newsworthy_countries_have_nationality_capital_and_wikidata(code):
    c = load().country(code)
    assert c.extra["nationality"], code
    assert load().nationality(c.extra["nationality"][0]) == code
    assert load().get(c.extra["capital"]) is not None, code
    assert c.wikidata, code


def test_sovereign_states_have_a_capital():
    kb = load()
    dependent = {"AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH", "FK",
                 "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF",
                 "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX",
                 "TC", "TF", "TK", "UM", "VG", "VI", "WF", "YT"}
    missing = [c for c in ISO if kb.country(c) and c not in dependent and not kb.country(c).extra.get("capital")]
    assert not missing


def test_memoised_kb_follows_data_edits(tmp_path, monkeypatch):
    from rasd.kb import _load_cached

    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "kb"
    root.mkdir()
    (root / "orgs.yaml").write_text("- {key: blue-party, name: Blue Party, type: ORG, ar: [الحزب الأزرق]}\n", encoding="utf-8")
    assert _load_cached(root).get("blue-party").name == "Blue Party"
    (root / "orgs.yaml").write_text("- {key: blue-party, name: Blue Party (Ruritania), type: ORG, ar: [الحزب الأزرق]}\n", encoding="utf-8")
    assert _load_cached(root).get("blue-party").name == "Blue Party (Ruritania)"
