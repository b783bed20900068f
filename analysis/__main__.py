"""Allow `python -m analysis`: run the chosen command and exit with its status."""

import sys

from analysis.cli import main

sys.exit(main())
