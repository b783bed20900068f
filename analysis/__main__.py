"""Allow `python -m analysis`.

After the command, the process's own clean-up still runs (atexit handlers: temporary folders, logging), then it
exits without tearing down every imported module one by one: with pandas, matplotlib and Jupyter's client loaded
that teardown took ~0.2 s of the main job's wall time and does nothing a user can see (every file the command
wrote is closed by then). An exception (argparse's exit, Ctrl-C) leaves the ordinary way.
"""

import atexit
import os
import sys

from analysis.cli import main

code = main()
atexit._run_exitfuncs()
for stream in (sys.stdout, sys.stderr):
    try:
        stream.flush()
    except (OSError, ValueError):  # a reader that went away (`| head`): nothing left to tell it
        pass
os._exit(code)
