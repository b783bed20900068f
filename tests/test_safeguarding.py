"""No personal data anywhere in the project's data or notebooks: no e-mail address, phone number, date of birth or
postcode, in any CSV cell or YAML string under data/raw and data/processed, nor in the notebooks' text.

A finding names the file, the row or key and the kind of personal data, never the value itself (it would then
be printed into every test log). The patterns are `analysis.record.safeguarding.PATTERNS`.

URLs: a web address is the public address of a published document, and news URLs carry long article ids
(a Yahoo News URL ends in a nine-digit number starting with 0) that the phone pattern would take for a number.
So a URL, whether a `url_main` value or a link inside text, is scanned for e-mail addresses (and `mailto:`) and
for telephone links (`tel:`, `wa.me/`) only, not for the digit-run phone pattern or postcodes; the text around a
link is scanned for everything. `personal_data_in` does this itself, so the build's own checks agree.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from analysis.paths import PROJECT_ROOT
from analysis.record.rawtext import read_text
from analysis.record.safeguarding import LONG_NUMBER, PATTERNS, personal_data_in

DATA = PROJECT_ROOT / "data"
NOTEBOOKS = PROJECT_ROOT / "notebooks"
SEED_ARTICLE = PROJECT_ROOT / "tests" / "fixtures" / "seed-article.txt"  # the committed copy of the seed story


def _strings(value: Any, key: str) -> Iterator[tuple[str, str]]:
    """(key path, text) for every string in a YAML/JSON value: `[3].citation`, `resources[0].title`."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, f"{key}.{k}" if key else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, f"{key}[{i}]")
    elif isinstance(value, str):
        yield key, value


def text_fields(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every text field of one file: CSV row:column, YAML/JSON key path, notebook cell:line."""
    if path.suffix == ".csv":
        rows = csv.reader(io.StringIO(read_text(path)))
        header = next(rows, [])
        for line, values in enumerate(rows, start=2):
            for column, value in zip(header, values, strict=True):
                yield f"row {line}, {column}", value
    elif path.suffix in (".yaml", ".yml"):
        yield from _strings(yaml.safe_load(read_text(path)), "")
    elif path.suffix == ".json":
        yield from _strings(json.loads(read_text(path)), "")
    elif path.suffix == ".ipynb":
        notebook = json.loads(read_text(path))
        for n, cell in enumerate(notebook.get("cells", []), start=1):
            yield f"cell {n}", "".join(cell.get("source", []))
            for output in cell.get("outputs", []):
                yield f"cell {n} output", "".join(output.get("text", []))
                for mime, content in (output.get("data") or {}).items():
                    if mime.startswith("text/") or mime.endswith("json"):
                        text = content if isinstance(content, str) else "".join(content) \
                            if isinstance(content, list) else json.dumps(content)
                        yield f"cell {n} output {mime}", text
    else:  # paired notebook scripts and markdown
        for line, text in enumerate(read_text(path).split("\n"), start=1):
            yield f"line {line}", text


def scanned_files() -> list[Path]:
    files = [p for p in sorted(DATA.rglob("*")) if p.is_file() and p.suffix in (".csv", ".yaml", ".yml", ".json")
             and not any(part.startswith(".") for part in p.relative_to(DATA).parts)]
    if NOTEBOOKS.exists():
        files += [p for p in sorted(NOTEBOOKS.rglob("*")) if p.is_file() and p.suffix in (".ipynb", ".py", ".md")
                  and ".ipynb_checkpoints" not in p.parts]
    return files


def findings(path: Path) -> list[str]:
    return [f"{path.relative_to(PROJECT_ROOT).as_posix()}: {where}: seems to contain {kind}"
            for where, text in text_fields(path) for kind in personal_data_in(text)]


FILES = scanned_files()


def test_there_is_something_to_scan():
    assert any(p.parent.name == "figures" for p in FILES)
    assert any(p.name == "sources.yaml" for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(PROJECT_ROOT).as_posix())
def test_no_personal_data(path: Path):
    found = findings(path)
    assert not found, "personal data must not enter the project (value not shown):\n" + "\n".join(found)


# --- the patterns catch what they are for, and not URLs' article ids ---------------------------------------------

# Made-up or reserved values only: example.com, Ofcom's drama numbers, a reserved postcode.
CAUGHT = [
    ("contact the reporter at reporter@example.com", "an e-mail address"),
    ("Email [email\u00a0protected] for tips", "an e-mail address"),
    ("call 020 7946 0000 today", "a phone number"),
    ("call 07700 900123 today", "a phone number"),
    ("or phone +447700900123 in confidence", "a phone number"),
    ("or phone +44 20 7946 0000", "a phone number"),
    ("lives near SW1A 1AA", "a UK postcode"),
    ("NHS number 943 476 5919", "an NHS number"),
    ("NI number QQ 12 34 56 C", "a National Insurance number"),
    ("his date of birth was given", "a date of birth"),
    ("the boy, born on 1 May", "a date of birth"),
    ("mailto:reporter@example.com", "an e-mail address"),
    ("https://example.com/contact?email=reporter@example.com", "an e-mail address"),
    ("https://wa.me/447700900123", "a phone number"),
    ("read https://example.com/story-090533808.html or call 020 7946 0000", "a phone number"),
    ("passport 925665416 was seen", LONG_NUMBER),
    ("she lived at 12 Acacia Road", "a street address"),
    ("logged from 192.0.2.146", "an IP address"),  # an address reserved for documentation (RFC 5737)
    ("logged from 2001:db8::8a2e:370:7334", "an IPv6 address"),  # reserved for documentation (RFC 3849)
    ("the laptop 00:00:5E:00:53:AF was seized", "a device's hardware address"),  # reserved for documentation (RFC 7042)
    ("a car, AB12 CDE, was seen", "a vehicle registration"),
    ("paid into GB33 BUKB 2020 1555 5555 55", "a bank account"),  # the example IBAN banks publish
    ("crime ref 0123456/24 was given", "a personal reference number"),
    ("her account was @jane_doe_2009", "a social-media account"),
    ("licence MORGA753116SM9IJ was seized", "a driving licence number"),  # the DVLA's own example
    ("the flat at 51.50740, -0.12780", "a map position"),
    ("Jane Doe, 14, from Croydon", "a person's name and age"),
    # an age in words with "years old" at the end of a sentence: the gate knew "year old", not "years old" (r28a N3)
    ("Jane Doe, fourteen years old.", "a person's name and age"),
    ("Jane Doe, fourteen years old", "a person's name and age"),
]


@pytest.mark.parametrize(("text", "kind"), CAUGHT)
def test_the_patterns_catch_personal_data(text: str, kind: str):
    assert kind in personal_data_in(text)


@pytest.mark.parametrize("text", [
    "https://uk.news.yahoo.com/child-sex-crimes-london-30-090533808.html",
    "see https://uk.news.yahoo.com/child-sex-crimes-london-30-090533808.html for the story",
    "Table 1, row London | 2023/24 | 1,582",
    "Between April 2023 and March 2024 there were 107,000 offences",
    "p. 12, para 3.4",
    "Offences against children under sixteen years old rose.",  # an age group, no name
])
def test_urls_and_ordinary_figures_are_not_flagged(text: str):
    assert personal_data_in(text) == []


def test_the_seed_storys_contact_details_are_detected():
    """The seed article ends with the newsroom's contact line (an e-mail, shown on the copied page as Cloudflare's
    '[email protected]' stand-in, and a +44 mobile number). Read at run time, never copied here; the assertion
    messages name only the kinds found."""
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    at = text.rfind("+44")
    if at < 0:
        pytest.skip("the seed article no longer has a +44 number")
    start = max(text.rfind(".", 0, max(at - 200, 0)), 0)
    contact_line = text[start: at + 40]
    found = personal_data_in(contact_line)
    assert "a phone number" in found, f"the +44 number was not detected (found: {found})"
    has_email = "@" in contact_line or re.search(r"\[email\s+protected\]", contact_line)
    if has_email:
        assert "an e-mail address" in found, f"the e-mail was not detected (found: {found})"
    whole = personal_data_in(text)
    assert {"a phone number", "an e-mail address"} <= set(whole) or not has_email


def test_every_pattern_is_exercised():
    assert {kind for _, kind in CAUGHT} == set(PATTERNS)
