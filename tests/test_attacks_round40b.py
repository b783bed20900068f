"""Issue 24, round 40 (helper r40b): stamps that cannot lie (class 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from analysis.paths import CHART_IDS, Paths
from analysis.tables.load import charts_behind
from tests.made import Made, copy_of
from tests.raw_copy import run_on

CHART = "recorded-vs-estimated"


def saved_by_excel(csv: Path) -> None:
    """What Excel (UK) writes when a chart's CSV, opened from outputs/charts/ by a double-click, is saved on closing:
    the year-months it read as dates written back as "Nov-20", the line ends as CRLF. No value is touched."""
    text = csv.read_text(encoding="utf-8")
    assert "2020-11" in text and "2025-03" in text
    text = text.replace("2020-11", "Nov-20").replace("2025-03", "Mar-25").replace("\n", "\r\n")
    csv.write_bytes(text.encode("utf-8"))


def test_a_chart_csv_saved_again_by_a_spreadsheet_is_not_published_by_workbook_or_gallery(
        made: Made, tmp_path: Path) -> None:
    """The workbook's chart sheets are read from each chart's CSV, and the gallery offers that CSV for download.
    Opened in Excel from outputs/charts/ and saved on closing, the CSV went into the workbook's "Chart 9" as
    "Nov-20" and "Mar-25" (the chart and its table sheet say 2020-11 and 2025-03), and into the gallery, exit 0:
    the sidecar's mark still matched the build. The sidecar now names each file its export wrote by its bytes, so
    both commands refuse and name `charts`, which puts it right."""
    root = copy_of(made, tmp_path / "project")
    outputs = root / "outputs"
    saved_by_excel(outputs / "charts" / CHART / f"{CHART}.csv")
    book, page = outputs / "cse-figures.xlsx", outputs / "index.html"
    before = book.read_bytes(), page.read_bytes()
    for command in ("workbook", "gallery"):
        result = run_on(root, command)
        assert result.returncode == 2, (command, result.stderr)
        assert f"the charts in outputs/charts/ ({CHART}) have files that changed after the export" in result.stderr
        assert "run `python -m analysis charts`" in result.stderr
    assert (book.read_bytes(), page.read_bytes()) == before  # nothing written
    assert run_on(root, "charts", timeout=600).returncode == 0
    assert "2020-11" in (outputs / "charts" / CHART / f"{CHART}.csv").read_text(encoding="utf-8")
    assert run_on(root, "gallery").returncode == 0


def test_a_chart_png_changed_after_its_export_is_named_and_one_removed_is_not(made: Made, tmp_path: Path) -> None:
    """The same for the pictures the gallery publishes: a PNG marked up in an image viewer that saves as it goes
    (macOS Preview). Every file the export wrote is named in the sidecar with its hash. A file removed (a phone
    PNG a newsroom does not use) publishes nothing stale: the gallery links what is there, as for a chart folder
    removed whole."""
    root = copy_of(made, tmp_path / "project")
    paths, charts = Paths(root), root / "outputs" / "charts"
    assert charts_behind(CHART_IDS, charts, paths) == ""  # as the main job wrote them
    for chart_id in CHART_IDS:
        sidecar = json.loads((charts / chart_id / f"{chart_id}.json").read_text(encoding="utf-8"))
        named = sidecar.get("exported", {})  # analysis.tables.load.EXPORTED
        written = {p.name for p in (charts / chart_id).iterdir() if p.suffix != ".json"}
        assert set(named) == written, chart_id
    png = charts / "london-rates" / "london-rates.png"
    png.write_bytes(png.read_bytes() + b"\0")
    (charts / "two-1200s" / "two-1200s-mobile.png").unlink()
    line = charts_behind(CHART_IDS, charts, paths)
    assert "(london-rates) have files that changed after the export wrote them" in line, line
    assert "earlier build" not in line  # not said to be drawn from another build: they were not


def _as_if_run_here(made: Made, root: Path) -> None:
    """The copy's kernel logs name the paths the kernels read at the run's own root; read at the copy's, as if the
    run had been here. Otherwise a chart folder a notebook looked for before its first export (noted absent, round
    50b) stands outside this root, where no pattern of the step walks, and counts as changed since."""
    from analysis.paths import KERNEL_READS_NAME

    for log in (Paths(root).cache / KERNEL_READS_NAME).glob("*.tsv"):
        log.write_text(log.read_text(encoding="utf-8").replace(str(made.root), str(root)), encoding="utf-8")


def test_a_chart_changed_while_the_notebooks_step_ran_is_not_stamped_as_its_own(made: Made, tmp_path: Path) -> None:
    """The notebooks step's outputs are hashed into its stamp when it ends: a chart's CSV saved by Excel (or a
    chart exported by hand from JupyterLab) after the step wrote it and before it ended was taken for the step's
    own, and the next `make` skipped the step and kept the file (round 26's #17). With the workbook and gallery
    now checking each chart's files, that `make` would also refuse at its end every time, naming `make` as the
    cure. The step is now left unstamped, so the next run exports the charts again."""
    from analysis.run import pipeline

    root = copy_of(made, tmp_path / "project")
    _as_if_run_here(made, root)
    step = next(s for s in pipeline.STEPS if s.name == "notebooks")

    def attempt() -> Any:
        """The step as it starts: its inputs and outputs (`pipeline._attempt`), and a run that succeeded."""
        return 0, 1.0, (pipeline.input_hash(root, step), pipeline.touched(root, step)), \
            pipeline.output_marks(root, step.written)

    stamps: dict[str, dict[str, str]] = {}
    pipeline._finish(step, attempt(), root, stamps)
    assert "notebooks" in stamps  # the guard: a step whose files are as it wrote them is stamped
    started = attempt()
    saved_by_excel(root / "outputs" / "charts" / CHART / f"{CHART}.csv")
    pipeline._finish(step, started, root, stamps)
    assert "notebooks" not in stamps
    assert not pipeline.is_current(root, step, pipeline._load_stamps(root))


def test_make_names_another_program_writing_into_outputs_not_only_a_pull(
        made: Made, tmp_path: Path, capsys: Any) -> None:
    """A notebook left open in JupyterLab with $CSE_CHARTS_DIR set (as the notebooks' header says, to export by
    hand), on a kernel that read the tables before a correction, exported its chart while `make` ran its workbook
    step. `make` named the chart and exited 1, but blamed data/processed changing under it ("a `git pull`, or a
    sync client?"), which had not happened: the note now names a program writing into outputs/ too."""
    from analysis.run import pipeline

    root = copy_of(made, tmp_path / "project")
    assert pipeline.say_raw_changed(Paths(root)) == 0
    saved_by_excel(root / "outputs" / "charts" / CHART / f"{CHART}.csv")
    assert pipeline.say_raw_changed(Paths(root)) == 1
    said = capsys.readouterr().err
    assert "another program wrote into outputs/" in said and "exported by hand from JupyterLab" in said, said
    assert CHART in said


CONFLICTED = "claims (Jane Doe's conflicted copy 2026-12-07).yaml"


def test_a_conflicted_copy_of_a_registry_file_stops_commands_run_alone_and_make_serve(
        made: Made, tmp_path: Path) -> None:
    """Two reporters edit claims.yaml in a checkout shared by Dropbox; Dropbox keeps one edit in claims.yaml and puts
    the other in a conflicted copy beside it. `build` refuses the copy by name (round 37), but claims.yaml itself
    was unchanged, so `check` run alone published the fact-check without the colleague's edit, exit 0, and
    `make serve` answered 200. Every command that reads data/processed now names the copy, as the build does."""
    from analysis.publish.datasette_plugins.served import project_of

    root = copy_of(made, tmp_path / "project")
    raw = root / "data" / "raw"
    served = project_of(str(root / "outputs" / "cse.db"))
    assert served is not None and served.behind() == ""
    for harmless in ("~$revisions.csv", ".~lock.claims.yaml#", "claims.yaml~"):  # hold no one's edit
        (raw / harmless).write_text("", encoding="utf-8")
    assert run_on(root, "check").returncode == 0
    text = (raw / "claims.yaml").read_text(encoding="utf-8")
    (raw / CONFLICTED).write_text(text + "\n# Jane Doe's wording\n", encoding="utf-8")
    report = root / "outputs" / "factcheck.html"
    before = report.read_bytes()
    result = run_on(root, "check")
    assert result.returncode == 2, result.stderr
    assert f"data/raw/{CONFLICTED} is not read by the build" in result.stderr
    assert report.read_bytes() == before  # nothing written
    assert CONFLICTED in served.behind()  # `make serve` answers 503
    shown = run_on(root, "show", "gbnews-2025-11-13/met-cases-in-scope")
    assert shown.returncode == 0 and CONFLICTED in shown.stderr  # a look-up says so and answers


def test_a_figures_file_saved_as_an_excel_workbook_beside_its_csv_stops_commands_run_alone(
        made: Made, tmp_path: Path) -> None:
    """A figures CSV opened in Excel, corrected, and saved as an Excel workbook (Excel offers it when closing a CSV)
    leaves the correction in "<source_id>.xlsx" beside the unchanged CSV. `build` refuses it by the figures name
    rule, but every command run alone read only the CSVs: `check` published the old figure, exit 0. A file there
    that may hold an edit is now named as the conflicted copy of #17 is; the files Finder and editors leave there
    (.DS_Store, swap and lock files, backups) still change nothing for a command run alone."""
    root = copy_of(made, tmp_path / "project")
    figures = root / "data" / "raw" / "figures"
    for harmless in (".DS_Store", ".~lock.standard-2016-cse-referrals.csv#", "standard-2016-cse-referrals.csv~"):
        (figures / harmless).write_text("", encoding="utf-8")
    assert run_on(root, "check").returncode == 0
    (figures / "standard-2016-cse-referrals.xlsx").write_bytes(b"PK\x03\x04 a workbook holding the correction")
    result = run_on(root, "check")
    assert result.returncode == 2, result.stderr
    assert "data/raw/figures/standard-2016-cse-referrals.xlsx is not read by the build" in result.stderr
