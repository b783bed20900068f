"""`build` and `validate`: raw files → checked records → tidy tables in `data/processed/`, all or nothing.

This is where the stages meet: `record` loads and checks the raw files, the fact-check stage checks the claims
registry against the rule book and evaluates each claim, `tables` makes the tables and writes them atomically.
Everything is checked before anything is written, and every problem is reported at once.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import dataclass
from typing import Any

from analysis.factcheck.evaluate import evaluate_claims
from analysis.factcheck.registry import check_claims
from analysis.paths import DEFAULT, REGISTRY_NAMES, Paths, add_root_argument, raw_hashes, raw_marks
from analysis.record import claims as claims_mod
from analysis.record.attributions import check_attributions
from analysis.record.figures import load_all_figures
from analysis.record.gaps import load_gaps
from analysis.record.hygiene import inline_safe_json
from analysis.record.inspections import load_inspections
from analysis.record.problems import Problem, Problems, ValidationError
from analysis.record.rawfiles import unread_raw_files
from analysis.record.revisions import load_revisions, replacing_ids, revised_ids
from analysis.record.sources import load_sources
from analysis.record.terminal import printable
from analysis.run.lock import build_lock
from analysis.tables import swap
from analysis.tables.write import datapackage, recover, to_csv_text, write_atomically


@dataclass(frozen=True)
class RawData:
    """The raw registry after validation: nothing here has a known problem."""

    sources: dict[str, dict[str, Any]]
    figures: list[dict[str, Any]]
    gaps: dict[str, dict[str, str]]
    claims: list[dict[str, Any]]
    inspections: list[dict[str, Any]]
    revisions: tuple[dict[str, Any], ...] = ()


def load_raw(paths: Paths = DEFAULT) -> RawData:
    """Read and check every raw file; raise ValidationError listing every problem found."""
    problems = Problems()
    sources = load_sources(paths, problems)
    known = set(sources)
    gone_since_last_build(paths, known, problems)
    unread_raw_files(paths, problems)
    figures = load_all_figures(paths, known, problems)
    gaps = load_gaps(paths, problems)
    inspections = load_inspections(paths, sources, problems)
    claims = claims_mod.load_claims(paths, problems)
    by_id = {f["figure_id"]: f for f in figures}
    check_attributions(sources, set(by_id), paths.rel(paths.sources_yaml), problems)
    revisions = load_revisions(paths, by_id, sources, problems)
    check_claims(claims, by_id, set(gaps), known, paths, problems)
    claims_mod.check_correction_dates(claims, sources, paths.rel(paths.claims_yaml), problems)
    problems.items = without_follow_ons(problems.items)
    problems.raise_if_any()
    return RawData(sources, figures, gaps, claims, inspections, tuple(revisions))


def gone_since_last_build(paths: Paths, known_sources: set[str], problems: Problems) -> None:
    """A problem for each file of the record the last build read that is not there now. A registry file or a
    figures file that is missing is read as "none yet", which a new project needs; but one that went missing from a
    built record (moved aside by hand, deleted by a sync client copying a colleague's delete, or held back by
    iCloud Drive as '.claims.yaml.icloud') was built as an empty record, exit 0: `make` then published a fact-check
    of 0 claims, or a workbook and database without a source's figures while sources.csv still listed the source.
    A file taken out on purpose says so: a registry file is left empty (revisions.csv with its header row), a figures
    file goes with its source's entry in sources.yaml."""
    from analysis.tables.load import built_raw

    figures = paths.rel(paths.figures_dir) + "/"
    named = {paths.rel(paths.raw / name) for name in REGISTRY_NAMES}
    for name in sorted(built_raw(paths)):
        path = paths.root / name
        if path.exists() or path.is_symlink():
            continue
        if name in named:
            empty = "leave only its header row" if path.suffix == ".csv" else "leave the file empty"
            problems.add(name, None, "was read by the last build (data/processed/datapackage.json) and is not here "
                         "now: moved, deleted, or held back by a sync client (iCloud Drive leaves "
                         f"'.{path.name}.icloud'); put it back, or, to record none, {empty}")
        elif name.startswith(figures) and "/" not in name[len(figures):] and path.stem in known_sources:
            problems.add(name, None, "was read by the last build (data/processed/datapackage.json) and is not here "
                         f"now, while its source is still in {paths.rel(paths.sources_yaml)}: moved, deleted, or "
                         f"held back by a sync client (iCloud Drive leaves '.{path.name}.icloud'); put it back, "
                         "or, to take the source out of the record, remove its entry too")


#: When a registry file cannot be read at all, what every other file then says about it is noise, not news.
_FOLLOW_ONS = {"sources.yaml": ("unknown source id",), "gaps.yaml": ("gap id", "unknown gap")}


def without_follow_ons(problems: list[Problem]) -> list[Problem]:
    """The problems minus those that only repeat that an unreadable YAML file (a syntax error, an anchor, not a
    regular file) is unreadable: its first error is shown alone, not followed by a line for every entry that refers
    to it."""
    broken = {p.file.rsplit("/", 1)[-1] for p in problems if p.file.endswith(".yaml") and (
        p.where in (None, "") or p.message.startswith(("is not valid YAML", "uses a YAML anchor")))}
    phrases = tuple(phrase for name in broken for phrase in _FOLLOW_ONS.get(name, ()))
    if not phrases:
        return problems
    return [p for p in problems if p.file.rsplit("/", 1)[-1] in broken or not any(x in p.message for x in phrases)]


def make_tables(raw: RawData) -> dict[str, list[dict[str, Any]]]:
    """Every processed table, as rows keyed by table name (plain Python: the build imports no pandas)."""
    from analysis.tables import make as tables
    from analysis.tables.revisions import revisions_table

    figures = tables.figures_table(raw.figures, raw.sources)
    by_id = {f["figure_id"]: f for f in figures}  # with each figure's publication date, for claims' vintages
    claim_rows = evaluate_claims(raw.claims, by_id, raw.gaps, list(raw.revisions), raw.sources)
    return {
        "figures": figures,
        "sources": tables.sources_table(raw.sources, figures),
        "gaps": tables.gaps_table(raw.gaps),
        "claims": [{c: row.get(c) for c in claims_mod.CLAIMS_COLUMNS} for row in claim_rows],
        "inspection_grades": tables.inspection_grades_table(figures, raw.inspections),
        "met_cse_series": tables.met_cse_series_table(figures, revised_ids(list(raw.revisions)),
                                                      replacing_ids(list(raw.revisions))),
        "historic_reviews": tables.historic_reviews_table(figures),
        "population": tables.population_table(figures, revised_ids(list(raw.revisions)),
                                              replacing_ids(list(raw.revisions))),
        "revisions": revisions_table(list(raw.revisions), figures),
    }


def render(raw: RawData, paths: Paths, hashes: dict[str, str] | None = None) -> dict[str, str]:
    """file name → exact text of every processed file; `hashes`, the raw files' hashes taken before `raw` was read
    (`paths.raw_hashes`), go into datapackage.json."""
    tables = make_tables(raw)
    texts = {name: to_csv_text(name, df) for name, df in tables.items()}
    package = datapackage(texts, paths, raw.sources, hashes)
    out = {f"{name}.csv": text for name, text in texts.items()}
    out["datapackage.json"] = inline_safe_json(package)
    return out


def build(paths: Paths = DEFAULT) -> dict[str, str]:
    """Read, check and write the record. The raw files are hashed before they are read, and that is what
    datapackage.json records: hashed after (as the tables were written), a file saved while the build ran was
    recorded with its new bytes beside tables made from its old ones, so every command's check against data/raw
    (`analysis.tables.load.behind_raw`) passed and `check`, `db` and `make serve` published the record before the
    edit, without a word. A file written while the build read data/raw, even one whose bytes were then put back (an
    edit undone: its hash is the same, but the build may have read the edit), is recorded with no hash at all. Either
    way its recorded hash is not its own, those commands refuse until the next build, and the build says so."""
    with build_lock(paths):
        hashes, marks = raw_hashes(paths), raw_marks(paths)
        raw = load_raw(paths)
        meanwhile = _written_since(paths, hashes, marks)
        files = render(raw, paths, {name: "" if name in meanwhile else digest for name, digest in hashes.items()})
        write_atomically(files, paths.processed)
    changed = sorted(meanwhile | _written_since(paths, hashes, marks))
    if changed:
        print(f"build: {printable(', '.join(changed))} changed while the build read data/raw: the tables hold "
              "the record as it was read; run `python -m analysis build` again (until then the commands that "
              "publish refuse)", file=sys.stderr)
    return files


def _written_since(paths: Paths, hashes: dict[str, str], marks: dict[str, tuple[int, int, int, int]]) -> set[str]:
    """The raw files whose bytes or marks (`raw_marks`) are no longer those given, or that came or went."""
    return ({name for name, _ in raw_hashes(paths).items() ^ hashes.items()}
            | {name for name, _ in raw_marks(paths).items() ^ marks.items()})


def count_rows(text: str) -> int:
    """Data rows of a CSV text (a quoted cell may hold a line break, so lines are not rows)."""
    return sum(1 for _ in csv.reader(io.StringIO(text))) - 1


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    add_root_argument(parser)


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    try:
        with build_lock(paths):
            if not swap.target_problem(paths.processed, "data/processed"):
                recover(paths.processed)  # a build killed between its two renames left the old tables aside
            if args.command == "validate":
                raw = load_raw(paths)
                print(f"ok: {len(raw.sources)} sources, {len(raw.figures)} figures, {len(raw.gaps)} gaps, "
                      f"{len(raw.claims)} claims; nothing written")
                return 0
            files = build(paths)
    except ValidationError as err:
        for line in str(err).splitlines():  # a refused key is echoed, with what made it refused
            print(printable(line), file=sys.stderr)
        print("nothing was written.", file=sys.stderr)
        return 1
    except OSError as err:  # swap.OutputError (one line already), or a disk that filled while recovering
        print(f"python -m analysis {args.command}: {err.strerror or err}", file=sys.stderr)
        return 1
    rows = {name: count_rows(text) for name, text in files.items() if name.endswith(".csv")}
    summary = ", ".join(f"{name} {n}" for name, n in rows.items())
    print(f"wrote {paths.rel(paths.processed)}/ ({summary} rows)")
    return 0
