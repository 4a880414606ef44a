"""Build the generated part of the knowledge base from permissive data sets.

    pip install -e '.[kb-build]'
    python -m rasd.kb.build --dr5hn GIT_DIR --netranslit GIT_DIR [--anercorp TRAIN_FILE]

Writes compact tables under ``rasd/data/kb/generated/`` (see its README):

- ``person_names.tsv.gz``: Arabic full names of people with their usual Latin
  spelling, from arabic-name-romanizer's Wikidata index (CC0);
- ``name_parts.tsv.gz``: single name words (given names, surnames, foreign
  name tokens) with their usual Latin spelling, and their carriers and
  spelling per region, from the same index and from
  NETransliteration-COLING2018's Wikidata token pairs (CC0);
- ``places.tsv.gz``: cities and first-level regions with Arabic name, English
  name and Wikidata id, from dr5hn/countries-states-cities-database (ODbL);
- ``clubs.tsv.gz``: sports clubs with Arabic and English names (arwikicats, MIT);
- ``name_prior.tsv.gz``: per frequent Arabic word, the learned probability that
  it is (part of) a name rather than a common word (``rasd.recognise.nameness``).

Sources are read at pinned commits (``SOURCES``); raw third-party text never
enters the repository, only these derived tables. Deterministic.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sqlite3
import subprocess
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from rasd.kb import load_dir
from rasd.kb.names import REGION_OF, REGIONS
from rasd.kb.places import arabic_only
from rasd.recognise.nameness import letters_score
from rasd.text.normalise import normalise, proclitic_splits

OUT = Path(__file__).resolve().parent.parent / "data" / "kb" / "generated"
SOURCES = {
    "dr5hn": "7fda0afd3e75391d9480c22ed3a2b91f50e08eb6",
    "netranslit": "5d5f59e561ecea45a6d3602121e1049baa7a76c3",
}
ANERCORP = Path(__file__).resolve().parents[3] / "shared" / "eval" / "anercorp-camel" / "ANERCorp_CamelLab_train.txt"
_LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÿĀ-žḀ-ỿ' .\-]+$")


def _git_show(git_dir: str, commit: str, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"], capture_output=True, check=True).stdout


def _git_ls(git_dir: str, commit: str, folder: str) -> list[str]:
    out = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "--name-only", commit, folder + "/"],
                         capture_output=True, check=True, text=True).stdout
    return out.split()


def _write(name: str, rows: list[tuple]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    text = "".join("\t".join(" ".join(str(c).split()) for c in r) + "\n" for r in rows)
    with gzip.GzipFile(OUT / name, "wb", mtime=0) as f:  # mtime 0: the same bytes on every build
        f.write(text.encode("utf-8"))
    print(f"{name}: {len(rows)} rows")


def _arabic_name(text: str) -> str | None:
    """A name written in the Arabic alphabet proper, normalised; None for Persian/Urdu spellings."""
    text = " ".join(text.replace("ک", "ك").replace("ی", "ي").split())
    return normalise(text) if text and arabic_only(text) else None


def _romanizer_db() -> sqlite3.Connection:
    import arabic_name_romanizer

    db = Path(arabic_name_romanizer.__file__).parent / "resources" / "names.sqlite3"
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def person_names() -> list[tuple]:
    """(arabic, latin, country, people) per Arabic full name: the Latin spelling most people
    so named use on Wikidata (English labels first). Only the CC0 Wikidata rows."""
    votes: dict[str, Counter] = defaultdict(Counter)
    countries: dict[str, Counter] = defaultdict(Counter)
    for ar, latin, lang, cc, n in _romanizer_db().execute(
        "SELECT arabic_key, latin, latin_lang, country, count FROM full_names WHERE source = 'wikidata'"
    ):
        key = _arabic_name(ar)
        if not key or " " not in key or not _LATIN_NAME.match(latin):
            continue
        votes[key][latin] += n * (2 if lang == "en" else 1)
        countries[key][cc] += n
    rows = []
    for key in sorted(votes):
        latin, _ = votes[key].most_common(1)[0]
        rows.append((key, latin, countries[key].most_common(1)[0][0], sum(countries[key].values())))
    return rows


# The Maghreb spells Arabic names the French way (Ben Attia, al-Qourachi, Abderrahim), Iran,
# Afghanistan and Pakistan the Persian or Urdu way (Reza, Fazal, Alavi, Javad); an English reader
# of Arabic news knows bin Attia, al-Qurashi, Abdulrahim, Rida, Fadl, Alawi, Jawad. Iran and
# Pakistan alone carry over a third of the votes: these countries' votes count a fifth.
_OTHER_CONVENTION = frozenset({"TN", "DZ", "MA", "MR", "IR", "AF", "PK"})
_OTHER_CONVENTION_WEIGHT = 0.2
# Spellings part by region (Egypt's Gamal, the Gulf's Jamal, Tunisia's Rached, Iran's Javad):
# each unit also keeps its carriers and usual spelling per region of ``names.REGIONS``, so that
# a name is spelled the way its bearer's region does.
_REGION_MIN = 5  # carriers in a region before its spelling counts: one or two are noise (سلطان, Al-Sharji)


def name_parts(netranslit: str) -> list[tuple]:
    """(arabic unit, latin, given, surname, other, region carriers, region spellings) per name
    unit (a word, or a compound such as عبد الله): the usual Latin spelling, how many Wikidata
    people carry it as given name, surname or unknown part, and per region of ``names.REGIONS``
    (comma-, bar-separated, empty where none) its carriers and, where it has ``_REGION_MIN`` of
    them, its spelling there when that differs from the usual one."""
    votes: dict[str, Counter] = defaultdict(Counter)
    roles: dict[str, Counter] = defaultdict(Counter)
    regional: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for ar, latin, role, cc, n in _romanizer_db().execute(
        "SELECT arabic_key, latin, role, country, count FROM units WHERE source = 'wikidata'"
    ):
        key = _arabic_name(ar)
        if not key or key.count(" ") > 2 or not _LATIN_NAME.match(latin):
            continue  # units of up to three words: عبد الله, نور الدين, بن عبد العزيز
        votes[key][latin] += n * (_OTHER_CONVENTION_WEIGHT if cc in _OTHER_CONVENTION else 1.0)
        roles[key][role if role in ("given", "surname") else "other"] += n
        if cc in REGION_OF:
            regional[key][REGION_OF[cc]][latin] += n
    data = _git_show(netranslit, SOURCES["netranslit"], "data/wd_arabic.normalized.aligned.tokens").decode("utf-8")
    for line in data.splitlines():
        parts = line.split("\t")
        if len(parts) != 3:
            continue
        latin, ar, n = parts[0], parts[1].replace(" ", ""), int(parts[2])
        key = _arabic_name(ar)
        if not key or not latin.isalpha():
            continue
        votes[key][latin[:1].upper() + latin[1:]] += n
        roles[key]["other"] += n
    rows = []
    for key in sorted(votes):
        latin, _ = votes[key].most_common(1)[0]
        r = roles[key]
        reg = regional.get(key, {})
        carriers = ",".join(str(sum(reg[g].values())) if g in reg else "0" for g in REGIONS) if reg else ""
        spellings = "|".join(
            best if sum(reg.get(g, {}).values()) >= _REGION_MIN and (best := reg[g].most_common(1)[0][0]) != latin
            else "" for g in REGIONS
        ) if reg else ""
        rows.append((key, latin, round(r["given"]), round(r["surname"]), round(r["other"]), carriers, spellings))
    return rows


# The Arab world and its neighbours keep every town; elsewhere a town needs this many people
# (regions are always kept): a village of Austria is noise in Arabic news (بيرا, Pyhra).
_NEAR = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE "
    "TR IR IL ET ER SS TD NE ML AF PK CY GR IT ES MT AZ AM GE KZ UZ TM".split())
MIN_FAR_POPULATION = 5_000


def places(dr5hn: str) -> list[tuple]:
    """(wikidata, english, arabic forms, country, kind, population) for dr5hn's cities and
    regions that have an Arabic name in the Arabic alphabet proper."""
    rows = []
    seen: set[str] = set()
    with tempfile.NamedTemporaryFile(suffix=".sqlite3") as tmp:
        tmp.write(_git_show(dr5hn, SOURCES["dr5hn"], "sqlite/states.sqlite3"))
        tmp.flush()
        con = sqlite3.connect(tmp.name)
        states = con.execute("SELECT name, country_code, native, translations, wikiDataId, population FROM states").fetchall()
    records = [(n, cc, native, json.loads(tr or "{}"), qid, pop, "region") for n, cc, native, tr, qid, pop in states]
    for path in _git_ls(dr5hn, SOURCES["dr5hn"], "contributions/cities"):
        try:
            cities = json.loads(_git_show(dr5hn, SOURCES["dr5hn"], path))
        except (subprocess.CalledProcessError, ValueError):
            continue  # a file the mirror holds only as a large-file pointer
        records += [(c["name"], c["country_code"], c.get("native"), c.get("translations") or {}, c.get("wikiDataId"),
                     c.get("population"), "city") for c in cities]
    for name, cc, native, tr, qid, pop, kind in records:
        if not qid or not re.match(r"^Q[1-9][0-9]*$", qid) or qid in seen:
            continue
        forms = []
        for f in (tr.get("ar"), native if tr.get("ar") else None):
            if f and arabic_only(" ".join(f.split())) and " ".join(f.split()) not in forms:
                forms.append(" ".join(f.split()))
        if not forms:
            continue
        seen.add(qid)
        try:
            population = int(pop or 0)
        except ValueError:
            population = 0
        rows.append((qid, name, "|".join(forms), cc, kind, population))
    rows = [r for r in rows if r[3] in _NEAR or r[4] == "region" or r[5] >= MIN_FAR_POPULATION]
    rows.sort(key=lambda r: (r[3], r[1], r[0]))
    return rows


_NOT_CLUBS = re.compile(r"^(دوري|بطولة|كأس|الدوري|بطولات|سباق|مسابقة|منتخب)\b")


def clubs() -> list[tuple]:
    """(english, arabic) per sports club of arwikicats (leagues, cups and national teams out)."""
    import importlib.util

    spec = importlib.util.find_spec("ArWikiCats")
    root = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr]
    data = json.loads((root / "jsons" / "sports" / "Clubs_key.json").read_text("utf-8"))
    rows = []
    for en, ar in sorted(data.items()):
        ar = " ".join(ar.split())
        if not ar or _NOT_CLUBS.match(ar) or not re.match(r"^[\u0621-\u064A\u064B-\u0652 \-.'()0-9]+$", ar):
            continue
        rows.append((_title(en), ar))
    return rows


def _title(name: str) -> str:
    """Title case for arwikicats' lowercased English names, short club abbreviations upper (FC, SC)."""
    out = []
    for w in name.split():
        bare = w.strip(".")
        out.append(w.upper() if len(bare) <= 3 and bare.isalpha() and bare in {"fc", "sc", "cf", "ac", "afc", "sv", "fk", "sk", "cd", "ud", "rc", "as", "us"} else w[:1].upper() + w[1:])
    return " ".join(out)


def prior_features(word: str, freq: dict[str, float], parts: dict[str, tuple[int, int, int]], place_words: set[str]) -> list[float]:
    """What says a word is a name: how common it is in general text (wordfreq, Zipf scale),
    how many Wikidata people carry it as given name, surname or other part, and whether it
    is a word of a place name or of a curated KB name (each for its best proclitic reading),
    and how much its letters look like a name (the recogniser's character n-gram model)."""
    best = (0, 0, 0)
    place = 0.0
    for _, rest in proclitic_splits(word):
        p = parts.get(rest)
        if p and sum(p) > sum(best):
            best = p
        if rest in place_words:
            place = 1.0
    zipf = freq.get(word, 0.0)
    given, surname, other = best
    return [zipf, math.log1p(given), math.log1p(surname), math.log1p(other), place, letters_score(word)]


def name_prior(parts_rows: list[tuple], place_rows: list[tuple], anercorp: Path) -> list[tuple]:
    """(word, P(name)) for frequent Arabic words, from gradient-boosted trees fitted on ANERcorp's
    train split: per word type, its occurrences inside and outside named entities (weighted by
    log counts, so that a few hundred function words do not decide the model)."""
    import numpy as np
    import wordfreq
    from sklearn.ensemble import HistGradientBoostingClassifier

    freq: dict[str, float] = {}
    for w, f in wordfreq.get_frequency_dict("ar").items():
        n = normalise(w)
        if n and " " not in n:
            freq[n] = freq.get(n, 0.0) + f
    freq = {w: round(math.log10(f * 1e9), 2) for w, f in freq.items()}
    parts = {r[0]: (int(r[2]), int(r[3]), int(r[4])) for r in parts_rows}
    place_words = {w for r in place_rows for f in r[2].split("|") for w in normalise(f).split()}
    # the curated KB's names (CLDR countries included): الصين, أفريقيا, الزمالك are names
    place_words |= {w for e in load_dir(geonames=False).entities() for f in e.ar for w in normalise(f).split()}
    inside: Counter = Counter()
    total: Counter = Counter()
    for line in anercorp.read_text("utf-8").splitlines():
        bits = line.split()
        if len(bits) != 2:
            continue
        w = normalise(bits[0])
        total[w] += 1
        inside[w] += bits[1] != "O"
    words = sorted(total)
    x = np.array([prior_features(w, freq, parts, place_words) for w in words])
    y_pos, y_neg = np.array([inside[w] for w in words]), np.array([total[w] - inside[w] for w in words])
    xx = np.vstack([x, x])
    yy = np.array([1] * len(words) + [0] * len(words))
    weights = np.concatenate([y_pos, y_neg]).astype(float)
    keep = weights > 0
    clf = HistGradientBoostingClassifier(max_iter=200, max_depth=4, l2_regularization=1.0, random_state=13)
    clf.fit(xx[keep], yy[keep], sample_weight=np.minimum(weights[keep], 50))
    vocab = sorted(w for w, z in freq.items() if z >= 3.0 and len(w) >= 2)
    p = clf.predict_proba(np.array([prior_features(w, freq, parts, place_words) for w in vocab]))[:, 1]
    return [(w, f"{q:.3f}") for w, q in zip(vocab, p)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dr5hn", required=True, help="git dir of dr5hn/countries-states-cities-database")
    ap.add_argument("--netranslit", required=True, help="git dir of steveash/NETransliteration-COLING2018")
    ap.add_argument("--anercorp", type=Path, default=ANERCORP, help="ANERcorp CAMeL train split (for the name prior)")
    args = ap.parse_args()
    people = person_names()
    _write("person_names.tsv.gz", people)
    parts = name_parts(args.netranslit)
    _write("name_parts.tsv.gz", parts)
    pl = places(args.dr5hn)
    _write("places.tsv.gz", pl)
    _write("clubs.tsv.gz", clubs())
    _write("name_prior.tsv.gz", name_prior(parts, pl, args.anercorp))


if __name__ == "__main__":
    main()
