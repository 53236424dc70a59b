"""`python -m brochure` -> the command line."""

import sys

from brochure.cli import main

sys.exit(main())
