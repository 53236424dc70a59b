"""What a build remembers for the next (parsed markup, font subsets) never prints one build's colours, fonts or
characters in another: each build prints as a build in a fresh process would."""

from __future__ import annotations

import dataclasses
import math
import os
import random
import subprocess
import sys
import weakref

import pikepdf
import pytest
from conftest import Inputs, edit
from helpers import BRAND, CONTENT, ROOT, TESTED, fallback_face, reopen, sources, texts
from PIL import Image as PILImage
from reportlab.lib.rl_accel import fp_str

from brochure import api
from brochure.geometry.sheet import Rect
from brochure.layout import parsed
from brochure.layout.boxes import bounds
from brochure.layout.model import Ink, Segment
from brochure.remembered import by_identity
from brochure.render import pdf
from brochure.theme.cmyk import ICC
from brochure.vocabulary import LAYOUTS, TARGETS, LayoutName

TESTED_ENV = {**os.environ, "PYTHONPATH": TESTED}  # (a process a test starts imports the brochure under test)


def _with_primary(src: api.Sources, hex_colour: str) -> api.Sources:
    colors = dict(src.brand.colors)
    colors["primary"] = hex_colour
    return dataclasses.replace(src, brand=dataclasses.replace(src.brand, colors=tuple(colors.items())))


def _heading_inks(result: api.Result) -> set[Ink]:
    assert result.layout is not None
    return {r.ink for t in texts(result.layout, role="heading") for r in t.runs}


def test_a_heading_prints_in_each_builds_own_colour() -> None:
    """The same words in two brand colours, one build after the other: each build's headings in its own primary
    (a parse and a breaking are remembered whatever the style's colours, and handed out in the asking style's)."""
    src = sources()
    red, blue = _with_primary(src, "#8B1A1A"), _with_primary(src, "#1A3A8B")
    first = _heading_inks(api.build(red, api.Options()))
    second = _heading_inks(api.build(blue, api.Options()))
    again = _heading_inks(api.build(red, api.Options()))
    assert first == again and first.isdisjoint(second)
    assert all(i.space == "rgb" for i in first | second)


def test_the_press_edition_after_the_office_one_prints_cmyk_headings() -> None:
    """Pieces remembered from the office edition's RGB styles are handed to the press edition in its CMYK colours
    (an RGB and a CMYK colour of the same look are never taken for each other): press headings are CMYK."""
    src = sources()
    office = _heading_inks(api.build(src, api.Options(target="office")))
    press = _heading_inks(api.build(src, api.Options(target="press")))
    assert {i.space for i in office} == {"rgb"} and {i.space for i in press} == {"cmyk"}


def test_a_paragraph_gets_its_own_pieces() -> None:
    """Two paragraphs of the same text and style share no piece: what the layout sets on one (a fallback font, a
    line's words) never shows in the other."""
    from reportlab.lib.styles import ParagraphStyle

    from brochure.layout.para import Para

    style = ParagraphStyle("t", fontName=sources().fonts.regular, fontSize=9)
    a, b = Para("Some <b>bold</b> words", style), Para("Some <b>bold</b> words", style)
    assert parsed.key("Some <b>bold</b> words", style, None) is not None
    assert [f.text for f in a.frags] == [f.text for f in b.frags] == ["Some ", "bold", " words"]
    assert not {id(f) for f in a.frags} & {id(f) for f in b.frags}
    a.frags[0].text = "Changed "
    assert Para("Some <b>bold</b> words", style).frags[0].text == "Some "


def test_a_bullet_set_in_the_markup_is_kept_by_every_paragraph() -> None:
    """Markup that brings its own bullet (<bullet>) keeps it in every paragraph made of it, not the first only."""
    from reportlab.lib.styles import ParagraphStyle

    from brochure.layout.para import Para

    style = ParagraphStyle("b", fontName=sources().fonts.regular, fontSize=9)
    made = [Para("<bullet>\u2022</bullet>Some words", style) for _ in range(2)]
    assert [[f.text for f in p.bulletText] for p in made] == [["\u2022"], ["\u2022"]]


def test_each_build_prints_as_in_a_fresh_process() -> None:
    """The clinic's name changed between builds in one process (parses and font subsets remembered from the first):
    the second build's bytes equal the same build made in a new process, which remembers nothing."""
    src = sources()
    api.build(src, api.Options())
    api.build(src, api.Options(target="press"))
    renamed = dataclasses.replace(src, brand=dataclasses.replace(src.brand, name=src.brand.name + " Ærø Łódź"))
    here = api.build(renamed, api.Options())
    script = (
        "import dataclasses, sys; from pathlib import Path; from brochure import api\n"
        f"src, _ = api.load(Path({str(CONTENT)!r}), Path({str(BRAND)!r}))\n"
        "src = dataclasses.replace(src, brand=dataclasses.replace(src.brand, name=src.brand.name + ' Ærø Łódź'))\n"
        "sys.stdout.buffer.write(api.build(src, api.Options()).pdf)\n"
    )
    fresh = subprocess.run(
        [sys.executable, "-P", "-c", script], capture_output=True, check=True, cwd=ROOT, env=TESTED_ENV
    ).stdout
    assert here.ok and here.pdf == fresh


def test_the_press_edition_after_office_ones_in_other_colours_prints_as_in_a_fresh_process() -> None:
    """The same words built in one process in the office edition, in other brand colours, then in the press
    edition: the pieces remembered from the first builds are handed out in the press edition's CMYK colours, and
    its bytes equal the press edition built in a new process."""
    src = sources()
    api.build(src, api.Options())
    api.build(_with_primary(src, "#1A3A8B"), api.Options(layout="bifold"))
    api.build(_with_primary(src, "#1A3A8B"), api.Options())
    here = api.build(src, api.Options(target="press"))
    script = (
        "import sys; from pathlib import Path; from brochure import api\n"
        f"src, _ = api.load(Path({str(CONTENT)!r}), Path({str(BRAND)!r}))\n"
        "sys.stdout.buffer.write(api.build(src, api.Options(target='press')).pdf)\n"
    )
    fresh = subprocess.run(
        [sys.executable, "-P", "-c", script], capture_output=True, check=True, cwd=ROOT, env=TESTED_ENV
    ).stdout
    assert here.ok and here.pdf == fresh


def _printer_profile(condition: str, year: int) -> bytes:
    """A shipped condition's profile (fogra39, gracol) as a printer's own: the same tables, its header dated `year`
    (bytes no other test's profile has, so nothing is remembered of them before the test)."""
    data = (ICC / f"brochure-{condition}-300.icc").read_bytes()
    return data[:24] + year.to_bytes(2, "big") + data[26:]


def _kit_with_pictures(inputs: Inputs, icc: bytes) -> None:
    """The kit names its own printer.icc (`icc`); the words show an RGB photo and a CMYK one made for that printer
    (its profile embedded: printed as separated while it is the press's, converted once it is not)."""
    (inputs.kit / "printer.icc").write_bytes(icc)
    edit(inputs.brand, "  cmyk:\n", "  profile: printer.icc\n  cmyk:\n")
    PILImage.new("RGB", (1000, 750), (30, 140, 120)).save(inputs.content.parent / "rgb.jpg", quality=95)
    cmyk = PILImage.new("CMYK", (1000, 750), (200, 40, 10, 30))
    cmyk.save(inputs.content.parent / "cmyk.jpg", quality=95, icc_profile=icc)
    edit(
        inputs.content,
        '      - text: "Fine needles',
        "      - image: {src: rgb.jpg, alt: A teal square}\n      - image: {src: cmyk.jpg, alt: A blue square}\n"
        '      - text: "Fine needles',
    )


def _press_of(inputs: Inputs) -> api.Result:
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    return api.build(src, api.Options(target="press"))


def _fresh_press(inputs: Inputs) -> bytes:
    """The press edition of the files as they are now, built in a new process (which remembers nothing)."""
    script = (
        "import sys; from pathlib import Path; from brochure import api\n"
        f"src, _ = api.load(Path({str(inputs.content)!r}), Path({str(inputs.brand)!r}))\n"
        "sys.stdout.buffer.write(api.build(src, api.Options(target='press')).pdf)\n"
    )
    return subprocess.run(
        [sys.executable, "-P", "-c", script], capture_output=True, check=True, cwd=ROOT, env=TESTED_ENV
    ).stdout


def _intent_profile(data: bytes) -> bytes:
    with reopen(data) as doc:
        (intent,) = doc.Root.OutputIntents
        return bytes(intent.DestOutputProfile.read_bytes())


def _fills(data: bytes) -> set[tuple[float, ...]]:
    """The CMYK fill colours the pages' content streams set (`k`)."""
    with reopen(data) as doc:
        return {
            tuple(float(v) for v in operands)
            for page in doc.pages
            for operands, op in pikepdf.parse_content_stream(page)
            if str(op) == "k"
        }


def test_a_printers_profile_replaced_at_its_path_prints_as_in_a_fresh_process(inputs: Inputs) -> None:
    """A kit names its printer's own profile; a preview process builds the press edition, then the clinic saves
    another printer's profile over printer.icc and the kit is loaded again: the next press edition converts its
    colours and both pictures through the new profile (not the old one's transforms, remembered by the path) and
    declares the new one as its output intent; its bytes equal the same build in a new process."""
    old, new = _printer_profile("fogra39", 2031), _printer_profile("gracol", 2031)
    _kit_with_pictures(inputs, old)
    first = _press_of(inputs)
    assert first.ok and first.pdf is not None, [d.format() for d in first.diagnostics]
    assert _intent_profile(first.pdf) == old
    (inputs.kit / "printer.icc").write_bytes(new)
    here = _press_of(inputs)
    assert here.ok and here.pdf is not None, [d.format() for d in here.diagnostics]
    assert _intent_profile(here.pdf) == new
    assert _fills(here.pdf) != _fills(first.pdf)  # (the kit's colours through another condition)
    assert here.pdf == _fresh_press(inputs)


def test_a_kit_loaded_before_its_profile_was_replaced_prints_through_the_profile_it_was_loaded_with(
    inputs: Inputs,
) -> None:
    """A build is a function of what was loaded: a kit loaded, then its printer.icc replaced before the build, prints
    (colours, pictures, output intent) through the profile read at load, as a new process does with that file."""
    old, new = _printer_profile("fogra39", 2032), _printer_profile("gracol", 2032)
    _kit_with_pictures(inputs, old)
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    (inputs.kit / "printer.icc").write_bytes(new)
    here = api.build(src, api.Options(target="press"))
    assert here.ok and here.pdf is not None and _intent_profile(here.pdf) == old
    (inputs.kit / "printer.icc").write_bytes(old)
    assert here.pdf == _fresh_press(inputs)


def test_arabic_words_remembered_print_in_each_builds_own_colours_and_widths_as_in_a_fresh_process() -> None:
    """Right-to-left words are shaped, and a paragraph's operators written, once for the next attempt and build
    (layout/rtl.py): the Arabic leaflet built in one process in another brand colour, then as a bi-fold (other
    widths), then in a third colour: its bytes equal the same build made in a new process, which remembers nothing."""
    ar = sources(content=ROOT / "translations" / "ar.yaml")
    api.build(_with_primary(ar, "#8B1A1A"), api.Options())
    api.build(_with_primary(ar, "#1A3A8B"), api.Options(layout="bifold"))
    here = api.build(_with_primary(ar, "#1A3A8B"), api.Options())
    script = (
        "import dataclasses, sys; from pathlib import Path; from brochure import api\n"
        f"src, _ = api.load(Path({str(ROOT / 'translations' / 'ar.yaml')!r}), Path({str(BRAND)!r}))\n"
        "colors = dict(src.brand.colors); colors['primary'] = '#1A3A8B'\n"
        "src = dataclasses.replace(src, brand=dataclasses.replace(src.brand, colors=tuple(colors.items())))\n"
        "sys.stdout.buffer.write(api.build(src, api.Options()).pdf)\n"
    )
    fresh = subprocess.run(
        [sys.executable, "-P", "-c", script], capture_output=True, check=True, cwd=ROOT, env=TESTED_ENV
    ).stdout
    assert here.ok and here.pdf == fresh


def test_the_parts_of_a_split_right_to_left_paragraph_each_print_their_own_words() -> None:
    """An Arabic paragraph of four lines split two and two (both parts as tall, at the same width): each part
    prints its own lines, as set anew, not the other's or the whole's remembered operators."""
    from reportlab.lib.styles import ParagraphStyle

    from brochure.layout import rtl
    from brochure.layout.para import Para

    arabic = fallback_face(sources().fonts.regular)
    style = ParagraphStyle("ar", fontName=arabic, fontSize=9, leading=12)
    first = "يساعد العلاج بالإبر الدقيقة على تجديد الكولاجين في جلسات مع جهاز حديث ومعقم"
    then = "قد تظهر بقع صغيرة من الدم ويكون الجلد أحمر لبضعة أيام بعد كل جلسة علاج"
    whole = Para(f"{first} {then}", style)
    width = 150.0
    whole.wrap(width, 1000)
    assert len(whole.rtl_lines(width)) == 4
    whole.ops(0, 0)  # (remembered)
    parts = whole.split(width, 2 * 12)
    assert len(parts) == 2
    printed = []
    for part in parts:
        part.wrap(width, 1000)
        drawn = part.ops(0, 0)
        assert drawn == rtl.ops(part.rtl_lines(width), part.level, part.width, part.height, part.style, 0, 0)
        printed.append([n[0] for op, n in drawn or [] if op == "at" and n[0]])
    assert printed[0] and printed[1] and printed[0] != printed[1]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_built_again_prints_the_same(layout: LayoutName) -> None:
    """An edition built a second time in the same process (its parses and subsets remembered from the first, its
    paragraphs split as the first split theirs) gives the first build's bytes, in both targets."""
    src = sources()
    for target in TARGETS:
        first = api.build(src, api.Options(layout=layout, target=target))
        again = api.build(src, api.Options(layout=layout, target=target))
        assert first.ok and first.pdf == again.pdf, (layout, target)


def test_remembered_lines_and_words_are_handed_out_as_copies() -> None:
    """Two paragraphs of the same words broken at the same width hold no line, piece or word list in common (a split
    changes a line's last piece and a word's kind in place; builds in threads split at the same time): a guard on
    layout/parsed.py. And what the second one holds is what breaking its lines afresh gives."""
    from reportlab.lib.styles import ParagraphStyle

    from brochure.layout.para import Para

    style = ParagraphStyle("t", fontName=sources().fonts.regular, fontSize=9, leading=11)
    text = "Some <b>bold</b> words, a <i>few</i> more and a hyphen\u00adated one, " * 6
    first, second = Para(text, style), Para(text, style)
    first.wrap(120, 1000)
    second.wrap(120, 1000)
    a, b = first.blPara.lines, second.blPara.lines
    assert len(a) > 2
    assert not {id(line) for line in a} & {id(line) for line in b}
    assert not {id(w) for line in a for w in line.words} & {id(w) for line in b for w in line.words}
    assert not {id(w) for w in first.frags} & {id(w) for w in second.frags}
    first.split(120, 25)  # (changes the pieces and words it keeps)
    fresh = Para(text, ParagraphStyle("u", parent=style))  # (another style's name: parsed and broken afresh)
    fresh.wrap(120, 1000)
    assert [[w.text for w in line.words] for line in b] == [[w.text for w in line.words] for line in fresh.blPara.lines]
    assert [[t for _, t in w[1:]] for w in second.frags] == [[t for _, t in w[1:]] for w in fresh.frags]


def test_a_split_paragraphs_part_broken_again_changes_no_other_paragraphs_words() -> None:
    """Plain words with soft hyphens (one piece: ReportLab's lines of strings): breaking a split paragraph's second
    part again at a narrower width marks its words (`_fsww`, read back at once in the same breaking); another
    paragraph of the same words, in another build or thread, holds words of its own, which stay as they were (shared,
    a breaking in one thread read what another had just set, and broke lines differently)."""
    from reportlab.lib.styles import ParagraphStyle

    from brochure.layout.para import Para

    style = ParagraphStyle("shy", fontName=sources().fonts.regular, fontSize=9, leading=11)
    text = "some words here and hyper\u00adpig\u00admen\u00adtation more words then " * 3
    Para(text, style).wrap(200, 1000)  # (the first breaking, remembered)
    first, second = Para(text, style), Para(text, style)
    first.wrap(200, 1000)
    second.wrap(200, 1000)
    assert first.blPara.kind == 0

    def marks(p: Para) -> list[dict[str, object]]:
        return [dict(getattr(w, "__dict__", {})) for line in p.blPara.lines for w in line[1]]

    before = marks(second)
    assert any("__sp__" in m for m in before)
    _, tail = first.split(200, 23)
    tail.wrap(60, 1000)
    assert marks(second) == before


def _fresh(node: object, m: tuple[float, ...]) -> list[object]:
    """The parts a shape paints, worked out now (not from what drawings.py remembers)."""
    from brochure.layout import drawings

    return drawings._made_geometry(node, m, True, True)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "m",
    [(1.0, 0.0, 0.0, 1.0, 0.0, 0.0), (-1.0, 0.0, -0.0, 1.0, -0.0, -0.0), (0.5, 0.0, 0.0, 0.5, 12.25, 30.5)],
    ids=["in place", "mirrored with signed zeros", "scaled and moved"],
)
def test_a_drawings_shapes_remembered_where_placed_print_as_worked_out_anew(m: tuple[float, ...]) -> None:
    """Art is drawn at the same places build after build, so a shape's path there is remembered
    (layout/drawings.py). 0.0 and -0.0 compare equal but the frames hold them apart: each is its own."""
    from reportlab.graphics.shapes import Circle, Ellipse, Path, Polygon, Rect

    from brochure.layout import drawings

    shapes = [
        Polygon([0.0, 0.0, 3.0, 0.5, 1.5, 2.0]),
        Polygon([-0.0, -0.0, 3.0, 0.5, 1.5, 2.0]),
        Circle(0.0, -0.0, 2.5, fillColor=None),
        Rect(0.0, 1.0, 4.0, 3.0, rx=1.0, ry=1.0),
        Ellipse(3.0, 4.0, 2.0, 1.0),
        Path(points=[0.0, 0.0, 5.0, 0.0, 5.0, 5.0], operators=[0, 1, 1], autoclose="svg"),
    ]
    for node in shapes:
        first = drawings._geometry(node, m, True, True)  # type: ignore[arg-type]
        again = drawings._geometry(node, m, True, True)  # type: ignore[arg-type]
        assert repr(first) == repr(again) == repr(_fresh(node, m))
    if m[4] == 0.0 and math.copysign(1.0, m[4]) < 0:  # (mirrored, the two triangles' first corners print apart)
        assert repr(_fresh(shapes[0], m)) != repr(_fresh(shapes[1], m))


def test_fixed_geometry_placed_at_signed_zeros_prints_as_worked_out_anew() -> None:
    """Fixed art (the cover's dots, the QR code's modules) is placed once per matrix (art/fixed.py): a matrix with
    -0.0 where another has 0.0 compares equal to it, but what it places can hold -0.0 where the other holds 0.0 (the
    frames, which the checks and tests read, keep them apart; the PDF writes both "0")."""
    from brochure.art.fixed import Pen, made, mapped, placed

    def square() -> tuple[object, ...]:
        pen = Pen()
        pen.moveTo(0.0, 0.0)
        pen.lineTo(2.0, 0.0)
        pen.closePath()
        return tuple(pen.segments)

    geometry = made(square)
    for m in [(-1.0, 0.0, -0.0, 1.0, 0.0, 0.0), (-1.0, 0.0, -0.0, 1.0, -0.0, -0.0), (1.0, 0.0, 0.0, 1.0, 3, 4)]:
        fresh = tuple(mapped(m, op, v) for op, v in geometry.segments)  # type: ignore[arg-type]
        assert repr(placed(geometry, m)) == repr(fresh)  # type: ignore[arg-type]


def test_fixed_geometry_kept_packed_gives_back_the_coordinates_its_art_made() -> None:
    """A fixed geometry is kept packed for the process's life (art/fixed.py: about 15 MB less of a batch worker's
    peak memory); what it gives back and places is what its art function made, to the last bit: coordinates no
    shorter type holds, signs of zero, very large and very small values, each segment's operator and count."""
    from brochure.art.fixed import Pen, made, mapped, placed

    def strokes() -> tuple[object, ...]:
        pen = Pen()
        pen.moveTo(0.1, -0.0)
        pen.curveTo(1 / 3, 2 / 3, 1e300, -1e-300, 123456.789, 123456.789 + 1e-7)
        pen.lineTo(-0.0, 0.0)
        pen.closePath()
        pen.moveTo(5.5, 6.25)
        pen.lineTo(7.0, -8.125)
        return tuple(pen.segments)

    geometry = made(strokes)
    assert repr(geometry.segments) == repr(strokes())
    for m in [(0.5, 0.0, -0.0, 2.0, 10.1, -3.3), (1.0, 0.0, -0.0, 1.0, -0.0, -0.0)]:  # (the second keeps -0.0 as -0.0)
        fresh = tuple(mapped(m, op, v) for op, v in strokes())  # type: ignore[arg-type]
        assert repr(placed(geometry, m)) == repr(fresh)  # type: ignore[arg-type]


def test_fixed_art_whose_points_lie_on_one_line_fills_nothing_wherever_it_is_placed() -> None:
    """A filled shape with no area paints nothing (a PDF viewer drew a hairline); for fixed art that is worked out
    once where it was made (layout/drawings.py: a matrix that keeps areas keeps a line a line), and a matrix that
    flattens a shape flattens its fill too."""
    from brochure.art.fixed import Fixed, Pen, made
    from brochure.layout import drawings

    def line() -> tuple[object, ...]:
        pen = Pen()
        pen.moveTo(0.0, 0.0)
        pen.curveTo(1.0, 1.0, 2.0, 2.0, 3.0, 3.0)
        pen.lineTo(-4.0, -4.0)
        return tuple(pen.segments)

    def wedge() -> tuple[object, ...]:
        pen = Pen()
        pen.moveTo(0.0, 0.0)
        pen.lineTo(3.0, 3.0)
        pen.lineTo(3.0, 3.1)
        return tuple(pen.segments)

    moved = (2.0, 0.5, -1.0, 3.0, 40.0, 50.0)
    for m in [(1.0, 0.0, 0.0, 1.0, 0.0, 0.0), moved]:
        fills = [drawings._geometry(Fixed(made(f)), m, True, True)[0][1] for f in (line, wedge)]  # type: ignore[arg-type]
        assert fills == [False, True]
    flattened = drawings._geometry(Fixed(made(wedge)), (1.0, 1.0, 1.0, 1.0, 0.0, 0.0), True, True)  # type: ignore[arg-type]
    assert flattened[0][1] is False


def test_a_style_made_where_a_freed_one_was_sets_its_own_size() -> None:
    """A layout makes styles and lets them go (a style for each body size it tries); a style Python happens to
    make at the address of one let go is read as itself: its paragraph is set in its own size, not in the size
    of the style that was there before."""
    from reportlab.lib.styles import ParagraphStyle

    from brochure.layout.para import Para

    regular = sources().fonts.regular
    seen: set[int] = set()
    reused, wrong = 0, []
    for i in range(600):
        size = 8.0 + (i % 40) * 0.25
        style = ParagraphStyle("t", fontName=regular, fontSize=size, leading=size * 1.2)
        p = Para("Some words to set in this size", style)
        p.wrap(300, 1000)
        reused += id(style) in seen
        seen.add(id(style))
        if p.blPara.fontSize != size:
            wrong.append((size, p.blPara.fontSize))
        del style, p
        if reused >= 10:
            break
    assert reused >= 1  # (the case this is about happened)
    assert wrong == []


def test_a_paragraph_split_a_second_time_splits_as_the_first() -> None:
    """A paragraph whose first breaking is remembered (the same words, style and width in a later build or try)
    splits between two panels into the same lines as the first did: the words ReportLab made of its pieces when
    it broke them come back with the lines (without them the part after the split breaks differently)."""
    from reportlab.lib.styles import ParagraphStyle

    from brochure.layout.para import Para

    style = ParagraphStyle("t", fontName=sources().fonts.regular, fontSize=9, leading=11)
    text = "Some <b>bold</b> words, a <i>few</i> more and a hyphen\u00adated one, " * 6

    def parts() -> list[tuple[float, list[str]]]:
        p = Para(text, style)
        p.wrap(120, 1000)
        out = []
        for part in p.split(120, 40):
            _, height = part.wrap(120, 1000)
            lines = [" ".join(str(getattr(w, "text", "")) for w in line.words) for line in part.blPara.lines]
            out.append((height, lines))
        return out

    first, again = parts(), parts()
    assert len(first) == 2 and again == first


def test_paths_made_and_freed_one_after_another_are_each_measured_and_written_as_they_are() -> None:
    """A path's extent and its operators are remembered per object (brochure/remembered.py): thousands of paths,
    each freed before the next is made (so the next often gets the same address), are each measured and written
    as worked out anew, and an equal path that is another object gets the same answer."""
    rng = random.Random(20261202)
    for i in range(3000):
        n = rng.randint(1, 6)
        path: tuple[Segment, ...] = (
            ("m", (rng.uniform(-50, 50), rng.uniform(-50, 50))),
            *(("l", (rng.uniform(-50, 50), rng.uniform(-50, 50))) for _ in range(n)),
            ("h", ()),
        )
        xs = [v for _, pts in path for v in pts[0::2]]
        ys = [v for _, pts in path for v in pts[1::2]]
        assert bounds(path, 1.0) == Rect(min(xs) - 0.5, min(ys) - 0.5, max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
        assert pdf._path_code(path) == " ".join("h" if op == "h" else f"{fp_str(*v)} {op}" for op, v in path)
        if i % 500 == 0:
            again = tuple(tuple(s) for s in path)  # equal, another object
            assert again is not path and bounds(again, 1.0) == bounds(path, 1.0)
        del path


def test_answers_are_kept_for_the_last_objects_only() -> None:
    """`by_identity(size)` keeps the last `size` objects it answered for and lets the others go (memory stays
    bounded however many paths a long-lived process measures)."""

    class Value:
        pass

    @by_identity(8)
    def answer(v: Value) -> int:
        return id(v) % 7

    alive = []
    for _ in range(100):
        v = Value()
        answer(v)
        alive.append(weakref.ref(v))
        del v
    kept = [r for r in alive if r() is not None]
    assert len(kept) == 8 and kept == alive[-8:]
