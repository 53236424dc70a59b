"""Command-line words -> the parser of brochure's commands (their options, choices and examples), whose usage errors
name the option, its valid words and the one meant; and the exit statuses the command line returns (cli.py)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from brochure import __version__
from brochure.diagnostics import closest
from brochure.limits import BATCH_JOBS, PREVIEW_DPI
from brochure.output.files import same_file
from brochure.vocabulary import LAYOUTS, PAPERS, TARGETS

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_HUNG_UP, EXIT_INTERRUPTED, EXIT_TERMINATED = 129, 130, 143  # 128 + the signal's number, as shells report it


EXAMPLES = {
    "build": (
        "examples:\n"
        "  brochure build\n"
        "      the default leaflet (content.yaml, assets/brand.yaml), trifold, office:\n"
        "      out/clearwater-en-gb-trifold-a4-office.pdf\n"
        "  brochure build --brand clinics/riverside/brand.yaml --content clinics/riverside/content.yaml \\\n"
        "                 --layout bifold --target press -o out/riverside-press.pdf\n"
        "      another clinic's kit and words, folded to A5, for a print shop"
    ),
    "check": "example:\n  brochure check --source content.yaml --content translations/es.yaml",
    "preview": "example:\n  brochure preview --layout flyer --dpi 60      PNGs in out/preview/",
    "batch": (
        "examples:\n"
        "  brochure batch editions.yaml --jobs 2\n"
        "  brochure batch --check                  every edition laid out and preflighted, nothing written\n"
        "  brochure batch editions.yaml --scheduler tcp://10.0.0.5:8786   on a Dask cluster (docs/cluster.md)"
    ),
    "watch": (
        "examples:\n"
        "  brochure watch                       the default leaflet, again on every save\n"
        "  brochure watch --language es --layout bifold"
    ),
    "serve": (
        "examples:\n"
        "  brochure serve                       then open http://127.0.0.1:8765/\n"
        "  brochure serve --edition maple-main/en-us/trifold/letter/press --port 0"
    ),
    "fonts": (
        "examples:\n"
        "  brochure fonts                  the installed families a kit can name\n"
        "  brochure fonts --search lato    installable fontpkg-* families: which are static (usable)"
    ),
    "init": (
        "examples:\n"
        "  brochure init clinics/riverside\n"
        "      asks for the clinic's name, colours, fonts, logo and contact details, checking each answer\n"
        '  brochure init clinics/riverside --name "Riverside Skin Clinic" --font "Alegreya Sans" \\\n'
        '                --primary "#2E5E4E" --phone "+44 20 7946 0000" ... --yes\n'
        "      the same without questions (for scripts)\n"
        "  brochure init clinics/riverside --words\n"
        "      copies content.yaml into the folder for the clinic's own words"
    ),
}


def _choices(words: Sequence[str], default: str | None) -> str:
    """'trifold, bifold, flyer or large-print (default: trifold)'."""
    listed = ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else words[0]
    return f"{listed} (default: {default})" if default else listed


class Parser(argparse.ArgumentParser):
    """argparse, with usage errors that name the option, its valid words and the closest one to what was typed."""

    def error(self, message: str) -> NoReturn:
        (self._command_parser() if message.startswith("unrecognized") else self).print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {self.explain(message)}\n")

    def explain(self, message: str) -> str:
        """argparse's message with a hint: the word or option meant, or where the options are listed."""
        more = f"`{self.prog} --help` lists the options"
        choice = re.match(r"argument (\S+?)(?:/\S+)?: invalid choice: '?(.*?)'? \(choose from (.*)\)$", message)
        if choice:
            option, value = choice.group(1), choice.group(2)
            words = [w.strip(" '") for w in choice.group(3).split(",")]
            if option.startswith("{"):  # the command itself
                near = closest(value, words)
                return f"invalid choice: '{value}' is not a command; the commands are {', '.join(words)}" + (
                    f" (hint: did you mean '{near}'?)" if near else f" (hint: `{self.prog} --help` says what each does)"
                )
            near = closest(value, words)
            return f"{message} (hint: " + (f"did you mean {option} {near}?)" if near else f"{more})")
        number = re.match(r"argument (\S+?)(?:/\S+)?: invalid (int|float) value: '(.*)'$", message)
        if number:
            option, kind, value = number.groups()
            what = "a whole number" if kind == "int" else "a number"
            return f"{message} (hint: {option} takes {what}, e.g. {option} {2 if kind == 'int' else 96})"
        unknown = re.match(r"unrecognized arguments: (.*)$", message)
        if unknown:  # (reported by the top parser: the options of the command typed are the ones meant)
            command = self._command_parser()
            first = unknown.group(1).split()[0]
            options = [o for a in command._actions for o in a.option_strings]
            near = closest(first.split("=")[0], options) if first.startswith("-") else None
            help_line = f"`{command.prog} --help` lists the options"
            return f"{message} (hint: " + (f"did you mean {near}? " if near else "") + f"{help_line})"
        return f"{message} (hint: {more})"

    def _command_parser(self) -> argparse.ArgumentParser:
        """The parser of the command named on the command line (this one when there is none)."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                named = next((a for a in self.argv if a in action.choices), None)
                if named is not None:
                    return action.choices[named]  # type: ignore[no-any-return]
        return self

    argv: Sequence[str] = ()  # the words parsed (set by cli.py's _run), to tell which command's options were meant


# The inputs' defaults, as objects: argparse sets the attribute to this very object when the option is not given
# (a given one is a new Path), so `args.brand is DEFAULT_BRAND` tells a kit not asked for (live/command.py).
DEFAULT_CONTENT = Path("content.yaml")
DEFAULT_BRAND = Path("assets/brand.yaml")


def same_source(source: Path | None, content: Path, chosen: tuple[str, str] = ("", "")) -> str:
    """The usage error of `--source` naming the file of the words built, `content` (however spelt), else ''.
    `chosen`: how those words were chosen where another option picked them ("the words --language es picks") and
    that option ("--language es"), for the hint's example."""
    if source is None or not same_file(source, content):
        return ""
    how, option = chosen
    if how:
        named = f"{content}, {how}"
    elif content is DEFAULT_CONTENT:
        named = f"{content}, the words built when --content is not given"
    else:
        named = "--content's"
    return (
        f"--source {source} names the same file as {named} (hint: --source is the file the words built were"
        f" translated from, e.g. {option or '--content translations/es.yaml'} --source content.yaml)"
    )


def make_parser() -> Parser:
    p = Parser(prog="brochure", description="Print-ready, branded clinic leaflets from plain YAML.")
    p.add_argument("--version", action="version", version=f"brochure {__version__}", help="print the version")
    sub = p.add_subparsers(dest="command", required=True, metavar="{build,check,preview,batch,watch,serve,fonts,init}")
    inputs = Parser(add_help=False)  # what a leaflet is made of, and how: for build, check, preview, watch, serve
    inputs.add_argument(
        "--content", type=Path, default=DEFAULT_CONTENT, metavar="FILE", help="the words (default: content.yaml)"
    )
    inputs.add_argument(
        "--brand",
        type=Path,
        default=DEFAULT_BRAND,
        metavar="FILE",
        help="the brand kit's brand.yaml (default: assets/brand.yaml)",
    )
    inputs.add_argument(
        "--source",
        type=Path,
        default=None,
        metavar="FILE",
        help="the content file --content translates: check the translation against it (same sections, blocks "
        "and list items; every number and link kept; nothing left untranslated) (default: no translation check)",
    )
    inputs.add_argument("--layout", choices=LAYOUTS, default="trifold", help=_choices(LAYOUTS, "trifold"))
    inputs.add_argument("--paper", choices=PAPERS, default=None, help=_choices(PAPERS, "the brand's paper"))
    inputs.add_argument(
        "--target",
        choices=TARGETS,
        default="office",
        help=_choices(TARGETS, "office") + ": office printers and the web, or a print shop",
    )
    inputs.add_argument(
        "--allow-expired",
        action="store_true",
        help="build a leaflet whose review date has passed, with a warning (default: off, it is an error)",
    )
    common = Parser(add_help=False, parents=[inputs])
    common.add_argument(
        "--marks", action="store_true", help="crop and fold marks outside the bleed (press only; default: none)"
    )
    common.add_argument(
        "--json",
        default=None,
        metavar="FILE",
        help="also write the findings as JSON ('-': to standard output) (default: no report)",
    )
    raw = argparse.RawDescriptionHelpFormatter
    b = sub.add_parser(
        "build", parents=[common], help="build the leaflet PDF", epilog=EXAMPLES["build"], formatter_class=raw
    )
    b.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="FILE.pdf",
        help="the PDF to write (default: out/BRAND-LANGUAGE-LAYOUT-PAPER-TARGET.pdf, named from the inputs)",
    )
    sub.add_parser(
        "check",
        parents=[common],
        help="validate, lay out and preflight; write nothing",
        epilog=EXAMPLES["check"],
        formatter_class=raw,
    )
    v = sub.add_parser(
        "preview", parents=[common], help="PNG of every page", epilog=EXAMPLES["preview"], formatter_class=raw
    )
    low, high = PREVIEW_DPI
    v.add_argument("--dpi", type=float, default=96.0, help=f"resolution of the PNGs, {low:g} to {high:g} (default: 96)")
    v.add_argument("-o", "--output", default="out/preview", metavar="FOLDER", help="folder (default: out/preview/)")
    v.add_argument(
        "--stem", default=None, metavar="NAME", help="file names start with this (default: named as for build)"
    )
    batch = sub.add_parser(
        "batch",
        help="every edition an editions.yaml names, in parallel, with a manifest",
        epilog=EXAMPLES["batch"],
        formatter_class=raw,
    )
    batch.add_argument(
        "editions", nargs="?", type=Path, default=Path("editions.yaml"), help="the editions (default: editions.yaml)"
    )
    cores = os.cpu_count() or 1
    batch.add_argument(
        "--jobs",
        type=int,
        default=cores,
        metavar="N",
        help=f"worker processes, 1 to {BATCH_JOBS} (default: the number of cores, {cores} here)",
    )
    batch.add_argument(
        "--force", action="store_true", help="rebuild every edition, changed or not (default: only what changed)"
    )
    batch.add_argument(
        "--check",
        action="store_true",
        help="validate, lay out and preflight every edition and write nothing (no PDFs, manifest or contact sheet); "
        "exit 1 if any fails, as `brochure check` (default: build what changed)",
    )
    batch.add_argument(
        "--json",
        default=None,
        metavar="FILE",
        help="also write the report as JSON ('-': standard output) (default: no report)",
    )
    batch.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="run the editions on the workers of the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786; "
        "pip install 'brochure[cluster]'); they read the inputs at the same paths (default: --jobs processes here)",
    )
    w = sub.add_parser(
        "watch",
        parents=[inputs],
        help="build the leaflet again on every save of its files",
        epilog=EXAMPLES["watch"],
        formatter_class=raw,
    )
    w.add_argument(
        "--serve", action="store_true", help="also serve the live preview page, as `brochure serve` (default: off)"
    )
    _watch_arguments(w)
    _watch_arguments(
        sub.add_parser(
            "serve",
            parents=[inputs],
            help="watch, and serve a live preview page on 127.0.0.1",
            epilog=EXAMPLES["serve"],
            formatter_class=raw,
        )
    )
    f = sub.add_parser(
        "fonts",
        help="the font families a brand kit can name: installed ones, or --search installable ones",
        epilog=EXAMPLES["fonts"],
        formatter_class=raw,
    )
    f.add_argument(
        "--search",
        default=None,
        metavar="WORD",
        help="look among the fontpkg-* families on PyPI for WORD (part of a name, or a kind: serif, sans, "
        "handwriting) and say which are static, so usable (default: list the installed families)",
    )
    f.add_argument(
        "--offline",
        action="store_true",
        help="with --search: use brochure's own list only, never ask PyPI (default: ask PyPI, 5 s at most, "
        "about families the list does not know or has not seen published)",
    )
    from brochure.kit import add_init_arguments

    add_init_arguments(
        sub.add_parser(
            "init",
            help="make a new clinic's brand kit (or copy the words for it) from a few answers or options",
            epilog=EXAMPLES["init"],
            formatter_class=raw,
        )
    )
    return p


def _watch_arguments(p: argparse.ArgumentParser) -> None:
    """The options `watch` and `serve` have besides the inputs (see brochure/live/command.py)."""
    p.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="FILE.pdf",
        help="the PDF to write (default: out/BRAND-LANGUAGE-LAYOUT-PAPER-TARGET.pdf, as chosen)",
    )
    p.add_argument(
        "--editions",
        type=Path,
        default=None,
        metavar="FILE",
        help="the kits and content files to offer (default: editions.yaml, when there is one)",
    )
    p.add_argument(
        "--language",
        default=None,
        metavar="TAG",
        help="the kit's content file in this language, e.g. es (default: --content's)",
    )
    p.add_argument(
        "--edition",
        default=None,
        metavar="NAME",
        help="BRAND/LANGUAGE[/LAYOUT[/PAPER[/TARGET]]], as `brochure batch` names editions (default: the options')",
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to serve on (default: 127.0.0.1, this machine only; any other lets anyone who can "
        "reach this machine see the leaflet and switch it: see the README)",
    )
    p.add_argument("--port", type=int, default=8765, metavar="N", help="the port (default: 8765; 0: any free one)")
    p.add_argument("--dpi", type=float, default=96.0, help="the page pictures' resolution, 24 to 300 (default: 96)")
