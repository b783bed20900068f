"""`python -m analysis <command>`: one entry point, each command in its own module.

Only the chosen command's module is imported, so `verify` (used dozens of times on deadline) starts without
pandas or matplotlib. Each command module provides `add_arguments(parser)` and `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from analysis.paths import without_library_switches
from analysis.record.terminal import Parser, os_error_line, printable

if TYPE_CHECKING:
    from pathlib import Path

    from analysis.paths import Paths

#: command → (module, one-line help). Kept here, not discovered, so `--help` imports nothing heavy.
COMMANDS: dict[str, tuple[str, str]] = {
    "all": ("analysis.run.pipeline",
            "the main job: build, check, notebooks (+ charts), workbook, gallery; unchanged steps skip"),
    "build": ("analysis.run.build", "validate data/raw and write data/processed (atomic: all or nothing)"),
    "validate": ("analysis.run.build", "check data/raw and report every problem, writing nothing"),
    "verify": ("analysis.factcheck.verify", "check one number on deadline: change, points, share, ratio, sum, rate, …"),
    "scan": ("analysis.factcheck.scan",
             "find every figure in an article (text or HTML) and match it against the record"),
    "check": ("analysis.factcheck.report",
              "evaluate every registered claim; write the fact-check report into outputs/"),
    "charts": ("analysis.publish.export",
               "export every chart (PNG, SVG, CSV, JSON) and the Excel workbook into outputs/"),
    "notebooks": ("analysis.run.notebooks", "execute every notebook into outputs/notebooks/ (HTML too); export charts"),
    "db": ("analysis.publish.database",
           "write outputs/cse.db (SQLite, full-text search) and its Datasette metadata; --serve starts Datasette"),
    "show": ("analysis.tables.lookup_cli", "one figure, source, gap or claim: every field, the quote, what cites it"),
    "search": ("analysis.tables.lookup_cli", "figures (sources, gaps, claims) matching a number or words, ranked"),
    "workbook": ("analysis.publish.workbook",
                 "write outputs/cse-figures.xlsx from the tables and the exported charts' notes"),
    "gallery": ("analysis.publish.gallery",
                "write outputs/index.html: every chart with its downloads, the report, workbook and notebooks"),
}


#: The commands that write into the checkout (outputs/): each holds the checkout's build lock while it runs, as
#: `build` and `all` do. Run beside `make` (another terminal, an editor's hook), one of them wrote outputs/ while a
#: step of `make` ran, and `make` then stamped the step with the outputs' hash as it found them: the other run's
#: files (another $CSE_SITE_URL in every chart's credit) were taken for the step's own and the next `make` skipped.
#: Now each waits for `make` (and `make` for it). `db --serve` releases the lock when Datasette replaces it.
WRITERS = frozenset({"charts", "notebooks", "db", "check", "workbook", "gallery"})


#: The commands whose result is what they print (a scan's figures, a verdict, a record's fields, the problems found):
#: with standard output closed (`… >&-`), Python prints nothing and raises nothing, so `scan` ended with status 0 and
#: no figure shown. Each refuses to start then, and says so on standard error.
PRINTERS = frozenset({"scan", "verify", "show", "search", "validate"})


#: The commands that read data/processed: each first asks whether it is missing or data/raw has changed since the build
#: (`analysis.tables.load.behind_raw`). A writer refuses then, since what it would publish is the record before the
#: edit; a look-up (what it prints is not published) says so in one line and goes on.
READS_PROCESSED = WRITERS | {"scan", "show", "search"}

#: The commands that publish the charts as exported into outputs/charts (the workbook's chart sheets, the gallery),
#: not as the tables now give them: each also refuses charts drawn from an earlier build
#: (`analysis.tables.load.charts_behind`), and the gallery notebooks' copies run on one (`copies_behind`).
#: `charts` and `notebooks` draw them again themselves. The gallery also refuses a fact-check report or workbook
#: written from an earlier build (`outputs_behind`), a workbook written from other charts than those exported now
#: (`workbook_behind_charts`), outputs written for another site address than the one its
#: own links start from (`for_another_site`), notebooks' copies run from a notebook edited since, or
#: edited themselves (`copies_not_as_run`), outputs made by another version of the code or of docs/factcheck.md
#: (`made_by_other_code`; the charts' own in `charts_behind`), and an edition with a file missing or a notebook's
#: copy of a failed run (`analysis.publish.gallery.incomplete`; in a project only: a folder with no data/raw holds
#: no edition).
READS_CHARTS = frozenset({"workbook", "gallery"})


def _behind_raw(name: str, args: argparse.Namespace) -> bool:
    """Say when data/processed is behind data/raw; True when the command must not run (a writer)."""
    if name not in READS_PROCESSED:
        return False
    from analysis.paths import Paths
    from analysis.tables.load import behind_raw

    paths = Paths(args.root.resolve())
    line = behind_raw(paths)
    if not line and name in READS_CHARTS:
        from analysis.paths import CHART_IDS
        from analysis.tables.load import charts_behind

        outputs = args.out.resolve() if getattr(args, "out", None) else paths.outputs
        line = charts_behind(CHART_IDS, outputs / "charts", paths)
        if not line and name == "gallery":
            line = _gallery_behind(outputs, paths)
    if not line:
        return False
    if name in WRITERS:
        print(f"python -m analysis {name}: {printable(line)}; nothing written", file=sys.stderr)
        return True
    print(f"note: {printable(line)}", file=sys.stderr)
    return False


def _gallery_behind(outputs: Path, paths: Paths) -> str:
    """Why the gallery alone must not publish `outputs` beyond its charts (READS_CHARTS), the first reason found."""
    from analysis.paths import CHART_IDS, notebook_stems
    from analysis.publish.gallery import incomplete
    from analysis.tables.load import (
        charts_not_shown,
        copies_behind,
        copies_not_as_run,
        for_another_site,
        made_by_other_code,
        outputs_behind,
        workbook_behind_charts,
    )

    stems, copies = notebook_stems(paths.notebooks), outputs / "notebooks"
    checks: tuple[Callable[[], str], ...] = (
        lambda: copies_behind(stems, copies, paths), lambda: outputs_behind(outputs, paths),
        lambda: for_another_site(outputs, paths), lambda: copies_not_as_run(stems, copies, paths),
        lambda: made_by_other_code(outputs, stems, paths),
        lambda: charts_not_shown(CHART_IDS, outputs / "charts", copies, stems, paths),
        lambda: incomplete(outputs, paths) if paths.raw.is_dir() else "",
        lambda: workbook_behind_charts(outputs, paths))  # after `incomplete`: a chart missing is said as missing
    return next((line for check in checks if (line := check())), "")


@contextlib.contextmanager
def _writer_lock(name: str, args: argparse.Namespace) -> Iterator[None]:
    """The checkout's build lock around a command in WRITERS, which first removes the scratch files an interrupted
    run left in outputs/; nothing around any other."""
    if name not in WRITERS:
        yield
        return
    from analysis.paths import Paths
    from analysis.run.lock import build_lock
    from analysis.run.outputs import sweep_scratch

    paths = Paths(args.root.resolve())
    with build_lock(paths):
        sweep_scratch(paths.outputs)  # what a killed run left: no other run writes one while the lock is held
        yield


def _parser() -> argparse.ArgumentParser:
    epilog = "commands:\n" + "\n".join(f"  {name:<10} {text}" for name, (_, text) in COMMANDS.items())
    parser = Parser(
        prog="python -m analysis",
        description="Published figures on child sexual exploitation: build tidy tables, fact-check, chart.",
        epilog=epilog + "\n\nRun 'python -m analysis COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=sorted(COMMANDS), metavar="COMMAND", help="one of the commands below")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        parser = _parser()
        if not argv or argv[0] in ("-h", "--help"):
            parser.print_help()
            return 0 if argv else 2
        parser.parse_args(argv[:1])  # prints the usage error and exits 2
        return 2
    name = argv[0]
    without_library_switches(os.environ)  # before the command imports pandas; its kernels and children inherit this
    if sys.stdout is None and name in PRINTERS:
        print(f"python -m analysis {name}: standard output is closed, so nothing could be shown; send it to a file "
              "or a pipe", file=sys.stderr)
        return 2
    module_name, text = COMMANDS[name]
    module = importlib.import_module(module_name)
    sub = Parser(prog=f"python -m analysis {name}", description=text)
    module.add_arguments(sub, name)
    args = sub.parse_args(argv[1:])
    args.command = name
    try:
        with _writer_lock(name, args):
            if _behind_raw(name, args):  # inside the lock: a build running now is waited for, then compared
                return 2
            return int(module.run(args) or 0)
    except KeyboardInterrupt:  # Ctrl-C: one line; every writer leaves the previous outputs whole
        print(f"\npython -m analysis {name}: interrupted; files being written were not kept", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `… | head` closed the pipe: stop quietly, as a pipe's other writers do
        # (Python's own handling printed a traceback). Standard output is pointed at
        # nothing, so the interpreter's last flush of it cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE (13), what a shell reports for a writer whose pipe was closed
    except OSError as err:  # a file the command could not write or read: one line, as in the main job
        print(os_error_line(f"python -m analysis {name}", err), file=sys.stderr)
        return 1
