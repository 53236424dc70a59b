"""Parsed arguments -> the `init` command: a new clinic's brand kit from options and questions, proved by a build (or
a copy of the words for it); kit.py writes the files (cli.py calls it)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brochure.arguments import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from brochure.cli import Console, _print, shell_quoted
from brochure.collector import load_api
from brochure.diagnostics import Diagnostic, Location, error, shorten
from brochure.inputs.files import from_here
from brochure.limits import INIT_ROUNDS
from brochure.vocabulary import LayoutName, clinic_form, language_region

if TYPE_CHECKING:
    from brochure.inputs.brand import Brand
    from brochure.inputs.content import Content


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
    problems: list[str] = []  # (what an answer given says is wrong: the inputs' errors, exit 1)
    missing: list[str] = []  # (an answer --yes leaves out: a usage error, exit 2)
    if interactive:
        console.result("A new brand kit: answer each question (Enter takes the [default]); Ctrl-C stops.")
    for q in kit.QUESTIONS:
        given = getattr(args, q.key)
        if given is not None and q.key == "address":  # (copied over lines: joined as brand.yaml's `address: |` is)
            from brochure.inputs.contact import one_line_address

            given = one_line_address(given)
        if given is not None:
            problem, hint = kit.answer_problem(q, given, answers)
            if not problem:
                answers[q.key] = given.strip()
                continue
            message = f"{q.option} {given!r}: {problem} (hint: {hint})"
            if not interactive or not q.asked:  # (an answer not asked again is wrong as --yes finds it)
                problems.append(message)
                continue
            console.error(f"brochure: {message}")
        default = q.default(answers) if q.default is not None else None
        if interactive and q.asked:
            answer = _ask(q, default, answers, console)
            if answer is None:
                console.error("brochure: no answer (end of input): nothing written")
                return EXIT_ERRORS
            answers[q.key] = answer
        elif default is not None:  # (checked as an answer given: an id made from --name may be another kit's; not
            # after a wrong or missing answer, which the default may come from: --booking-url's, --website's)
            later = problems or missing  # (after an answer wrong or left out)
            problem, hint = kit.answer_problem(q, default, answers) if not later else ("", "")
            if problem:
                problems.append(f"{q.option} {default!r} (the default): {problem} (hint: {hint})")
            answers[q.key] = default
        else:
            missing.append(f"{q.option} is needed ({q.help}), or run brochure init on a terminal to be asked")
    if problems or missing:
        for message in [*problems, *missing]:
            console.error(f"brochure: error: {message}")
        return EXIT_USAGE if missing else EXIT_ERRORS
    folder = args.folder if args.folder is not None else Path("assets") / "brands" / answers["id"]
    rounds = 0
    while True:
        faults, tried = _trial(answers, folder, args.words_from)  # (what would stop the kit's build: asked again)
        if not faults:
            break
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
            return EXIT_ERRORS  # (answers that do not make a leaflet: bad inputs, as a kit's own lines would be)
        first: dict[Any, Diagnostic] = {}
        for q, d in faults:
            first.setdefault(q, d)  # (one problem per question: the others go with it)
        console.error("  the leaflet cannot be built with these answers yet; answer again:")
        for q, d in first.items():
            console.error(f"  {q.ask}: {d.message} (hint: {_asked(d.hint, interactive=True)})")
        for q, d in first.items():  # (Enter takes the colour the hint suggests, else the answer given: not the
            # shipped kit's, which replaced a clinic's own colour unsaid)
            suggested = _SUGGESTED.search(d.hint)
            answer = _ask(q, suggested.group(1) if suggested else answers.get(q.key) or None, answers, console)
            if answer is None:
                console.error("brochure: no answer (end of input): nothing written")
                return EXIT_ERRORS
            answers[q.key] = answer
    written = _written(lambda: kit.write_kit(folder, answers), folder, "write the kit", console)
    if isinstance(written, int):
        return written
    return _prove_kit(folder / "brand.yaml", args.words_from, console, bool(answers.get("logo")), tried)


_ELSEWHERE = "choose another folder; init never replaces a file"


def _trial(answers: dict[str, str], folder: Path, words: Path) -> tuple[list[tuple[Any, Diagnostic]], Any]:
    """The errors a kit from these answers would meet when built (with the words it will be built with), each with
    the question its key comes from; the kit is tried in a temporary folder, so nothing is written. And the build,
    its findings said of `folder` (the kit written there from the same answers builds the same: `_prove_kit` says
    what it found, not building it again)."""
    import tempfile

    from brochure import kit

    api = load_api()  # (with stop signals held while it loads)
    content, sample = _proof_words(folder, words)
    with tempfile.TemporaryDirectory(prefix="brochure-init-") as tmp:
        brand = Path(tmp) / "kit" / "brand.yaml"
        try:
            kit.write_kit(brand.parent, answers)
        except OSError:
            return [], None  # (writing the kit itself reports it)
        sources, diags = api.load(content, brand)
        result = api.build(sources, api.Options(allow_expired=sample)) if sources is not None else None
        tried = None if result is None else replace(result, diagnostics=_moved(result.diagnostics, brand, folder))
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
        return out, tried


def _moved(found: tuple[Diagnostic, ...], brand: Path, folder: Path) -> tuple[Diagnostic, ...]:
    """Findings about a kit tried at brand's folder, said of the same kit in `folder` (its paths, in where each is
    and in its words)."""
    was, now = str(brand.parent), str(folder)

    def moved(text: str) -> str:
        return text.replace(was, now)

    def file(path: str) -> str:  # (as the kit's own paths are written: 'brand.yaml' for `init .`, not './brand.yaml')
        return str(folder / Path(path).relative_to(brand.parent)) if Path(path).is_relative_to(brand.parent) else path

    return tuple(
        replace(
            d,
            location=replace(d.location, file=file(d.location.file)),
            message=moved(d.message),
            hint=moved(d.hint),
            awaits=moved(d.awaits),
        )
        for d in found
    )


# The character check's errors: words with letters no face of the kit has (preflight/glyphs.py check_glyphs), and
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
        use = f"to make it the kit's logo, give --logo {shell_quoted(there)}; or " if there.stem == "logo" else ""
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


def _prove_kit(brand: Path, words: Path, console: Console, logo_given: bool, tried: Any) -> int:
    """Report what the new kit's build with the words in its folder (else --from's) found, as `_trial` built it
    (`tried`), and build its other editions, writing nothing; report what fails (without words to build with, load
    it); then say what to do next."""
    api = load_api()
    content, sample = _proof_words(brand.parent, words)
    sources, diags = api.load(content, brand)
    result = None if sources is None else tried or api.build(sources, api.Options(allow_expired=sample))
    found = [*diags, *(result.diagnostics if result else ())]
    if sample:  # (the tool's own words: their warnings are not the kit's; an error is said wherever it is pinned, as
        found = [d for d in found if d.is_error or d.location.file != str(content)]  # a long address's on the words)
    with_what = "the tool's sample words (no content.yaml here)" if sample else str(content)
    _print(console, [d for d in found if d.is_error or d.location.file == str(brand)])  # not the words' warnings
    if sources is None or result is None or not result.ok:
        console.error(f"brochure: the kit was written but does not build yet with {with_what}: fix the lines above")
        return EXIT_ERRORS
    others = [("the print shop's edition (--target press)", api.Options(target="press", allow_expired=sample))]
    others += [
        (f"the {label} (--layout {layout})", api.Options(layout=layout, allow_expired=sample))
        for layout, label in _OTHER_LAYOUTS
    ]
    console.result(f"ok: {brand} builds with {with_what} ({result.pages} pages, trifold, office)")  # (at once: the
    failing: list[tuple[str, list[Diagnostic]]] = []  # other editions take a second or two)
    for what, options in others:  # (the office tri-fold is the kit's proof; the other editions that do not build
        # yet are said: a long name fits the tri-fold's cover, not large print's. The press edition is built, its
        # PDF/X made and read (the kit's colours and logo converted to the press's inks); the other layouts differ
        # from the tri-fold in their frames only: laid out at the kit's size or smaller and checked (`api.fits`),
        # not set larger to fill short panels nor rendered and read again as the office tri-fold was, which took
        # two thirds of init's time)
        check = api.build if options.target == "press" else api.fits
        errors = [d for d in check(sources, options).diagnostics if d.is_error]
        if errors:
            failing.append((what, errors[:3]))
    verdict = f"{len(failing)} of {len(others)} do not build yet (the notes below)" if failing else "all build"
    console.result(f"its press edition was built too, and its bi-fold, flyer and large print laid out: {verdict}")
    for what, errors in failing:
        for d in errors:
            console.error(f"brochure: note: {what} does not build yet: {d.format()}")
    _prove_translations(brand, sources.brand, console)
    steps = [] if logo_given else [f"replace {brand.parent / 'logo.svg'} with the clinic's logo (SVG, PNG or JPEG)"]
    steps.append(  # (what the leaflet promises a patient: the clinic may offer more, or less)
        f"check the other formats {brand} offers (large print and other languages; add audio if the clinic has it)"
    )
    q = shell_quoted
    run = program()
    shipped = _shipped(words)  # (no words here: the default, content.yaml, was not there to copy)
    default = f"default: {words}" if shipped is None else f"the tool's own: --from {q(from_here(shipped))}"
    steps += [
        f"copy the words for this clinic: {run} init {q(brand.parent)} --words --from FILE ({default})",
        f"build: {run} build --brand {q(brand)} --content {q(brand.parent / 'content.yaml')}",
    ]
    console.result("Next: " + "; ".join(f"({i}) {s}" for i, s in enumerate(steps, 1)))
    return EXIT_OK


def _prove_translations(brand_file: Path, brand: Brand, console: Console) -> None:
    """The tool's own translations into the kit's languages built in its tri-fold, writing nothing: a translation
    that does not fit (Spanish, a fifth longer than English, in a wide body font on Letter) is said, not left to be
    found at the clinic's first build of it."""
    api = load_api()
    shipped = shipped_translations(brand)
    if not shipped:
        return
    unfit: list[tuple[Path, list[Diagnostic]]] = []
    kit = api.load_kit(brand_file)  # (read once for them all)
    for path in shipped:
        words, found = api.load_with(path, kit)
        made = [] if words is None else list(api.fits(words, api.Options(allow_expired=True)).diagnostics)
        errors = [d for d in found + made if d.is_error]
        if errors:
            unfit.append((path, errors[:2]))
    names = ", ".join(str(from_here(p)) for p in shipped)
    verdict = f"{len(unfit)} of {len(shipped)} do not build yet (the notes below)" if unfit else "all build"
    console.result(f"the tool's translations into its languages ({names}) were built in its tri-fold too: {verdict}")
    for path, errors in unfit:
        for d in errors:
            console.error(f"brochure: note: {from_here(path)} does not build yet with this kit: {d.format()}")
    if any("do not fit" in d.message or "over-full" in d.message for _, errors in unfit for d in errors):
        console.error(
            "brochure: note: the translations that do not fit are the tool's words: a narrower body font (fonts.body,"
            " such as Alegreya Sans) sets more of them to a line, and the bi-fold and large print hold more; a"
            " clinic's own translation may be shorter"
        )


def shipped_translations(brand: Brand) -> list[Path]:
    """The tool's own translations (translations/ beside the package, in a checkout; none in an installed copy)
    into the kit's languages (`languages:`): of each, the one for the kit's country (es-US for a clinic in the
    US), else the one that names no country (es)."""
    from brochure import kit
    from brochure.vocabulary import language_base

    folder = kit.SCHEMAS.parent / "translations"
    files = {p.stem.lower(): p for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}
    country = (brand.country or "").lower()
    found: list[Path] = []
    for entry in brand.translations:
        base = language_base(entry.tag).lower()
        path = files.get(f"{base}-{country}") or files.get(base)
        if path is not None and path not in found:
            found.append(path)
    return found


PROOF_WORDS = Path(__file__).parent.parent / "data" / "proof-words.yaml"  # a new kit's proof where there are no words


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


_SUGGESTED = re.compile(r"\(such as (#[0-9A-F]{6})\b")  # a colour a contrast hint suggests


def _asked(hint: str, interactive: bool = False) -> str:
    """A build's hint as `brochure init` answers it: its options, not brand.yaml's keys ('the primary colour'
    where the answers are asked for, not given as options)."""
    from brochure.kit import as_options

    if interactive:
        hint = re.sub(r"\bcolors\.(primary|secondary|accent|text|background)\b", r"the \1 colour", hint)
    return as_options(hint)


def _shipped(given: Path) -> Path | None:
    """The tool's own words, where the words given are not there (and the tool's are); else None."""
    from brochure import kit

    shipped = kit.SCHEMAS.parent / "content.yaml"
    return None if given.exists() or not shipped.is_file() else shipped


def _shipped_words(given: Path, console: Console) -> None:
    """Where the tool's own words are, when the words to copy are not there: run from a group's own folder,
    `--words` found no content.yaml and said to pass --from, not what to pass."""
    shipped = _shipped(given)
    if shipped is not None:
        console.error(f"brochure: note: the tool's own words are --from {shell_quoted(from_here(shipped))}")


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
        _shipped_words(args.words_from, console)
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
    above = [args.folder, *args.folder.parents][:KIT_LEVELS]  # (a translation's folder inside the clinic's: its kit
    brand = next((f / "brand.yaml" for f in above if (f / "brand.yaml").is_file()), None)  # above)
    brand = brand or args.folder / "brand.yaml"
    clinic = _kit(brand)
    name = clinic.name if clinic is not None else ""
    own = brand.parent / "content.yaml"  # (the clinic's own words, which a translation in a folder of theirs
    # translates)
    translating = (  # the clinic's own words copied into a folder of theirs: a translation of them to start
        brand.parent != args.folder and own.is_file() and own.resolve() == args.words_from.resolve()
    )
    console.result(f"Next, edit {written[0]} for this clinic:")
    producer = f"the clinic's name{f' as in its brand.yaml: {name}' if name else ''}"
    edits = [
        *([] if name and doc.producer == name else [("document.producer", producer)]),  # (its own words: as is)
        ("document.code", "this leaflet's code in the clinic's document system"),
        *(
            []
            if translating  # (the clinic's own version's credits and statement, as they are)
            else [
                ("document.author", "who wrote the clinic's version"),
                ("document.reviewer", "the clinician who checked it (name and registration)"),
            ]
        ),
        ("document.published", "today's date, and the review date two or three years on"),
        *([] if translating else [("document.conflicts", "the clinic's own statement")]),
    ]
    if doc.translation is not None:  # (a copied translation printed the other clinic as its translator)
        edits.append(("document.translation", "who translated it for this clinic, and the clinician who checked it"))
    places = [(doc.where(key), f"{key}: {what}") for key, what in edits]
    if translating and doc.translation is None:  # (the check that follows needs both)
        places.append((copy.language_at, "language: the tag of the language it is translated into (es, pl, el ...)"))
        places.append(
            (
                doc.where("document"),
                "document: add translation: {translator: {name: ..., role: ...}, reviewer: {name: ..., role: ...}}, "
                "who translates it and the clinician who checks it",
            )
        )
    places += _foreign_numbers(copy, clinic) if clinic is not None else []
    places += _copied_comment(copy) if not translating else []
    title = next((at for _, at in copy.strings if at.key == "title"), None)
    if translating and title is not None:  # (every text, from the title on: not the sections alone)
        places.append((title, "title: translate every text from here on (cover, sections, call to action, disclaimer)"))
    elif copy.sections:
        places.append((copy.sections[0].at, "sections: the words themselves; a clinician checks every claim"))
    for at, what in sorted(places, key=lambda p: (p[0].line, p[0].column)):
        console.result(f"  {at.file}:{at.line}:{at.column}: {what}")
    mine = load_content(own)[0] if own.is_file() and brand.parent != args.folder else None
    differ = mine is not None and mine.language.lower() != copy.language.lower()
    source = own if translating or differ else None  # (the words it translates, once translated)
    check = (
        f"{program()} check --content {shell_quoted(written[0])}"
        + (f" --brand {shell_quoted(brand)}" if brand.is_file() else "")
        + (f" --source {shell_quoted(source)}" if source is not None else "")
    )
    console.result(f"Then: {check}")
    return EXIT_OK


def _copied_comment(words: Content) -> list[tuple[Location, str]]:
    """The comment on the copied words' `language:` line, which says whose words they were ("for the clinic's
    Polish-speaking patients in the UK": kept in an Irish clinic's copy, and listed nowhere)."""
    at = words.language_at
    lines = words.source.splitlines()
    line = lines[at.line - 1] if 0 < at.line <= len(lines) else ""
    said = line.partition(" #")[2].strip()
    if not said:
        return []
    what = f"language: its comment is the copied words' ('{shorten(said, 70)}'): say whose these are, or remove it"
    return [(at, what)]


def _foreign_numbers(words: Content, kit: Brand) -> list[tuple[Location, str]]:
    """Where the copied words give an emergency number that is no number to call in the clinic's country (its
    kit's `country:` or phone number), with what to write instead."""
    from brochure.preflight.checks import ambulance, foreign_health_service, foreign_numbers

    country = kit.clinic_country()[0]
    numbers = [
        (at, f"{number}: no number to call in {country}: write the clinic's own ({ambulance(country)})")
        for number, at in foreign_numbers(words, kit)
    ]
    told = {at for at, _ in numbers}
    service = [
        (at, f"NHS: the UK's health service; the clinic is in {country}: say what applies there")
        for at in foreign_health_service(words, kit)
        if at not in told
    ]
    return _region_of(words, country) + numbers + service


def _region_of(words: Content, country: str) -> list[tuple[Location, str]]:
    """The words' `language:` where it names another country's form of the language (en-GB for a clinic in
    Canada): it names the output files and says how the language is spoken and read."""
    tag = clinic_form(words.language, country)
    if not tag:
        return []
    region = language_region(words.language)
    return [
        (
            words.language_at,
            f"language: {words.language} is its form in {region}; the clinic is in {country}: "
            f"{tag} if its words are written for there (it names the PDFs: ...-{tag.lower()}-...)",
        )
    ]


def _kit(brand: Path) -> Brand | None:
    """The clinic's kit in its folder, if it has one that loads."""
    from brochure.inputs.brand import load_brand

    return load_brand(brand)[0] if brand.is_file() else None


KIT_LEVELS = 4  # folders looked in for a translation's clinic kit: its own, and up to three above it


def program() -> str:
    """How to run brochure from this folder, as the commands init prints give it: `brochure` where the shell finds
    this one by that name, else this Python's own script (`.venv/bin/brochure`: a coordinator who pasted `brochure
    build ...` into a shell without the project's .venv activated was told `command not found`), else `python -m
    brochure` with this Python."""
    import shutil
    import sys

    here = Path(sys.executable).parent / "brochure"
    found = shutil.which("brochure")
    if found is not None and here.is_file() and Path(found).resolve() == here.resolve():
        return "brochure"
    if here.is_file():
        return shell_quoted(from_here(here))
    return f"{shell_quoted(from_here(Path(sys.executable)))} -m brochure"
