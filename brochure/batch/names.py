"""Editions, their content files and kits (as the batch read them) -> a warning where an edition's words name
another clinic of the editions file, by its kit's name: a group's shared words that say "Clearwater Skin Clinic",
printed as written on Harbour Lane's leaflets, send Harbour Lane's patients to Clearwater."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from pathlib import Path

from brochure.batch.records import Kits, Loaded
from brochure.diagnostics import Diagnostic, Location, warning
from brochure.frozen import frozen
from brochure.inputs.brand import kit_identity
from brochure.inputs.content import Content
from brochure.inputs.editions import Editions
from brochure.inputs.inline import KEY
from brochure.inputs.scalars import file_lines, places

Name = tuple[str, ...]  # a clinic's name as compared: its words, case folded ('Maple & Main' is maple, main)
NAME_WORDS = 12  # a kit's name of more words than this is not looked for (a name is a few words; linear in them)
_WORD = re.compile(r"\w+")
_UNPRINTED = re.compile(rf"\]\((?:[^()\s]|\([^()\s]*\))+\)|\[\^{KEY}\]")  # a link's address, after its label, and a
# citation's key (printed as its number): not printed
_NOT_READ = ("document.", "references")  # (the document block's producer is check_producer's, with the kit's
# `group:`; the sources are cited as published)


@frozen
class Naming:
    """Words of a content file that name a clinic of the editions file: the name (as compared), the words as written
    there, where they are typed, and where they are in which text of the file (a name inside the printing clinic's
    own is passed over: 'Lane Skin Clinic' inside 'Harbour Lane Skin Clinic')."""

    name: Name
    written: str
    at: Location
    span: tuple[int, int]
    text: int


def other_clinics(editions: Editions, loaded: Loaded, kits: Kits) -> list[Diagnostic]:
    """A warning at the words of a content file that name another clinic of the file (its kit's `name:`, whatever
    the case, spaces and punctuation between the words), where a brand of another name prints them: once a place,
    naming each brand that prints it. Linear: each content file is read once, whatever the brands that print it,
    and each brand goes through the namings found there."""
    identity = cache(kit_identity)  # (once per path as written: a file may name one thousands of times, each long)
    names = {identity(g.kit): kit[4] for g in editions.groups if (kit := kits.get(identity(g.kit)))}
    known = {_name(n): n for n in names.values() if 0 < len(_name(n)) <= NAME_WORDS}
    if len(known) < 2:
        return []
    found: dict[Path, list[Naming]] = {}
    printed: dict[tuple[Path, int], dict[str, None]] = {}  # each naming of another clinic -> the brands printing it
    resolve = cache(Path.resolve)
    for group in editions.groups:
        mine = names.get(identity(group.kit))
        for path in group.contents:
            content = loaded.get(resolve(path))
            if mine is None or content is None:
                continue
            if resolve(path) not in found:
                found[resolve(path)] = _namings(content, known)
            namings, me = found[resolve(path)], _name(mine)
            own = _spans([n for n in namings if n.name == me])
            for i, n in enumerate(namings):
                if not _inside(n, own):  # (its own name is inside itself)
                    printed.setdefault((resolve(path), i), {})[mine] = None
    return [_said(editions, known[found[f][i].name], found[f][i], list(brands)) for (f, i), brands in printed.items()]


def _spans(namings: list[Naming]) -> dict[int, tuple[list[int], list[int]]]:
    """The namings of one clinic, by text: where each starts and ends, in order (one name's do not nest)."""
    out: dict[int, tuple[list[int], list[int]]] = {}
    for n in namings:
        starts, ends = out.setdefault(n.text, ([], []))
        starts.append(n.span[0])
        ends.append(n.span[1])
    return out


def _inside(naming: Naming, own: dict[int, tuple[list[int], list[int]]]) -> bool:
    """Whether the words are part of the printing clinic's own name there ('Lane Skin Clinic' in 'Harbour Lane
    Skin Clinic')."""
    starts, ends = own.get(naming.text, ([], []))
    last = bisect_right(starts, naming.span[0]) - 1
    return last >= 0 and ends[last] >= naming.span[1]


def _name(text: str) -> Name:
    return tuple(w.casefold() for w in _WORD.findall(text))


def _namings(content: Content, known: dict[Name, str]) -> list[Naming]:
    """Every place the printed words of a content file name a clinic of `known`: each text's words compared, at each
    word, with the names of each length (at most NAME_WORDS words: linear in the text)."""
    lengths = sorted({len(n) for n in known})
    lines = file_lines(content.source)
    out: list[Naming] = []
    for index, (text, at) in enumerate(content.strings):
        if at.key.startswith(_NOT_READ):
            continue
        read = _UNPRINTED.sub(lambda m: " " * len(m.group()), text)  # (addresses and keys blanked, places kept)
        place = places(lines, at, text)
        words = [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(read)]
        for i in range(len(words)):
            for size in (s for s in lengths if i + s <= len(words)):
                name = tuple(w for w, _, _ in words[i : i + size])
                if name in known:
                    start, end = words[i][1], words[i + size - 1][2]
                    out.append(Naming(name, text[start:end], place(start), (start, end), index))
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
