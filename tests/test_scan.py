"""`python -m analysis scan`: every figure an article prints is found, nothing else is, and matches are honest.

The expected figures below were listed by hand from each article's text (read, not copied from the scanner's
output). The seed story's copy lives in tests/fixtures/ so the tests never need a path outside the repository; a
test checks it is still the shared seed, by the seed's recorded hash (and against the file where it is present).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from analysis.factcheck.scan import claims_stub, render_markdown, scan_text
from analysis.factcheck.scan_find import find_figures
from analysis.factcheck.scan_text import Sentence, sentences, to_text
from analysis.paths import DEFAULT, PROJECT_ROOT

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-article.txt"
ARTICLES = FIXTURES / "articles"

#: Hand-checked: every statistic each article prints, as printed, in reading order. Left out on purpose: dates,
#: years, durations ("24 hours"), the reporter's e-mail and Signal number, "one of those SARs", the definition's
#: "two or more suspects and at least one victim", vague amounts ("hundreds", "tens of cases"), and a range to check
#: by hand ("maybe 2,000 or 3,000 cases", an estimate of between two and three thousand, is no one figure).
HAND_CHECKED: dict[str, list[str]] = {
    "seed-article.txt": ["13 per cent", "32", "one", "56 per cent", "more than 1,200", "£15.6million"],
    "policeprofessional-beaconport.txt": ["1,273", "23", "236"],
    "yahoo-standard-2018-child-sex-crimes.txt": ["30 per cent", "30 per cent", "more than 1,000", "1,200", "922",
                                                 "two", "22", "around 3,200"],
    "gbnews-met-9000.txt": ["9,000", "9,000", "2,200", "1,200", "9,000", "around 2,000"],
    "met-2017-cse-awareness-day.txt": ["nearly 50 per cent", "49 per cent", "618", "922", "42 per cent", "1,116",
                                       "1,582", "135 per cent"],
}


def article(name: str) -> str:
    """A fixture's article text, without its '# URL: …' header lines."""
    path = SEED if name == SEED.name else ARTICLES / name
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("# "))


@pytest.fixture(scope="module")
def scans() -> dict[str, dict]:
    return {name: scan_text(article(name), DEFAULT) for name in HAND_CHECKED}


def precision_recall(found: list[str], expected: list[str]) -> tuple[float, float]:
    hits = sum((Counter(found) & Counter(expected)).values())
    return (hits / len(found) if found else 1.0), (hits / len(expected) if expected else 1.0)


@pytest.mark.parametrize("name", sorted(HAND_CHECKED))
def test_every_printed_figure_is_found_and_nothing_else(scans: dict[str, dict], name: str) -> None:
    found = [f["value_as_printed"] for f in scans[name]["figures"]]
    assert precision_recall(found, HAND_CHECKED[name]) == (1.0, 1.0), found
    assert found == HAND_CHECKED[name]


def test_every_other_article_fixture_names_its_url() -> None:
    files = sorted(ARTICLES.glob("*.txt"))
    assert len(files) >= 3 and all(f.name in HAND_CHECKED for f in files)
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("# URL: http"), path.name


#: sha256 of the seed story as shared with the project (../shared/seed-article.txt, read on 2026-12-04).
SEED_SHA256 = "693b873e127f1ee3f8ba2c8b03cf8b7f57a0f82ec6cd2aedafe5f49c48b51edf"


def test_the_seed_copy_is_the_shared_seed() -> None:
    """The committed copy is byte for byte the shared seed: by its recorded hash on any machine, and compared with
    the shared file itself where one sits beside the checkout (as in CI)."""
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256
    shared = PROJECT_ROOT.parent / "shared" / "seed-article.txt"
    if shared.exists():
        assert SEED.read_bytes() == shared.read_bytes()


def test_the_seeds_contact_details_are_left_out_not_reported(scans: dict[str, dict]) -> None:
    result = scans["seed-article.txt"]
    assert not any("447580255582" in f["value_as_printed"] or "@" in f["value_as_printed"] for f in result["figures"])
    kinds = {x["text"]: x["kind"] for x in result["left_out"]}
    assert kinds["+447580255582"] == "phone number"
    assert kinds["[email protected]"] == "e-mail address"
    assert kinds["24 hours"] == "duration" and kinds["September 2024"] == "date" and kinds["October 16"] == "date"


def _entry(result: dict, printed: str, index: int = 0) -> dict:
    return [f for f in result["figures"] if f["value_as_printed"] == printed][index]


def test_the_national_and_the_met_figures_are_listed_and_said_to_differ(scans: dict[str, dict]) -> None:
    national = _entry(scans["seed-article.txt"], "more than 1,200")
    assert national["definitions"][0] == "historic_cases_identified_for_review"
    assert national["definitions_differ"]
    listed = national["matches"] + national["other_definitions"]
    relations = {(m["measure"], m["value_as_printed"]): m["relation"] for m in listed}
    assert relations[("met_historic_cases_in_scope", "1,200")] == "printed alike"  # not "more than" 1,200
    assert relations[("historic_cases_identified_for_review", "1,273")] == "consistent"
    # Published first: the Safeguarding Minister's statement of 2 September 2025 (1,273) precedes the story.
    assert national["matches"][0]["figure_id"] == "hansard-2025-09-02-gbcse-statement-copy/historic-cases-identified"
    claims = [c["claim_id"] for c in national["claims"]]
    assert "mylondon-2025-10-grooming-gangs/claim-national-historic-cases" in claims
    met = _entry(scans["gbnews-met-9000.txt"], "1,200")
    assert met["definitions"][0] == "met_historic_cases_in_scope"
    # the national figure is shown beside the Met's as a warning, never as its answer (issue 26)
    assert met["definitions"] == ["met_historic_cases_in_scope"] and met["definitions_differ"]
    warned = {m["measure"]: m["differs"] for m in met["other_definitions"]}
    assert warned["historic_cases_identified_for_review"] == "England and Wales, not London"


def test_a_figure_the_record_lacks_is_not_matched(scans: dict[str, dict]) -> None:
    for printed in ("22", "two"):
        entry = _entry(scans["yahoo-standard-2018-child-sex-crimes.txt"], printed)
        assert entry["status"] == "not in the record" and entry["matches"] == []


def test_a_count_of_one_thing_does_not_match_a_count_of_another(scans: dict[str, dict]) -> None:
    """'23 police forces' matches forces, never the 23 of something else; 'one investigation' matches no rate."""
    forces = _entry(scans["policeprofessional-beaconport.txt"], "23")
    assert forces["matches"] and {m["measure"] for m in forces["matches"]} == {"beaconport_referring_forces"}
    one = _entry(scans["seed-article.txt"], "one")
    assert {m["measure"] for m in one["matches"]} == {"grooming_gang_ongoing_investigations"}


def test_a_rise_is_not_matched_to_a_share(scans: dict[str, dict]) -> None:
    rise = _entry(scans["yahoo-standard-2018-child-sex-crimes.txt"], "30 per cent", 1)
    assert rise["derived"] == "percent_change"
    assert rise["matches"] and all(m["measure"].startswith("change") for m in rise["matches"])


def test_claims_and_verdicts_are_reported(scans: dict[str, dict]) -> None:
    rise = _entry(scans["seed-article.txt"], "56 per cent")
    assert rise["derived"] == "percent_change" and not rise["should_register"]
    claim = rise["claims"][0]
    assert claim["claim_id"] == "mylondon-2025-10-grooming-gangs/claim-children-at-risk-cse-rise"
    assert claim["verdict"] == "cannot be checked: not found" and claim["in_this_text"]


def test_the_claims_stub_covers_derived_figures_not_yet_registered(scans: dict[str, dict]) -> None:
    result = scans["met-2017-cse-awareness-day.txt"]
    online = _entry(result, "135 per cent")
    assert online["should_register"] and online["claims"] == []
    stub = yaml.safe_load(claims_stub(result))
    entry = next(e for e in stub if e["stated"] == "135 per cent")
    assert entry["kind"] == "percent_change" and entry["inputs"] == {"from": "", "to": ""}
    assert entry["source_id"] == "" and entry["claimant"] == ""  # nothing guessed
    assert all(e["stated"] != "49 per cent" for e in stub)  # already registered


def test_markdown_is_a_table_with_one_row_per_figure(scans: dict[str, dict]) -> None:
    md = render_markdown(scans["seed-article.txt"], show_all=False)
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + len(HAND_CHECKED["seed-article.txt"])
    # the 32 boroughs match two definitions; the registered claim checks the story's against London Councils'
    assert ("matches 2 definitions: claim mylondon-2025-10-grooming-gangs/claim-32-boroughs checks "
            "boroughs\\_sent\\_foi\\_requests against london\\_boroughs") in md
    assert "not in the record" not in md


@pytest.mark.parametrize(("text", "expected"), [
    ("Almost three-quarters of cases were graded inadequate.", [("Almost three-quarters", 75.0, "almost", "share")]),
    ("One in five children said they had told no one.", [("One in five", 20.0, "about", "share")]),
    ("Six boroughs replied, and the force spent £2.4m on it.", [("Six", 6.0, "exact", ""),
                                                                 ("£2.4m", 2_400_000.0, "exact", "")]),
    ("The rate was 2.77 per 1,000 children, up 3 percentage points.",
     [("2.77 per 1,000", 2.77, "exact", "rate"), ("3 percentage points", 3.0, "exact", "point_change")]),
    ("Referrals doubled, and charges were three times higher than before.",
     [("doubled", 2.0, "about", "percent_change"), ("three times", 3.0, "about", "ratio")]),
    ("Some 300 officers and nearly half of the 1,500 cases were involved.",
     [("Some 300", 300.0, "about", ""), ("nearly half", 50.0, "almost", "share"), ("1,500", 1500.0, "exact", "")]),
    ("The number rose by 278, to 1,200.", [("278", 278.0, "exact", "difference"), ("1,200", 1200.0, "exact", "")]),
])
def test_the_printed_forms_are_read_with_their_qualifiers(text: str, expected: list[tuple]) -> None:
    found, _ = find_figures(Sentence(text, 1, 0))
    assert [(f.text, pytest.approx(f.printed.value), f.printed.qualifier, f.derived) for f in found] == expected


@pytest.mark.parametrize(("text", "kinds"), [
    ("The panel met on 3 March 2024 at 10:30am in 10 Downing Street.", ["time", "date", "street number"]),
    ("Children aged 10 to 17, under-18s and 15-year-olds were counted from 2010/11.", ["age", "age", "age", "year"]),
    ("Call 020 7946 0000 or see https://example.org/story-123456789 (ref SW1A 2AA).",
     ["URL", "phone number", "postcode"]),
    ("See page 12, section 4.2 and the 2nd table.", ["reference number", "reference number", "ordinal"]),
])
def test_non_statistics_are_left_out_with_their_kind(text: str, kinds: list[str]) -> None:
    found, left_out = find_figures(Sentence(text, 1, 0))
    assert found == []
    assert sorted(x.kind for x in left_out) == sorted(kinds)


def test_html_is_reduced_to_the_same_figures() -> None:
    paragraphs = article("policeprofessional-beaconport.txt").split("\n\n")
    page = ("<html><head><title>t</title><script>var id = 987654;</script></head><body><nav>Home 2025</nav>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")
    figures = [f["value_as_printed"] for f in scan_text(page, DEFAULT)["figures"]]
    assert figures == HAND_CHECKED["policeprofessional-beaconport.txt"]
    assert len(sentences(to_text(page))) == 5  # 1 + 2 + 2 sentences, nothing from <head>, <script> or <nav>


def test_the_command_reads_standard_input_and_writes_json_and_a_stub(tmp_path: Path) -> None:
    stub = tmp_path / "stub.yaml"
    done = subprocess.run([sys.executable, "-m", "analysis", "scan", "-", "--json", "--claims-stub", str(stub)],
                          input=article("met-2017-cse-awareness-day.txt"), capture_output=True, text=True,
                          cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert [f["value_as_printed"] for f in result["figures"]] == HAND_CHECKED["met-2017-cse-awareness-day.txt"]
    assert "135 per cent" in stub.read_text(encoding="utf-8")


def test_the_command_names_a_missing_file() -> None:
    done = subprocess.run([sys.executable, "-m", "analysis", "scan", "no-such-article.txt"], capture_output=True,
                          text=True, cwd=PROJECT_ROOT)
    assert done.returncode == 2 and "no-such-article.txt" in done.stderr


# --- input the scanner must refuse or read exactly (issue 24, item 3) ---------------------------------------------

SENTENCE = "Police recorded 1,273 offences in 2015."


def _scan_cli(*args: str, stdin: bytes | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "scan", *args], input=stdin, capture_output=True,
                          cwd=PROJECT_ROOT, timeout=120, **kw)


@pytest.mark.parametrize("data, says", [
    (b"%PDF-1.7\n1 0 obj 12 34 56 0 R endobj", "a PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR 12 34", "a PNG image"),
    (bytes(range(256)) * 4, "binary"),
    ("Le co\u00fbt: 1 200 \u00a3".encode("cp1252"), "not valid utf-8"),
])
def test_non_text_and_undeclared_encodings_are_refused_with_one_line(data: bytes, says: str) -> None:
    done = _scan_cli("-", stdin=data)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert says in err and "Traceback" not in err and err.count("\n") == 1
    assert done.stdout == b""


def test_utf16_with_a_bom_and_declared_latin1_are_read_exactly() -> None:
    text = "Councils spent \u00a315.6million on 1,273 cases."
    assert "£15.6million" in _scan_cli("-", stdin=text.encode("utf-16")).stdout.decode()
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{text}</p></body></html>'
    assert "£15.6million" in _scan_cli("-", stdin=page.encode("latin-1")).stdout.decode()


def test_an_input_over_the_limit_is_refused_and_the_flag_raises_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text((SENTENCE + " ") * 30_000, encoding="utf-8")  # ~1.2 MB
    done = _scan_cli(str(big), "--max-mb", "1")
    assert done.returncode == 2 and "over the 1 MB limit" in done.stderr.decode() and "--max-mb" in done.stderr.decode()
    assert _scan_cli("/dev/zero", "--max-mb", "0.1").returncode == 2


def test_a_closed_standard_input_gives_a_message_not_a_traceback() -> None:
    done = subprocess.run(["sh", "-c", '"$0" -m analysis scan - <&-', sys.executable], capture_output=True,
                          cwd=PROJECT_ROOT, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr.decode() and "standard input is closed" in done.stderr.decode()


def test_the_claims_stub_never_overwrites_a_file(tmp_path: Path) -> None:
    stub = tmp_path / "claims.yaml"
    stub.write_text("keep me\n", encoding="utf-8")
    done = _scan_cli("-", "--claims-stub", str(stub), stdin=b"Offences rose by 135 per cent.")
    assert done.returncode == 2 and "never overwrites" in done.stderr.decode()
    assert stub.read_text(encoding="utf-8") == "keep me\n"


def test_a_summary_line_and_an_exit_code_a_script_can_use() -> None:
    held = _scan_cli("-", stdin=article("policeprofessional-beaconport.txt").encode())
    last = held.stdout.decode().strip().splitlines()[-1]
    assert last.startswith("scan: 3 figures found, ") and "not in the record" in last and "claims checked" in last
    absent = _scan_cli("-", stdin=b"Police made 987,654 arrests for grooming offences in 2031.")
    assert absent.returncode == 1 and "1 not in the record" in absent.stdout.decode()


@pytest.mark.parametrize("page", [
    "<!doctype html><html><head><title>t</title><meta charset=utf-8><body><p>" + SENTENCE,  # no </head>, no </body>
    "<html><body><svg><g><path d='M0 0'/>" + "<p>" + SENTENCE + "</p>",  # an <svg> never closed
    "<html><body><nav><ul><li>Home</ul></nav><p>" + SENTENCE + "</p>",  # an unclosed <li> inside a skipped <nav>
    "x " * 4000 + "<p>" + SENTENCE
    + "</p><script>s = \"Police recorded 4,444 offences\";</script>",  # tags after 5,000 chars
])
def test_html_of_any_shape_gives_its_visible_figures(page: str) -> None:
    found = [f["value_as_printed"] for f in scan_text(page, DEFAULT)["figures"]]
    assert found == ["1,273"]


def test_hidden_text_is_not_read() -> None:
    page = ("<html><body><p>" + SENTENCE + "</p><p style='display: none'>Police recorded 4,444 offences.</p>"
            "<div hidden><p>Police recorded 5,555 offences.</p></div><p style=visibility:hidden>6,666"
            "<template><p>7,777 offences</p></template><style>.a{width:8888px}</style></body></html>")
    assert [f["value_as_printed"] for f in scan_text(page, DEFAULT)["figures"]] == ["1,273"]


def test_markdown_shows_an_articles_markup_as_words() -> None:
    page = "Police recorded 1,273 offences <img src=x onerror=alert(1)> in 2015."
    md = render_markdown(scan_text(page, DEFAULT), show_all=True)
    assert "<img" not in md and "&lt;img" in md


def test_newsroom_short_forms_are_found_in_prose() -> None:
    found = find_figures(Sentence("Offences rose 18.6pc to 33k, and 3m children were online.", 1, 0))[0]
    assert [(f.text, f.printed.value) for f in found] == [("18.6pc", 18.6), ("33k", 33_000), ("3m", 3_000_000)]


@pytest.mark.parametrize("text", [
    "Some victims were as young as 13 when the abuse began.",
    "Girls younger than 11 were among those groomed.",
    "She was abused before the age of 16 by a group of men.",
    "The abuse continued after she turned 16.",
])
def test_ages_are_set_aside_not_counted(text: str) -> None:
    found, left_out = find_figures(Sentence(text, 1, 0))
    assert found == [] and [x.kind for x in left_out] == ["age"]


@pytest.mark.parametrize("text, expected", [
    ("Referrals were up by more than a third.", ("more than a third", "more than")),
    ("Offences rose by almost a fifth, police said.", ("almost a fifth", "almost")),
    ("Around a third were from London.", ("Around a third", "about")),
])
def test_fractions_in_words_without_of_are_found(text: str, expected: tuple[str, str]) -> None:
    found = find_figures(Sentence(text, 1, 0))[0]
    assert [(f.text, f.printed.qualifier) for f in found] == [expected]


@pytest.mark.parametrize("text", ["It was a third party deal.", "In the first half, police made arrests."])
def test_fraction_words_that_are_not_shares_are_not_figures(text: str) -> None:
    assert find_figures(Sentence(text, 1, 0))[0] == []
