"""`python -m brochure` -> the command line."""

from brochure.cli import run

run()
