"""``python -m medialit`` runs the command line."""

import sys

from medialit.cli import main

sys.exit(main())
