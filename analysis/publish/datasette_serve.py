"""`make serve`'s Datasette: Datasette's own command line, in a process where `rich` cannot be imported.

With rich installed (it is here, for typer), Datasette prints every error it answers (a 404 for a mistyped
address, "Statement must be a SELECT" for a query that is not one) as rich's traceback with every local variable,
the database's whole metadata among them: 0.4 to 0.9 s of CPU each on the server's one event loop and about 700
lines in the terminal. Four such 20-byte requests at once kept a `select 1` sent meanwhile waiting 2.5 s, so any
page that makes a reader's browser request http://127.0.0.1:8001/… could stall the server for as long as it kept
asking. Datasette treats rich as optional (it prints a plain traceback, or none for an error it answers on
purpose, when `import rich` fails); a None in `sys.modules` makes that import fail, in this process only.
"""

from __future__ import annotations

import sys


def main() -> None:
    sys.modules["rich"] = None  # type: ignore[assignment]  # `import rich` (and rich.traceback) → ImportError
    from datasette.cli import cli

    cli(prog_name="datasette")


if __name__ == "__main__":
    main()
