"""Issue 24, round twelve, the lead's own attacks: what the helpers' rounds 12a, 12b and 12c (their own files) did
not reach."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis.factcheck.scan_find import find_figures
from analysis.factcheck.scan_text import sentences, to_text
from analysis.record.figures import contains_printed
from analysis.record.safeguarding import personal_data_in


@pytest.mark.parametrize("text", ["write to jane.doe at met.police.uk", "j.doe AT example.org",
                                  "jane_doe at example.com"])
def test_an_address_with_a_plain_at_and_a_dotted_name_is_personal_data(text: str) -> None:
    """An address with " at " and plain dots passed, while the same address with " dot " or "(at)" was caught: the
    dotted name before it is what a reader decodes as an address."""
    assert personal_data_in(text) == ["an e-mail address"]


@pytest.mark.parametrize("text", ["published at gov.uk", "as before, e.g. at gov.uk", "see Table A.1 at gov.uk",
                                  "i.e at ons.gov.uk", "J.K. at gov.uk", "the report is at www.gov.uk"])
def test_a_plain_at_after_an_abbreviation_or_a_table_number_is_no_address(text: str) -> None:
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["tel020 7946 0000", "Phone07700 900123", "MOBILE07700900123", "fax020.7946.0000"])
def test_a_phone_number_written_close_up_after_its_label_is_personal_data(text: str) -> None:
    """A letter before a number keeps a hex hash from reading as a phone number, but "tel020 7946 0000" passed."""
    assert personal_data_in(text) == ["a phone number"]


def test_a_long_hex_hash_is_still_no_phone_number() -> None:
    assert personal_data_in("sha1 3f02079460000129a1b2c3d4e5f6a7b8c9d0e1f2") == []


@pytest.mark.parametrize("text", ["born 12032009", "born: 20090312"])
def test_a_birth_date_in_eight_digits_after_born_is_personal_data(text: str) -> None:
    assert personal_data_in(text) == ["a date of birth"]


def test_eight_digits_away_from_born_are_no_birth_date() -> None:
    assert personal_data_in("children born in 2010; reference 31122010") == []


@pytest.mark.parametrize("text", ["children born on or after 1 September 2010 were counted",
                                  "pupils born between 1 September 2009 and 31 August 2010",
                                  "adults born before 1 January 1990"])
def test_a_cohort_defined_by_birth_dates_is_no_date_of_birth(text: str) -> None:
    """Statistics define groups by birth dates; a group's bounds are no one's birthday (a kept false alarm until
    round twelve)."""
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["born on 12 March 2009", "the boy, born 12/03/2009"])
def test_a_birthday_after_born_is_still_personal_data(text: str) -> None:
    assert personal_data_in(text) == ["a date of birth"]


@pytest.mark.parametrize(("printed", "quote"), [("1,200", "between 1,200-1,500 offences were recorded"),
                                                 ("1,500", "between 1,200–1,500 offences were recorded"),
                                                 ("20%", "in 10–20% of cases")])
def test_one_end_of_a_range_is_not_printed(printed: str, quote: str) -> None:
    """A range is no one figure: scan leaves "10–20%" out as a range, yet the record took the value 20% (or 1,200)
    from it, a figure the source never printed alone."""
    assert not contains_printed(printed, quote)


@pytest.mark.parametrize(("printed", "quote"), [("1,200", "a 1,200-strong team"), ("9%", "a fall (−9%)"),
                                                 ("2,060", "In 2016-17, 2,060 referrals"), ("1,200", "1,200 - 1,500")])
def test_a_dash_that_joins_no_second_number_leaves_the_value_printed(printed: str, quote: str) -> None:
    assert contains_printed(printed, quote)


def _scanned(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    figures, others = [], []
    for sentence in sentences(to_text(text)):
        found, left = find_figures(sentence)
        figures += [f.text for f in found]
        others += [(x.text, x.kind) for x in left]
    return figures, others


def test_scan_leaves_an_nhs_number_out_as_the_record_refuses_it() -> None:
    """scan read "943 476 5919" (a valid NHS number) as the figures 943, 476 and 5,919."""
    assert _scanned("Her NHS number 943 476 5919 was withheld; 1,200 children were seen.") == \
        (["1,200"], [("943 476 5919", "NHS number")])


def test_three_numbers_whose_check_digit_fails_are_still_figures() -> None:
    assert _scanned("Rows: 120 340 1200 cases.")[0] == ["120", "340", "1200"]


# --- classes 2 and 5, found by round 12c (which ran out of time to fix them) ---------------------------------------


def test_the_user_s_ipython_profile_never_reaches_a_kernel(tmp_path: Path) -> None:
    """The kernels ran the user's IPython profile ($IPYTHONDIR or ~/.ipython): one line of kernel config,
    `ast_node_interactivity = "none"`, emptied every table and chart from the notebooks' copies, and no stamp
    covered it. The runner now gives its kernels an empty IPython directory of their own."""
    import nbformat

    from analysis.run import notebooks

    profile = tmp_path / "ipython" / "profile_default"
    profile.mkdir(parents=True)
    (profile / "ipython_kernel_config.py").write_text('c.InteractiveShell.ast_node_interactivity = "none"\n')
    notebook = tmp_path / "t.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("6 * 7")]), notebook)
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "IPYTHONDIR": str(tmp_path / "ipython")}
    with notebooks.KernelPool(1, env, tmp_path, fresh=True) as pool:
        pool.run([notebook], out, progress=False)
    outputs = nbformat.read(out / "t.ipynb", as_version=4).cells[0].outputs
    assert [o.get("data", {}).get("text/plain") for o in outputs] == ["42"]


def test_the_ipython_folders_stamped_are_ipython_s_own() -> None:
    """The stamp names the system folders IPython reads beside the profile, without importing IPython on every
    `make`: they must be the ones IPython reads."""
    from IPython.core import application

    from analysis.run.pipeline import IPYTHON_FOLDERS

    assert set(application.ENV_CONFIG_DIRS + application.SYSTEM_CONFIG_DIRS) <= set(IPYTHON_FOLDERS)


def test_a_kernel_config_in_a_system_ipython_folder_changes_the_stamp(tmp_path: Path, monkeypatch) -> None:
    from analysis.run import pipeline

    monkeypatch.setattr(pipeline, "IPYTHON_FOLDERS", (str(tmp_path),))
    before = pipeline.libraries()
    (tmp_path / "ipython_kernel_config.py").write_text('c.InteractiveShell.ast_node_interactivity = "none"\n')
    assert pipeline.libraries() != before
