"""Parsed arguments -> the `batch`, `fonts` and `init` commands, a module each (the others are in cli.py, which calls
these)."""
