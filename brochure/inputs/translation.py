"""A source Content + its translation's Content -> Diagnostics where the translation differs in what must not.

A translation is a whole content file in another language (`translations/es.yaml`) with the same structure:
the same sections, blocks and list items, so every printed text pairs with the source's text at the same key
path. What a translation must keep (this is a medical leaflet): every number, dose, duration and percentage;
every link and phone number; its references. What it must change: the words, so a text left as the source
wrote it is flagged. Each finding is at the translation's line and column, with the source's place in the
message.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from brochure.diagnostics import Diagnostic, Location, error, shorten, warning
from brochure.inputs.content import Content
from brochure.inputs.inline import citations, links, plain
from brochure.vocabulary import language_base

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LETTERS = re.compile(r"[^\W\d_]{3,}")
_OWN = ("document.", "words.")  # the translation's own document control and words are not the source's
OPTIONAL = "call_to_action.qr_label"  # a source may leave it to the language's own words; a translation may not
_KEPT = ("references",)  # references are cited as published: the same in every language, not flagged as kept


def compare(source: Content, translation: Content) -> list[Diagnostic]:
    """Every difference a translation must not have, and the texts it probably forgot to translate."""
    diags = _structure(source, translation)
    ours = _texts(translation)
    theirs = _texts(source)
    if [s.id for s in source.sections] != [s.id for s in translation.sections]:  # their texts do not pair
        ours = {key: v for key, v in ours.items() if not key.startswith("sections")}
    changes = dict(translation.document.translation.numbers) if translation.document.translation else {}
    # (an adaptation, en-GB -> en-US, keeps most words)
    adaptation = language_base(source.language) == language_base(translation.language)
    for key, (text, at) in ours.items():
        if key not in theirs:
            continue
        was, src_at = theirs[key]
        diags += _numbers(was, text, at, src_at, changes)
        diags += _links(was, text, at, src_at)
        diags += _citations(was, text, at, src_at)
        if text == was and not adaptation and not key.startswith(_KEPT) and _LETTERS.search(plain(text)):
            diags.append(
                warning(
                    at,
                    f"this text is as the source wrote it ('{shorten(plain(text), 50)}'): probably not translated",
                    f"translate it (source: {_place(src_at)}), or ignore this if the words are the same in "
                    f"{translation.language}",
                )
            )
    if translation.language.lower() != source.language.lower() and translation.document.translation is None:
        diags.append(
            error(
                translation.document.where("document"),
                "a translation says who translated it: document.translation is missing",
                "add 'translation: {translator: {name: ..., role: ...}, reviewer: {name: ..., role: ...}}'",
            )
        )
    return diags


def _texts(content: Content) -> dict[str, tuple[str, Location]]:
    return {at.key: (text, at) for text, at in content.strings if not at.key.startswith(_OWN)}


def _place(at: Location) -> str:
    return f"{at.file}:{at.line}:{at.column}"


def _sections(source: Content, translation: Content) -> list[Diagnostic]:
    """The source's sections, all of them and in its order: each one missing, added or out of order named once
    (a missing section does not make every section after it 'wrong')."""
    diags: list[Diagnostic] = []
    ids = [s.id for s in source.sections]
    ours = [s.id for s in translation.sections]
    for n, sid in enumerate(ids):
        if sid in ours:
            continue
        after = next((s for s in translation.sections if s.id in ids[n + 1 :]), None)
        at = after.at if after else translation.sections[-1].at if translation.sections else translation.language_at
        before = next((f", after '{i}'" for i in reversed(ids[:n]) if i in ours), "")
        diags.append(
            error(
                at,
                f"section '{sid}' of the source ({source.path.name}) is missing here{before}",
                "translate every section of the source",
            )
        )
    for s in translation.sections:
        if s.id not in ids:
            diags.append(
                error(
                    s.at,
                    f"section '{s.id}' is not in the source ({source.path.name})",
                    "keep the source's sections, in its order, with the same ids: translate only their words",
                )
            )
    shared = [s for s in translation.sections if s.id in ids]
    expected = [i for i in ids if i in ours]
    for s, sid in zip(shared, expected, strict=True):
        if s.id != sid:
            diags.append(
                error(
                    s.at,
                    f"section {ours.index(s.id) + 1} is '{s.id}' here, but '{sid}' in the source ({source.path.name})",
                    "keep the source's sections, in its order, with the same ids: translate only their words",
                )
            )
    return diags


def _structure(source: Content, translation: Content) -> list[Diagnostic]:
    """The same sections in the same order, each with the same blocks and list lengths: read from the key paths
    of their texts (a missing bullet is a missing 'sections[2].blocks[0].bullets[3]')."""
    diags = _sections(source, translation)
    if diags:
        return diags  # the blocks of different sections do not pair
    ours, theirs = _texts(translation), _texts(source)
    firsts = _firsts(translation)
    for key in theirs.keys() - ours.keys():
        if key.startswith(("sections", "call_to_action", "cover", "title", "subtitle", "disclaimer", "references")):
            text, at = theirs[key]
            diags.append(
                error(
                    _nearest(firsts, key, translation.language_at),
                    f"'{key}' of the source ('{shorten(plain(text), 40)}', {_place(at)}) has no translation here",
                    "keep the source's blocks and list items, one for one: a list of 5 stays a list of 5",
                )
            )
    for key in ours.keys() - theirs.keys() - {OPTIONAL}:
        text, at = ours[key]
        diags.append(
            error(
                at,
                f"'{key}' is not in the source ('{shorten(plain(text), 40)}')",
                "keep the source's blocks and list items, one for one; add words to the source first",
            )
        )
    return sorted(diags, key=lambda d: (d.location.line, d.location.column))


_LAST = re.compile(r"(\.[^.\[]*|\[\d+\])$")  # a key path's last step: '.text' or '[3]'


def _firsts(content: Content) -> dict[str, Location]:
    """For every key path that holds texts (a section, a block, a list), where its first text is written."""
    firsts: dict[str, Location] = {}
    for _, at in content.strings:
        parent = _LAST.sub("", at.key)
        while parent and parent not in firsts:
            firsts[parent] = at
            parent = _LAST.sub("", parent)
    return firsts


def _nearest(firsts: dict[str, Location], key: str, fallback: Location) -> Location:
    """Where the text closest to a missing key is written: the first text of its nearest parent that has one."""
    parent = _LAST.sub("", key)
    while parent:
        if parent in firsts:
            return firsts[parent]
        parent = _LAST.sub("", parent)
    return fallback


def _western(number: str) -> str:
    """A number as compared: its digits as 0-9 whatever their script (Arabic-Indic '٣٠' is 30), '.' for ','."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in number).replace(",", ".")


def _numbers(was: str, text: str, at: Location, src_at: Location, changes: dict[str, str]) -> list[Diagnostic]:
    """Every number of the source's text in the translation's (a '3 to 7 days' that became '3 to 5' is wrong),
    but those the translation changes on purpose (document.translation.numbers: an emergency number)."""
    written = [_western(n) for n in _NUMBER.findall(plain(was))]
    expected = Counter(changes.get(n, n) for n in written)
    del expected[""]  # (dropped on purpose)
    ours = Counter(_western(n) for n in _NUMBER.findall(plain(text)))
    lost = expected - ours
    if not lost:
        return []
    was_written = {changes.get(n, n): n for n in written}
    named = [n if was_written[n] == n else f"{was_written[n]} (as {n}, document.translation.numbers)" for n in lost]
    extra = ours - expected
    instead = f"; it has {', '.join(sorted(extra))} instead" if extra else ""
    return [
        error(
            at,
            f"the source's {', '.join(sorted(named))} (in '{shorten(plain(was), 50)}', {_place(src_at)}) "
            f"is not in the translation{instead}",
            "keep every number, dose, duration and percentage as the source has it, in digits",
        )
    ]


def _citations(was: str, text: str, at: Location, src_at: Location) -> list[Diagnostic]:
    """The same sources cited ([^id]) as the source's text: a claim keeps its evidence in every language."""
    theirs, ours = citations(was), citations(text)
    if set(theirs) == set(ours):
        return []
    lost = [f"[^{k}]" for k in theirs if k not in ours]
    added = [f"[^{k}]" for k in ours if k not in theirs]
    said = "; ".join(
        part
        for part in (f"missing {', '.join(lost)}" if lost else "", f"added {', '.join(added)}" if added else "")
        if part
    )
    return [
        error(
            at,
            f"the citations differ from the source's ({_place(src_at)}): {said}",
            "cite the same sources as the source's text does, each after the claim it supports",
        )
    ]


def _links(was: str, text: str, at: Location, src_at: Location) -> list[Diagnostic]:
    """The same link targets (web addresses, e-mail, phone numbers) as the source's text."""
    theirs, ours = set(links(was)), set(links(text))
    if theirs == ours:
        return []
    changed = ", ".join(sorted(theirs - ours)) or ", ".join(sorted(ours - theirs))
    return [
        error(
            at,
            f"the links differ from the source's ({_place(src_at)}): {shorten(changed, 80)}",
            "keep every link target exactly as the source has it; translate only the words shown",
        )
    ]
