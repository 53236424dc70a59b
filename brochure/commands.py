"""Parsed arguments -> the `batch`, `fonts` and `init` commands (the others are in cli.py, which calls these)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brochure.arguments import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from brochure.cli import STDOUT, Console, _print, _write
from brochure.collector import load_api
from brochure.diagnostics import Diagnostic, Location, error
from brochure.limits import BATCH_JOBS, INIT_ROUNDS, NAME_BYTES
from brochure.output.files import (
    BATCH_MANIFEST,
    HTML,
    JSON,
    Refused,
    in_the_way,
    only_one,
    same_file,
    target_problem,
    written_into,
)
from brochure.preflight.dates import source_date
from brochure.vocabulary import LayoutName

if TYPE_CHECKING:
    from brochure.inputs.brand import Brand
    from brochure.inputs.content import Content
    from brochure.theme.fontindex import Installable


def batch(args: argparse.Namespace, console: Console) -> int:
    """`brochure batch`: every edition, a line as each ends, then a table; exit 1 if any failed."""
    from brochure import batch as batches
    from brochure.inputs.editions import DEFAULT_OUTPUT, load_editions

    if not 1 <= args.jobs <= BATCH_JOBS:
        console.error(f"brochure: error: --jobs must be between 1 and {BATCH_JOBS}")
        return EXIT_USAGE
    epoch = source_date(os.environ)[1]  # (as `build` reports it: not each edition's internal error)
    if epoch:
        console.error(f"brochure: error: {epoch} (hint: see README.md)")
        return EXIT_USAGE
    editions, diags = load_editions(args.editions)
    _print(console, diags)
    if editions is None:
        return EXIT_ERRORS
    loaded = batches.read_contents(editions)  # once, for the clash check and the editions' stamps
    kits = batches.read_kits(editions)  # once, for the clash check and the outputs' names
    clashes = batches.collisions(editions, loaded, kits) + batches.shared_outputs(editions)
    _print(console, clashes)
    if clashes:
        return EXIT_ERRORS
    problem = _batch_outputs(args, editions, batches.outputs(editions, loaded, kits))  # before anything is built
    if problem.startswith("--json"):
        console.error(f"brochure: error: {problem}")
        return EXIT_USAGE
    if problem:  # (where the output pattern puts the batch's files: said at `output:`, or the file's top)
        at = editions.output_at or Location(str(args.editions), 1, 1)
        hint = (
            "change the output pattern" if editions.output_at else f"write an 'output:' of your own ({DEFAULT_OUTPUT})"
        )
        _print(console, [error(at, problem, hint + ", or move what is in the way")])
        return EXIT_ERRORS
    console.results_to_stderr = args.json == STDOUT
    try:
        executor = _executor(args)  # a cluster that cannot be reached is an error before anything is built
    except Exception as exc:
        from brochure.cluster import Unavailable

        if not isinstance(exc, Unavailable):
            raise
        console.error(f"brochure: error: {exc}")
        return exc.status
    folder = batches.manifest_path(editions).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        executor.shutdown()
        console.error(f"brochure: error: {folder} cannot be made: {exc.strerror or exc}")
        return EXIT_ERRORS
    with only_one(folder / batches.LOCK) as busy:  # (two batches writing one folder would mix their manifests)
        if busy:
            executor.shutdown()
            hint = (
                "wait for it to end"
                if busy.startswith("another")
                else "move it away"
                if busy.endswith("keeps its lock")
                else "check the output folder is writable"
            )
            console.error(f"brochure: error: {busy} (hint: {hint}, or give the editions another folder in 'output:')")
            return EXIT_ERRORS
        t0 = time.perf_counter()
        done = _run_batch(editions, executor, args.force, loaded, kits, console, args.json)
        if isinstance(done, int):
            return done
        outcomes, path, gone, index = done
    failed = [o for o in outcomes if o.status == "failed"]
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "unchanged", "failed")}
    console.result(
        f"{len(outcomes)} edition{'' if len(outcomes) == 1 else 's'} in {time.perf_counter() - t0:.1f} s: "
        f"{counts['built']} built, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed; manifest {path}; every page: {index}"
    )
    for o in failed:
        console.error(f"failed: {o.edition}: {o.first}")
    for output in gone:
        console.result(f"no longer an edition (left in place): {output}")
    if not _batch_report(console, args.json, outcomes, gone):
        return EXIT_ERRORS
    return EXIT_ERRORS if failed else EXIT_OK


def _batch_report(console: Console, path: str | None, outcomes: Any, gone: list[str]) -> bool:
    """The --json report (to a file, or to standard output for '-'): every edition as it ended ("stopped" when the
    run was stopped before it was built) and the outputs of editions no longer in the file, left in place. False
    when it cannot be written."""
    if path is None:
        return True
    doc = {"editions": [o.report() for o in outcomes], "left_in_place": gone}
    report = json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")
    if path == STDOUT:
        console.data(report)
        return True
    return _write(console, "--json", Path(path), report, JSON, "the report")


def _run_batch(
    editions: Any, executor: Any, force: bool, loaded: Any, kits: Any, console: Console, json_at: str | None = None
) -> Any:
    """The batch run (a line per edition, or a progress bar on a terminal), its manifest and contact sheet written:
    (outcomes, manifest, outputs no longer editions, contact sheet), or the exit status when they cannot be."""
    from brochure import batch as batches

    bar = _progress_bar(editions.count())  # on a terminal; else a line per edition

    def progress(o: batches.Outcome) -> None:
        line = f"{o.status:>9}  {o.edition}  {o.seconds:.2f} s  {o.first[:120]}".rstrip()
        if bar is None:
            console.result(line)
            return
        if o.status == "failed":
            bar.write(line, file=sys.stderr)
        bar.update(1)

    def stopped(every: list[batches.Outcome], left: list[str]) -> None:  # (a run stopped: the report of each
        _batch_report(console, json_at, every, left)  # edition as it ended)

    try:
        outcomes = batches.run(editions, executor, force, progress, loaded, kits, stopped)
    finally:
        if bar is not None:
            bar.close()
    try:
        recorded = batches.recorded_thumbs(editions)  # (before the manifest that records them is replaced)
        remove, keep = batches.unshown(editions, outcomes, recorded)
        path, gone = batches.write_manifest(editions, outcomes, keep)
        index = batches.write_index(editions, outcomes, kits)
        pruned = batches.prune_thumbs(editions, remove)
    except (OSError, Refused) as exc:  # (checked before building: only a race with another process gets here)
        console.error(
            f"brochure: error: the manifest or contact sheet could not be written{written_into(exc)}: "
            f"{str(exc) if isinstance(exc, Refused) else exc.strerror or exc} "
            "(hint: check the output folder is writable and the disk has room; the PDFs built are in place)"
        )
        return EXIT_ERRORS
    except BaseException:  # a stop while they are written: recorded as a stopped run's, and its report written
        with contextlib.suppress(Exception):
            stopped(outcomes, batches.record_stopped(editions, outcomes))
        raise
    if pruned:
        plural = "" if pruned == 1 else "s"
        console.result(f"removed {pruned} page picture{plural} no edition shows (of pages or editions no longer there)")
    return outcomes, path, gone, index


def _executor(args: argparse.Namespace) -> Any:
    """Where the batch's tasks run: --jobs processes here, or the workers of the Dask cluster at --scheduler."""
    if args.scheduler is None:
        from brochure.batch import local

        return local(args.jobs)
    from brochure.cluster import connect

    return connect(args.scheduler)


def _batch_outputs(args: argparse.Namespace, editions: Any, pdfs: list[Path]) -> str:
    """Why the batch's own files cannot be written where they go ('' if they can): the manifest, the contact sheet
    and --json, which may not be an input, an edition's PDF, a folder, a device, the manifest itself or a file of
    another kind."""
    from brochure import batch

    long = next((part for pdf in pdfs for part in pdf.parts if len(os.fsencode(part)) > NAME_BYTES), None)
    if long is not None:  # (about 85 letters of Vietnamese or Chinese; writing it failed with the system's error)
        size = len(os.fsencode(long))
        return (
            f"the output pattern makes a name of {size} bytes, over the {NAME_BYTES} a file or folder may have: {long}"
        )
    manifest = batch.manifest_path(editions)
    thumbs = manifest.parent / batch.THUMBS
    if thumbs.exists() and not thumbs.is_dir():
        return f"{thumbs} is a file, and the batch writes its page pictures into that folder"
    for path, kind in ((manifest, BATCH_MANIFEST), (manifest.parent / batch.INDEX, HTML)):
        folder = in_the_way(path)
        if folder is not None:
            return f"{folder} is a file, and the batch writes its outputs into it"
        problem = target_problem(path, kind)
        if problem:
            return f"{path} {problem}"
    if args.json in (None, STDOUT):
        return ""
    report = Path(args.json)
    blocked = in_the_way(report)
    if blocked is not None:
        return f"--json {report}: {blocked} is a file, where the report's folder would be; give the report another path"
    inputs = [args.editions, *(p for g in editions.groups for p in (g.kit, *g.contents))]
    if editions.source is not None:
        inputs.append(editions.source)
    if any(same_file(report, p) for p in inputs) or same_file(report, manifest):
        return f"--json {report}: it names an input or the manifest; give the report a file of its own"
    if any(report.resolve() == pdf.resolve() for pdf in pdfs):
        return f"--json {report}: it names an edition's PDF, which the batch writes; give the report a file of its own"
    sheet, pictures = (manifest.parent / batch.INDEX).resolve(), thumbs.resolve()
    if report.resolve() == sheet or report.resolve() == pictures or pictures in report.resolve().parents:
        return (
            f"--json {report}: the batch writes its contact sheet and pictures there; give the report a file of its own"
        )
    if report.resolve() == (manifest.parent / batch.LOCK).resolve():  # (the next batch would take it and remove it)
        return f"--json {report}: a batch holds its lock there; give the report a file of its own"
    problem = target_problem(report, JSON)
    if problem:
        return f"--json {report} {problem}"
    folder = next((p for p in report.absolute().parents if p.exists()), None)  # (the folder it goes in, or the
    if folder is not None and not os.access(folder, os.W_OK | os.X_OK):  # nearest one there, to make it in)
        return f"--json {report}: {folder} is not writable; give the report a path in a folder you can write"
    return ""


def _progress_bar(total: int) -> Any:
    """A progress bar on standard error when it is a terminal (tqdm); None for pipes and files (plain lines)."""
    if not (sys.stderr is not None and sys.stderr.isatty()):
        return None
    from tqdm import tqdm  # type: ignore[import-untyped]

    return tqdm(total=total, unit="edition", file=sys.stderr, leave=False)


def fonts(args: argparse.Namespace, console: Console) -> int:
    """`brochure fonts`: the installed families, usable ones first, and how to add one; with --search, the
    installable families matching a word (exit 1 when none does)."""
    if args.search is not None:
        return _font_search(args.search, args.offline, console)
    from brochure.theme.catalog import describe, installed

    families = installed()
    for r in sorted(families, key=lambda r: not r.usable):
        for line in describe(r):
            console.result(line)
    console.result(
        f"To add a family: find one with `brochure fonts --search WORD` (e.g. lato), then {PIP} install "
        "fontpkg-NAME, add the line it prints (fontpkg-NAME==VERSION) to requirements.txt, and name it in the "
        "kit: fonts: {body: {family: Lato}}. Families that come only as variable fonts cannot be used."
    )
    return EXIT_OK


PIP = ".venv/bin/pip"  # the project's environment, as `make leaflet` creates it
SHOWN = 25  # families of each kind a search prints (the count of the rest follows)


def _font_search(word: str, offline: bool, console: Console) -> int:
    from brochure.theme.catalog import describe, installed
    from brochure.theme.fontindex import package_for, search

    if not package_for(word):  # (a word with no Latin letter or digit names no family: PyPI was asked of 'fontpkg-')
        console.error(
            f"brochure: error: --search {word!r}: give a word in Latin letters or digits (families are named so), "
            "e.g. 'serif', 'lato' or a script, 'arabic'"
        )
        return EXIT_USAGE
    reports = installed()
    covering = [r for r in reports if any(_names_script(word, script) for script in r.scripts)]
    if covering:  # (a script's name: the families here that have its letters first, usable or as a fallback)
        script = next(x for x in covering[0].scripts if _names_script(word, x))
        console.result(f"installed families with {script} letters (`brochure fonts` lists them all):")
        for r in sorted(covering, key=lambda r: not r.usable):
            for line in describe(r):
                console.result("  " + line)
    found = search(word, offline=offline)
    here = {r.package for r in reports}
    listing = found.listing
    asked = not offline and not found.network
    console.result(
        f"fontpkg families matching '{word}' (brochure's list of {len(listing.families):,} families, made "
        f"{listing.made}{', and PyPI now' if asked else ''}):"
    )
    usable = [f for f in found.families if not f.problem]
    ready = [f for f in usable if f.on_pypi or f.package in here]
    groups = (
        ("can be used: static TrueType, installed with pip", ready),
        (
            "static, but not on PyPI yet" + ("" if asked else " (as far as the list knows)"),
            [f for f in usable if not (f.on_pypi or f.package in here)],
        ),
        ("cannot be used", [f for f in found.families if f.problem]),
    )
    for title, group in groups:
        if not group:
            continue
        console.result(f"  {title}:")
        for fam in group[:SHOWN]:
            for line in _describe(fam, fam.package in here):
                console.result("    " + line)
        if len(group) > SHOWN:
            console.result(f"    ... and {len(group) - SHOWN} more: give a longer word")
    if found.network:
        console.error(
            f"brochure: note: {found.network}; the families above come from brochure's own list "
            "(hint: try again online for the newest, or add --offline not to ask PyPI)"
        )
    if not found.families:
        console.result(
            f"  none: no fontpkg family's name or kind has '{word}'"
            + ("" if not asked else f", and PyPI has no package {package_for(word)}")
        )
        return EXIT_OK if covering else EXIT_ERRORS
    if ready:
        console.result(
            "To use one: run the pip line printed under it, add its fontpkg-NAME==VERSION to requirements.txt, "
            "then `brochure fonts` shows the scripts its letters cover; name it in brand.yaml: "
            "fonts: {body: {family: NAME}} (or `brochure init --font NAME`)."
        )
    return EXIT_OK


def _names_script(word: str, script: str) -> bool:
    """Whether a search word names a script `brochure fonts` reports ('hebrew' for 'Hebrew'; 'polish' for 'Latin:
    Polish'), not a part of one ('heb') nor a language tag listed with it ('fr' in 'Western European (es, fr)')."""
    parts = {re.sub(r"\s*\(.*?\)", "", part).strip().casefold() for part in script.split(":")}  # (not its tags)
    return word.strip().casefold() in parts


def _describe(fam: Installable, is_installed: bool) -> list[str]:
    """An installable family's line (what it has, or why it cannot be used) and, for a usable one, how to get it."""
    kinds = f"; {', '.join(fam.kinds)}" if fam.kinds else ""
    head = f"{fam.name}  ({fam.package}{', installed' if is_installed else ''})"
    if fam.problem:
        return [f"{head}: {fam.problem}{kinds}"]
    line = f"{head}: weights {', '.join(map(str, fam.weights))}; {'italics' if fam.italic else 'no italics'}{kinds}"
    if is_installed:
        return [line]
    if not fam.on_pypi:
        return [line]
    return [line, f"    {PIP} install {fam.pin}"]


def init(args: argparse.Namespace, console: Console) -> int:
    """`brochure init`: a new brand kit from options and (on a terminal) questions, each answer checked as it is
    given; then the kit is loaded and built once with the words beside it, to prove it builds."""
    from brochure import kit

    if args.words:
        return _init_words(args, console)
    interactive = not args.yes and sys.stdin is not None and sys.stdin.isatty()
    blocked = (
        next((p for p in (args.folder, *args.folder.parents) if os.path.lexists(p) and not p.is_dir()), None)
        if args.folder is not None
        else None
    )
    if blocked is not None:  # (it was "afile: error: cannot write the kit: File exists", after every question)
        console.error(f"brochure: error: {blocked} is not a folder (a file, or a link to nothing) (hint: {_ELSEWHERE})")
        return EXIT_USAGE
    if args.folder is not None and os.path.lexists(args.folder / "brand.yaml"):
        brand = args.folder / "brand.yaml"
        console.error(
            f"brochure: error: {brand} already exists (hint: to change it, edit {brand}; for another kit, {_ELSEWHERE})"
        )
        return EXIT_USAGE
    answers: dict[str, str] = {}
    problems: list[str] = []
    if interactive:
        console.result("A new brand kit: answer each question (Enter takes the [default]); Ctrl-C stops.")
    for q in kit.QUESTIONS:
        given = getattr(args, q.key)
        if given is not None:
            problem, hint = kit.answer_problem(q, given, answers)
            if not problem:
                answers[q.key] = given.strip()
                continue
            message = f"{q.option} {given!r}: {problem} (hint: {hint})"
            if not interactive:
                problems.append(message)
                continue
            console.error(f"brochure: {message}")
        default = q.default(answers) if q.default is not None else None
        if interactive:
            answer = _ask(q, default, answers, console)
            if answer is None:
                console.error("brochure: no answer (end of input): nothing written")
                return EXIT_ERRORS
            answers[q.key] = answer
        elif default is not None:
            answers[q.key] = default
        else:
            problems.append(f"{q.option} is needed ({q.help}), or run brochure init on a terminal to be asked")
    if problems:
        for message in problems:
            console.error(f"brochure: error: {message}")
        return EXIT_USAGE
    folder = args.folder if args.folder is not None else Path("assets") / "brands" / answers["id"]
    rounds = 0
    while faults := _trial(answers, folder, args.words_from):  # (what would stop the kit's build: asked again)
        rounds += 1
        if interactive and rounds > INIT_ROUNDS:  # (answers that pass each question but never make a kit that
            # builds: say so rather than ask for ever)
            q, d = faults[0]
            console.error(f"brochure: error: {q.option} {answers[q.key]!r}: {d.message} (hint: {_asked(d.hint)})")
            console.error(f"brochure: nothing written: {INIT_ROUNDS} rounds of answers did not make a kit that builds")
            return EXIT_ERRORS
        if not interactive:
            kinds: dict[tuple[Any, str], list[Diagnostic]] = {}
            for q, d in faults:  # (each kind of problem once: a letter the fonts lack, not each text that has it)
                kinds.setdefault((q, _LETTER.sub("", d.message)), []).append(d)
            for (q, _), found in kinds.items():
                n = len(found) - 1
                d, also = found[0], f" (and in {n} more text{'s' if n > 1 else ''} like it)" if n else ""
                console.error(
                    f"brochure: error: {q.option} {answers[q.key]!r}: {d.message}{also} (hint: {_asked(d.hint)})"
                )
            console.error("brochure: nothing written")
            return EXIT_USAGE
        first: dict[Any, Diagnostic] = {}
        for q, d in faults:
            first.setdefault(q, d)  # (one problem per question: the others go with it)
        console.error("  the leaflet cannot be built with these answers yet; answer again:")
        for q, d in first.items():
            console.error(f"  {q.ask}: {d.message} (hint: {_asked(d.hint)})")
        for q in first:
            answer = _ask(q, q.default(answers) if q.default is not None else None, answers, console)
            if answer is None:
                console.error("brochure: no answer (end of input): nothing written")
                return EXIT_ERRORS
            answers[q.key] = answer
    written = _written(lambda: kit.write_kit(folder, answers), folder, "write the kit", console)
    if isinstance(written, int):
        return written
    return _prove_kit(folder / "brand.yaml", args.words_from, console, logo_given=bool(answers.get("logo")))


_ELSEWHERE = "choose another folder; init never replaces a file"


def _trial(answers: dict[str, str], folder: Path, words: Path) -> list[tuple[Any, Diagnostic]]:
    """The errors a kit from these answers would meet when built (with the words it will be built with), each with
    the question its key comes from; the kit is tried in a temporary folder, so nothing is written."""
    import tempfile

    from brochure import kit

    api = load_api()  # (with stop signals held while it loads)
    content, sample = _proof_words(folder, words)
    with tempfile.TemporaryDirectory(prefix="brochure-init-") as tmp:
        brand = Path(tmp) / "kit" / "brand.yaml"
        try:
            kit.write_kit(brand.parent, answers)
        except OSError:
            return []  # (writing the kit itself reports it)
        sources, diags = api.load(content, brand)
        result = api.build(sources, api.Options(allow_expired=sample)) if sources is not None else None
        found = [*diags, *(result.diagnostics if result else ())]  # (the words' own errors, the sample's too, are
        out = []  # asked nothing below: only a letter the kit's fonts lack in them asks for its fallbacks)
        for d in found:
            if not d.is_error:
                continue
            if _LACKING.search(d.message) and not _fallback_for(d.message):
                # (a letter no installed family has, an emoji: asking for fallbacks again could never help; in the
                # clinic's name, the name is asked again; in the words, the build after writing the kit names it)
                q = kit.question_for(d.location.key) if d.location.file == str(brand) else None
            elif _LACKING.search(d.message):  # (letters the kit's fonts lack, in the words or in the clinic's name:
                q = kit.question_for("fonts.fallbacks")  # its fallbacks' answer; asking the name again trapped a
                # clinic named in Cyrillic, asked its name for ever and never the fallbacks)
            elif d.location.file == str(brand):
                q = kit.question_for(d.location.key)
            else:
                q = None  # (the words' own errors: the kit is fine, the build after writing it reports them)
            if q is not None:
                out.append((q, d))
        return out


# The character check's errors: words with letters no face of the kit has (preflight/checks.py check_glyphs), and
# the letter such a message names ("('ا' U+0627 ARABIC LETTER ALEF)", "for 'ж' (U+0436 ...)").
_LACKING = re.compile(r"\b(?:has|have) no (?:glyph for|[A-Z][a-z]+ letters)\b")
_CODE = re.compile(r"\bU\+([0-9A-F]{4,6})\b")
_LETTER = re.compile(r"\(?'.' \(?U\+[0-9A-F]{4,6} [^)]*\)(?: and \d+ more like it \([^)]*\))?")


def _fallback_for(message: str) -> bool:
    """Whether an installed family has the first letter a 'has no glyph for' message names."""
    from brochure.theme.catalog import families_with

    code = _CODE.search(message)
    return code is None or bool(families_with(chr(int(code.group(1), 16))))


def _written(write: Callable[[], list[Path]], folder: Path, what: str, console: Console) -> list[Path] | int:
    """The files `write` made in folder, each reported; or the exit status when it could not (a file there
    already: a usage error; the folder cannot be written: an error)."""
    from brochure import kit

    try:
        written = write()
    except kit.Exists as exc:
        there = Path(str(exc))
        use = f"to make it the kit's logo, give --logo {_quoted(there)}; or " if there.stem == "logo" else ""
        console.error(f"brochure: error: {exc} already exists (hint: {use}{_ELSEWHERE})")
        return EXIT_USAGE
    except OSError as exc:
        console.error(f"{folder}: error: cannot {what}: {exc.strerror or exc} (hint: check the folder)")
        return EXIT_ERRORS
    for path in written:
        console.result(f"wrote {path}")
    return written


def _ask(q: Any, default: str | None, answers: dict[str, str], console: Console) -> str | None:
    """Ask until the answer passes its check; None at the end of input."""
    from brochure import kit

    while True:
        try:
            typed = input(f"{q.ask}" + (f" [{default}]" if default else "") + ": ").strip()
        except EOFError:
            return None
        answer = typed or (default or "")
        if not answer and default is None:
            console.error("  an answer is needed")
            continue
        problem, hint = kit.answer_problem(q, answer, answers)
        if not problem:
            return answer
        console.error(f"  {problem} (hint: {hint})")


def _prove_kit(brand: Path, words: Path, console: Console, logo_given: bool) -> int:
    """Build the new kit once, with the words in its folder (else --from's), writing nothing; report what fails
    (without words to build with, load it); then say what to do next."""
    api = load_api()
    content, sample = _proof_words(brand.parent, words)
    sources, diags = api.load(content, brand)
    result = api.build(sources, api.Options(allow_expired=sample)) if sources is not None else None
    found = [*diags, *(result.diagnostics if result else ())]
    if sample:  # (the tool's own words: their warnings are not the kit's; an error is said wherever it is pinned, as
        found = [d for d in found if d.is_error or d.location.file != str(content)]  # a long address's on the words)
    with_what = "the tool's sample words (no content.yaml here)" if sample else str(content)
    _print(console, [d for d in found if d.is_error or d.location.file == str(brand)])  # not the words' warnings
    if sources is None or result is None or not result.ok:
        console.error(f"brochure: the kit was written but does not build yet with {with_what}: fix the lines above")
        return EXIT_ERRORS
    console.result(f"ok: {brand} builds with {with_what} ({result.pages} pages, trifold, office)")
    others = [("the print shop's edition (--target press)", api.Options(target="press", allow_expired=sample))]
    others += [
        (f"the {label} (--layout {layout})", api.Options(layout=layout, allow_expired=sample))
        for layout, label in _OTHER_LAYOUTS
    ]
    for what, options in others:  # (the office tri-fold is the kit's proof; the other editions that do not build
        other = api.build(sources, options)  # yet are said: a long name fits the tri-fold's cover, not large
        for d in [d for d in other.diagnostics if d.is_error][:3]:  # print's)
            console.error(f"brochure: note: {what} does not build yet: {d.format()}")
    steps = [] if logo_given else [f"replace {brand.parent / 'logo.svg'} with the clinic's logo (SVG, PNG or JPEG)"]
    q = _quoted
    steps += [
        f"copy the words for this clinic: brochure init {q(brand.parent)} --words --from FILE (default: {words})",
        f"build: brochure build --brand {q(brand)} --content {q(brand.parent / 'content.yaml')}",
    ]
    console.result("Next: " + "; ".join(f"({i}) {s}" for i, s in enumerate(steps, 1)))
    return EXIT_OK


PROOF_WORDS = Path(__file__).parent / "data" / "proof-words.yaml"  # a new kit's proof where there are no words


def _proof_words(folder: Path, words: Path) -> tuple[Path, bool]:
    """The words a new kit is proved with, and whether they are the tool's sample: the kit folder's content.yaml,
    else --from's (default: content.yaml here), else the tool's own (brochure/data/proof-words.yaml), so that a
    kit made away from any words is checked as one made beside them (its colours, logo and letters)."""
    for candidate in (folder / "content.yaml", words):
        if candidate.is_file():
            return candidate, False
    return PROOF_WORDS, True


_OTHER_LAYOUTS: tuple[tuple[LayoutName, str], ...] = (
    ("bifold", "bi-fold"),
    ("flyer", "flyer"),
    ("large-print", "large-print edition"),
)


def _named_astray(at: Location, written: str) -> Diagnostic:
    """A picture the words name by an absolute path or one through '..': its copy could not be named so."""
    return error(
        at,
        f"'{written}' names the picture from outside the words' folder: a copy of the words would still show the "
        "original picture",
        "name the picture relative to the content file (e.g. 'photos/skin.png'), then run init again",
    )


def _asked(hint: str) -> str:
    """A build's hint as `brochure init` answers it: its options, not brand.yaml's keys."""
    from brochure.kit import as_options

    return as_options(hint)


def _init_words(args: argparse.Namespace, console: Console) -> int:
    """`brochure init FOLDER --words`: the content file (and its pictures) copied into the clinic's folder, and
    what to change in it, at its lines."""
    from brochure import kit
    from brochure.inputs.blocks import Image
    from brochure.inputs.content import load_content

    if args.folder is None:
        console.error("brochure: error: --words needs the clinic's folder (hint: brochure init FOLDER --words)")
        return EXIT_USAGE
    content, diags = load_content(args.words_from, "--from")
    if content is None:
        _print(console, diags)
        return EXIT_ERRORS
    images = [b for s in content.sections for b in s.blocks if isinstance(b, Image)]
    astray = [b for b in images if b.written and kit.named_from_outside(b.written)]
    if astray:  # (the copy would still name the original, not the copied picture)
        _print(console, [_named_astray(b.at, b.written) for b in astray])
        return EXIT_ERRORS
    pictures = [(b.written, b.src.source) for b in images]
    written = _written(
        lambda: kit.copy_words(args.words_from, args.folder, pictures), args.folder, "copy the words", console
    )
    if isinstance(written, int):
        return written
    copy, copy_diags = load_content(written[0])
    if copy is None:  # (the same words, read again at their new lines)
        _print(console, copy_diags)
        return EXIT_ERRORS
    doc = copy.document
    brand = args.folder / "brand.yaml"
    clinic = _kit(brand)
    name = clinic.name if clinic is not None else ""
    console.result(f"Next, edit {written[0]} for this clinic:")
    edits = [
        ("document.producer", f"the clinic's name{f' as in its brand.yaml: {name}' if name else ''}"),
        ("document.code", "this leaflet's code in the clinic's document system"),
        ("document.author", "who wrote the clinic's version"),
        ("document.reviewer", "the clinician who checked it (name and registration)"),
        ("document.published", "today's date, and the review date two or three years on"),
        ("document.conflicts", "the clinic's own statement"),
    ]
    places = [(doc.where(key), f"{key}: {what}") for key, what in edits]
    places += _foreign_numbers(copy, clinic) if clinic is not None else []
    if copy.sections:
        places.append((copy.sections[0].at, "sections: the words themselves; a clinician checks every claim"))
    for at, what in sorted(places, key=lambda p: (p[0].line, p[0].column)):
        console.result(f"  {at.file}:{at.line}:{at.column}: {what}")
    check = f"brochure check --content {_quoted(written[0])}" + (
        f" --brand {_quoted(brand)}" if brand.is_file() else ""
    )
    console.result(f"Then: {check}")
    return EXIT_OK


def _foreign_numbers(words: Content, kit: Brand) -> list[tuple[Location, str]]:
    """Where the copied words give an emergency number that is no number to call in the clinic's country (its
    kit's `country:` or phone number), with what to write instead."""
    from brochure.preflight.checks import emergency_numbers, foreign_numbers

    country = kit.clinic_country()[0]
    there = " or ".join(emergency_numbers(country)) or "none known"
    return [
        (at, f"{number}: no number to call in {country}: write the clinic's own (emergencies there: {there})")
        for number, at in foreign_numbers(words, kit)
    ]


def _kit(brand: Path) -> Brand | None:
    """The clinic's kit in its folder, if it has one that loads."""
    from brochure.inputs.brand import load_brand

    return load_brand(brand)[0] if brand.is_file() else None


def _quoted(path: Path) -> str:
    """A path as a shell reads it back (a folder with spaces, quotes or a `$` is one word), for a command to copy."""
    import shlex

    return shlex.quote(str(path))
