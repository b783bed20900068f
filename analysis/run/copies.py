"""The executed notebooks' copies: the .ipynb as run and its HTML (what readers open without Jupyter).

Split from the notebook runner (`analysis.run.notebooks`), which writes them from a thread as each notebook
finishes; this module also keeps nbformat's import cheap (`skip_iri_parser`).
"""

from __future__ import annotations

import functools
import sys
import threading
from pathlib import Path
from typing import Any


def skip_iri_parser() -> None:
    """Keep jsonschema (which nbformat imports) from importing `rfc3987_syntax`.

    JupyterLab's dependencies install rfc3987-syntax, and jsonschema imports it, when present, to check the "iri"
    string format; importing it builds an Earley parser, 0.85 s of CPU in every process that reads a notebook (the
    main job, each test worker). No notebook schema uses that format, and jsonschema skips the check when the
    import fails, which a None entry in sys.modules makes it do. Processes that do not call this are unaffected.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


_EXPORTER_LOCK = threading.Lock()


@functools.cache
def _exporter() -> Any:
    from nbconvert import HTMLExporter

    return HTMLExporter()


def html_exporter() -> Any:
    """One HTMLExporter per process (building it loads the templates); the pool starts building it in a thread,
    and the lock makes a caller that arrives meanwhile wait for that one rather than build a second."""
    with _EXPORTER_LOCK:
        return _exporter()


def _html(nb: Any) -> str:
    body, _ = html_exporter().from_notebook_node(nb)
    return body


def write_copies(nb: Any, out_dir: Path, stem: str) -> None:
    """The executed notebook and its HTML copy (what readers open without Jupyter)."""
    import nbformat

    out_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out_dir / f"{stem}.ipynb")
    (out_dir / f"{stem}.html").write_text(_html(nb), encoding="utf-8")
