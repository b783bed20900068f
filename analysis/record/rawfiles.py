"""Which raw files may be read at all: regular files inside the repository, named as the data dictionary says.

A raw input that is a symbolic link can point anywhere: at a file outside the repository (whose numbers would
then enter the tables, and whose first line an error message would quote), at `/dev/zero` (read until memory runs
out), at a FIFO (the build waits forever), or at nothing. None of that is a transcription, so every raw file must
be a regular file, not a link, and resolve inside the repository; the file type is read with `lstat`, before any
byte is read. Likewise every file under `data/raw/figures/` must be `<source_id>.csv`: a `.CSV`, a folder named
`x.csv` or a stray file is an error, never silently skipped (a skipped file is a figure fewer and no word). Only
what an editor or the Finder keeps beside a file it has open is left alone (`paths.side_file`).

YAML anchors and aliases (`&a`, `*a`) are refused in every raw YAML file: nothing in the registry needs them, and a
few nested aliases expand into billions of nodes (the "billion laughs"). They are found in the event stream, which
does not expand them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

import yaml

from analysis.paths import Paths, side_file
from analysis.record.hygiene import ID_RE
from analysis.record.problems import Problems
from analysis.record.rawtext import RawFileError, read_text


def _inside(path: Path, folder: Path) -> bool:
    """True when `path`, links followed, is inside `folder` (given already resolved)."""
    try:
        path.resolve().relative_to(folder)
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def file_type_problem(path: Path, root: Path) -> str | None:
    """Why `path` may not be read as a raw input (not a regular file, a link, outside `root`), or None."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return "file is missing"
    except OSError as err:
        return f"cannot be examined ({err.strerror})"
    if stat.S_ISLNK(mode):
        return "is a symbolic link; raw inputs must be regular files inside data/raw, not links"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a pipe, device or socket); raw inputs must be regular files"
    if not _inside(path, root.resolve()):
        return "is outside the repository"
    return None


def figures_files(paths: Paths, problems: Problems) -> list[Path]:
    """Every `<source_id>.csv` under data/raw/figures/, in name order; anything else there is a problem."""
    folder = paths.figures_dir
    if not folder.exists() and not folder.is_symlink():
        return []
    problem = file_type_problem(folder, paths.root)
    if problem != "is a folder, not a file":
        problems.add(paths.rel(folder), None, problem or "is not a folder")
        return []
    files = []
    with os.scandir(folder) as entries:
        names = sorted(entry.name for entry in entries)
    folder_rel = paths.rel(folder)
    for name in (name for name in names if not side_file(name)):  # an editor's or the Finder's: nobody's edit
        path = folder / name
        rel = f"{folder_rel}/{name}"
        stem, dot, ext = name.rpartition(".")
        if not (dot and ext == "csv" and ID_RE.fullmatch(stem)):
            problems.add(rel, None, "every file in data/raw/figures/ must be named <source_id>.csv (lower-case "
                                    "letters, digits and hyphens, then '.csv' in lower case); rename or remove it")
            continue
        problem = file_type_problem(path, paths.root)
        if problem:
            problems.add(rel, None, problem)
            continue
        files.append(path)
    return files


#: What a file at the top of data/raw/ holding record data is named like (the registry's own are YAML and CSV).
def unread_raw_files(paths: Paths, problems: Problems) -> None:
    """A problem for each YAML, CSV or spreadsheet file (`RAW_DATA_SUFFIXES`) at the top of data/raw/ that the
    build does not read: only the registry's own names are read (`REGISTRY_NAMES`). A sync client that meets two
    edits of one file keeps one and writes the other beside it under a new name (Dropbox "claims (Jane Doe's
    conflicted copy 2026-12-07).yaml", Google Drive "claims (1).yaml", OneDrive "claims-DESKTOP-1AB2C3D.yaml",
    Syncthing "claims.sync-conflict-….yaml", iCloud "claims 2.yaml"); a spreadsheet saves revisions.csv in its own
    format beside it ("revisions.xlsx"): the build read the one kept and published it, exit 0, while a colleague's
    claim or correction sat in the copy unread. Hidden files and editors' backups ("claims.yaml~", "#claims.yaml#")
    hold no one's edit and are left alone, as is anything not named like a record (notes, PDFs); so are the owner
    files Microsoft Excel keeps beside a file it has open ("~$revisions.csv", the name of who opened it), which
    refused every build while revisions.csv was open in Excel, calling it a conflicted copy."""
    from analysis.paths import REGISTRY_NAMES, unread_raw_names

    read = ", ".join(REGISTRY_NAMES)
    for name in (name for name in unread_raw_names(paths) if "/" not in name):  # figures/: `figures_files`
        problems.add(f"{paths.rel(paths.raw)}/{name}", None,
                     f"is not read by the build (at the top of data/raw/ it reads only {read}): a sync client's "
                     "conflicted copy, a copy kept by hand, or saved in a spreadsheet's own format? Move what it "
                     "holds into the file it copies, then remove it or move it out of data/raw/")


def read_raw_text(path: Path, name: str, root: Path, problems: Problems) -> str | None:
    """A raw file's text; or None, its problem recorded under `name`: not a regular file inside the project
    (`file_type_problem`), or an encoding the record refuses (`read_text`)."""
    kind = file_type_problem(path, root)
    if kind:
        problems.add(name, None, kind)
        return None
    try:
        return read_text(path)
    except RawFileError as err:
        problems.add(name, None, str(err))
        return None


def stored_file_problem(rel: object, paths: Paths) -> str | None:
    """Why a source's `file` (relative to data/raw/) is not a regular file under data/raw/files/, or None."""
    text = str(rel)
    posix = PurePosixPath(text)
    if posix.is_absolute() or ".." in posix.parts or "\\" in text or not text.startswith("files/"):
        return f"stored file {text[:120]!r} must be a path under files/ (relative to data/raw/, no '..')"
    path = paths.raw / text
    if not _inside(path, (paths.raw / "files").resolve()):
        return f"stored file {text[:120]!r} resolves outside data/raw/files/"
    problem = file_type_problem(path, paths.root)
    if problem == "file is missing":
        return f"stored file data/raw/{text} is missing"
    if problem:
        return f"stored file data/raw/{text} {problem}"
    return None


def yaml_construct_problem(text: str, loader: type) -> tuple[int, str] | None:
    """The line of the first YAML construct the registry refuses in `text`, and why (None if there is none):
    an anchor or alias, an explicit tag, a merge key. Syntax errors are left for the loader to report, so they are
    not reported twice.

    A tag makes YAML build a value nobody typed: `!!binary SGVsbG8=` was published as the note "b'Hello'", and a
    `!!timestamp` YAML cannot read crashed the build with a traceback; quoting is how a
    value YAML would read as a number or true/false is kept as text. A merge key (`<<:`) pulls fields in from
    elsewhere, as an alias does."""
    try:
        for event in yaml.parse(text, Loader=loader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return line, "uses a YAML anchor or alias (& or *); write every value out"
            if getattr(event, "tag", None):
                tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                return line, (f"uses a YAML tag ({tag}); write the value as plain text (in quotes where "
                              "YAML would read it as a number or true/false)")
            if isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:  # plain, not quoted
                return line, "uses a YAML merge key (<<); write every field out"
    except yaml.YAMLError:
        return None
    return None
