"""`python -m analysis.run.ports PORT "make lab"`: exit 1 with one line when a local port is taken.

`make lab PORT=…` asks before starting JupyterLab, as `make serve` does before Datasette: a port the user chose
that is in use is said in one line naming the next one to try, instead of a server log or a silent move to
another port. The port is read as every number a command is given is (`typed_number`): "PORT=8٨99" (an
Arabic-Indic eight among ASCII digits) was read as 8899 here and by JupyterLab, where `make serve PORT=8٨99` refuses it
with the one digits message; a port that is no number ended in a traceback.
"""

from __future__ import annotations

import sys

from analysis.publish.database import port_busy
from analysis.record.hygiene import digits_problem


def main(argv: list[str]) -> int:
    text, command = argv[0], argv[1] if len(argv) > 1 else "make"
    problem = digits_problem(text) or (None if text.isascii() and text.isdigit() else "it is no port number")
    if problem:
        print(f"{command}: PORT={text!r} is refused: {problem}", file=sys.stderr)
        return 2
    port = int(text)
    if port_busy(port):
        print(f"{command}: port {port} is in use; choose another: {command} PORT={port + 1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
