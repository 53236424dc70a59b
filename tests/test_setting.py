"""A paragraph's lines given to the frames as data (layout/setting.py) read exactly as ReportLab drawing it does.

If they did not, a leaflet's words would print a hair (or a line) away from where ReportLab's own drawing puts
them, in another colour or spacing: the frames are compared to the last digit, for every shipped edition and for
hand-set paragraphs in every alignment, font mix, colour kind and spacing brochure's styles could ask for.
"""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest
from helpers import ROOT, fallback_face, frames_layout, result_of, sources, text_item
from reportlab.lib.colors import CMYKColor, Color, PCMYKColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from brochure import api
from brochure.geometry.sheet import Rect, trifold
from brochure.layout import rtl, setting
from brochure.layout.model import SOFT_HYPHEN, Frame, Ink, Link, Run, Segment, Shape, Text
from brochure.layout.operators import Reader, Tags
from brochure.layout.para import Para, place
from brochure.layout.recorder import Recorder
from brochure.render import pdf
from brochure.vocabulary import LAYOUTS, TARGETS


@pytest.fixture(autouse=True)
def _tw_spaces_as_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    """ReportLab's paragraphs share a shrunk or justified line's word spacing among its no-break spaces too, which
    a PDF does not widen (Tw: code 32 only): layout/setting.py shares it among the spaces alone. ReportLab drawing
    is compared as it would be with that mended."""
    import reportlab.platypus.paragraph as paragraph

    monkeypatch.setattr(paragraph, "_nbspCount", lambda text: 0)


@pytest.fixture(autouse=True)
def _underlines_under_indented_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """ReportLab underlines a one-style paragraph's lines after the first from where an unindented line would start,
    not under their words (`_do_under_line` is given the line's start without the left indent): layout/setting.py
    draws them under the words. ReportLab drawing is compared as it would be with that mended: its own underline
    moved right by the left indent on those lines."""
    import reportlab.platypus.paragraph as paragraph

    under_line = paragraph._do_under_line

    def mended(i: int, x1: float, ws: float, tx: Any, us_lines: Any) -> None:
        under_line(i, x1 + (tx.XtraState.style.leftIndent if i else 0.0), ws, tx, us_lines)

    monkeypatch.setattr(paragraph, "_do_under_line", mended)


@pytest.fixture(scope="module")
def fonts() -> tuple[str, str, str]:
    f = sources().fonts
    return f.regular, f.bold, f.italic


def _read(para: Para, width: float, base: str) -> list[Frame]:
    para.wrap(width, 1000)
    return _placed(para, width, base)


def _placed(para: Para, width: float, base: str) -> list[Frame]:
    """The frames read from a paragraph drawn at (31.7, 402.3) on a Recorder, as it stands (not wrapped again)."""
    rec = Recorder(trifold("a4", "office"), base)
    rec.saveState()
    place(rec, para, 31.7, 402.3)
    rec.restoreState()
    out: list[Frame] = []
    box = Rect(31.7, 402.3, width, float(para.height))
    Reader(rec, Tags("main", "inside-left", "s", False, box, 1), out, iter(range(10**6))).read("\n".join(rec._code))
    return out


def _both(make: object, width: float, base: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Frame], list[Frame]]:
    assert callable(make)
    direct = _read(make(), width, base)
    with monkeypatch.context() as m:
        m.setattr(setting, "paragraph_ops", lambda p, x, y: None)
        drawn = _read(make(), width, base)
    return direct, drawn


MARKUP = (
    "Micro-needling makes tiny <font name='{bold}'>controlled</font> channels in the skin;&nbsp;the body repairs "
    "them with new <font name='{italic}' size='10'>collagen</font>, which <font color='#C0392B'>softens</font> "
    "rolling and boxcar scars over 3<super>rd</super> to 6<sub>th</sub> sessions.\u00ad Not for active "
    "acne\u2014ask your clinician first."
)
PLAIN = "Micro-needling makes tiny controlled channels in the skin and the body repairs them with new collagen, " * 2


COLOURS = pytest.mark.parametrize(  # a paragraph's colour of each kind brochure's styles may ask for
    "colour",
    [Color(0.1, 0.2, 0.3), CMYKColor(0.7, 0.1, 0.0, 0.2), Color(0.5, 0.5, 0.5, alpha=0.61237)],
    ids=["rgb", "cmyk", "see-through"],
)


@pytest.mark.parametrize("alignment", [TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY])
@pytest.mark.parametrize("text", [MARKUP, PLAIN, "One", ""], ids=["styled", "plain", "word", "empty"])
@COLOURS
def test_a_paragraph_set_as_data_reads_as_reportlab_drawing_it(
    fonts: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch, alignment: int, text: str, colour: Color
) -> None:
    regular, bold, italic = fonts
    style = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=9.25,
        leading=12.4,
        textColor=colour,
        alignment=alignment,
        firstLineIndent=7.3,
        leftIndent=2.1,
        rightIndent=3.3,
    )

    def make() -> Para:
        return Para(text.format(bold=bold, italic=italic), style)

    direct, drawn = _both(make, 151.37, regular, monkeypatch)
    assert direct == drawn
    lines = [i for i in direct if isinstance(i, Text) and "".join(r.text for r in i.runs).strip()]
    assert len(lines) >= {"": 0, "One": 1}.get(text, 3)  # (long texts broken into lines: justified but the last)


def test_the_last_line_justified_and_a_cut_word_read_alike(
    fonts: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = fonts[0]
    style = ParagraphStyle(
        "body", fontName=regular, fontSize=9, leading=11, alignment=TA_JUSTIFY, justifyLastLine=1, splitLongWords=1
    )

    def make() -> Para:
        return Para("Hyperpigmentation" * 4 + " fades slowly over many weeks of care.", style)

    direct, drawn = _both(make, 90.0, regular, monkeypatch)
    assert direct == drawn
    assert len(direct) >= 3


def test_lines_start_where_reportlab_settings_say(fonts: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """With RL_paraFontSizeHeightOffset=0 in the environment, ReportLab starts a paragraph's first line at its
    fonts' ascent, not their size: the words set as data start there too (the fallback face's ascent is not its
    size), in one font and in several."""
    regular, bold = fonts[0], fonts[1]
    arabic = fallback_face(regular)
    style = ParagraphStyle("body", fontName=arabic, fontSize=9.5, leading=12.5)
    markup = f"Soft <font name='{bold}'>scars</font> fade over many weeks of careful daily care and patience."
    monkeypatch.setattr("reportlab.platypus.paragraph.paraFontSizeHeightOffset", 0)
    for text in (markup, "Soft scars fade over many weeks of careful daily care and patience."):  # (kind 1, 0)
        direct, drawn = _both(lambda text=text: Para(text, style), 120.0, regular, monkeypatch)
        assert direct == drawn
        assert len(direct) >= 2


@pytest.mark.parametrize("kind", ["styled", "plain"])
def test_a_hyphen_added_at_a_soft_hyphen_stands_for_it_and_a_typed_one_does_not(
    fonts: tuple[str, str, str], kind: str
) -> None:
    """Where a line breaks at a soft hyphen the '-' printed is a run of its own standing for U+00AD (read as part
    of the word); a typed hyphen ending a line ("Vor-", the next word gone whole to the next line) stays as typed."""
    regular, bold, _ = fonts
    words = "before and after: V\u00ador- Nach\u00adsorge\u00adtermine"  # ("Vor-" typed, with a soft hyphen too)
    text = f"<font name='{bold}'>Care</font> {words}" if kind == "styled" else f"Care {words}"
    style = ParagraphStyle("body", fontName=regular, fontSize=10, leading=12)

    def lines(width: float) -> list[Text]:
        return [t for t in _read(Para(text, style), width, regular) if isinstance(t, Text)]

    wide = lines(140.0)
    assert [t.text for t in wide] == ["Care before and after: Vor-", "Nachsorgetermine"]
    assert not any(r.actual for t in wide for r in t.runs)
    narrow = lines(60.0)
    assert [t.text for t in narrow] == ["Care before", "and after:", "Vor- Nach\xad", "sorge\xad", "termine"]
    for t in narrow[2:4]:
        *_, hyphen = [r for r in t.runs if r.text]
        assert (hyphen.text, hyphen.actual) == ("-", SOFT_HYPHEN)
        assert hyphen.x + hyphen.width == pytest.approx(t.box.right)  # (printed where the word's '-' was)


def test_the_styled_rest_of_a_word_broken_at_a_soft_hyphen_keeps_one_space_after_it(
    fonts: tuple[str, str, str],
) -> None:
    """ReportLab gave the italic rest of a word broken at a soft hyphen ("*Eispickel\u00adnarben* brauchen") the
    space after it, which the next piece begins with too: "narben  brauchen" printed two spaces (and the line,
    measured with both, was called a word too long where it was full). One space, and the room given back."""
    regular, _, italic = fonts
    style = ParagraphStyle("body", fontName=regular, fontSize=10, leading=12)
    text = f"Tiefe, schmale <font name='{italic}'>Eispickel\u00adnarben</font> brauchen meist andere Behandlungen."
    lines = [t for t in _read(Para(text, style), 124.0, regular) if isinstance(t, Text)]
    assert [t.text for t in lines] == ["Tiefe, schmale Eispickel\xad", "narben brauchen meist", "andere Behandlungen."]
    rest, after = lines[1].runs[:2]
    assert rest.x + rest.width == pytest.approx(after.x)
    assert lines[1].box.right == pytest.approx(rest.x + rest.width + stringWidth(" brauchen meist", regular, 10))


def test_a_linked_word_gone_whole_to_the_next_line_leaves_no_link_behind(fonts: tuple[str, str, str]) -> None:
    """A linked word with soft hyphens that went whole to the next line left a link over nothing at the end of the
    line before (ReportLab's empty break piece carries the link): a second link to one place, named by its
    address, in a screen reader's list of links. Only the link over the word."""
    regular = fonts[0]
    style = ParagraphStyle("body", fontName=regular, fontSize=10, leading=12)
    text = "Lesen Sie unsere <a href='https://example.org/nachsorge'>Nach\u00adsorge\u00adhinweise</a> sorgfältig."
    frames, links = _links(Para(text, style), 100.0, regular)
    assert [t.text for t in frames if isinstance(t, Text)] == ["Lesen Sie unsere", "Nachsorgehinweise", "sorgfältig."]
    assert [(link.url, round(link.box.w, 2)) for link in links] == [("https://example.org/nachsorge", 96.14)]


def test_a_compound_with_a_soft_hyphen_after_its_own_prints_its_letters_however_often_it_is_broken(
    fonts: tuple[str, str, str],
) -> None:
    """A soft hyphen typed after a hyphen ("Anti-\u00adFalten-\u00adCreme") printed "Anti--", and ReportLab, breaking a
    styled paragraph again (to keep words together, to split it, at another width), lost letters around it:
    "FaltenCreme", "Makeu- / p". It is left out: the words print as written, broken at spaces, at every width in
    turn, whole and split."""
    from brochure.inputs.inline import plain, to_markup

    regular = fonts[0]
    style = ParagraphStyle("body", fontName=regular, fontSize=10, leading=12, splitLongWords=0)  # (as the theme's)
    words = "Kein Make-\u00adup und keine Anti-\u00adFalten-\u00adCreme für 24 Stunden danach."
    text = to_markup(f"**Kein** {words[5:]}")
    para = Para(text, style)
    for width in [*range(60, 200, 7), 73, 114, 65]:
        lines = [t for t in _read(para, float(width), regular) if isinstance(t, Text)]
        assert " ".join(t.text for t in lines) == plain(words).replace("\xad", ""), (width, [t.text for t in lines])


@pytest.mark.parametrize("kind", ["styled", "plain"])
def test_the_rest_of_a_broken_word_is_not_left_alone_on_the_last_line(fonts: tuple[str, str, str], kind: str) -> None:
    """A paragraph ended with the rest of a word broken at a soft hyphen alone on its last line ("... mit
    Nachsorge- / hinweisen"): where the line above keeps enough of its width, the word goes down whole."""
    regular, bold, _ = fonts
    style = ParagraphStyle("body", fontName=regular, fontSize=9.25, leading=12)
    words = "erhalten nach der Behandlung ein Merkblatt mit Nachsorge\u00adhinweisen"
    text = f"<font name='{bold}'>Sie</font> {words}" if kind == "styled" else f"Sie {words}"
    lines = [t.text for t in _read(Para(text, style), 290.0, regular) if isinstance(t, Text)]
    assert lines == ["Sie erhalten nach der Behandlung ein Merkblatt mit", "Nachsorgehinweisen"]


def _drawn_as_placed(parts: list[Para], width: float, base: str) -> list[list[Frame]]:
    """Each part read as the flow places it: drawn as it stands (not wrapped again: a paragraph whose split
    failed has lost its lines and breaks them again itself)."""
    return [_placed(part, width, base) for part in parts]


_FUZZ_WORDS = (
    "Micro", "needling", "tiny", "channels", "in", "the", "skin;", "a", "collagen,", "3rd", "\u2014", "caf\u00e9",
    "\u0141\u00f3d\u017a", "&amp;", "Hyperpigmentation" * 3, "ab\u00adcd\u00adef\u00adgh", "1\u00a02",
    "&nbsp;", "", "  ", "\u2009", "\u03b1\u03b2\u03b3", "https://example.org/a/very/long/path/that/goes/on",
)  # fmt: skip


def _fuzz_markup(r: random.Random, faces: list[str], depth: int = 0) -> str:
    """Words in what brochure's markup (and ReportLab's) can give a paragraph: faces, sizes, colours, raised
    and lowered words, line breaks, spaces that do not break, soft hyphens, words wider than a column."""
    out = []
    for _ in range(r.randint(0, 12)):
        k, w = r.random(), " ".join(r.choice(_FUZZ_WORDS) for _ in range(r.randint(1, 4)))
        if k < 0.4 or depth > 2:
            out.append(w)
        elif k < 0.5:
            tag = r.choice("bi")
            out.append(f"<{tag}>{_fuzz_markup(r, faces, depth + 1)}</{tag}>")
        elif k < 0.65:
            size = r.choice(["", " size='6'", " size='9.25'", " size='17.3'"])
            colour = r.choice(["", " color='#C0392B'", " color='#00000080'", " color='blue'"])
            out.append(f"<font name='{r.choice(faces)}'{size}{colour}>{_fuzz_markup(r, faces, depth + 1)}</font>")
        elif k < 0.75:
            out.append(r.choice([f"<super>{w}</super>", f"<sub>{w}</sub>", f"<super rise='-3'>{w}</super>"]))
        elif k < 0.8:
            out.append(f'<super size="5.5" rise="3.5">{w}</super>')
        else:
            out.append("<br/>")
    return r.choice([" ", "", "  ", "&nbsp;"]).join(out) + r.choice(["", "", "  "])


def _fuzz_style(r: random.Random, case: int, faces: list[str]) -> ParagraphStyle:
    size = r.choice([6.0, 9.25, 10.0, 14.4, 24.0])
    density = r.choice([1, 0.6])
    colours = [Color(0.1, 0.2, 0.3), CMYKColor(0.7, 0.1, 0.0, 0.2, density=density), PCMYKColor(10, 20, 30, 40)]
    colours += [Color(0.5, 0.5, 0.5, alpha=0.61237), CMYKColor(0.1, 0.2, 0.3, 0.4, alpha=0.3)]
    return ParagraphStyle(
        f"fuzz{case}",
        fontName=r.choice(faces),
        fontSize=size,
        leading=r.choice([size * 1.2, size, size * 0.8, 12.4]),
        textColor=r.choice(colours),
        alignment=r.choice([TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY, TA_JUSTIFY]),
        firstLineIndent=r.choice([0.0, 7.3, -5.0]),
        leftIndent=r.choice([0.0, 2.1, 4e-7]),
        rightIndent=r.choice([0.0, 3.3]),
        justifyLastLine=r.choice([0, 0, 1, 3]),
        splitLongWords=r.choice([0, 1]),
        allowWidows=r.choice([0, 1]),
        allowOrphans=r.choice([0, 1]),
        allowShrink=r.choice([0, 0, 1]),
        spaceShrinkage=0.1,
        wordWrap=r.choice([None, None, None, "LTR", "RTL"]),
        autoLeading=r.choice(["", "", "", "", "off", "max"]),
    )


def _placed_parts(markup: str, style: ParagraphStyle, width: float, how: str, room: float) -> list[Para]:
    """A paragraph as the flow leaves it to be drawn: whole, split in two (each part wrapped), or after a split
    that failed (its lines dropped)."""
    p = Para(markup, style)
    p.wrap(width, 1000)
    if how == "failed split":
        assert p.split(width, 1) == []
        return [p]
    if how == "whole":
        return [p]
    parts = p.split(width, room) or [p]
    for part in parts:
        part.wrap(width, 1000)
    return parts


def _read_or_error(markup: str, style: ParagraphStyle, width: float, how: str, room: float, base: str) -> object:
    try:
        return _drawn_as_placed(_placed_parts(markup, style, width, how, room), width, base)
    except Exception as e:  # (a paragraph ReportLab cannot draw: the same error both ways)
        return type(e)


def _as_typed(read: object) -> object:
    """Frames with each hyphen added where a line broke at a soft hyphen (a run of its own standing for U+00AD)
    joined to the words before it, as ReportLab's drawing sets it: the one way the two differ."""
    if not isinstance(read, list):
        return read
    if read and isinstance(read[0], list):
        return [_as_typed(part) for part in read]
    out: list[Frame] = []
    for item in read:
        if isinstance(item, Text) and any(r.actual == SOFT_HYPHEN for r in item.runs):
            runs: list[Run] = []
            for r in item.runs:
                if r.actual == SOFT_HYPHEN:
                    assert r.text == "-" and runs
                    runs[-1] = dataclasses.replace(runs[-1], text=runs[-1].text + "-", width=r.x + r.width - runs[-1].x)
                else:
                    runs.append(r)
            item = dataclasses.replace(item, runs=tuple(runs))
        out.append(item)
    return out


def _to_9(read: object) -> object:
    """Frames with the lines' boxes and runs' places and widths to 9 decimals (a hyphen added apart is a sum of
    two advances where it was one: 179.770002 against 179.77000199999998)."""
    if not isinstance(read, list):
        return read
    return [_to_9(i) if isinstance(i, list) else _line_to_9(i) if isinstance(i, Text) else i for i in read]


def _line_to_9(line: Text) -> Text:
    b = line.box
    return dataclasses.replace(
        line,
        box=Rect(round(b.x, 9), round(b.y, 9), round(b.w, 9), round(b.h, 9)),
        runs=tuple(dataclasses.replace(r, x=round(r.x, 9), width=round(r.width, 9)) for r in line.runs),
    )


def _hyphens(read: object) -> int:
    if not isinstance(read, list):
        return 0
    return sum(
        _hyphens(i) if isinstance(i, list) else sum(r.actual == SOFT_HYPHEN for r in getattr(i, "runs", ()))
        for i in read
    )


def test_fuzzed_paragraphs_read_as_reportlab_drawing_them(
    fonts: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """150 paragraphs of random markup, style, colour and width, whole, split across two frames, or drawn after
    a split that failed, some with lines starting at the fonts' ascent (RL_paraFontSizeHeightOffset=0): every
    frame as ReportLab's drawing gives it (or the same error), and most set as data (what falls back here is
    automatic leading and right-to-left word wrap)."""
    regular, bold, italic = fonts
    faces = [regular, bold, italic, fallback_face(regular)]
    r = random.Random(20261202)
    as_data = hyphens = 0
    for case in range(150):
        style = _fuzz_style(r, case, faces)
        markup, width = _fuzz_markup(r, faces), r.choice([20.0, 45.5, 90.0, 151.37, 400.0])
        how, room = r.choice(["whole", "split", "failed split"]), r.choice([10.0, 20.0, 30.0, 50.0])
        monkeypatch.setattr("reportlab.platypus.paragraph.paraFontSizeHeightOffset", r.choice([1, 1, 1, 0]))
        direct = _read_or_error(markup, style, width, how, room, regular)
        with monkeypatch.context() as m:
            m.setattr(setting, "paragraph_ops", lambda p, x, y: None)
            drawn = _read_or_error(markup, style, width, how, room, regular)
        if _hyphens(direct):
            hyphens += _hyphens(direct)
            direct, drawn = _to_9(_as_typed(direct)), _to_9(drawn)
        assert direct == drawn, (case, markup, style.__dict__, width, how)
        p = Para(markup, style)
        p.wrap(width, 1000)
        as_data += setting.paragraph_ops(p, 0, 0) is not None
    assert as_data >= 80  # (94 of these 150)
    assert hyphens >= 5  # (words broken at soft hyphens, their hyphens apart)


def test_what_only_reportlab_draws_is_left_to_it(fonts: tuple[str, str, str]) -> None:
    """An underline as thick as the canvas's line at the time (no width given), a background or a bullet: drawn by
    ReportLab (layout/setting.py gives None)."""
    regular = fonts[0]
    style = ParagraphStyle("body", fontName=regular, fontSize=9, leading=11)
    for markup, s in [
        ("An <u>underlined</u> word.", style),
        ("A tinted paragraph.", ParagraphStyle("t", style, backColor=Color(1, 1, 0))),
        ("A bulleted paragraph.", ParagraphStyle("b", style, bulletFontName=regular)),
    ]:
        p = Para(markup, s, bulletText="\u2022" if s.name == "b" else None)
        p.wrap(120, 1000)
        assert setting.paragraph_ops(p, 0, 0) is None, markup


def _links(para: Para, width: float, base: str) -> tuple[list[Frame], list[Link]]:
    """The frames and links read from a paragraph drawn at (31.7, 402.3) in a Recorder already moved (its own
    matrix, which the links' boxes must follow)."""
    para.wrap(width, 1000)
    rec = Recorder(trifold("a4", "office"), base)
    rec.saveState()
    rec.translate(3.25, -7.5)
    place(rec, para, 31.7, 402.3)
    rec.restoreState()
    out: list[Frame] = []
    reader = Reader(rec, Tags("main", "inside-left", "s", False, Rect(0, 0, 1, 1), 1), out, iter(range(10**6)))
    reader.read("\n".join(rec._code))
    return out, reader.links


@pytest.mark.parametrize("alignment", [TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY])
@pytest.mark.parametrize(
    "url",
    ["https://clearwaterskin.co.uk/book", "mailto:hello@example.org", "tel:+441174960321", "pdf:other.pdf", "#s1"],
)
def test_a_paragraph_that_is_one_link_reads_as_reportlab_drawing_it(
    fonts: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch, alignment: int, url: str
) -> None:
    """A contact line or web address that is a link as a whole (its lines and the link over each, where the
    Recorder notes it): read from data as from ReportLab's drawing, over two lines, indented."""
    regular = fonts[0]
    style = ParagraphStyle(
        "url", fontName=regular, fontSize=8.6, leading=10.9, alignment=alignment, leftIndent=4.2, firstLineIndent=2.5
    )
    markup = f"<a href='{url}'>Book a consultation online at any time of the day or night</a>"
    lines, links = _links_both_ways(markup, style, 101.3, regular, monkeypatch)
    assert len([i for i in lines if isinstance(i, Text)]) >= 2
    assert len(links) == (0 if url.startswith("#") else len([i for i in lines if isinstance(i, Text)]))


INLINE_LINKS = [
    "See <a href='https://example.org/a'>the study</a> for more, and <font name='{bold}'>ask us</font> at any time.",
    "Read <a href='https://example.org/long'>a long linked phrase that runs on across the end of its line</a> now.",
    "Two: <a href='mailto:a@example.org'>write</a> or <a href='tel:+441174960321'>call <font name='{bold}'>us</font>"
    "</a> today, or <a href='#s1'>read on</a> and <a href='document:x'>here</a>.",
    "<font name='{bold}'>Bold</font> <a href='https://example.org/b'><font name='{italic}'>slanted link</font> "
    "words<super>3</super></a> and more words after&nbsp;it, with <font size='11'>larger</font> text.",
    "First read <a href='https://example.org/c'>this page </a><font name='{bold}'>before</font> you come.",
]


@pytest.mark.parametrize("alignment", [TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY])
@pytest.mark.parametrize("markup", INLINE_LINKS, ids=["one", "across-lines", "several", "styled", "space-at-its-end"])
def test_a_link_inside_a_styled_paragraph_reads_as_reportlab_drawing_it(
    fonts: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch, alignment: int, markup: str
) -> None:
    """A source's address or a note's link inside other words (ReportLab's `_putFragLine` and `_do_post_text`): its
    lines and the link's area over each of its pieces, read from data as from ReportLab's drawing."""
    regular, bold, italic = fonts
    markup = markup.format(bold=bold, italic=italic)
    style = ParagraphStyle(
        "note", fontName=regular, fontSize=8.6, leading=10.9, alignment=alignment, leftIndent=4.2, firstLineIndent=2.5
    )
    _, links = _links_both_ways(markup, style, 121.3, regular, monkeypatch)
    assert len(links) >= 1 + ("across" in markup)  # (a link's area on each line it runs over)


UNDERLINED = [
    "See <a href='https://example.org/a' color='#1D5C63' underline='1' uwidth='0.06*F'>the study</a> for more: one.",
    "Read <a href='https://example.org/long' color='#1D5C63' underline='1' uwidth='0.06*F'>a long linked phrase "
    "that runs on across the end of its line</a> now, <font name='{bold}'>please</font>.",
    "<a href='https://example.org/b' color='#1D5C63' underline='1' uwidth='0.06*F'><font name='{italic}'>slanted "
    "link</font> words<super>3</super> <font size='11'>larger</font></a> and more&nbsp;words, "
    "<u color='#C0392B' width='0.8' offset='-2'>red</u> <strike width='0.5'>struck</strike> <u width='0.4' "
    "kind='double'>twice</u>.",
    "<a href='https://example.org/c' underline='1' uwidth='0.06*F'>a whole paragraph that is one link, underlined "
    "over its lines</a>",
    "<strike width='0.5'>a whole paragraph struck through over its lines, in one style and no link</strike>",
]


@pytest.mark.parametrize("alignment", [TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY])
@pytest.mark.parametrize("markup", UNDERLINED, ids=["one", "across-lines", "styled", "whole", "whole-struck"])
@COLOURS
def test_an_underlined_link_reads_as_reportlab_drawing_it(
    fonts: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch, alignment: int, markup: str, colour: Color
) -> None:
    """A link underlined in its colour (inline.UNDERLINE, the office editions), and lines under and through words
    as thick as the markup says: set as data (keeping the hyphens added at soft hyphens), its lines drawn where,
    as thick, as long and in the colour ReportLab's `_do_under_line` and `_do_post_text` draw them, line by line,
    in one style and in several, with a left and a first line's indent."""
    regular, bold, italic = fonts
    style = ParagraphStyle(
        "note",
        fontName=regular,
        fontSize=8.6,
        leading=10.9,
        alignment=alignment,
        leftIndent=4.2,
        firstLineIndent=2.5,
        textColor=colour,
    )
    frames, _ = _links_both_ways(markup.format(bold=bold, italic=italic), style, 121.3, regular, monkeypatch)
    lines = [i for i in frames if isinstance(i, Shape)]
    texts = [i for i in frames if isinstance(i, Text)]
    assert lines and len(texts) >= 1 + ("one" not in markup)
    assert all(s.stroke is not None and s.line_width > 0.3 for s in lines)


def _links_both_ways(
    markup: str, style: ParagraphStyle, width: float, base: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[Frame], list[Link]]:
    """The frames and links of a paragraph set as data (which it must be), the same as when ReportLab draws it."""
    direct = _links(Para(markup, style), width, base)
    with monkeypatch.context() as m:
        m.setattr(setting, "paragraph_ops", lambda p, x, y: None)
        drawn = _links(Para(markup, style), width, base)
    assert setting.paragraph_ops(_wrapped(Para(markup, style), width), 0, 0) is not None
    assert direct == drawn
    return direct


def _wrapped(p: Para, width: float) -> Para:
    p.wrap(width, 1000)
    return p


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("content", ["content.yaml", "translations/ar.yaml"])
def test_every_edition_prints_the_same_as_reportlab_drawing_its_paragraphs(
    layout: str, target: str, content: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every paragraph of every edition, left to right and right to left, set as data and drawn: the same frames
    and the same PDF."""
    src = sources(ROOT / content)
    options = api.Options(layout=layout, target=target)  # type: ignore[arg-type]
    direct = result_of(src, options)
    with monkeypatch.context() as m:
        m.setattr(setting, "paragraph_ops", lambda p, x, y: None)
        m.setattr(rtl, "ops", lambda *args: None)
        m.setattr(rtl, "remembered_ops", lambda *args: None)  # (what a paragraph asks: its operators as data)
        drawn = api.build(src, options)
    assert direct.layout == drawn.layout
    assert direct.pdf == drawn.pdf


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("content", ["content.yaml", "translations/ar.yaml"])
def test_every_line_and_shape_is_written_as_reportlab_writes_it(
    layout: str, content: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """render/pdf.py writes a line's and a shape's operators itself: the same bytes as through ReportLab's text
    object and canvas (the office edition tagged; the press one in CMYK, with overprinting; right to left with
    shaped glyphs too)."""
    src = sources(ROOT / content)
    for target in TARGETS:
        options = api.Options(layout=layout, target=target)  # type: ignore[arg-type]
        own = result_of(src, options)
        with monkeypatch.context() as m:
            m.setattr(pdf, "_plain_run", lambda run: False)
            m.setattr(pdf, "_plain_shape", lambda item: False)
            through = api.build(src, options)
        assert own.pdf is not None
        assert own.pdf == through.pdf


def test_see_through_and_cmyk_lines_are_written_as_reportlab_writes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opacity goes through the canvas's graphics state as ReportLab's setFillColor sends it: a line in a half
    see-through colour, then one opaque again, then CMYK and grey, written alike both ways."""
    regular = sources().fonts.regular
    inks = [Ink("rgb", (0.2, 0.4, 0.6), 0.5), Ink("rgb", (0.2, 0.4, 0.6)), Ink("cmyk", (0.1, 0.2, 0.3, 0.4), 0.25)]
    lines = []
    for n, ink in enumerate([*inks, Ink("gray", (0.3,))]):
        box = Rect(40, 500 - 14 * n, 120, 10)
        runs = (Run("Soft", regular, 9.5, ink, 40, 20, rise=1.5), Run(" scars", regular, 9.5, inks[n % 3], 60, 30))
        lines.append(dataclasses.replace(text_item(box), runs=runs, z=n))
    layout = frames_layout(*lines)
    meta = pdf.Meta("t", "a", "s", (), "en-GB", regular)
    own = pdf.render(layout, meta)
    with monkeypatch.context() as m:
        m.setattr(pdf, "_plain_run", lambda run: False)
        through = pdf.render(layout, meta)
    assert own == through
    assert b"/gRLs" in own  # (the opacity set, and set back)


def test_see_through_dashed_and_capped_shapes_are_written_as_the_canvas_writes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Fill and stroke opacity set through the canvas's graphics state and forgotten after the shape, dashes,
    caps and joins, grey, RGB and CMYK: written alike both ways."""
    square: tuple[Segment, ...] = (("m", (50, 50)), ("l", (90, 50)), ("l", (90, 90)), ("h", ()))
    inks = [Ink("rgb", (0.2, 0.4, 0.6), 0.5), Ink("cmyk", (0.1, 0.2, 0.3, 0.4), 0.25), Ink("gray", (0.3,)), None]
    shapes = [
        Shape(
            box=Rect(50, 50, 40, 40),
            region="r",
            panel="r",
            section="",
            role="artifact",
            z=n,
            path=square,
            fill=inks[n % 4],
            stroke=inks[(n + 1) % 4] or Ink("rgb", (1, 0, 0)),
            line_width=0.3 + n,
            cap=n % 3,
            join=(n + 1) % 3,
            dash=((3.0, 1.5), 0.5) if n % 2 else ((), 0.0),
            even_odd=bool(n % 2),
        )
        for n in range(8)
    ]
    layout = frames_layout(*shapes)
    meta = pdf.Meta("t", "a", "s", (), "en-GB", sources().fonts.regular)
    own = pdf.render(layout, meta)
    with monkeypatch.context() as m:
        m.setattr(pdf, "_plain_shape", lambda item: False)
        through = pdf.render(layout, meta)
    assert own == through
    assert own.count(b"/gRLs") >= 4  # (opacity set for fills and strokes, and set again after each shape)


RTL_MARKUP = (
    "يعالج <font name='{bold}'>الندبات</font> "
    "الضمورية في 3<super>3</super> جلسات "
    "(micro-needling, 1.5 mm) <font color='#C0392B'>بلطف</font> احجز "
    "<a href='https://example.org/book'>موعداً اليوم</a>"
    "، أو اتصل بنا على "
    "<a href='tel:+441174960321'>⁦+44 117 496 0321⁩</a> قبل أن تأتي."
)


@pytest.mark.parametrize("alignment", [TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY])
@pytest.mark.parametrize("direction", ["rtl", "ltr"])
@COLOURS
def test_a_right_to_left_paragraph_set_as_data_reads_as_drawing_it(
    fonts: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch, alignment: int, direction: str, colour: Color
) -> None:
    """A paragraph shaped and set by layout/rtl.py (Arabic words with Latin and numbers among them, a bold word, a
    raised number, another colour, a link to a web page and one to a telephone number) in a right-to-left
    leaflet and in a left-to-right one: its lines, the words each string of glyphs stands for, and the links'
    areas, read from data as from its drawing."""
    regular, bold = fonts[0], fonts[1]
    arabic, arabic_bold = fallback_face(regular), fallback_face(bold)
    style = ParagraphStyle(
        "body", fontName=arabic, fontSize=9.5, leading=12.5, textColor=colour, alignment=alignment, leftIndent=2.1
    )
    style.direction = direction
    markup = RTL_MARKUP.format(bold=arabic_bold)
    para = _wrapped(Para(markup, style), 131.3)
    assert para.shaped is not None and rtl.ops(
        para.rtl_lines(para.width), para.level, para.width, para.height, style, 0, 0
    )
    direct = _links(Para(markup, style), 131.3, regular)
    with monkeypatch.context() as m:
        m.setattr(rtl, "ops", lambda *args: None)
        m.setattr(rtl, "remembered_ops", lambda *args: None)  # (what a paragraph asks: its operators as data)
        drawn = _links(Para(markup, style), 131.3, regular)
    assert direct == drawn
    frames, links = direct
    assert len([f for f in frames if isinstance(f, Text)]) >= 4  # (lines)
    assert {link.url for link in links} == {"https://example.org/book", "tel:+441174960321"}
    assert any(r.actual for f in frames if isinstance(f, Text) for r in f.runs)  # (the words as written)


UNDER = "underline='1' uwidth='0.06*F'"  # (as inline.link_markup writes a link in the words, the office editions)


@pytest.mark.parametrize("direction", ["rtl", "ltr"])
@COLOURS
def test_a_right_to_left_paragraphs_underlined_links_are_drawn_and_read_alike(
    fonts: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch, direction: str, colour: Color
) -> None:
    """A right-to-left paragraph's underlined links (one in the text's colour, one in another: its own): a line
    under each link's words on each line they show on, from its first glyph's left to its last glyph's right, in
    the link's colour, 6 % of its size thick, an eighth of its size under the baseline; the same from data as
    drawn."""
    regular, bold = fonts[0], fonts[1]
    arabic = fallback_face(regular)
    style = ParagraphStyle("body", fontName=arabic, fontSize=9.5, leading=12.5, textColor=colour, leftIndent=2.1)
    style.direction = direction
    markup = RTL_MARKUP.format(bold=fallback_face(bold))
    markup = markup.replace("<a href='https://example.org/book'>", f"<a href='https://example.org/book' {UNDER}>")
    markup = markup.replace("<a href='tel:", f"<a color='#1D5C63' {UNDER} href='tel:")
    direct = _links(Para(markup, style), 131.3, regular)
    with monkeypatch.context() as m:
        m.setattr(rtl, "ops", lambda *args: None)
        m.setattr(rtl, "remembered_ops", lambda *args: None)
        drawn = _links(Para(markup, style), 131.3, regular)
    assert direct == drawn
    frames, links = direct
    lines = [f for f in frames if isinstance(f, Shape)]
    assert len(lines) == len(links) >= 2
    texts = [f for f in frames if isinstance(f, Text)]
    for link, line in zip(links, lines, strict=True):
        (start, _), (end, _) = line.path[0][1], line.path[1][1]
        assert (start, end) == (pytest.approx(link.box.x, abs=0.01), pytest.approx(link.box.right, abs=0.01))
        (text,) = [t for t in texts if link.box.y < t.baseline < link.box.top]
        assert line.path[0][1][1] == pytest.approx(text.baseline - 9.5 / 8, abs=0.01)
        assert line.line_width == pytest.approx(0.06 * 9.5, abs=0.001)
        inks = {r.ink for r in text.runs if link.box.x - 0.01 <= r.x and r.x + r.width <= link.box.right + 0.01}
        assert inks == {line.stroke}


def _shapes_read(rec: Recorder, draw: object) -> list[Frame]:
    """The frames read from what `draw` does on the Recorder, translated and scaled as a flowable's drawing is."""
    assert callable(draw)
    rec.saveState()
    rec.translate(31.7, 402.3)
    rec.scale(1.37, 0.91)
    draw()
    rec.restoreState()
    out: list[Frame] = []
    box = Rect(31.7, 402.3, 100, 100)
    Reader(rec, Tags("main", "inside-left", "s", False, box, 1), out, iter(range(10**6))).read("\n".join(rec._code))
    return out


@pytest.mark.parametrize(
    "shape",
    [
        ("rect", (0.0, 0.0, 18.37, 2.41), {"stroke": 0, "fill": 1}),
        ("rect", (3.3333333, -1.0, 7.1, 0.0), {"stroke": 1, "fill": 1}),
        ("circle", (3.0, 7.123456789, 1.9), {"stroke": 0, "fill": 1}),
        ("circle", (120.25, 40.5, 8.5), {"stroke": 1, "fill": 0}),
        ("ellipse", (1.0, 2.0, 31.4159, 9.87), {"stroke": 1, "fill": 1}),
        ("roundRect", (0.0, 0.0, 151.37, 47.123, 4), {"stroke": 0, "fill": 1}),
        ("roundRect", (10.0, 5.0, -20.0, 30.0, 2.5), {"stroke": 1, "fill": 0}),
    ],
    ids=["rule", "stroked-box", "dot", "ring", "ellipse", "card", "card-drawn-leftwards"],
)
def test_the_recorders_shapes_read_as_the_canvas_writing_them(
    shape: tuple[str, tuple[float, ...], dict[str, int]],
) -> None:
    """A rectangle, a circle, an ellipse or a rounded rectangle (a card's tint, a bullet's dot, a step's disc): given
    to the reader as data by the Recorder, the same shapes, to the last digit, as ReportLab's canvas writing them
    and the reader parsing them back."""
    name, args, kw = shape
    base = sources().fonts.regular
    data = Recorder(trifold("a4", "office"), base)
    written = Recorder(trifold("a4", "office"), base)
    as_data = _shapes_read(data, lambda: getattr(data, name)(*args, **kw))  # (a circle: the Recorder's, as drawn)
    if name == "circle":  # (the canvas's circle is its ellipse in the circle's box)
        x, y, r = args
        name, args = "ellipse", (x - r, y - r, x + r, y + r)
    as_text = _shapes_read(written, lambda: getattr(Canvas, name)(written, *args, **kw))
    assert not any("/W" in c for c in written._code)  # (the canvas's own way: written out)
    assert any("/W" in c for c in data._code)  # (the Recorder's: data)
    assert as_data == as_text and len(as_data) == 1
    assert isinstance(as_data[0], Shape) and len(as_data[0].path) > 1


@pytest.mark.parametrize("name", ["rect", "circle", "roundRect"])
def test_a_shape_at_coordinates_that_are_not_numbers_is_an_error(name: str) -> None:
    """A coordinate that is not a number (ReportLab writes it `nan`) is refused, as the reader of its text refused
    it, not set into the frames to print `nan` into the page."""
    rec = Recorder(trifold("a4", "office"), sources().fonts.regular)
    nan = float("nan")
    args = {"rect": (nan, 2.0, 3.0, 4.0), "circle": (1.0, nan, 2.0), "roundRect": (nan, 0.0, 9.0, 5.0, 2.0)}
    with pytest.raises(ValueError, match="not numbers"):
        getattr(rec, name)(*args[name], stroke=0, fill=1)


@pytest.mark.parametrize("markup", ["plain", "styled"])
def test_a_shrunk_line_with_no_break_spaces_prints_within_its_column(fonts: tuple[str, str, str], markup: str) -> None:
    """A line a little too long has its spaces narrowed (ReportLab's 5 % shrinkage); the narrowing was shared among
    its no-break spaces too (the sources' "5 Connolly", a phone number's groups), which a PDF prints at their width:
    the line printed past its column (by 0.05 pt on Maple & Main's back). Every line of every width fits now."""
    regular, bold, _ = fonts
    text = "Dermatol. 2020;13:997-1003. 5\u00a0Connolly D et al. J Clin Aesthet call 0117\u00a0496\u00a00321 today"
    style = ParagraphStyle("s", fontName=regular, fontSize=8, leading=10, splitLongWords=0)
    words = text if markup == "plain" else text.replace("Connolly", f"<font name='{bold}'>Connolly</font>")
    shrunk = 0
    for tenth in range(800, 2400, 7):
        width = tenth / 10
        items = [i for i in _read(Para(words, style), width, regular) if isinstance(i, Text)]
        shrunk += any(r.word_space < 0 for i in items for r in i.runs)
        assert all(i.box.right <= 31.7 + width + 0.01 for i in items), (width, [i.text for i in items])
    assert shrunk  # (the case is met: some widths shrink a line)


@pytest.mark.parametrize("kind", ["plain", "bold", "link"])
def test_a_latin_word_with_soft_hyphens_in_a_right_to_left_paragraph_breaks_there(
    fonts: tuple[str, str, str], kind: str
) -> None:
    """A right-to-left paragraph's lines broke at spaces only: a long Latin word with soft hyphens in an Arabic
    leaflet (a German treatment's name) ran over its column, and the hint to mark where it may break with soft
    hyphens did not help. It breaks at them now, plain, bold or linked: a '-' printed only at the end of a line that
    breaks there (the line's words read as written, the soft hyphen in them), none where the word is whole."""
    from brochure.inputs.inline import plain, to_markup

    regular = fonts[0]
    style = ParagraphStyle("ar", fontName=fallback_face(regular), fontSize=9, leading=12)
    word = "Mikro\u00adnadelungs\u00adbehandlungs\u00adtermin"
    shown = {"plain": word, "bold": f"**{word}**", "link": f"[{word}](https://example.org/nadel)"}[kind]
    written = f"يساعد العلاج {shown} على تجديد الكولاجين"
    markup = to_markup(written)
    for width in [*range(60, 200, 3), 400]:
        lines = [t for t in _read(Para(markup, style), float(width), regular) if isinstance(t, Text)]
        assert "".join(t.text for t in lines).replace("\xad", "") == plain(written).replace("\xad", "")
        assert all(t.overrun < 0.01 for t in lines), (width, [(t.text, t.overrun) for t in lines])
        for t in lines:
            hyphens = "".join(r.text for r in t.runs).count("-")
            assert hyphens == t.text.rstrip(" ").endswith("\xad"), (width, [t.text for t in lines])
        if width == 60:
            assert sum(t.text.endswith("\xad") for t in lines) == 3, [t.text for t in lines]
        if width == 400:
            assert len(lines) == 1 and "-" not in "".join(r.text for r in lines[0].runs)
