"""Editions, their content files and kits (as the batch read them) -> a warning where an edition's words name
another clinic of the editions file, by its kit's name: a group's shared words that say "Clearwater Skin Clinic",
printed as written on Harbour Lane's leaflets, send Harbour Lane's patients to Clearwater."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

from brochure.batch.records import Kits, Loaded
from brochure.diagnostics import Diagnostic, Location, warning
from brochure.frozen import frozen
from brochure.inputs.brand import kit_identity
from brochure.inputs.content import Content
from brochure.inputs.editions import Editions
from brochure.inputs.inline import unprinted
from brochure.inputs.scalars import file_lines, places

Name = tuple[str, ...]  # a clinic's name as compared: its words, case and accents folded, less 'and' ('Maple & Main',
# 'Maple＆Main', 'Maple and Main' are maple, main, as the punctuation between its words is not compared; 'Clínica' is
# clinica)
NAME_WORDS = 12  # a kit's name of more words than this is not looked for (a name is a few words; linear in them)
_WORD = re.compile(r"\w+")
_AND = frozenset(("and", "y", "e", "et", "und", "i", "va"))  # (an '&' as the translations write it: Spanish,
# Portuguese and Italian, French, German, Catalan, Vietnamese's 'và', folded)
_NOT_READ = ("document.", "references")  # (the document block's producer is check_producer's, with the kit's
# `group:`; the sources are cited as published)


@frozen
class Naming:
    """Words of a content file that name a clinic of the editions file: the name (as compared), the words as written
    there, where they are typed, and which text of the file they are in, from which of its words (a name inside the
    printing clinic's own is passed over: 'Lane Skin Clinic' inside 'Harbour Lane Skin Clinic')."""

    name: Name
    written: str
    at: Location
    text: int
    first: int


def other_clinics(editions: Editions, loaded: Loaded, kits: Kits) -> list[Diagnostic]:
    """A warning at the words of a content file that name another clinic of the file (its kit's `name:`, whatever
    the case, accents, spaces and punctuation between the words, '&' and 'and' among it), where a brand of another name
    prints them: once a place, naming each brand that prints it. Each content file is read once, whatever the brands
    that print it; each naming found there goes once through the brands printing the file (not each brand through
    the file's namings, with a place's brands kept for each: minutes and hundreds of megabytes for 200 brands of
    short names)."""
    identity = cache(kit_identity)  # (once per path as written: a file may name one thousands of times, each long)
    names = {identity(g.kit): kit[4] for g in editions.groups if (kit := kits.get(identity(g.kit)))}
    known = {words: n for n in names.values() if 0 < len(words := _name(n)) <= NAME_WORDS}
    if len(known) < 2:
        return []
    printers: dict[Path, tuple[Content, dict[str, Name]]] = {}  # each content file read -> its words, the brands
    resolve = cache(Path.resolve)  # printing it (and their names)
    for group in editions.groups:
        mine = names.get(identity(group.kit))
        for path in group.contents:
            if mine is not None and (content := loaded.get(resolve(path))) is not None:
                printers.setdefault(resolve(path), (content, {}))[1][mine] = _name(mine)
    out: list[Diagnostic] = []
    for content, brands in printers.values():
        namings = _namings(content, known)
        for naming, held in zip(namings, _holders(namings), strict=True):
            printing = [brand for brand, name in brands.items() if name not in held]  # (its own name is inside itself)
            if printing:
                out.append(_said(editions, known[naming.name], naming, printing))
    return out


def _holders(namings: list[Naming]) -> list[set[Name]]:
    """Of each naming, the names whose namings hold its words in its text (its own among them): at most NAME_WORDS
    starts, each of at most NAME_WORDS lengths, looked at for each."""
    starting: dict[tuple[int, int], list[Naming]] = {}
    for n in namings:
        starting.setdefault((n.text, n.first), []).append(n)
    return [
        {
            m.name
            for first in range(max(0, n.first - NAME_WORDS + 1), n.first + 1)
            for m in starting.get((n.text, first), [])
            if m.first + len(m.name) >= n.first + len(n.name)
        }
        for n in namings
    ]


def _name(text: str) -> Name:
    """A clinic's name as compared: its words, each as `_folded`, less those for 'and'."""
    return tuple(w for w, _, _ in _compared(text))


def _compared(text: str) -> list[tuple[str, int, int]]:
    """The words of a text as compared (`_folded`), each with where it starts and ends; not a word for 'and', which
    stands for an '&', as a '+' or another punctuation mark between a name's words is not compared."""
    return [(w, m.start(), m.end()) for m in _WORD.finditer(text) if (w := _folded(m.group())) not in _AND]


def _letters_kept(read: str, start: int, end: int, name: str) -> bool:
    """Whether words that spell a clinic's name (`_compared`) between `start` and `end` have each capital letter
    alone that the kit's name has: one is a letter of the name, not Spanish's 'y' or Italian's 'e' standing for
    '&' ('Vitamin Clinic' names no clinic called 'Vitamin E Clinic'). The words' own such letters may be either
    ('ROSSI E BIANCHI' names 'Rossi & Bianchi')."""
    letters = Counter(_folded(w) for w in _WORD.findall(name) if len(w) == 1 and w.isupper() and _folded(w) in _AND)
    if not letters:
        return True
    written = Counter(_folded(w) for w in _WORD.findall(read[start:end]))
    return all(written[letter] >= n for letter, n in letters.items())


def _folded(word: str) -> str:
    """A word as compared: case folded, its accents dropped (NFKD, less the combining marks)."""
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return word.casefold()


_SENTENCE_ENDS = ".!?:\u2026\"'\u201d\u2019)"  # (what a sentence's first word may follow, spaces between)
_REACH = 16  # characters looked back from a word for a sentence's end


def _as_a_name(read: str, span: list[tuple[str, int, int]], name: str) -> bool:
    """Whether words that spell a clinic's name read as its name: one of them capitalised where the kit's name is,
    not as the first word of a sentence ('Clearwater skin clinic', 'GALWAY test Clinic'), or a name written
    without capitals (its case tells nothing). 'Call the clinic' names no clinic called 'The Clinic', nor 'skin
    care' one called 'Care'."""
    own = [name[start:end] for _, start, end in _compared(name)]
    if not any(w[:1].isupper() for w in own):
        return True
    for k, ((_, start, _), theirs) in enumerate(zip(span, own, strict=False)):
        if theirs[:1].isupper() and read[start : start + 1].isupper() and not (k == 0 and _sentence_start(read, start)):
            return True
    return False


def _sentence_start(read: str, start: int) -> bool:
    """Whether a word begins the text or a sentence (after a full stop, a colon, a closing quote; spaces between)."""
    before = read[max(0, start - _REACH) : start].rstrip()
    return (not before and start <= _REACH) or (bool(before) and before[-1] in _SENTENCE_ENDS)


def _namings(content: Content, known: dict[Name, str]) -> list[Naming]:
    """Every place the printed words of a content file name a clinic of `known`: each text's words compared, at each
    word a name may begin with, with the names of each length (at most NAME_WORDS words: linear in the text). Where
    each is typed in the file is worked out only for a text that names one (most name none)."""
    lengths = sorted({len(n) for n in known})
    firsts = {n[0] for n in known}
    lines: list[str] | None = None
    out: list[Naming] = []
    for index, (text, at) in enumerate(content.strings):
        if at.key.startswith(_NOT_READ):
            continue
        read = unprinted(text)  # (addresses and keys blanked, places kept)
        words = _compared(read)
        found: list[tuple[Name, int, int]] = []
        for i in (i for i, (w, _, _) in enumerate(words) if w in firsts):
            for size in (s for s in lengths if i + s <= len(words)):
                name = tuple(w for w, _, _ in words[i : i + size])
                if name not in known or not _as_a_name(read, words[i : i + size], known[name]):
                    continue
                if _letters_kept(read, words[i][1], words[i + size - 1][2], known[name]):
                    found.append((name, i, size))
        if found:
            lines = file_lines(content.source) if lines is None else lines
            place = places(lines, at, text)
            for name, i, size in found:
                start, end = words[i][1], words[i + size - 1][2]
                out.append(Naming(name, text[start:end], place(start), index, i))
    return out


def _said(editions: Editions, other: str, naming: Naming, brands: list[str]) -> Diagnostic:
    """The warning at the words: the clinic they name, and the brands that print them."""
    named = other if " ".join(naming.written.split()) == other else f"'{naming.written}' ({other})"
    shown = brands[:3] + ([f"{len(brands) - 3} more"] if len(brands) > 3 else [])
    printers = ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
    one = len(brands) == 1
    return warning(
        naming.at,
        f"the words name {named}, another clinic of {editions.path.name}; {printers} print"
        f"{'s' if one else ''} them as written: {'its' if one else 'their'} patients would read another clinic's "
        "name",
        "name the clinic in words that suit every clinic that prints them ('the clinic', 'we': the cover prints "
        f"each one's own name; content files have no placeholder for it), or give {brands[0] if one else 'each'} "
        "a content file of its own (`brochure init KIT --words`), named in the editions file with its own `source:`",
    )
