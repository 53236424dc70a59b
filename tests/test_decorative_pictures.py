"""A content picture that is decoration alone says `decorative: true` in place of `alt:`: it prints as any picture
and is an artifact in the tagged PDF (a screen reader passes it by); a picture with neither is an error, as before,
whose hint names both."""

from __future__ import annotations

import io

import page as page_validation
import pikepdf
import pytest
from conftest import Inputs, edit, position
from helpers import assert_at, build, check
from PIL import Image
from tagged import Tagged

from brochure.layout.model import Picture


def _picture(inputs: Inputs, fields: str) -> None:
    Image.new("RGB", (1200, 800), (200, 180, 160)).save(inputs.content.parent / "room.png")
    edit(inputs.content, "      - cards:", f"      - image: {{src: room.png{fields}}}\n      - cards:")


def _images_marked_as(pdf: bytes) -> list[str]:
    """The tag of the marked content each raster picture is painted in (its innermost), from the PDF."""
    tags: list[str] = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            images = {str(k) for k, v in page.Resources.get("/XObject", {}).items() if v.get("/Subtype") == "/Image"}
            stack: list[str] = []
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) in ("BDC", "BMC"):
                    stack.append(str(operands[0]))
                elif str(op) == "EMC":
                    stack.pop()
                elif str(op) == "Do" and str(operands[0]) in images:
                    tags.append(stack[-1] if stack else "")
    return tags


def test_a_decorative_picture_prints_and_is_an_artifact(inputs: Inputs) -> None:
    _picture(inputs, ", decorative: true")
    result = build(inputs)
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    assert _images_marked_as(result.pdf) == ["/Artifact"]  # printed, and not read
    assert result.layout is not None  # the frames say so too (what preflight and the renderer read)
    pictures = [i for p in result.layout.pages for i in p.items if isinstance(i, Picture)]
    assert [(i.role, i.alt, i.element) for i in pictures] == [("artifact", "", "")]
    doc = Tagged(pikepdf.open(io.BytesIO(result.pdf)))
    assert doc.root is not None
    figures = sorted(n.alt for n in doc.root.walk() if n.kind == "Figure")
    assert figures == ["QR code that opens example.com/book", "Test Clinic"]  # the logo and the QR code alone
    assert page_validation.validate_pdf_bytes(result.pdf, profile="ua1").failures == []


def test_a_picture_with_its_alt_stays_a_figure(inputs: Inputs) -> None:
    _picture(inputs, ", alt: A reclining chair under a lamp, decorative: false")
    result = build(inputs)
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    assert _images_marked_as(result.pdf) == ["/Figure"]
    doc = Tagged(pikepdf.open(io.BytesIO(result.pdf)))
    assert doc.root is not None
    assert "A reclining chair under a lamp" in [n.alt for n in doc.root.walk() if n.kind == "Figure"]


@pytest.mark.parametrize(
    ("fields", "message", "hint"),
    [
        ("", "missing key 'alt'", "decorative: true"),
        (', alt: ""', "this text is empty", "decorative: true"),
        (', alt: "  "', "this text is empty", "decorative: true"),  # (was told to remove the key: an error too)
        (", alt: ~", "this text is empty", "decorative: true"),
        (", alt: A chair, decorative: true", "a decorative picture has no text alternative", "remove 'alt:'"),
        (", caption: Our room, decorative: true", "a decorative picture has no caption", "give the picture an 'alt:'"),
        (", decorative: yes please", "expected true or false", "write: true"),
    ],
    ids=[
        "neither",
        "alt-empty",
        "alt-spaces",
        "alt-null",
        "alt-and-decorative",
        "caption-and-decorative",
        "decorative-not-true-or-false",
    ],
)
def test_a_picture_must_say_what_it_shows_or_that_it_is_decoration(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], fields: str, message: str, hint: str
) -> None:
    _picture(inputs, fields)
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 1, errors
    assert message in errors[0] and hint in errors[0] and "sections[0].blocks[1]" in errors[0], errors[0]


@pytest.mark.parametrize(
    ("translated", "said"),
    [
        ("", "'sections[0].blocks' has 2 items here, 3 in the source"),  # (left out: the later blocks pair wrongly)
        (", alt: Una sala", "'sections[0].blocks[1].image.alt' is not in the source"),
        (", decorative: true", ""),
    ],
)
def test_a_translation_keeps_a_decorative_picture_as_the_source_has_it(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], translated: str, said: str
) -> None:
    """A decorative picture has no text, and the translation check reads the blocks by their texts: one left out of
    a translation passed unseen (exit 0), and one given an `alt:` was counted as a block more. Each picture is in
    its list of blocks now: left out, or given an alt where the source's is decoration, it is an error."""
    _picture(inputs, ", decorative: true")
    source = inputs.content.read_text(encoding="utf-8")
    version = "document:\n  translation:\n    translator: {name: Ana Ruiz, role: Translator}\n"
    text = source.replace("      - image: {src: room.png, decorative: true}\n", "")
    if translated:
        text = source.replace(", decorative: true}", f"{translated}}}")
    translation = inputs.content.parent / "es.yaml"
    translation.write_text(text.replace("language: en-GB", "language: es").replace("document:\n", version), "utf-8")
    _, errors, _ = check(inputs, capsys, "--content", str(translation), "--source", str(inputs.content))
    errors = [e for e in errors if "most of this translation's texts are the source's" not in e]  # (its words are
    wrong = [e for e in errors if "blocks" in e]  # the English ones: that error is the check's, not this test's)
    assert [said in e for e in wrong] == ([True] if said else []) and len(errors) == len(wrong), errors


@pytest.mark.parametrize(
    ("alt", "typed", "said", "hint"),
    [
        (
            "A reclining chair[^nobody] under a lamp",
            "[^nobody]",
            "cannot carry a citation ('[^nobody]'): a screen reader reads it in place of the picture, and a citation"
            " is not read there",
            "cite the source in the picture's caption",
        ),
        (
            "The treatment room, see [our site](https://example.com/room)",
            "](https://example.com/room)",
            "cannot carry a link ('https://example.com/room'): a screen reader reads it in place of the picture, and"
            " a link there cannot be followed",
            "give the address in the picture's caption",
        ),
        (
            "The micro-needling pen, [micropunción](lang:es) in Spanish",
            "](lang:es)",
            "cannot carry words marked as in another language ('lang:es'): a screen reader reads it in place of the"
            " picture, and a text alternative is read in one language, the leaflet's",
            "give those words in the picture's caption",
        ),
    ],
    ids=["citation", "link", "language"],
)
def test_a_citation_a_link_or_another_languages_words_in_a_pictures_text_alternative_is_an_error_at_its_mark(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], alt: str, typed: str, said: str, hint: str
) -> None:
    """A screen reader reads the alternative in place of the picture: '[^a]' in it was dropped without a word (nor
    was an unknown key said), and '[our site](https://...)' was read 'our site', its address dropped."""
    _picture(inputs, f', alt: "{alt}"')
    text = inputs.content.read_text(encoding="utf-8")
    status, errors, _ = check(inputs, capsys)
    [line] = errors
    assert status == 1
    assert_at(line, inputs.content, text, typed, "sections[0].blocks[1].image.alt")
    assert said in line and hint in line


@pytest.mark.parametrize("length", [250, 251])
def test_a_text_alternative_longer_than_a_sentence_or_two_is_warned(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], length: int
) -> None:
    """A screen reader reads an alternative whole, with no way to skip part of it: one over 250 characters is
    warned of at its line, with what to do (a caption holds more); one of 250 is not. It builds either way."""
    alt = ("A nurse holds the pen to a cheek. " * 10)[: length - 1] + "."
    assert len(alt) == length
    _picture(inputs, f', alt: "{alt}"')
    text = inputs.content.read_text(encoding="utf-8")
    status, errors, warnings = check(inputs, capsys)
    assert (status, errors) == (0, [])
    said = [w for w in warnings if "text alternative is" in w]
    if length == 250:
        assert said == []
        return
    [line] = said
    row, col = position(text, f'"{alt}"')  # (the text's start, its opening quote)
    assert line.startswith(f"{inputs.content}:{row}:{col}: warning: "), line
    assert "[at sections[0].blocks[1].image.alt]" in line
    assert "is 251 characters long" in line and "under 250 characters" in line and "caption" in line
