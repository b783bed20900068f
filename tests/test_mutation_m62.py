"""Round m62 (helper m62): tests that kill the mutants of analysis/tables/swap.py, write.py and make.py that
survived the tests before them (the list and the reasons: /work/mutation62-m62.md).

The folder tests work on a copy of the committed data/processed: the tables a build replaces are the real ones, and
"unchanged" means byte for byte what was committed. The table tests build from the committed data/raw and check each
expected value against the raw row or the source it quotes, never against the code's own output.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT
from analysis.tables import swap

COMMITTED = PROJECT_ROOT / "data" / "processed"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def processed(tmp_path: Path) -> Path:
    """A copy of the committed data/processed inside a throwaway data/ folder."""
    target = tmp_path / "data" / "processed"
    shutil.copytree(COMMITTED, target)
    return target


def _new_tables(target: Path) -> dict[str, str]:
    """The committed tables with one real edit (as a rebuild after a raw edit would write them)."""
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(target.iterdir())}
    files["gaps.csv"] += "\n"
    return files


def _leftovers(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}-"))


# --- analysis/tables/swap.py -------------------------------------------------------------------------------------


def test_a_failure_of_the_second_rename_puts_the_previous_tables_back(processed: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The old tables are renamed aside, then the staging folder renamed in. When that second rename fails (a
    full disk, a folder another program holds open), the old folder is renamed back: the previous tables are where
    they were, byte for byte, nothing is left beside them, and the error is the one-line OutputError naming the
    folder and the cause. The faults of test_build_safety all fail the first rename or the write, so the restore
    was never run."""
    before = _snapshot(processed)
    real_replace = os.replace

    def second_rename_fails(src, dst):  # noqa: ANN001, ANN202
        if Path(src).name.startswith(".processed-new-"):
            raise OSError(errno.EBUSY, "Device or resource busy", str(src))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", second_rename_fails)
    with pytest.raises(swap.OutputError) as caught:
        swap.replace_folder(_new_tables(processed), processed, "data/processed")
    monkeypatch.undo()
    assert caught.value.errno == errno.EBUSY
    assert caught.value.strerror == ("could not write data/processed (Device or resource busy); the previous "
                                     "tables are unchanged")
    assert processed.is_dir() and _snapshot(processed) == before
    assert _leftovers(processed) == []


def test_a_disk_that_fills_while_writing_keeps_its_errno(processed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The OutputError raised for a failed write carries the error's own number (ENOSPC for a full disk), so a
    caller can tell a full disk from a busy folder; EIO stands in only for an error with no number."""
    real_write = Path.write_text

    def full(self: Path, text: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if self.name == "population.csv":
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_write(self, text, *args, **kwargs)

    before = _snapshot(processed)
    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(swap.OutputError) as caught:
        swap.replace_folder(_new_tables(processed), processed, "data/processed")
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert _snapshot(processed) == before and _leftovers(processed) == []


def test_processed_as_a_symbolic_link_is_refused_and_the_folder_it_names_is_untouched(processed: Path) -> None:
    """data/processed a link to a folder elsewhere (publishing by link): the build replaces the folder itself, so
    it would put a plain folder where the link was and leave the linked folder stale. It is refused in one line
    before anything is touched: the link stays a link, and the folder it names keeps its tables."""
    elsewhere = processed.parent.parent / "elsewhere"
    processed.rename(elsewhere)
    processed.symlink_to(elsewhere, target_is_directory=True)
    before = _snapshot(elsewhere)
    problem = swap.target_problem(processed, "data/processed")
    assert problem is not None and problem.startswith("data/processed is a symbolic link")
    with pytest.raises(swap.OutputError, match="data/processed is a symbolic link"):
        swap.replace_folder(_new_tables(elsewhere), processed, "data/processed")
    assert processed.is_symlink() and processed.resolve() == elsewhere.resolve()
    assert _snapshot(elsewhere) == before and _leftovers(processed) == []


def test_an_old_folder_beside_finished_tables_is_deleted_and_the_tables_kept(processed: Path) -> None:
    """A build killed after its second rename but before deleting the old folder leaves finished tables in
    data/processed and the previous ones in .processed-old-<token>. The next build keeps the finished tables and
    deletes the old folder; it does not try to move the old folder back over them."""
    old = processed.parent / ".processed-old-0123456789ab"
    shutil.copytree(processed, old)
    (old / "gaps.csv").write_text("an older table\n", encoding="utf-8")
    before = _snapshot(processed)
    swap.recover(processed)
    assert _snapshot(processed) == before
    assert _leftovers(processed) == []


def test_of_two_old_folders_the_newest_is_put_back(processed: Path) -> None:
    """With no data/processed and two old folders beside it (the name an older version used, `.processed-old`,
    and one of today's `.processed-old-<token>`), the one set aside last holds the latest tables: it is put back
    and the other deleted (`old_folders` lists them newest first)."""
    newest = processed.parent / ".processed-old-0123456789ab"
    processed.rename(newest)
    expected = _snapshot(newest)
    older = processed.parent / ".processed-old"
    shutil.copytree(newest, older)
    (older / "gaps.csv").write_text("an older table\n", encoding="utf-8")
    a_day_ago = time.time() - 86400
    os.utime(older, (a_day_ago, a_day_ago))
    swap.recover(processed)
    assert _snapshot(processed) == expected
    assert _leftovers(processed) == []


def test_a_first_build_that_fails_while_writing_leaves_no_folder_and_says_so_in_one_line(
        processed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No data/processed yet (a fresh clone before its first build) and the write fails: there is no old folder
    to put back, so the failure is the one-line OutputError, and neither a half-written data/processed nor a
    staging folder is left."""
    files = _new_tables(processed)
    shutil.rmtree(processed)
    real_write = Path.write_text

    def full(self: Path, text: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if self.name == "population.csv":
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_write(self, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(swap.OutputError, match=r"could not write data/processed \(No space left on device\)"):
        swap.replace_folder(files, processed, "data/processed")
    monkeypatch.undo()
    assert not processed.exists() and _leftovers(processed) == []


def test_a_folder_that_can_be_replaced_has_no_problem_none_not_a_false_value(processed: Path) -> None:
    """`target_problem` gives None for a plain writable folder, and for one not made yet in a writable folder;
    every other answer is a sentence."""
    assert swap.target_problem(processed, "data/processed") is None
    shutil.rmtree(processed)
    assert swap.target_problem(processed, "data/processed") is None


def test_a_read_only_data_folder_is_refused_before_anything_is_touched(processed: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """data/ read-only (a checkout in another user's folder) with data/processed itself writable: the two renames
    happen in data/, so the build cannot replace the tables and says so before writing anything; and with no
    data/processed yet, data/ is named as not writable. Root may write anywhere, so the permission check is injected
    (`os.access`), as test_build_safety injects a mount point."""
    data = processed.parent
    real_access = os.access

    def data_read_only(path, mode, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        return False if Path(path) == data and mode & os.W_OK else real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", data_read_only)
    before = _snapshot(processed)
    problem = swap.target_problem(processed, "data/processed")
    assert problem is not None and "read-only" in problem
    with pytest.raises(swap.OutputError, match="read-only"):
        swap.replace_folder(_new_tables(processed), processed, "data/processed")
    assert _snapshot(processed) == before and _leftovers(processed) == []
    shutil.rmtree(processed)
    assert swap.target_problem(processed, "data/processed") == f"{data} is not writable"



def test_a_link_named_like_an_old_folder_is_not_put_back_as_the_tables(processed: Path) -> None:
    """Only folders a build set aside are its old tables: a symbolic link named `.processed-old-…` (to a folder
    elsewhere) is no build's, so with no data/processed it is not moved into its place (data/processed would then
    be a link, which every later build refuses); it and the folder it names are left alone."""
    elsewhere = processed.parent.parent / "elsewhere"
    processed.rename(elsewhere)
    before = _snapshot(elsewhere)
    link = processed.parent / ".processed-old-0123456789ab"
    link.symlink_to(elsewhere, target_is_directory=True)
    swap.recover(processed)
    assert not processed.exists() and not processed.is_symlink()
    assert link.is_symlink() and _snapshot(elsewhere) == before


def test_ctrl_c_while_the_tables_are_written_is_still_ctrl_c_and_keeps_the_previous_tables(
        processed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C (or any error that is no OSError) while the new tables are written: the staging folder is removed,
    the previous tables stay, and the KeyboardInterrupt goes on as it is (the command says "interrupted", exit 130);
    only an OSError is turned into the one-line OutputError. test_build_safety's Ctrl-C comes before the write."""
    real_write = Path.write_text

    def interrupted(self: Path, text: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if self.name == "population.csv":
            raise KeyboardInterrupt
        return real_write(self, text, *args, **kwargs)

    before = _snapshot(processed)
    monkeypatch.setattr(Path, "write_text", interrupted)
    with pytest.raises(KeyboardInterrupt):
        swap.replace_folder(_new_tables(processed), processed, "data/processed")
    monkeypatch.undo()
    assert _snapshot(processed) == before and _leftovers(processed) == []

# --- analysis/tables/write.py ------------------------------------------------------------------------------------


def test_the_processed_folder_is_named_data_processed_in_the_one_line(processed: Path) -> None:
    """The one line a refused build prints names the folder as the user knows it, "data/processed", not the
    absolute path of the checkout; a folder not under a data/ folder is named by its path."""
    from analysis.tables.write import write_atomically

    shutil.rmtree(processed)
    processed.write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(swap.OutputError) as caught:
        write_atomically({"gaps.csv": "id\n"}, processed)
    assert caught.value.strerror.startswith("data/processed is a file, not a folder")
    elsewhere = processed.parent.parent / "tables"
    elsewhere.write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(swap.OutputError) as caught:
        write_atomically({"gaps.csv": "id\n"}, elsewhere)
    assert caught.value.strerror.startswith(f"{elsewhere} is a file, not a folder")


def test_the_package_records_the_raw_hashes_it_is_given_else_those_of_the_files_now(real_copy) -> None:  # noqa: ANN001
    """datapackage.json records the hashes the build took before it read data/raw (`raw`), not the files' bytes
    when the package is written: a file saved while the build ran keeps its old hash, so `behind_raw` sees it
    differ. Given no hashes, the package takes them from the files as they are."""
    import hashlib

    from analysis.paths import raw_hashes
    from analysis.tables.write import datapackage

    gaps = real_copy.raw / "gaps.yaml"
    before_bytes = gaps.read_bytes()
    taken = raw_hashes(real_copy)
    gaps.write_bytes(before_bytes + b"\n")
    recorded = {f["path"]: f["hash"] for f in datapackage({}, real_copy, {}, taken)["raw_files"]}
    assert recorded["data/raw/gaps.yaml"] == "sha256:" + hashlib.sha256(before_bytes).hexdigest()
    now = {f["path"]: f["hash"] for f in datapackage({}, real_copy, {})["raw_files"]}
    assert now["data/raw/gaps.yaml"] == "sha256:" + hashlib.sha256(before_bytes + b"\n").hexdigest()
    assert now.keys() == recorded.keys() and "data/raw/sources.yaml" in now


# --- analysis/tables/make.py -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw():  # noqa: ANN201
    from analysis.run.build import load_raw

    return load_raw()


def _raw_rows(source_id: str) -> int:
    import csv

    with (PROJECT_ROOT / "data" / "raw" / "figures" / f"{source_id}.csv").open(encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def test_each_source_counts_the_rows_of_its_figures_file_and_a_source_with_none_counts_0(raw) -> None:  # noqa: ANN001
    """The sources table's `figures` is how many figures the record holds from each source: the data rows of its
    figures file. A source may print no figures (it then has no figures file, which the loader allows): taking the
    AOL/PA story's 9 figures out of the record, its row says 0, not 1, and the others keep their counts."""
    from analysis.tables.make import figures_table, sources_table

    aol = "aol-2016-11-24-hmic-ncpi-mps"
    inspection = "aol-2017-08-10-hmicfrs-ncpi-mps-q2"
    figures = figures_table(raw.figures, raw.sources)
    full = {r["id"]: r["figures"] for r in sources_table(raw.sources, figures)}
    assert full[aol] == _raw_rows(aol) == 9
    assert full[inspection] == _raw_rows(inspection)
    without = {r["id"]: r["figures"] for r in sources_table(raw.sources, [f for f in figures
                                                                         if f["source_id"] != aol])}
    assert without[aol] == 0
    assert without[inspection] == full[inspection]


def test_an_inspection_whose_sources_print_no_cases_examined_has_its_counts_and_no_share_computed(
        raw) -> None:  # noqa: ANN001
    """The BBC's story of the 2019 post-inspection review prints 303 cases examined, and 93 good, 127 requiring
    improvement and 83 inadequate (data/raw/figures/bbc-2019-03-28-hmicfrs-mps-post-inspection-review.csv). A
    record holding the three grade counts but not the 303 keeps the three rows with their counts, and leaves the
    cases examined, as printed and computed share empty: no base is invented, and none is 0."""
    from analysis.tables.make import figures_table, inspection_grades_table

    figures = figures_table(raw.figures, raw.sources)
    examined = "bbc-2019-03-28-hmicfrs-mps-post-inspection-review/cases-examined"
    full = {r["grade"]: r for r in inspection_grades_table(figures, raw.inspections)
            if r["inspection_id"] == "hmicfrs-2019-pir"}
    assert full["good"]["cases_examined"] == 303 and full["good"]["cases_examined_as_printed"] == "303"
    assert abs(full["good"]["share_computed"] - 100 * 93 / 303) < 1e-9
    rows = {r["grade"]: r for r in inspection_grades_table([f for f in figures if f["figure_id"] != examined],
                                                           raw.inspections)
            if r["inspection_id"] == "hmicfrs-2019-pir"}
    assert {g: r["count"] for g, r in rows.items()} == {"good": 93, "requires improvement": 127, "inadequate": 83}
    for row in rows.values():
        assert row["cases_examined"] is None and row["cases_examined_as_printed"] is None
        assert row["share_computed"] is None
        assert examined not in row["figure_ids"]


def _period(figure_id: str) -> tuple[str, str]:
    import csv

    with (COMMITTED / "figures.csv").open(encoding="utf-8", newline="") as f:
        (row,) = [r for r in csv.DictReader(f) if r["figure_id"] == figure_id]
    return row["period_start"], row["period_end"]


@pytest.mark.parametrize(("figure_id", "label"), [
    # "just 2,160 children were placed on CPPs for sexual abuse in 2023-24": one financial year
    ("communitycare-2025-cin-csa-copy/cpp-sexual-abuse-2023-24", "2023/24"),
    # 1,116 children at risk of CSE in 2014 (the Met's calendar-year count)
    ("met-2017-03-13/children-at-risk-2014", "2014"),
    # "fell by 8%, from 33,760 to 30,970": a change across two financial years, 2022-23 to 2023-24, is no one year
    ("communitycare-2025-cin-csa-copy/change-cin-assessments-csa", "2022-04-01 to 2024-03-31"),
    # "In the last nine months of 2024, the taskforce contributed to 597 arrests": April to December
    ("hansard-2025-04-08-tackling-csa-statement-copy/taskforce-arrests-apr-dec-2024", "2024-04-01 to 2024-12-31"),
    # "CSE assessments have fallen by 29% since 2016": 2015-16 to 2024-25, ten financial years
    ("familylaw-2025-12-dfe-cin-csae/change-cin-assessed-cse-since-2016", "2015-04-01 to 2025-03-31"),
])
def test_a_period_is_labelled_a_financial_year_only_when_it_is_one(figure_id: str, label: str) -> None:
    """The Met series labels a period by its year ("2014"), its financial year ("2023/24", April to March) or its
    dates. The Met's own series holds no financial year yet, so the label is checked on the record's periods of
    other figures, each against the words its source prints."""
    from analysis.tables.make import _period_label

    assert _period_label(*_period(figure_id)) == label


# --- analysis/tables/lookup.py -----------------------------------------------------------------------------------

AOL = "aol-2016-11-24-hmic-ncpi-mps"
AOL_CLAIM = "claim-aol-2016-three-quarters"


def _raw_figure_ids(source_id: str) -> list[str]:
    import csv

    with (PROJECT_ROOT / "data" / "raw" / "figures" / f"{source_id}.csv").open(encoding="utf-8", newline="") as f:
        return [r["figure_id"] for r in csv.DictReader(f)]


def test_show_lists_exactly_what_cites_a_figure_and_in_which_role() -> None:
    """data/raw/claims.yaml: PA's "A review of 374 cases found 278, or three quarters" (claim-aol-2016-three-
    quarters) takes the 374 cases examined as its whole and states the share "three quarters"; no other claim
    names either figure. The 2016 inspection is the first row of inspection_grades and uses both. So `show` lists,
    for each, that claim in its role and that table row, and nothing else."""
    from analysis.tables import lookup

    examined = lookup.show(f"{AOL}/cases-examined")
    assert [c.split(":")[0] for c in examined.cited_by] == [f"claim {AOL_CLAIM} (an input)",
                                                            "table inspection_grades, row 1"]
    share = lookup.show(f"{AOL}/share-ri-or-inadequate")
    assert [c.split(":")[0] for c in share.cited_by] == [f"claim {AOL_CLAIM} (the stated figure)",
                                                         "table inspection_grades, row 1"]
    assert share.uses == [f"source {AOL}: AOL (PA Media story), Met Police making 'serious errors' in child abuse "
                          "cases, inspectors warn"]
    assert lookup.show(f"{AOL}/cases-referred-back").cited_by == []  # the 38 cases no claim or table uses


def test_show_lists_a_sources_figures_and_claims_a_gaps_claims_and_a_claims_inputs() -> None:
    """The AOL/PA story's figures file holds 9 figures and claims.yaml one claim made in it; the gap
    context-cse-at-risk-counts-sept-2024 (the base of MyLondon's "56 per cent increase") is needed by that one
    claim alone; PA's claim uses its stated share (three quarters), its part (278) and its whole (374)."""
    from analysis.tables import lookup

    source = lookup.show(AOL)
    figures = [c for c in source.cited_by if c.startswith("figure ")]
    assert [c.split(":")[0] for c in figures] == [f"figure {f}" for f in sorted(_raw_figure_ids(AOL))]
    assert [c.split(":")[0] for c in source.cited_by if not c.startswith("figure ")] == [
        f"claim {AOL_CLAIM} (made in this source)"]
    gap = lookup.show("context-cse-at-risk-counts-sept-2024")
    assert [c.split(":")[0] for c in gap.cited_by] == [
        "claim mylondon-2025-10-grooming-gangs/claim-children-at-risk-cse-rise (needs it)"]
    claim = lookup.show(AOL_CLAIM)
    assert sorted(claim.uses) == sorted([
        f"figure {AOL}/share-ri-or-inadequate: three quarters (share_cases_requires_improvement_or_inadequate)",
        f"figure {AOL}/cases-ri-or-inadequate: 278 (cases_requires_improvement_or_inadequate)",
        f"figure {AOL}/cases-examined: 374 (cases_examined)",
        f"source {AOL}"])
    assert claim.uses[0].startswith(f"figure {AOL}/share-ri-or-inadequate:")  # the stated figure first


def test_show_finds_a_copy_named_beside_the_figure_a_row_uses_and_a_claim_without_a_stated_figure() -> None:
    """The Evening Standard's 922 CSE crimes in 2016 is a copy of the Met's (met_cse_series.csv's row 11 gives the
    Met's and lists the Standard's in also_reported_in), and the Standard's claim of a rise from 2016 to 2017 takes
    it as its `from`: `show` names both. The BBC's "An audit of 303 cases found … good in 93, required improvement
    in 127 and was inadequate in 83" states no figure of its own (a sum of its inputs): it uses its four figures and
    its source. MyLondon's "56 per cent increase" needs two counts no publication gives (its gaps), named with what
    is wanted."""
    from analysis.tables import lookup

    standard = [c.split(":")[0] for c in lookup.show("standard-2018-03-16/cse-crimes-2016").cited_by]
    assert standard == ["claim standard-2018-cse-offences-rise (an input)", "table met_cse_series, row 11"]
    bbc = "bbc-2019-03-28-hmicfrs-mps-post-inspection-review"
    assert lookup.show("claim-bbc-2019-303-sum").uses == [
        f"figure {bbc}/cases-good: 93 (cases_good)", f"figure {bbc}/cases-ri: 127 (cases_requires_improvement)",
        f"figure {bbc}/cases-inadequate: 83 (cases_inadequate)", f"figure {bbc}/cases-examined: 303 (cases_examined)",
        f"source {bbc}"]
    uses = lookup.show("mylondon-2025-10-grooming-gangs/claim-children-at-risk-cse-rise").uses
    assert [u.split(":")[0] for u in uses] == [
        "figure mylondon-2025-10-grooming-gangs/change-children-at-risk-cse",
        "gap context-cse-at-risk-counts-sept-2024", "gap context-cse-at-risk-counts-feb-2025",
        "source mylondon-2025-10-grooming-gangs"]
    assert uses[1].endswith("in September 2024 (the base of the '56 per cent increase')")


def test_figure_refuses_a_source_id_and_names_what_it_is() -> None:
    """m62's open gap (lookup mutant 181, `if figure_id not in by_id["figure"]` → if False): `analysis.figure` given
    a source id returned the source's fields as if they were a figure's. By hand from data/raw/sources.yaml:
    gbnews-2025-11-13 is GB News's story of 13 November 2025, a source, whose figures are gbnews-2025-11-13/…."""
    import pytest

    from analysis.tables.lookup import UnknownId, figure

    with pytest.raises(UnknownId, match=r"'gbnews-2025-11-13' is a source id, not a figure id"):
        figure("gbnews-2025-11-13")
    assert figure("gbnews-2025-11-13/met-cases-in-scope")["value_as_printed"] == "1,200"
