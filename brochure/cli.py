"""Command-line arguments -> a build, check or preview; prints diagnostics and returns the exit status.

Exit status: 0 done (warnings allowed); 1 the inputs or the result have errors, or a file cannot be
written; 2 usage error (bad options, or an output that would land on an input, on another output or on
something that is not a file); 3 internal error (a bug: one line asks for a report, BROCHURE_DEBUG=1
adds the traceback); 129 hung up (SIGHUP); 130 interrupted (Ctrl-C); 143 terminated (SIGTERM). A closed standard output
does not change the status. `brochure` and `python -m brochure` both run run(), which runs main().
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, NoReturn, TextIO

from brochure.arguments import (
    DEFAULT_BRAND,
    EXIT_ERRORS,
    EXIT_HUNG_UP,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_USAGE,
    make_parser,
    same_source,
)
from brochure.collector import freeze_inputs, load_api
from brochure.diagnostics import Diagnostic, Location, error
from brochure.frozen import frozen, mutable
from brochure.limits import PREVIEW_DPI
from brochure.output.files import (
    JSON,
    PDF,
    PNG,
    Kind,
    Refused,
    clash,
    remove_temporaries,
    same_file,
    target_problem,
)

if TYPE_CHECKING:
    from brochure import api
    from brochure.inputs.content import Content
    from brochure.layout.model import Layout

STDOUT = "-"  # `--json -`: the report goes to standard output
_STEM_CHARS = 100  # a preview stem's most characters
_STEM = re.compile(rf"^[A-Za-z0-9][A-Za-z0-9._-]{{0,{_STEM_CHARS - 1}}}$")
BUG = (
    "this is a bug in brochure: please report it with the command and the input files; "
    "BROCHURE_DEBUG=1 shows the traceback"
)


class Interrupted(BaseException):
    """Ctrl-C (SIGINT) arrived. Not KeyboardInterrupt: Python would then end the process by SIGINT, not 130."""


class Terminated(BaseException):
    """SIGTERM (or SIGHUP: the terminal closed) arrived; raised in the main thread like Interrupted."""


class UsageError(Exception):
    """The command line asks for something that cannot be done; exit status 2."""


class Unwritable(Exception):
    """Standard output cannot take what the command writes (a full disk, a device that refuses it); exit status 1.
    Not for a reader that went away (a closed pipe), which is silenced."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every way it ends (errors, signals, bugs, a closed pipe) is one exit status."""
    console = Console()
    with _signals_raise() as signals:
        try:
            status = _run(argv, console, signals)
            signals.check()
            return status
        except (Interrupted, KeyboardInterrupt):
            return _stopped(console, signal.SIGINT)
        except Terminated:
            return _stopped(console, signals.received or signal.SIGTERM)
        except Unwritable as exc:
            console.error(f"brochure: error: {exc}")
            return EXIT_ERRORS
        except Exception as exc:
            if os.environ.get("BROCHURE_DEBUG"):
                for line in traceback.format_exc().rstrip().splitlines():  # (a line each: one line is one line)
                    console.error(line)
            if signals.received:  # a library's clean-up, cut short by the signal, failed on the way out: the
                return _stopped(console, signals.received)  # stop is what happened, not a bug
            if isinstance(exc, ModuleNotFoundError) and exc.name and exc.name.partition(".")[0] != "brochure":
                console.error(_not_installed(exc.name))  # (another Python than the project's: not a bug)
                return EXIT_USAGE
            what = " ".join(str(exc).split())[:300]
            console.error(f"brochure: internal error: {type(exc).__name__}{': ' + what if what else ''} ({BUG})")
            return EXIT_INTERNAL
        finally:
            remove_temporaries()


QUICK_EXIT = ("build", "check")  # commands of one build, whose files are written and closed when main returns


def run() -> NoReturn:
    """The command line as a program (`brochure`, `python -m brochure`): main(), then the process ends with its
    status. After a command of QUICK_EXIT, run alone in its process (no other thread), the interpreter's tear-down
    (every module's, font's and cached object freed one by one: about 25 ms of a 0.45 s `build`, measured) is
    skipped: the standard streams flushed, the process exits at once. A stream that cannot be flushed (its reader
    gone) ends as Python ends it."""
    status = main()
    if sys.argv[1:2] and sys.argv[1] in QUICK_EXIT and threading.active_count() == 1:
        try:
            for stream in (sys.stdout, sys.stderr):  # (None where the stream was closed before the command ran)
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):
            sys.exit(status)
        os._exit(status)
    sys.exit(status)


def _unsaid(*args: object) -> None:
    """Says nothing (for the exceptions raised while a stopped command's process ends)."""


def _not_installed(package: str) -> str:
    """What to do when this Python lacks a package brochure needs (run from another Python than the project's)."""
    return (
        f"brochure: error: this Python ({sys.executable}) lacks {package}, a package brochure needs (hint: run"
        " .venv/bin/brochure, or .venv/bin/python -m brochure, after `make leaflet`; or install them into this"
        " Python: pip install -r requirements.txt)"
    )


def _stopped(console: Console, signum: int) -> int:
    """Say the command was stopped by the signal, and give its exit status (128 + the signal's number)."""
    if signum == signal.SIGINT:
        console.error("brochure: interrupted")
        return EXIT_INTERRUPTED
    if signum == signal.SIGHUP:  # (its terminal closed, an SSH session dropped)
        console.error("brochure: hung up")
        return EXIT_HUNG_UP
    console.error("brochure: terminated")
    return EXIT_TERMINATED


@mutable
class Signals:
    """The stop signal (SIGINT or SIGTERM) that arrived while the command ran; 0 while none has."""

    received: int = 0

    def stop(self) -> BaseException:
        return Interrupted() if self.received == signal.SIGINT else Terminated()

    def check(self) -> None:
        """Stop now if a signal came and its exception was swallowed on the way (a library's bare `except:`
        around a font read turns it into a 'corrupt font' error): called between the stages of a build."""
        if self.received:
            raise self.stop()


@contextmanager
def _signals_raise() -> Iterator[Signals]:
    """While a command runs, the first SIGINT, SIGTERM or SIGHUP raises (so temporary files are removed on the way
    out); later ones are ignored, so that clean-up and the exit status are not cut short. The old handlers
    come back afterwards, unless a signal came: then the process is ending, further signals stay ignored, and what
    a library's objects, left half closed by the stop, raise as they are collected on the way out is not said (the
    one line is all: PDFium's pages asserted their closed document's state, a traceback under it)."""
    signals = Signals()
    if threading.current_thread() is not threading.main_thread():
        yield signals
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if not signals.received:
            signals.received = signum
            raise signals.stop()

    def unraisable(args: sys.UnraisableHookArgs) -> None:
        # The signal came while Python ran code that cannot raise (a finaliser, a weak reference's callback, as in
        # the import system's module locks): the exception is dropped there, and `signals.check()` raises it at
        # the next stage. Python would print it as "Exception ignored in ..." with a traceback: not for a user.
        if not isinstance(args.exc_value, (Interrupted, Terminated)):
            old_hook(args)

    old_hook = sys.unraisablehook
    stops = [signal.SIGINT, signal.SIGTERM]
    if signal.getsignal(signal.SIGHUP) is signal.SIG_DFL:  # (not under `nohup`, which asks for it to be ignored)
        stops.append(signal.SIGHUP)
    old = {s: signal.signal(s, handler) for s in stops}
    sys.unraisablehook = unraisable
    try:
        yield signals
    finally:
        sys.unraisablehook = old_hook
        if signals.received and not os.environ.get("BROCHURE_DEBUG"):
            sys.unraisablehook = sys.excepthook = _unsaid
        for s, h in old.items():
            signal.signal(s, signal.SIG_IGN if signals.received else h if h is not None else signal.SIG_DFL)


@mutable
class Console:
    """Where the command's lines go: results to stdout (stderr when stdout carries `--json -`), problems to
    stderr. Characters the terminal's encoding lacks are written as escapes; a closed pipe is ignored."""

    results_to_stderr: bool = False

    def result(self, text: str) -> None:
        self._line(sys.stderr if self.results_to_stderr else sys.stdout, text)

    def error(self, text: str) -> None:
        self._line(sys.stderr, text)

    def data(self, data: bytes) -> None:
        """Raw bytes on standard output (the JSON report)."""
        stream = sys.stdout
        if stream is None:
            return
        try:
            stream.flush()
            if hasattr(stream, "buffer"):
                stream.buffer.write(data)
                stream.buffer.flush()
            else:  # a text-only stream put in place by a caller
                stream.write(data.decode("utf-8"))
        except (BrokenPipeError, ValueError):
            _silence(stream)
        except OSError as exc:
            _silence(stream)
            raise Unwritable(f"the report could not be written to standard output: {exc.strerror or exc}") from exc

    @staticmethod
    def _line(stream: TextIO | None, text: str) -> None:
        if stream is None:  # started with that descriptor closed
            return
        encoding = getattr(stream, "encoding", None) or "utf-8"
        text = _CONTROL.sub(_escaped, text)  # (one line, as said: a path with a line break in it printed a second
        # line that read as another file's error; a terminal's escape sequences in a name are shown, not obeyed)
        text = text.encode(encoding, "backslashreplace").decode(encoding, "replace")
        try:
            stream.write(text + "\n")
            stream.flush()
        except (BrokenPipeError, ValueError):
            _silence(stream)
        except OSError as exc:  # (a full disk: standard error is told, if it can be; it is never raised over)
            _silence(stream)
            if stream is sys.stdout:
                raise Unwritable(f"standard output could not be written: {exc.strerror or exc}") from exc


_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")  # (not a tab)


def _escaped(m: re.Match[str]) -> str:
    return m.group().encode("unicode_escape").decode("ascii")


def _silence(stream: TextIO) -> None:
    """The reader went away: send the rest of this stream to the null device, so that Python's final
    flush does not fail with a traceback and exit status 120."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def _run(argv: Sequence[str] | None, console: Console, signals: Signals) -> int:
    parser = make_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    parser.argv = words
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    except BrokenPipeError:  # `brochure --help | true`: argparse prints the help itself
        _silence(sys.stdout)
        return EXIT_OK
    conflict = _conflict(args, words)
    if conflict:
        console.error(f"brochure: error: {conflict}")
        return EXIT_USAGE
    if args.command in ("watch", "serve"):
        load_api()  # (loaded as a build loads it: the server's collections then skip the modules)
        from brochure.live.command import watch

        return watch(args, console, signals)
    if args.command in ("fonts", "batch", "init"):
        from brochure.commands import batch, fonts, init  # (they use this module's console and writers)

        run = {"fonts": fonts.fonts, "batch": batch.batch, "init": init.init}[args.command]
        return run(args, console)
    api = load_api()  # only now (`--help` and usage errors stay quick), inside main's handler

    console.results_to_stderr = args.json == STDOUT
    options = api.Options(args.layout, args.paper, args.target, args.marks, args.allow_expired)
    try:
        _check_options(args, options)
        _check_outputs(args, _given_inputs(args), _given_outputs(args), kinds=False)
        _check_endings(args)  # (after: an output onto an input, or onto a device, is told of as that)
        status = _command(args, options, console, signals)
    except UsageError as exc:
        console.error(f"brochure: error: {exc}")
        return EXIT_USAGE
    return status


# Options that say two things where one is taken (the other was dropped without a word), by command.
_CONFLICTS = {
    "batch": (
        ("--jobs", "--scheduler", "the editions run here (--jobs) or on a cluster's workers (--scheduler)"),
        ("--check", "--force", "--check checks every edition and writes none; --force builds each again"),
    ),
    "watch": (("--language", "--content", "--language picks the kit's content file in that language"),),
    "serve": (("--language", "--content", "--language picks the kit's content file in that language"),),
}


_SERVED = (  # `watch`'s options that only `--serve` follows (given without it, they did nothing, silently)
    ("--dpi", "the served page pictures' resolution"),
    ("--port", "the port the page is served on"),
    ("--host", "the address the page is served on"),
)


def _conflict(args: argparse.Namespace, words: list[str]) -> str:
    """Options given together that cannot both be followed, or one that does nothing without another: '' if none."""

    def given(option: str) -> bool:  # (as typed, or shortened: argparse takes `--lang` for --language)
        return any(
            w.startswith("--") and len(w.split("=")[0]) > 2 and option.startswith(w.split("=")[0]) for w in words
        )

    for one, other, why in _CONFLICTS.get(args.command, ()):
        if given(one) and given(other):
            return f"{one} and {other} cannot both be given: {why}"
    for option, what in _SERVED:
        if args.command == "watch" and given(option) and not given("--serve"):
            return f"{option} sets {what}: give it with --serve"
    named = str(getattr(args, "edition", None) or "").strip("/").split("/")  # brand/language[/layout[/paper[/target]]]
    for option, part, noun in _EDITION_PARTS:
        value = str(getattr(args, option[2:], "") or "").lower()
        if named != [""] and given(option) and len(named) > part and named[part].lower() != value:
            return f"--edition {args.edition} names the {noun}, and so does {option}: give one of them"
    return ""


_EDITION_PARTS = (  # what an edition's name says, the part of it that says it, and what it is (its kit and
    # content file, --brand and --content, are files: the edition's are known once it is found, live/command.py)
    ("--language", 1, "language"),
    ("--layout", 2, "layout"),
    ("--paper", 3, "paper"),
    ("--target", 4, "target"),
)


def _check_options(args: argparse.Namespace, options: api.Options) -> None:
    from brochure import api

    low, high = PREVIEW_DPI
    if args.command == "preview" and not low <= args.dpi <= high:
        raise UsageError(f"--dpi must be between {low:g} and {high:g}")
    if args.command == "preview" and args.stem is not None and not _STEM.match(args.stem):
        if len(args.stem) > _STEM_CHARS and _STEM.match(args.stem[:_STEM_CHARS]):
            raise UsageError(f"--stem is {len(args.stem)} characters long: at most {_STEM_CHARS}")
        if args.stem[:1] in ("-", ".") and _STEM.match("x" + args.stem[1:]):  # (a hidden file, or an option)
            raise UsageError(f"--stem '{args.stem}' starts with '{args.stem[0]}': start it with a letter or digit")
        raise UsageError(f"--stem '{args.stem}' may only have letters, digits, '.', '_' and '-' (no folders)")
    if args.command != "check" and args.output == STDOUT:
        raise UsageError("-o - : the output cannot go to standard output; give a file name (or use --json -)")
    for option, value in (("-o", args.output if args.command != "check" else None), ("--json", args.json)):
        if value is not None and not value.strip():  # (an unset variable in a script: preview wrote into '.')
            what = "folder" if option == "-o" and args.command == "preview" else "file"
            raise UsageError(f"{option} '{value}' names nothing: give a {what}")
    files = [("--json", args.json, "report.json")] + (
        [("-o", args.output, "leaflet.pdf")] if args.command == "build" else []
    )
    for option, value, example in files:
        if value is not None and value.endswith(("/", os.sep)):  # (Path() drops the slash: a file of that name)
            raise UsageError(
                f"{option} {value} names a folder (hint: name a file to write, e.g. {option} {value}{example})"
            )
    problem = same_source(args.source, args.content)
    if problem:
        raise UsageError(problem)
    problem = api.option_problem(options)
    if problem:
        hint = "add --target press, or leave out --marks" if problem.startswith("--marks") else "see README.md"
        raise UsageError(f"{problem} (hint: {hint})")


_FILE_ENDINGS = (".pdf", ".png", ".jpg", ".jpeg", ".json", ".html", ".svg", ".txt", ".yaml", ".yml")  # (not a
# preview's folder: the user meant a file)


def _check_endings(args: argparse.Namespace) -> None:
    """Refuse `build -o` a new file's name that does not end in .pdf, and `preview -o` a new folder named as a
    file."""
    if args.command == "build" and args.output is not None:
        problem = pdf_name_problem(args.output, args.command)
        if problem:
            raise UsageError(problem)
    if (
        args.command == "preview"
        and Path(args.output).suffix.lower() in _FILE_ENDINGS
        and not os.path.isdir(args.output)
        and not args.output.endswith(("/", os.sep))  # ('-o shots.png/': a folder, said so)
    ):
        raise UsageError(
            f"-o {args.output} names a file, and preview writes its pictures into a folder "
            f"(hint: give a folder, e.g. -o {Path(args.output).with_suffix('')}/)"
        )


def pdf_name_problem(output: str, command: str) -> str:
    """Why `build -o` (`watch -o`, `serve -o`) refuses a new file's name that does not end in .pdf (a PDF called
    leaflet.png opens nowhere); '' for a name that does, or a file already there (told of as what it is: an input,
    not a PDF, ...)."""
    path = Path(output)
    if path.suffix.lower() == ".pdf" or os.path.exists(output):
        return ""
    if path.name.strip() != path.name:
        return f"-o '{output}' ends in a space (hint: name it '{output.rstrip()}')"
    if path.name.lower() == ".pdf":
        return f"-o {output} names no file, only an ending (hint: name it {path.with_name('leaflet.pdf')})"
    other = path.suffix.lower() in _FILE_ENDINGS  # (another kind's ending: replaced; 'leaflet.v2': kept)
    named = path.with_suffix(".pdf") if other else path.with_name(path.name + ".pdf")
    if Path(path.stem).suffix.lower() == ".pdf":  # ('leaflet.pdf.png')
        named = path.with_suffix("")
    if path.suffix.lower() in (".png", ".jpg", ".jpeg"):
        hint = f"name it {named}; `brochure preview` makes pictures of the pages"
        return f"-o {output}: {command} writes a PDF (hint: {hint})"
    if path.suffix.lower() == ".json":
        return f"-o {output}: {command} writes a PDF here (hint: name it {named}; --json {output} writes the report)"
    if other:
        return f"-o {output}: {command} writes a PDF, not a {path.suffix} file (hint: name it {named})"
    return f"-o {output} does not end in .pdf (hint: name it {named}, so that it opens as a PDF)"


@frozen
class Output:
    option: str  # as the user wrote it: '-o', '--json'; or what it is, where no option names it ('the PDF')
    path: Path
    kind: Kind


def _given_inputs(args: argparse.Namespace) -> list[tuple[str, Path]]:
    given = [("the content file (--content)", args.content), ("the brand file (--brand)", args.brand)]
    return given + ([("the source content (--source)", args.source)] if args.source else [])


def _given_outputs(args: argparse.Namespace) -> list[Output]:
    """The outputs named on the command line (default names are known only once the inputs are read)."""
    outs = []
    if args.json not in (None, STDOUT):
        outs.append(Output("--json", Path(args.json), JSON))
    if args.command == "build" and args.output is not None:
        outs.append(Output("-o", Path(args.output), PDF))
    return outs


def _check_outputs(
    args: argparse.Namespace, inputs: list[tuple[str, Path]], outputs: list[Output], kinds: bool = True
) -> None:
    """Refuse (as a usage error) an output that is an input, another output, or no place for a file; and,
    with `kinds`, an existing file of another kind (before the inputs are read, they name it better)."""
    if args.command == "preview":
        folder = Path(args.output)
        _not_an_input("-o", folder, inputs)
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"-o {folder} is not a folder (hint: previews go into a folder, e.g. out/preview)")
    for out in outputs:
        _not_an_input(out.option, out.path, inputs)
    for i, out in enumerate(outputs):
        other = clash(out.path, [o.path for o in outputs[:i]])
        if other is not None:
            first = next(o for o in outputs if o.path == other)
            raise UsageError(
                f"{out.option} {out.path} is the same file as {first.option} {first.path} "
                "(hint: give each output its own file)"
            )
    for out in outputs:
        problem = target_problem(out.path, out.kind if kinds else None)
        if problem:
            raise UsageError(f"{out.option} {out.path} {problem} (hint: {_hint(out, problem)})")


def _not_an_input(option: str, path: Path, inputs: list[tuple[str, Path]]) -> None:
    same = clash(path, [p for _, p in inputs])
    if same is not None:
        what = next(name for name, p in inputs if p == same)
        raise UsageError(
            f"{option} {path} is {what}: an output may never replace an input "
            "(hint: write the output somewhere else, e.g. into out/)"
        )


def _hint(out: Output, problem: str) -> str:
    if out.kind is PNG:
        return "choose another folder with -o, or another --stem"
    if problem.startswith("already exists"):
        return "choose another name, or remove the file first if you mean to replace it"
    example = "out/report.json" if out.kind is JSON else "out/leaflet.pdf"
    flag = out.option if out.option.startswith("-") else "-o"  # (a default output: -o names another)
    return f"name a file to write, e.g. {flag} {example}; `brochure check` builds without writing"


def _input_files(sources: api.Sources, args: argparse.Namespace, source: Content | None) -> list[tuple[str, Path]]:
    """Every file the loaded inputs name (api.input_files), and the source content with its pictures."""
    from brochure import api

    given = [(what, path) for what, path in _given_inputs(args) if what.endswith("(--source)")]
    pictures = api.picture_files(source, "the source content") if source is not None else []
    files = api.input_files(sources)
    return files[:2] + given + files[2:] + pictures


def _nothing_written(console: Console, args: argparse.Namespace) -> None:
    """After the errors of a build or preview, whether they were found reading the inputs or laying them out (said
    after a layout's errors only, not after a missing logo's); `check` writes nothing anyway."""
    if args.command != "check":
        console.error("brochure: nothing written: fix the errors above")


def _command(args: argparse.Namespace, options: api.Options, console: Console, signals: Signals) -> int:
    from brochure import api

    sources, diags = api.load(args.content, args.brand)
    source = None
    translated = sources is not None and sources.content.document.translation is not None
    named, unread = _named_source(args.content, args.brand) if args.source is None and translated else (None, False)
    source_path: Path | None = args.source or named
    if source_path is not None and sources is not None:
        source, found = api.translation_check(source_path, sources.content)
        diags += found
    signals.check()
    if sources is None or any(d.is_error for d in diags):
        _check_outputs(args, _given_inputs(args), _given_outputs(args))  # the report will be written
        _print(console, diags)
        _report(console, args.json, diags, options)
        if named is not None:  # (why a file not named on the command line is in its errors)
            _checked_against(console, args.content, named)
        _nothing_written(console, args)
        return EXIT_ERRORS
    name = api.edition_name(sources, options)
    pdf = Path(args.output) if args.command == "build" and args.output else Path("out") / f"{name}.pdf"
    by_id = (args.command == "build" and not args.output) or (args.command == "preview" and not args.stem)
    shown = Path(args.output) / f"{name}-page1.png" if args.command == "preview" else pdf  # (named for the edition)
    taken = api.other_clinics_file(sources, options, shown) if by_id else []
    if taken:  # (another clinic's PDF by its name: not replaced)
        _print(console, [*diags, *taken])
        _report(console, args.json, [*diags, *taken], options)
        _nothing_written(console, args)
        return EXIT_ERRORS
    outputs = _given_outputs(args)
    if args.command == "build" and not args.output:
        outputs.append(Output("the PDF", pdf, PDF))  # (named for its edition: no -o was given)
    inputs = _input_files(sources, args, source)
    if named is not None:
        inputs.insert(2, ("the source content (editions.yaml's)", named))
    _check_outputs(args, inputs, outputs, kinds=False)
    freeze_inputs()
    result = api.build(sources, options)
    signals.check()
    if args.command == "preview" and result.layout is not None:
        _check_preview_pixels(args.dpi, result.layout)
        outputs += _preview_outputs(Path(args.output), args.stem or name, result.layout)
    _check_outputs(args, inputs, outputs)  # every output known: nothing is written before this
    found = [*diags, *result.diagnostics]
    _print(console, found)
    if not result.ok or result.pdf is None:
        _report(console, args.json, found, options, result.layout)
        _nothing_written(console, args)
        return EXIT_ERRORS
    paper = args.paper or sources.brand.paper
    edition = f"{options.layout}, {paper}, {args.target}, body type {result.body_size:g} pt"  # (fitted: tightened
    # when the words need it, larger when they leave the inside short)
    unwritten = None  # (the outputs first: a report of a run whose PDF was not written says so)
    if args.command == "build":
        unwritten = _written(console, "-o", pdf, result.pdf, PDF, "the PDF")
        if unwritten is None:
            console.result(f"wrote {pdf} ({len(result.pdf) // 1024} KiB, {edition})")
    elif args.command == "preview":
        unwritten = _preview(args, result, args.stem or name, console, [p for _, p in api.input_files(sources)])
    else:
        console.result(f"ok: {args.content} with {args.brand}: {edition}")
    if named is not None:
        _checked_against(console, args.content, named)
    elif args.source is None and translated:
        _unchecked_translation(console, args.content, unread, None if args.brand is DEFAULT_BRAND else args.brand)
    if not _report(console, args.json, [*found, *([unwritten] if unwritten else [])], options, result.layout):
        return EXIT_ERRORS
    return EXIT_ERRORS if unwritten is not None else EXIT_OK


def shell_quoted(path: Path) -> str:
    """A path as a shell reads it back (a folder with spaces, quotes or a `$` is one word), for a command to copy;
    on one line: a control character (a newline in a folder's name split the printed command in two) is written as
    bash and zsh read it back, $'\\n'."""
    import shlex

    text = str(path)
    text = f"./{text}" if text.startswith("-") else text  # (not taken for an option: '-es/...')
    if not any(ord(c) < 32 or ord(c) == 127 for c in text):
        return shlex.quote(text)
    escaped = "".join(_ansi_c(c) for c in text)
    return f"$'{escaped}'"


def _ansi_c(c: str) -> str:
    """One character inside $'...' (bash's ANSI-C quoting)."""
    named = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\", "'": "\\'"}
    if c in named:
        return named[c]
    return f"\\x{ord(c):02x}" if ord(c) < 32 or ord(c) == 127 else c


def _checked_against(console: Console, content: Path, source: Path) -> None:
    console.error(f"brochure: note: {content} was checked against {source}, the words editions.yaml says it translates")


def _named_source(content: Path, brand: Path) -> tuple[Path | None, bool]:
    """The words `content` translates for the kit, as ./editions.yaml names them (its brand's or its own `source:`),
    where the file names the kit and the content file, else None: a translation is built as a batch builds it,
    checked against its source; and whether ./editions.yaml is there but cannot be read (a batch says why)."""
    here = Path("editions.yaml")
    if not here.is_file():
        return None, False
    from brochure.inputs.brand import kit_identity
    from brochure.inputs.editions import load_editions

    editions, _ = load_editions(here)
    groups = editions.groups if editions is not None else ()
    kit = kit_identity(brand)
    return next(
        (
            g.source
            for g in groups
            if g.source is not None
            and kit_identity(g.kit) == kit
            and any(same_file(c, content) for c in g.contents)
            and not same_file(g.source, content)
        ),
        None,
    ), editions is None


def _unchecked_translation(console: Console, content: Path, unread: bool = False, brand: Path | None = None) -> None:
    """A translation checked without its source: said, with the command that checks it against it, with the kit it
    was given (`brand`): the nearest content.yaml in the folders above it, up to this one (a clinic's own words
    beside its kit, `init`'s layout, before the group's here) in another language, when there is one; else SOURCE."""
    from brochure.inputs.content import declared_language

    here = Path.cwd().resolve()
    folders = [f for f in (content.parent, *content.parent.parents) if f.resolve().is_relative_to(here)]
    ours = (declared_language(content) or "").lower()  # (a content.yaml in its language beside it is another
    found = next(  # translation, not its source: a clinic's fr/content.yaml beside fr/m.yaml)
        (
            f / "content.yaml"
            for f in [*folders, Path()]
            if (f / "content.yaml").is_file()
            and not same_file(f / "content.yaml", content)
            and (declared_language(f / "content.yaml") or "").lower() != ours
        ),
        None,
    )
    source = shell_quoted(found) if found is not None else "SOURCE"
    kit = f" --brand {shell_quoted(brand)}" if brand is not None else ""
    again = f"brochure check --source {source} --content {shell_quoted(content)}{kit}"
    why = ", and ./editions.yaml, which would name it, has errors (`brochure batch` says them)" if unread else ""
    console.error(
        f"brochure: note: {content} is a translation (document.translation), not checked against the words it "
        f"translates: its sections, numbers, links and citations{why} (hint: {again})"
    )


def _check_preview_pixels(dpi: float, layout: Layout) -> None:
    """A usage error when the pages at this dpi come to more than PREVIEW_PIXELS together (its time and memory)."""
    import math

    from brochure.limits import PREVIEW_PIXELS

    media = layout.sheet.media
    page = math.ceil(media.w * dpi / 72) * math.ceil(media.h * dpi / 72)
    pixels = page * len(layout.pages)
    if pixels > PREVIEW_PIXELS:
        most = math.floor(dpi * math.sqrt(PREVIEW_PIXELS / pixels))
        raise UsageError(
            f"--dpi {dpi:g}: the {len(layout.pages)} pages come to {pixels / 1e6:,.0f} megapixels at that resolution; "
            f"a preview may have {PREVIEW_PIXELS / 1e6:,.0f} at most (hint: --dpi {most} or less shows these pages)"
        )


def _preview_outputs(folder: Path, stem: str, layout: Layout) -> list[Output]:
    from brochure.output.preview import preview_paths

    pages = preview_paths(folder, stem, len(layout.pages), bool(layout.views))
    return [Output("the page picture", p, PNG) for p in pages]  # (-o names their folder, not them)


def _preview(
    args: argparse.Namespace, result: api.Result, stem: str, console: Console, inputs: list[Path]
) -> Diagnostic | None:
    """Write the preview's pictures; the error when they cannot be written (said on the console too)."""
    from brochure.output.preview import remove_stale_pages, write_previews  # (pypdfium2: only here)

    assert result.pdf is not None and result.layout is not None
    folder = Path(args.output)
    try:
        paths = write_previews(result.pdf, folder, stem, args.dpi, result.layout)
    except Refused as exc:  # (checked before the build: another process made it so since; the report says so)
        found = error(
            Location(str(folder)),
            f"cannot write the previews: -o {exc}",
            "choose another folder with -o, or another --stem",
        )
        console.error(found.format())
        return found
    except OSError as exc:
        from brochure.output.files import in_the_way

        blocked = in_the_way(folder / f"{stem}-page1.png")
        why = f"{blocked} is a file, not a folder" if blocked is not None else exc.strerror or exc
        hint = "free some space on the disk, or choose a lower --dpi" if _full(exc) else "check the folder is writable"
        hint = _moved_aside(blocked, "-o") or hint
        found = error(
            Location(str(folder)),
            f"cannot write the previews: {why}",
            f"{hint}; the earlier pictures there are untouched",
        )
        console.error(found.format())
        return found
    for path in paths:
        console.result(f"wrote {path}")
    pages = len(result.layout.pages)
    for path in remove_stale_pages(folder, stem, pages, inputs):
        console.result(f"removed {path} (an earlier preview's: this leaflet has {pages} pages)")
    return None


def _moved_aside(blocked: Path | None, option: str) -> str:
    """The hint for an output whose folder is a file ('out' written where out/ was meant), or ''."""
    return f"rename or move the file {blocked}, or give {option} a path in another folder" if blocked else ""


def _full(exc: OSError) -> bool:
    """The disk (or the user's quota on it) is full."""
    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


def _write(console: Console, option: str, path: Path, data: bytes, kind: Kind, what: str) -> bool:
    """Write one output file atomically; False (and a message) when it cannot be written."""
    return _written(console, option, path, data, kind, what) is None


def _written(console: Console, option: str, path: Path, data: bytes, kind: Kind, what: str) -> Diagnostic | None:
    """Write one output file atomically; when it cannot be written, the error (said on the console too)."""
    from brochure.output.files import in_the_way, write_atomic

    try:
        write_atomic(path, data, kind)
    except Refused as exc:  # (checked before the build: another process made it so since; the report says so)
        found = error(Location(str(path)), f"cannot write {what}: {option} {exc}", "choose another file")
        console.error(found.format())
        return found
    except OSError as exc:
        blocked = in_the_way(path)
        why = f"{blocked} is a file, not a folder" if blocked is not None else exc.strerror or exc
        hint = "free some space on the disk" if _full(exc) else "check the folder exists and is writable"
        hint = _moved_aside(blocked, option) or hint
        found = error(
            Location(str(path)), f"cannot write {what}: {why}", f"{hint}; any earlier file there is untouched"
        )
        console.error(found.format())
        return found
    return None


def _print(console: Console, diags: Sequence[Diagnostic]) -> None:
    for d in diags:
        console.error(d.format())


def _report(
    console: Console, path: str | None, diags: Sequence[Diagnostic], options: api.Options, layout: Layout | None = None
) -> bool:
    """Write the findings (and the white space at each panel's foot) as JSON when asked (to a file, or to stdout
    for '-'); False when it cannot be written."""
    if path is None:
        return True
    from brochure.preflight.placement import panel_feet

    doc: dict[str, object] = {
        "layout": options.layout,
        "target": options.target,
        "errors": sum(d.is_error for d in diags),
        "warnings": sum(not d.is_error for d in diags),
        "findings": [d.as_dict() for d in diags],
        "panels": panel_feet(layout) if layout is not None else [],
        "body_pt": layout.body_size if layout is not None else None,  # the inside's body type, as fitted
    }
    data = (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")
    if path == STDOUT:
        console.data(data)
        return True
    return _write(console, "--json", Path(path), data, JSON, "the report")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
