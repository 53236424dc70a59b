"""Parsed arguments -> `brochure watch` and `brochure serve`: rebuild on every save until Ctrl-C (exit 0).

Three threads besides the main one, which only waits for Ctrl-C: the watcher (watchfiles), the builder (the Live
session) and, when serving, the page's server. Ctrl-C stops all three and ends with status 0: it is how a watch
ends. A port in use, an unknown --language or --edition, or an -o that is an input are usage errors (2).
"""

from __future__ import annotations

import argparse
import os
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from brochure.arguments import DEFAULT_BRAND, DEFAULT_CONTENT, EXIT_ERRORS, EXIT_OK, EXIT_USAGE, same_source
from brochure.cli import BUG, Console, Interrupted, Signals, _print, pdf_name_problem
from brochure.diagnostics import Diagnostic
from brochure.live.choices import Choice, Choices, offered, pick_edition, pick_language
from brochure.output.files import PDF, clash, same_file, target_problem

if TYPE_CHECKING:
    from brochure.inputs.editions import Editions

MOST_DPI = 300.0
LEAST_DPI = 24.0
JOIN_S = 10.0  # how long Ctrl-C waits for a build under way to reach its next stage


class _Usage(Exception):
    """A usage error: printed as `brochure: error: ...`, exit status 2."""


def watch(args: argparse.Namespace, console: Console, signals: Signals) -> int:
    """`brochure watch [--serve]` and `brochure serve`."""
    try:
        choices, first, read = _choose(args, console)
    except _Usage as exc:
        console.error(f"brochure: error: {exc}")
        return EXIT_USAGE
    except _Errors:
        return EXIT_ERRORS
    serving = args.command == "serve" or args.serve
    return _run(args, console, signals, choices, first, serving, read)


class _Errors(Exception):
    """An editions file with errors (printed)."""


Read = tuple[Path | None, tuple[Path, Path], list[Diagnostic]]  # the editions file, the kit and content file
# offered beside its clinics, and what reading it found


def _choose(args: argparse.Namespace, console: Console) -> tuple[Choices, Choice, Read]:
    """What is on offer and what is built first; checks the options."""
    from brochure import api
    from brochure.inputs.editions import load_editions

    if not 0 <= args.port <= 65535:
        raise _Usage("--port must be between 0 (any free port) and 65535")
    if not args.host.strip():  # (Python serves '' on every address, and the address it printed was http://:8765/)
        raise _Usage("--host is empty: leave it out for this machine only, or give an address (0.0.0.0: every one)")
    if not LEAST_DPI <= args.dpi <= MOST_DPI:
        raise _Usage(f"--dpi must be between {LEAST_DPI:g} and {MOST_DPI:g}")
    problem = api.option_problem(api.Options(args.layout, args.paper, args.target))
    if problem:
        raise _Usage(problem)
    editions = None
    path = args.editions or (Path("editions.yaml") if Path("editions.yaml").is_file() else None)
    diags: list[Diagnostic] = []
    if path is not None:
        editions, diags = load_editions(path)
        _print(console, diags)
        if editions is None and args.editions is not None:
            raise _Errors()
        if editions is None:
            console.error(
                f"brochure: {path} has errors: only the given kit and content file are on offer (until it is saved"
                " without them)"
            )
    brand, content = _first_words(args, editions)
    choices = offered(editions, brand, content)
    first = Choice(brand, content, args.layout, args.paper, args.target)
    for pick, given in ((pick_edition, args.edition), (pick_language, args.language)):
        if given is not None:
            picked = pick(choices, first, given)
            if isinstance(picked, str):
                raise _Usage(picked)
            first = picked
    if args.edition is not None:  # (the kit or words it names given as well, the same files: taken)
        for option, given, named, noun in (
            ("--brand", args.brand, first.kit, "kit"),
            ("--content", args.content, first.content, "content file (its language's)"),
        ):
            if given is not (DEFAULT_BRAND if option == "--brand" else DEFAULT_CONTENT) and not same_file(given, named):
                raise _Usage(
                    f"--edition {args.edition} names the {noun} {named}, and {option} names another, {given}: "
                    "give one of them"
                )
    same = same_source(args.source, first.content, _how(args, first))
    if same:
        raise _Usage(same)
    if args.output is not None:
        out = Path(args.output)
        inputs = [first.content, first.kit, *([args.source] if args.source else [])]
        if clash(out, inputs) is not None:
            raise _Usage(f"-o {out} is an input: an output may never replace an input (hint: write it into out/)")
        problem = target_problem(out, PDF)
        if problem:
            raise _Usage(f"-o {out} {problem} (hint: name a PDF file to write, e.g. -o out/leaflet.pdf)")
        problem = pdf_name_problem(args.output, args.command)
        if problem:
            raise _Usage(problem)
    return choices, first, (path, (brand, content), diags)


def _how(args: argparse.Namespace, first: Choice) -> tuple[str, str]:
    """How the words built first were chosen where no --content named them, and the option that chose them (('', '')
    where --content did, or nothing did)."""
    if args.language is not None:
        return f"the words --language {args.language} picks", f"--language {args.language}"
    if args.edition is not None:
        return f"the words --edition {args.edition} picks", f"--edition {args.edition}"
    if first.content is not args.content:
        return "the words of editions.yaml's first clinic, built first", ""
    return "", ""


def _first_words(args: argparse.Namespace, editions: Editions | None) -> tuple[Path, Path]:
    """The kit and content file built first: those given; with neither given, when editions.yaml does not list the
    default kit (a group's own project, where assets/brand.yaml is another clinic's or none), its first kit and
    content file (the default kit was offered beside the group's clinics, and built first)."""
    if args.brand is not DEFAULT_BRAND or args.content is not DEFAULT_CONTENT or editions is None:
        return args.brand, args.content
    groups = [g for g in editions.groups if g.contents]
    from brochure.inputs.brand import kit_identity

    if not groups or any(kit_identity(g.kit) == kit_identity(args.brand) for g in groups):
        return args.brand, args.content
    return groups[0].kit, groups[0].contents[0]


def _run(
    args: argparse.Namespace,
    console: Console,
    signals: Signals,
    choices: Choices,
    first: Choice,
    serving: bool,
    read: Read,
) -> int:
    from brochure.collector import for_many_builds
    from brochure.live.server import Server, is_every, is_loopback
    from brochure.live.session import Live, Settings
    from brochure.live.watcher import Watcher

    for_many_builds()  # (a build on every save, for as long as it runs)

    def bug(exc: BaseException) -> None:
        if os.environ.get("BROCHURE_DEBUG"):
            for line in "".join(traceback.format_exception(exc)).rstrip().splitlines():
                console.error(line)
        what = " ".join(str(exc).split())[:300]
        console.error(f"brochure: internal error: {type(exc).__name__}{': ' + what if what else ''} ({BUG})")

    settings = Settings(
        output=Path(args.output) if args.output else None,
        source=args.source,
        allow_expired=args.allow_expired,
        pictures=serving,
        dpi=args.dpi,
        editions=read[0],
        offered=read[1],
    )
    live = Live(choices, first, settings, console.result, console.error, read[2])
    server = None
    if serving:
        try:
            server = Server(live, args.host, args.port, bug)
        except OSError as exc:
            console.error(f"brochure: error: {_bind_problem(args.host, args.port, exc)}")
            return EXIT_USAGE
    stop = threading.Event()
    watcher = Watcher(live.watching, live.changed, lambda why: console.error(f"brochure: {why}"))
    live.on_watch_change = watcher.again
    threads = [
        threading.Thread(target=live.run, args=(bug,), name="builder", daemon=True),
        threading.Thread(target=watcher.run, args=(stop,), name="watcher", daemon=True),
    ]
    interrupted = False
    try:
        for t in threads:
            t.start()
        if server is not None:
            server.start()
            if not is_loopback(args.host):
                console.error(
                    f"brochure: warning: serving on {args.host}: anyone who can reach this machine can see the "
                    "leaflet and switch what is built (hint: leave out --host to keep it to this machine)"
                )
            console.result(f"serving the live preview at {server.url}")
            if is_every(args.host):  # (every address: not one to open, nor to give a colleague)
                import socket

                port = server.url.rstrip("/").rsplit(":", 1)[1]
                console.result(
                    f"open it here at http://127.0.0.1:{port}/, or from another machine at "
                    f"http://{socket.gethostname()}:{port}/ (or this machine's address)"
                )
        also = f", {read[0]}" if read[0] is not None else ""  # (its clinics on offer: read again when saved)
        console.result(f"watching {first.content}{also} and the kit {first.kit.parent}{os.sep} (Ctrl-C to stop)")
        while not stop.wait(0.5):
            pass
    except Interrupted:
        interrupted = True
    finally:  # (a second Ctrl-C meanwhile is ignored)
        stop.set()
        live.stop()
        if server is not None:
            server.close()
        for t in threads:
            t.join(JOIN_S)
    if interrupted:
        signals.received = 0  # Ctrl-C is how a watch ends: not an interruption
        console.result("stopped")
    return EXIT_OK


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    import errno

    where = f"{host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return (
            f"cannot serve on {where}: the port is in use, perhaps by another `brochure serve` (hint: stop it, or "
            f"give another --port; --port 0 picks a free one)"
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"cannot serve on {where}: not allowed (hint: use a port above 1023)"
    return f"cannot serve on {where}: {exc.strerror or exc} (hint: check --host names this machine)"
