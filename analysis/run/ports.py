"""`python -m analysis.run.ports PORT "make lab"`: exit 1 with one line when a local port is taken.

`make lab PORT=…` asks before starting JupyterLab, as `make serve` does before Datasette: a port the user chose
that is in use is said in one line naming the next one to try, instead of a server log or a silent move to
another port.
"""

from __future__ import annotations

import sys

from analysis.publish.database import port_busy


def main(argv: list[str]) -> int:
    port, command = int(argv[0]), argv[1] if len(argv) > 1 else "make"
    if port_busy(port):
        print(f"{command}: port {port} is in use; choose another: {command} PORT={port + 1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
