"""Parsed arguments -> the `fonts` command: the installed families and how to add one, or the installable families
matching a word (cli.py calls it)."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from brochure.arguments import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from brochure.cli import Console

if TYPE_CHECKING:
    from brochure.theme.fontindex import Installable


def fonts(args: argparse.Namespace, console: Console) -> int:
    """`brochure fonts`: the installed families, usable ones first, and how to add one; with --search, the
    installable families matching a word (exit 1 when none does)."""
    if args.search is not None:
        return _font_search(args.search, args.offline, console)
    from brochure.theme.catalog import describe, installed, pip, requirements

    families = installed()
    for r in sorted(families, key=lambda r: not r.usable):
        for line in describe(r):
            console.result(line)
    console.result(
        f"To add a family: find one with `brochure fonts --search WORD` (e.g. lato), then {pip()} install "
        f"fontpkg-NAME, add the line it prints (fontpkg-NAME==VERSION) to {requirements()}, and name it in the "
        "kit: fonts: {body: {family: Lato}}. Families that come only as variable fonts cannot be used."
    )
    return EXIT_OK


# The scripts the build refuses (preflight/glyphs.py), by the words a search may name them with.
UNSET_SCRIPTS = (
    (
        frozenset({"chinese", "japanese", "han", "kanji", "hanzi", "kana", "hiragana", "katakana", "cjk"}),
        "Chinese or Japanese",
    ),
    (frozenset({"thai"}), "Thai"),
    (frozenset({"lao"}), "Lao"),
    (frozenset({"devanagari", "hindi", "marathi", "nepali", "sanskrit"}), "Devanagari"),
    (frozenset({"bengali", "bangla", "assamese"}), "Bengali"),
    (frozenset({"tamil"}), "Tamil"),
    (frozenset({"telugu"}), "Telugu"),
    (frozenset({"kannada"}), "Kannada"),
    (frozenset({"malayalam"}), "Malayalam"),
    (frozenset({"gujarati"}), "Gujarati"),
    (frozenset({"gurmukhi", "punjabi"}), "Gurmukhi"),
    (frozenset({"oriya", "odia"}), "Oriya"),
    (frozenset({"sinhala"}), "Sinhala"),
    (frozenset({"tibetan"}), "Tibetan"),
    (frozenset({"myanmar", "burmese"}), "Myanmar"),
    (frozenset({"khmer"}), "Khmer"),
    (frozenset({"syriac"}), "Syriac"),
    (frozenset({"thaana", "dhivehi"}), "Thaana"),
)
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
    unset = next((name for words, name in UNSET_SCRIPTS if word.strip().lower() in words), "")
    if unset:  # (a family with its letters would not make a leaflet in it: the build refuses the words)
        console.result(
            f'note: brochure cannot set {unset} text yet (README, "Languages"): a family with its letters does '
            "not make a leaflet in it print; the families below are listed for their names"
        )
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
        family = _family(word)  # ('Lato Bold', as a design program names it)
        console.result(
            f"  none: no fontpkg family's name or kind has '{word}'"
            + ("" if not asked else f", and PyPI has no package {package_for(word)}")
            + (
                f"; a family is named without its weight or style: brochure fonts --search '{family}'"
                if family != word.strip()
                else ""
            )
        )
        return EXIT_OK if covering else EXIT_ERRORS
    if ready:
        console.result(
            "To use one: run the pip line printed under it, add its fontpkg-NAME==VERSION to requirements.txt, "
            "then `brochure fonts` shows the scripts its letters cover; name it in brand.yaml: "
            "fonts: {body: {family: NAME}} (or `brochure init --font NAME`)."
        )
    return EXIT_OK


# A weight or style a design program names a font with after its family ('Lato Bold', 'Poppins SemiBold Italic')
_STYLED = re.compile(
    r"thin|hairline|extra-?light|ultra-?light|light|book|regular|normal|medium|semi-?bold|demi-?bold|bold|"
    r"extra-?bold|ultra-?bold|black|heavy|italic|oblique|\d00",
    re.IGNORECASE,
)


def _family(word: str) -> str:
    """The search word without the weights and styles after its first word ('Lato SemiBold Italic': 'Lato'), read a
    word at a time (a pattern of spaced words to the end tried each run of spaces from each space: minutes for a
    word of 20,000 spaces)."""
    words = word.split()
    given = len(words)
    while len(words) > 1 and _STYLED.fullmatch(words[-1]):
        words.pop()
    return " ".join(words) if len(words) < given else word.strip()


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
    from brochure.theme.catalog import pip

    return [line, f"    {pip()} install {fam.pin}"]
