"""A paragraph's lines as ReportLab broke them -> the same paragraph with no line ending between words that belong
together: a number and what it counts ("4 / weeks", "16 / Feb", "10 / %"), an ordinal and its word ("1. /
Dezember"), a shortened word and
its number ("Tel. / 0117"), an acronym and its number ("SPF / 30+"), a
range's word and its second number ("15 to / 60"), a phone number's groups ("(802) / 555-0148"), a reference's
author and initials and "et al." ("Connolly / D et / al."), a title and its name ("Dr / Tom Hale"), a mark typed
apart from its word (French "danger / :", "« / ondulées"), a dash set apart ("Narbe / – so"), an abbreviation
typed apart ("d. / h."); nor with a one-letter
word ("i / po nim", "a / course"), which Polish typesetting never leaves at a line's end and others avoid; nor a
paragraph's last word alone on its last line (a runt, "contact / us.").

ReportLab breaks lines greedily at any space. A typesetter keeps such words on one line with a no-break space, but
that character would then be in the printed text (which must be the words as written) and can never break, even
where a narrow column needs it to. Here the break is moved instead: the line's last word is carried over to the next
line by breaking the paragraph again with that line a little narrower (ReportLab takes a width per line), as long as
the line keeps at least MIN_FILL of its width; else the break stays. The narrowed lines' spare room is then given
back (`extraSpace`), so that a line set right, centred or justified sits where it would have. A right-to-left
paragraph's lines are not ReportLab's: layout/rtl.py breaks them, by the same rules (`parted`, MIN_FILL).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as rl_paragraph

from brochure.layout.setting import ends_broken
from brochure.patterns import Later

NUMBER = re.compile(  # 4, 30+, 1.5, 20%, (12; and with a Hebrew prefix joined by a hyphen or maqaf: כ-4, ב־12
    r"^(?:[\u05d0-\u05ea]{1,3}[-\u05be])?[(\[]?[-+\u2212]?\d(?:[\d.,:/\u2013-]*\d)?[%+\u00b0]?$"
)
ACRONYM = re.compile(r"^[A-Z]{2,}$")  # SPF, GMC
ORDINAL = re.compile(r"^\d{1,3}\.$")  # a number with the full stop that makes it an ordinal: German "1. Dezember"
DIGITS = re.compile(r"^\(?\+?\d(?:[\d\u2013-]*\d)?\)?$")  # a phone number's group: 0117, (802), +44, 555-0148
STOPS = ".,;:!?\u2026\u060c\u061b\u061f\u06d4\u05c3"  # the marks that end a sentence or a clause: Latin, Arabic's
# comma, semicolon, question mark and full stop, Hebrew's sof pasuq
CLOSERS = "\"')]\u00bb\u201d\u2019"  # closing quotes and brackets, which may follow a sentence's end
NEXT_DIGITS = re.compile(rf"^\(?\d(?:[\d\u2013-]*\d)?[{re.escape(STOPS + CLOSERS)}]*$")  # the group after it, what
# closes it after the last: its bracket, a mark, a quote ("0321،", "0321؟", "0321!", "(802)", "0148).")
SURNAME = re.compile(r"^[A-Z][\w'\u2019-]*[a-z]$")  # Connolly, Soltani-Arabshahi, McDonald
UNIT = Later(r"^[%\u2030\u00b0\u2103\u2109]")  # what a number counts set apart by a space: 10 %, 30 °C, 5 ‰
PHONE_WORDS = ("Tel.", "tel.", "Tel:", "Tel", "Mob.", "Mob:", "Fax", "Fax:")  # before a phone number
ABBREVIATION = frozenset(  # a word shortened before the number it names ("Tel. / 0117", "S. / 12", "ca. / 10 %")
    (*PHONE_WORDS, "Nr.", "nr", "No.", "no.", "S.", "p.", "pp.", "ca.", "approx.", "Abb.", "Fig.", "Kap.")
)
SHORT = re.compile(r"^[^\W\d_]\.$")  # a letter and its full stop, of an abbreviation typed apart: d. h., z. B.
INITIALS = re.compile(r"^[A-Z]{1,3}[.,]?$")  # the initials a reference gives after a surname: D, AJM, PA,
TITLES = frozenset(  # a title kept with the name after it ("Dr / Tom Hale"): English, Spanish, Polish, Vietnamese
    ("Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.", "Dra.", "Sr.", "Sra.", "dr", "lek.", "BS.")
)
CITED = re.compile(rf"((?:(?<!\d)\.|[!?])[{re.escape(CLOSERS)}]*)\d+(?:[,-]\d+)*$")  # a citation's superscript
# ("1", "1,2", "1-3") after a sentence's end, as it prints joined to the word ("kremom.6"); not after a number's
# full stop, where the digits are its decimals ("1.5")
RANGE_WORD = 4  # letters at most of a word between two numbers ("to", "a", "do", "đến"), kept with the second
MIN_FILL = 0.6  # of its width that a line keeps when its last word is carried over; else the break stays
HELD_FILL = 0.4  # of its width that a line keeps when the number ending it goes on with its word (`counted`)
MOVES = 8  # breaks moved at most in one paragraph
RUNT = 1 / 3  # of its line's width, at most, that a word alone on a paragraph's last line takes to be given company

CLOSING = ":;!?\u00bb\u203a"  # marks French typing sets after a space (« and » guillemets), kept with the word before
DASHES = "\u2013\u2014"  # a dash set apart by spaces ends a line, never starts one ("Narbe – / so ist es")
OPENING = "\u00ab\u2039"  # and before one, kept with the word after ("sans danger / : rien", "les « / ondulées »")
_MAY_PART = re.compile(rf"\d|(?<!\S)[^\W\d_]\.?(?=\s)|\s[{CLOSING}{DASHES}]|[{OPENING}]\s")  # a digit, a one-letter
# word (or a letter and its full stop) before a space, or a mark set apart by a space


def may_part(text: str) -> bool:
    """Whether a paragraph's text has a digit, a one-letter word or a mark set apart by a space (else no break of
    its can part what this module keeps together)."""
    return _MAY_PART.search(text) is not None


Lines = Any  # ReportLab's ParaLines: `lines` of (spare, [words]) pairs, or FragLines with `extraSpace` and `words`


def words(line: Any) -> list[str]:
    """A line's words as printed (a styled line's pieces joined first: a word may be in several)."""
    if isinstance(line, tuple):
        return [w for w in line[1] if w]
    return [w for w in "".join(getattr(w, "text", "") for w in line.words).split(" ") if w]  # (at spaces, where
    # ReportLab breaks: '0117 496 0321' joined by no-break spaces is one word, not a number and two more)


def spare(line: Any) -> float:
    """The room left at the end of a line (negative where its spaces were shrunk to fit)."""
    return float(line[0] if isinstance(line, tuple) else line.extraSpace)


def _opens_sentence(before: list[str]) -> bool:
    """Whether the line's last word opens a sentence: the word before it ends one (a full stop, question or
    exclamation mark, closing quotes or brackets after it, and a citation's superscript after those)."""
    return len(before) >= 2 and CITED.sub(r"\1", before[-2]).rstrip(CLOSERS)[-1:] in (".", "!", "?")


def parted(before: list[str], after: list[str]) -> bool:
    """Whether a line ending with the words `before` and the next beginning with `after` parts words that belong
    together."""
    if not before or not after:
        return False
    a, b = before[-1], after[0]
    if by_mark(before, after):
        return True  # a mark set apart by a space (as French is typed) and the word it closes or opens
    if len(a) == 1 and a.isalpha() and (a.islower() or _opens_sentence(before)):
        return True  # a one-letter word (an initial, a capital, is its name's: "Litchman G / et al."; a capital
        # that opens a sentence is a word: "are normal. A / course", Polish "W / Polsce")
    if a in TITLES and b[:1].isupper():
        return True  # a title and the name it goes with
    if NUMBER.match(a) and (b[:1].isalpha() or UNIT.match(b)):
        return True  # a number and what it counts ("4 weeks", "10 %", "30 °C")
    if ORDINAL.match(a) and b[:1].isalpha():
        return True  # an ordinal and its word ("am 1. / Dezember", "die 3. / Sitzung"; an English sentence's
        # "in step 3. / Then" is kept together too, as its words may be)
    if a in ABBREVIATION and b[:1].isdigit():
        return True  # a shortened word and its number
    if SHORT.match(a) and SHORT.match(b):
        return True  # an abbreviation typed apart ("d. / h.")
    if b[:1].isdigit() and ACRONYM.match(a):
        return True  # an acronym and its number
    if DIGITS.match(a) and NEXT_DIGITS.match(b.split("\xa0", 1)[0]):
        return True  # a phone number's groups ("call (802) / 555-0148", "0117 / 496 0321"; "(01) / 555 0123" as the
        # document block prints it, its groups after the bracket joined by no-break spaces, layout/document.py)
    if SURNAME.match(a.rsplit("\xa0", 1)[-1]) and INITIALS.match(b) and (b[-1] in ",." or after[1:2] == ["et"]):
        return True  # a reference's author and initials ("Connolly / D et al.", "Nair / PA,"; not "Use / SPF 30+")
    if a == "et" and b.startswith("al."):
        return True  # "et / al."
    return bool(
        b[:1].isdigit() and len(before) >= 2 and NUMBER.match(before[-2]) and a.isalpha() and len(a) <= RANGE_WORD
    )  # a range: "15 to / 60"


def counted(before: list[str], after: list[str], fill: float) -> bool:
    """Whether a line ending with `before`, left `fill` of its width full without its last word, keeps that word
    with the next line's first even so (under MIN_FILL), as a no-break space would keep them: a number and the word
    it counts ("w ostatnich 12 / miesiącach", which Polish, French and German typesetting never part; a ragged line
    need not), or its unit ("10 / %"), where the line keeps two words and HELD_FILL of its width; not where the
    carry would make the paragraph a line longer ("Use it on 12345 / weeks": `kept_together` sees to that)."""
    a, b = (before[-1], after[0]) if before and after else ("", "")
    word = b[:1].isalpha() or bool(UNIT.match(b))
    return len(before) > 2 and fill >= HELD_FILL and word and bool(NUMBER.match(a))


def by_mark(before: list[str], after: list[str]) -> bool:
    """Whether a line ending with `before` and the next beginning with `after` part a mark typed apart from its
    word (a line would start with ':' or '»', or end with '«'): kept together even where the line is left short
    (under MIN_FILL), as a no-break space would keep them."""
    first, last = (after[0][:1], before[-1][-1:]) if before and after else ("", "")
    dash = bool(after) and after[0] in tuple(DASHES)  # (a dash alone, set apart: not one opening a word)
    return (first != "" and first in CLOSING) or (last != "" and last in OPENING) or dash


def _first_parted(lines: list[Any], start: int) -> int | None:
    """The first line from `start` whose end parts words that belong together."""
    for i in range(start, len(lines) - 1):
        if parted(words(lines[i]), words(lines[i + 1])):
            return i
    return None


def _at(widths: list[float], i: int) -> float:
    return widths[min(i, len(widths) - 1)]


def _with(widths: list[float], i: int, width: float) -> list[float]:
    """The widths with line i's set (the last width stands for every line after the list, as ReportLab reads it)."""
    out = [_at(widths, k) for k in range(max(len(widths), i + 2))]
    out[i] = width
    return out


def kept_together(
    broken: Lines, widths: list[float], again: Callable[[list[float]], Lines], parts: bool = True
) -> Lines:
    """The paragraph's lines with its parted words carried over where the lines allow it, and no word alone on its
    last line. `broken` is ReportLab's breaking at `widths`; `again` breaks the paragraph anew at a list of widths
    (and leaves on it what that sets); `parts`: whether its text may have words to keep together (`may_part`)."""
    given, narrowed, start = list(widths), list(widths), 0
    moved = False
    undo: dict[int, list[float]] = {}  # each line's widths before its first carry
    for _ in range(MOVES if parts else 0):
        i = _first_parted(broken.lines, start)
        if i is None:
            break
        line = broken.lines[i]
        last, space = _last_word(broken, line)
        rest = _at(narrowed, i) - spare(line) - last - space  # how wide the line is without its last word
        after = words(broken.lines[i + 1])
        short = rest < MIN_FILL * _at(given, i) and not by_mark(words(line), after)
        held = short and counted(words(line), after, rest / _at(given, i))  # (carried all the same, unless the
        short = short and not held  # paragraph then takes a line more)
        if len(words(line)) < 2 and i > 0 and (down := _down_with(broken, given, narrowed, again, i)) is not None:
            broken, narrowed, moved = *down, True  # (a word alone on its line, parted from the next: the word
            start = i  # before it goes down to it, "écrivez / à / secretariat@..." as "écrivez à / secretariat@...")
            continue
        if len(words(line)) < 2 or short:
            if i in undo:  # (a carry left the line parted anew, and no further one can mend it: "SPF / 30+
                narrowed = undo.pop(i)  # chaque" from "SPF 30+ / chaque": the line as it was, its first parting
                broken = again(list(narrowed))  # the lesser)
            start = i + 1  # this break stays
            continue
        trial = _with(narrowed, i, rest + space / 2)  # (room for the rest, not for the last word however its
        # spaces shrink: a word is wider than half a space)
        lines = again(list(trial))
        longer = held and len(lines.lines) > len(broken.lines)
        if (
            len(words(lines.lines[i])) >= len(words(line))
            or _changed_before(lines, broken, i)
            or _alone(lines, i)
            or longer
        ):
            broken = again(list(narrowed))  # (a guard: what the kept breaking sets, set again)
            start = i + 1
            continue
        undo.setdefault(i, narrowed)
        narrowed, broken, moved = trial, lines, True
        start = i  # (the line may end parted again: "15 to")
    fuller = _no_runt(broken, given, narrowed, again)
    if fuller is not None:
        broken, narrowed, moved = *fuller, True
    if moved:
        _give_back(broken, given, narrowed)
    return broken


def _down_with(
    broken: Lines, given: list[float], narrowed: list[float], again: Callable[[list[float]], Lines], i: int
) -> tuple[Lines, list[float]] | None:
    """The paragraph broken again with line i-1 a word shorter, where line i is one word parted from the next line
    that cannot go on with it (a word too long to share a line with it follows): the word before goes down, so that
    the lone word has company ("écrivez à / secretariat@..." for "écrivez / à / secretariat@..."), where line i-1
    keeps MIN_FILL of its width and two words, parts nothing and nothing before it changes; else None."""
    line = broken.lines[i - 1]
    last, space = _last_word(broken, line)
    rest = _at(narrowed, i - 1) - spare(line) - last - space
    if len(words(line)) < 3 or rest < MIN_FILL * _at(given, i - 1):
        return None
    trial = _with(narrowed, i - 1, rest + space / 2)
    lines = again(list(trial))
    if (
        len(words(lines.lines[i - 1])) >= len(words(line))
        or len(words(lines.lines[i])) < 2
        or _changed_before(lines, broken, i - 1)
        or parted(words(lines.lines[i - 1]), words(lines.lines[i]))
    ):
        again(list(narrowed))  # (a guard: what the kept breaking sets, set again)
        return None
    return lines, trial


def _alone(lines: Lines, i: int) -> bool:
    """Whether the word carried from line i stands alone on the next line, the words it goes with on the line after
    (a word too long to go with it: "écrivez / à / secretariat@clinique-des-lilas.ca" where "écrivez à /
    secretariat@..." parted nothing more and left no line of one short word)."""
    return len(lines.lines) > i + 2 and len(words(lines.lines[i + 1])) < 2


def _no_runt(
    broken: Lines, given: list[float], narrowed: list[float], again: Callable[[list[float]], Lines]
) -> tuple[Lines, list[float]] | None:
    """The paragraph broken again with the line before its last a word shorter, when its last line is one short
    word alone (under RUNT of the line: "... See When to contact / us."), the line above keeps MIN_FILL of its width
    and two words, and the paragraph keeps its number of lines; None when it cannot (the breaking on it is then
    `narrowed`'s)."""
    lines = broken.lines
    if len(lines) < 2 or len(words(lines[-1])) != 1:
        return None
    if _at(given, len(lines) - 1) - spare(lines[-1]) >= RUNT * _at(given, len(lines) - 1):
        return None  # (a long word, a web address, stands on its own)
    i = len(lines) - 2
    line = lines[i]
    if len(words(line)) < 3:
        return None
    last, space = _last_word(broken, line)
    rest = _at(narrowed, i) - spare(line) - last - space
    if rest < MIN_FILL * _at(given, i):
        return None
    trial = _with(narrowed, i, rest + space / 2)
    fuller = again(list(trial))
    piece = _ends_in_a_piece(lines, i)  # (its last line the rest of a broken word: "Betäubungs- / creme")
    if (
        len(fuller.lines) != len(lines)
        or (len(words(fuller.lines[-1])) < 2 and not piece)
        or _changed_before(fuller, broken, i)
        or parted(words(fuller.lines[i]), words(fuller.lines[-1]))
    ):
        again(list(narrowed))  # (a guard: what the kept breaking sets, set again)
        return None
    return fuller, trial


def _ends_in_a_piece(lines: list[Any], i: int) -> bool:
    """Whether line i ends with the first part of a word broken at a soft hyphen, the next line starting with its
    rest: the word may go down whole, and stand alone on the last line, where its rest would."""
    line, after = lines[i], lines[i + 1]
    if isinstance(line, tuple):
        shy = rl_paragraph._SHYStr
        last = line[1][-1] if line[1] else ""
        return isinstance(last, shy) and last.endswith("-") and bool(after[1]) and isinstance(after[1][0], shy)
    return ends_broken(line.words)


def _last_word(broken: Lines, line: Any) -> tuple[float, float]:
    """How wide a line's last word and the space before it print."""
    if isinstance(line, tuple):
        return (
            stringWidth(line[1][-1], broken.fontName, broken.fontSize),
            stringWidth(" ", broken.fontName, broken.fontSize),
        )
    width = 0.0
    for piece in reversed(line.words):
        text = getattr(piece, "text", "").rstrip() if width == 0.0 else getattr(piece, "text", "")
        cut = text.rfind(" ")
        width += stringWidth(text[cut + 1 :], piece.fontName, piece.fontSize)
        if cut >= 0:
            return width, stringWidth(" ", piece.fontName, piece.fontSize)
    return width, 0.0


def _changed_before(lines: Lines, was: Lines, i: int) -> bool:
    """Whether a breaking changed any line before line i (a narrower line can only change those after it)."""
    return [words(line) for line in lines.lines[:i]] != [words(line) for line in was.lines[:i]]


def _give_back(broken: Lines, given: list[float], narrowed: list[float]) -> None:
    """Each narrowed line's spare room as at its given width."""
    for i, line in enumerate(broken.lines):
        more = _at(given, i) - _at(narrowed, i)
        if not more:
            continue
        if isinstance(line, tuple):
            broken.lines[i] = (line[0] + more, *line[1:])
        else:
            line.extraSpace += more
