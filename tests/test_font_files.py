"""A kit's own font files: what their tables say is honoured. A character the cmap sends to glyph 0 (.notdef) is
a character the font lacks; a font whose licence flags (OS/2 fsType) forbid embedding a subset is refused at its
line in brand.yaml."""

from __future__ import annotations

import io
import re
import struct
from pathlib import Path

import pikepdf
import pytest
import reportlab
from conftest import Inputs, edit, position
from helpers import CONTENT, check, texts
from test_mutants_glyphs import VIETNAM, font_file

from brochure import api
from brochure.inputs.blocks import Steps
from brochure.inputs.brand import load_brand
from brochure.theme.fonts import cmap, load_fonts


def _tables(data: bytes) -> dict[str, tuple[int, int]]:
    """The font's tables: tag -> (offset, length)."""
    (count,) = struct.unpack(">H", data[4:6])
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        out[tag.decode("latin-1")] = (offset, length)
    return out


def with_a_gap(data: bytes, code: int) -> bytes:
    """The font with `code` sent to glyph 0 in each of its format-4 cmaps (a gap inside a range, as some font tools
    leave): the entry of its segment's glyph array set to 0."""
    out = bytearray(data)
    cmap = _tables(data)["cmap"][0]
    (subtables,) = struct.unpack(">H", data[cmap + 2 : cmap + 4])
    patched = 0
    for i in range(subtables):
        (offset,) = struct.unpack(">I", data[cmap + 8 + 8 * i : cmap + 12 + 8 * i])
        table = cmap + offset
        if struct.unpack(">H", data[table : table + 2])[0] != 4:
            continue
        segments = struct.unpack(">H", data[table + 6 : table + 8])[0] // 2
        ends = table + 14
        starts, ranges = ends + 2 * segments + 2, ends + 6 * segments + 2
        for k in range(segments):
            end, start = (struct.unpack(">H", data[a + 2 * k : a + 2 * k + 2])[0] for a in (ends, starts))
            if start <= code <= end:
                at = ranges + 2 * k
                (range_offset,) = struct.unpack(">H", data[at : at + 2])
                assert range_offset, "the test needs a segment with a glyph array"
                out[at + range_offset + 2 * (code - start) : at + range_offset + 2 * (code - start) + 2] = b"\0\0"
                patched += 1
    assert patched
    return bytes(out)


def with_licence(data: bytes, flags: int) -> bytes:
    """The font with its OS/2 fsType (the licence's embedding flags) set to `flags`."""
    out = bytearray(data)
    os2 = _tables(data)["OS/2"][0]
    out[os2 + 8 : os2 + 10] = struct.pack(">H", flags)
    return bytes(out)


REGULAR = font_file(VIETNAM, "BeVietnamPro-Regular.ttf")


def test_a_character_the_cmap_sends_to_glyph_0_is_a_character_the_font_lacks(inputs: Inputs) -> None:
    """It printed as nothing ('a hay glow' for 'a hazy glow'), with exit 0: it is the glyph check's error."""
    (inputs.kit / "Gap.ttf").write_bytes(with_a_gap(REGULAR.read_bytes(), ord("z")))
    edit(inputs.brand, "body: {family: Be Vietnam Pro}", "body: {regular: Gap.ttf, bold: Gap.ttf}")
    text = edit(inputs.content, '"Redness for 1 to 3 days"', '"Redness for 1 to 3 days, then a hazy glow"')
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options())
    assert result.pdf is None
    (error,) = [d.format() for d in result.diagnostics if d.is_error]
    line, col = position(text, '"Redness for 1 to 3 days, then a hazy glow"')
    assert error.startswith(f"{inputs.content}:{line}:{col}: error: ") and "no glyph for 'z' (U+007A" in error


@pytest.mark.parametrize(
    ("flags", "says"),
    [
        (0x0002, "its licence forbids embedding it in a document (OS/2 fsType: restricted)"),
        (0x0200, "its licence allows embedding its bitmaps only"),
        (0x0108, "its licence forbids embedding a subset of it"),
    ],
    ids=["restricted", "bitmaps-only", "no-subsetting"],
)
def test_a_font_whose_licence_forbids_embedding_a_subset_is_refused_at_its_line(
    inputs: Inputs, flags: int, says: str
) -> None:
    """ReportLab embeds such a font without a word (its own check does not see a font read from memory), and a
    print shop's preflight flags the file: the kit's line that names the font says why."""
    (inputs.kit / "Kept.ttf").write_bytes(with_licence(REGULAR.read_bytes(), flags))
    text = edit(inputs.brand, "body: {family: Be Vietnam Pro}", "body: {regular: Kept.ttf}")
    brand, diags = load_brand(inputs.brand)
    assert brand is not None, [d.format() for d in diags]
    fonts, diags = load_fonts(brand)
    assert fonts is None
    (error,) = [d for d in diags if d.is_error]
    line, col = position(text, "Kept.ttf")
    assert (error.location.line, error.location.column) == (line, col)
    assert says in error.message


@pytest.mark.parametrize("flags", [0x0000, 0x0004, 0x0008, 0x000C])
def test_a_font_that_may_be_embedded_loads(inputs: Inputs, flags: int) -> None:
    """Installable (0), print-and-preview (4) and editable (8) embedding all allow a leaflet's subset."""
    (inputs.kit / "Kept.ttf").write_bytes(with_licence(REGULAR.read_bytes(), flags))
    edit(inputs.brand, "body: {family: Be Vietnam Pro}", "body: {regular: Kept.ttf}")
    brand, diags = load_brand(inputs.brand)
    assert brand is not None
    fonts, diags = load_fonts(brand)
    assert fonts is not None, [d.format() for d in diags]


def test_two_files_of_one_postscript_name_each_print_their_own(inputs: Inputs, tmp_path: Path) -> None:
    """ReportLab keeps one font per PostScript name: a kit's version of a font met after another file of that name
    (another kit's version, the font as installed) was set with the first file's glyphs and widths. Here the
    file whose 'z' is a gap is read after the whole font and before it again: each build sees its own file."""
    whole, gap = tmp_path / "whole", tmp_path / "gap"
    for kit, data in ((whole, REGULAR.read_bytes()), (gap, with_a_gap(REGULAR.read_bytes(), ord("z")))):
        kit.mkdir()
        (kit / "Face.ttf").write_bytes(data)
    edit(inputs.brand, "body: {family: Be Vietnam Pro}", "body: {regular: Face.ttf, bold: Face.ttf}")
    edit(inputs.content, '"Redness for 1 to 3 days"', '"Redness for 1 to 3 days, then a hazy glow"')
    outcomes = []
    for kit in (whole, gap, whole):
        for name in ("brand.yaml", "logo.svg"):
            (kit / name).write_bytes((inputs.kit / name).read_bytes())
        src, diags = api.load(inputs.content, kit / "brand.yaml")
        assert src is not None, [d.format() for d in diags]
        result = api.build(src, api.Options())
        outcomes.append(result.pdf is not None or [d.message for d in result.diagnostics if d.is_error])
    assert outcomes[0] is True and outcomes[2] is True
    assert isinstance(outcomes[1], list) and "no glyph for 'z' (U+007A" in outcomes[1][0]


def test_two_files_of_one_postscript_name_print_in_one_leaflet(inputs: Inputs) -> None:
    """A kit's own copy of a font (here: its bytes and four more) for the body, and the installed family for the
    headings: both are embedded, each its own subset, named by the font's own name (it stopped with 'redefining
    named object' when each file was registered as its own)."""
    (inputs.kit / "Copy.ttf").write_bytes(REGULAR.read_bytes() + b"\0\0\0\0")
    edit(inputs.brand, "body: {family: Be Vietnam Pro}", "body: {regular: Copy.ttf}")
    edit(
        inputs.brand, "heading: {family: Be Vietnam Pro, weight: 600}", "heading: {family: Be Vietnam Pro, weight: 400}"
    )
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options())
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        fonts = {
            font.objgen: str(font.BaseFont)
            for page in pdf.pages
            for font in page.Resources.Font.values()
            if "BeVietnamPro-Regular" in str(font.BaseFont)
        }
        maps = [font.ToUnicode.read_bytes() for page in pdf.pages for font in page.Resources.Font.values()]
    names = set(fonts.values())  # (the two subsets' programs are alike here: one tag)
    assert len(fonts) == 2 and all(re.fullmatch(r"/[A-Z]{6}\+BeVietnamPro-Regular", n) for n in names), fonts
    assert not [m for m in maps if b"~" in m]  # (nor the mark of its file in the maps' names)


def test_a_heading_weight_the_family_lacks_is_a_warning_naming_the_weights_it_has(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Alegreya Sans has no 600: its headings printed at another weight (700, as CSS chooses), found only in print.
    A warning now, at the
    weight (it was said at the family), naming the weight used and those the family has."""
    text = edit(
        inputs.brand,
        "heading: {family: Be Vietnam Pro, weight: 600}",
        "heading: {family: Alegreya Sans, weight: 600}",
    )
    status, _, warnings = check(inputs, capsys)
    line, col = position(text, "600}")
    (said,) = [w for w in warnings if "no weight" in w]
    assert status == 0 and f"brand.yaml:{line}:{col}: warning: font family 'Alegreya Sans' has no weight 600" in said
    assert (
        "its headings print at 700, the heavier nearest it has (as CSS chooses)" in said
        and "(100, 300, 400, 500, 700, 800, 900)" in said
    )


HB_TEST = Path(reportlab.__file__).parent / "fonts" / "hb-test.ttf"  # nine Khmer letters: no digit, no Latin


def _steps_kit(inputs: Inputs, fallbacks: str) -> api.Sources | list[str]:
    """The shipped words (four numbered steps) with the test's kit, its body font a file without digits."""
    (inputs.kit / "Few.ttf").write_bytes(HB_TEST.read_bytes())
    body = "body: {regular: Few.ttf, bold: Few.ttf, italic: Few.ttf}"
    edit(inputs.brand, "body: {family: Be Vietnam Pro}", body + (f"\n  fallbacks: [{fallbacks}]" if fallbacks else ""))
    src, diags = api.load(CONTENT, inputs.brand)
    return src if src is not None else [d.format() for d in diags]


def test_a_step_number_the_bold_lacks_prints_in_the_bolds_fallback(inputs: Inputs) -> None:
    """A kit whose body font has no digits: the numbered steps' discs printed empty (their number set in the
    bold alone), exit 0, while the same digits in the words printed through the fallback. A disc's number is set
    in the first of the bold's fallbacks that has it, as a word is."""
    src = _steps_kit(inputs, "IBM Plex Sans Arabic")
    assert isinstance(src, api.Sources), src
    result = api.build(src, api.Options())
    assert result.pdf is not None and result.layout is not None, [d.format() for d in result.diagnostics]
    discs = [t for t in texts(result.layout, section="your-treatment") if t.text in {"1", "2", "3", "4"}]
    assert sorted(t.text for t in discs) == ["1", "2", "3", "4"]
    for disc in discs:
        (run,) = disc.runs
        assert "IBMPlexSansArabic-Bold" in run.font and ord(run.text) in cmap(run.font), run.font


def test_a_step_number_no_face_has_is_an_error_at_the_steps(inputs: Inputs) -> None:
    """With no fallback that has the digits, the discs' numbers are the character check's error at the steps
    block (the words' digits are said at their own texts)."""
    src = _steps_kit(inputs, "")
    assert isinstance(src, api.Sources), src
    result = api.build(src, api.Options())
    steps = next(b for s in src.content.sections for b in s.blocks if isinstance(b, Steps))
    at = f"{CONTENT}:{steps.at.line}:{steps.at.column}: error: "
    said = [d.format() for d in result.diagnostics if d.is_error and d.format().startswith(at)]
    assert result.pdf is None and said and "no glyph for '1'" in said[0], said
