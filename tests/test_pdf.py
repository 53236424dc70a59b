"""PDF structure: reopen the built file and check what a reader, a printer or a screen reader relies on."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from helpers import BRAND, CONTENT, MAPLE, ROOT, TESTED, built, reopen, result_of, sources

from brochure import api
from brochure.geometry.sheet import MM
from brochure.render import pdf as render_pdf


@pytest.mark.parametrize(
    ("brand", "paper", "size"),
    [(BRAND, "a4", (297 * MM, 210 * MM)), (MAPLE, "letter", (792, 612)), (BRAND, "letter", (792, 612))],
    ids=["a4", "maple-letter", "clearwater-letter"],
)
def test_two_landscape_pages_of_the_right_size(brand: Path, paper: str, size: tuple[float, float]) -> None:
    pdf = reopen(built(CONTENT, brand, paper).pdf or b"")
    assert len(pdf.pages) == 2
    for page in pdf.pages:
        x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
        assert (x1 - x0, y1 - y0) == pytest.approx(size, abs=0.01)


@pytest.mark.parametrize("brand", [BRAND, MAPLE], ids=["clearwater", "maple"])
def test_every_font_is_embedded_truetype_and_no_helvetica(brand: Path) -> None:
    pdf = reopen(built(CONTENT, brand).pdf or b"")
    seen = set()
    for page in pdf.pages:
        for _, font in page.Resources.Font.items():
            seen.add(str(font.BaseFont))
            assert font.Subtype == "/TrueType"
            assert "/FontFile2" in font.FontDescriptor
            assert str(font.BaseFont)[7] == "+"  # a subset: only the glyphs used
    assert seen and not any("Helvetica" in f for f in seen)


def test_metadata_language_and_duplex_hint() -> None:
    pdf = reopen(built().pdf or b"")
    info = pdf.docinfo
    assert str(info.Title) == "Micro-needling: for acne scars and dark patches"
    assert str(info.Author) == "Clearwater Skin Clinic"
    assert "Patient information" in str(info.Subject)
    assert "Aftercare" in str(info.Keywords)
    assert str(pdf.Root.Lang) == "en-GB"
    assert pdf.Root.ViewerPreferences.Duplex == "/DuplexFlipShortEdge"


def test_outline_has_one_entry_per_section_and_the_call_to_action_in_reading_order() -> None:
    pdf = reopen(built().pdf or b"")
    with pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
    # cover opened: inside-1 and the flap; then the full inside; then the back
    assert titles == [
        "What is micro-needling?",
        "What it can and cannot do",
        "Is it right for me?",
        "Other options",
        "Your treatment",
        "Aftercare",
        "Risks and side effects",
        "When to contact us",
        "Book a consultation",  # (the booking panel, on the back: read last; it had no entry)
    ]
    content = sources().content
    assert sorted(titles) == sorted([*(s.heading for s in content.sections), content.call_to_action.heading])


def test_live_links_for_phone_email_website_and_booking() -> None:
    pdf = reopen(built().pdf or b"")
    uris = {str(a.A.URI) for p in pdf.pages for a in p.get("/Annots", []) if "/A" in a}
    assert {
        "tel:+441174960321",
        "mailto:hello@clearwaterskin.co.uk",
        "https://clearwaterskin.co.uk",
        "https://clearwaterskin.co.uk/book",
    } <= uris


def test_every_heading_and_the_contact_details_are_in_the_text() -> None:
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(built().pdf or b"")).pages)
    flat = " ".join(text.split())
    for section in sources().content.sections:
        assert section.heading in flat
    for needle in (
        "Micro-needling",
        "Book a consultation",
        "Scan to book",
        "0117 496 0321",  # a UK clinic's number in the UK's style
        "Clearwater Skin Clinic",
    ):
        assert needle in flat


def test_ampersands_and_angle_brackets_print_as_written() -> None:
    from helpers import SMALL, TEST_BRAND

    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(built(SMALL, TEST_BRAND).pdf or b"")).pages)
    flat = " ".join(text.split())
    assert "Test Clinic & Co" in flat
    assert "Two & three" in flat and "Four <five>" in flat
    assert '"like this", <angle brackets> & ampersands' in flat
    assert "&amp;" not in flat and "<b>" not in flat


@pytest.mark.parametrize("brand", [BRAND, MAPLE], ids=["clearwater", "maple"])
def test_qr_code_decodes_to_the_booking_url_from_a_rendered_page(brand: Path) -> None:
    result = built(CONTENT, brand)
    doc = pdfium.PdfDocument(result.pdf or b"")
    image = doc[0].render(scale=200 / 72).to_pil()
    codes = zxingcpp.read_barcodes(image)
    assert [c.text for c in codes if c.format == zxingcpp.BarcodeFormat.QRCode] == [
        sources(CONTENT, brand).brand.contact.booking_url
    ]


def test_same_inputs_give_identical_bytes() -> None:
    src = sources()
    a = api.build(src, api.Options()).pdf
    b = api.build(src, api.Options()).pdf
    assert a is not None and a == b


def test_identical_bytes_across_processes_and_source_date_epoch_is_honoured(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1796083200"}
    outs = []
    for name in ("a.pdf", "b.pdf"):
        subprocess.run(
            [sys.executable, "-P", "-m", "brochure", "build", "-o", str(tmp_path / name)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    assert str(reopen(outs[0]).docinfo.CreationDate).startswith("D:20261201")


def test_pdfium_is_used_one_thread_at_a_time() -> None:
    """PDFium crashes the process when two threads call it at once (even on different documents): previews
    and the tests' QR reader go through one lock. Run in a child process, so a crash fails this test only."""
    script = f"""
import sys
from concurrent.futures import ThreadPoolExecutor
sys.path.insert(0, {str(Path(__file__).parent)!r})
from helpers import built, read_qr
from brochure.output.preview import page_images
pdf = built().pdf
def work(i):
    return len(page_images(pdf, 30)) if i % 2 else len(read_qr(pdf, 0, (0, 0, 300, 300), 595.3))
with ThreadPoolExecutor(8) as ex:
    print(sum(ex.map(work, range(32))))
"""
    env = {**os.environ, "PYTHONPATH": TESTED}  # (the brochure under test, whatever the folder it runs in holds)
    done = subprocess.run([sys.executable, "-P", "-c", script], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]


def _subsets(pdf: bytes) -> list[tuple[str, str, bytes]]:
    """(tag, font name, font program) of every font subset in the file."""
    out = []
    doc = reopen(pdf)
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font:
            tag, name = str(obj.BaseFont)[1:].split("+", 1)
            assert obj.FontDescriptor.FontName == obj.BaseFont
            out.append((tag, name, obj.FontDescriptor.FontFile2.read_bytes()))
    return out


def test_every_font_subset_has_a_tag_of_its_own_also_across_editions() -> None:
    """ISO 32000-1 9.6.4: different subsets in one file have different tags. A shop that imposes two leaflets on
    one sheet must not take one's subset of a font for the other's (ReportLab tags every first subset AAAAAA+)."""
    english, spanish = built().pdf or b"", built(ROOT / "translations" / "es.yaml").pdf or b""
    press = result_of(sources(), api.Options(target="press")).pdf or b""
    for pdf in (english, spanish, press):
        fonts = _subsets(pdf)
        assert len(fonts) >= 4 and all(len(tag) == 6 and tag.isalpha() and tag.isupper() for tag, _, _ in fonts)
        assert len({tag for tag, _, _ in fonts}) == len(fonts)
    theirs = {name: (tag, program) for tag, name, program in _subsets(spanish)}
    for tag, name, program in _subsets(english):
        assert program != theirs[name][1] and tag != theirs[name][0], name  # other words, another subset
    assert sorted(_subsets(press)) == sorted(_subsets(english))  # the same subset keeps its tag


def _codec_or_error(x: object) -> object:
    try:
        return _CODEC(x)
    except UnicodeEncodeError as e:
        return (type(e), e.start, e.end)


def _ours_or_error(x: object) -> object:
    try:
        return render_pdf._pdfdoc_encoded(x)
    except UnicodeEncodeError as e:
        return (type(e), e.start, e.end)


_CODEC = render_pdf._encoded_by_codec


def test_the_pdfs_plain_text_is_encoded_as_reportlabs_codec_encodes_it() -> None:
    """The stand-in for ReportLab's PDFDocEncoding (render/pdf.py writes ASCII itself): every character to U+21FF
    and a sample of the rest alone, and mixed strings of ASCII and what is not, give the same bytes, or the same
    error, as the codec."""
    from reportlab.pdfbase import pdfdoc

    assert pdfdoc.pdfdocEnc is render_pdf._pdfdoc_encoded  # (what pdfdoc's format calls)
    for code in (*range(0x2200), *range(0x2200, 0x110000, 997)):  # (past ASCII both give it to the codec)
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        assert _ours_or_error(ch) == _codec_or_error(ch), hex(code)
    for text in (
        "",
        "1 0 0 1 72.5 -3 cm",
        "/Name",
        "a\tb\nc\rd",
        "caf\u00e9",
        "x\x18y",
        "\x7f",
        "(a\\)b)",
        "\u2022 \u20ac",
    ):
        assert _ours_or_error(text) == _codec_or_error(text), repr(text)
    assert _ours_or_error(b"\x00\xff bytes") == b"\x00\xff bytes"


def test_a_lines_text_is_coded_in_its_fonts_subsets_as_reportlab_codes_it() -> None:
    """render/pdf.py looks up a text whose every character has a code already, in one step; ReportLab's
    `splitString` gives each character its code the first time a document meets it. Texts drawn at random from
    ASCII, no-break spaces, accented and Greek letters and characters the font lacks, 600 of them into one document
    (past 256 codes, so into a second subset), give the same pieces in both, and leave the same codes behind."""
    import random

    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfbase.pdfmetrics import getFont

    src = sources()
    font = getFont(src.fonts.regular)
    pool = [chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x391, 0x3CA), 0x600, 0x4E00)]
    rng = random.Random(7)
    ours, theirs = PDFDocument(), PDFDocument()
    for _ in range(600):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        assert render_pdf._split(font, text, ours) == font.splitString(text, theirs), repr(text)
    assert font.state[ours].assignments == font.state[theirs].assignments
    assert font.state[ours].subsets == font.state[theirs].subsets
    assert len(font.state[ours].subsets) >= 2


def test_pictures_are_embedded_once_their_transparency_shared_their_pixels_as_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A picture drawn twice is stored once, two pictures with the same transparency share one soft mask, and
    each picture's pixels read back exactly as they were: compressed at zlib's default level while the document's
    pictures come to PICTURE_FLATE_BYTES (here 1,000: the first's 800), at its fastest after (a noisy picture took
    seconds at the default)."""
    import zlib

    monkeypatch.setattr(render_pdf, "PICTURE_FLATE_BYTES", 1000)
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

    def png(colour: tuple[int, int, int]) -> bytes:
        im = Image.new("RGBA", (20, 10), (*colour, 255))
        im.putpixel((3, 4), (0, 0, 0, 0))
        buf = io.BytesIO()
        im.save(buf, format="PNG")
        return buf.getvalue()

    out = io.BytesIO()
    canvas = Canvas(out)
    for x, colour in ((0, (200, 30, 40)), (60, (10, 120, 60)), (120, (200, 30, 40))):
        render_pdf._picture(canvas, png(colour), x, 0, 40, 20)
    canvas.showPage()
    canvas.save()
    doc = pikepdf.open(io.BytesIO(out.getvalue()))
    page = doc.pages[0]
    pictures = list(page.Resources.XObject.values())
    assert len(pictures) == 2 and page.Contents.read_bytes().count(b" Do") == 3
    assert pictures[0].SMask.objgen == pictures[1].SMask.objgen
    assert [image.ColorSpace for image in (*pictures, pictures[0].SMask)] == ["/DeviceRGB"] * 2 + ["/DeviceGray"]
    drawn = [bytes(c) * 83 + bytes(3) + bytes(c) * 116 for c in ((200, 30, 40), (10, 120, 60))]  # (3, 4) black
    assert sorted(image.read_bytes() for image in pictures) == sorted(drawn)
    levels = {image.read_bytes(): image.read_raw_bytes() for image in pictures}
    assert [levels[d] for d in drawn] == [zlib.compress(drawn[0]), zlib.compress(drawn[1], 1)]
    assert pictures[0].SMask.read_bytes() == b"\xff" * 83 + b"\x00" + b"\xff" * 116  # (3, 4): clear
