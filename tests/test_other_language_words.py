"""Words in another language inside a text (`[micropunción](lang:es)`): read in it, printed as the words around them."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from helpers import BRAND, CONTENT, ROOT, sources, words_written
from tagged import Tagged

from brochure import api
from brochure.inputs.translation import compare
from brochure.layout.model import Text

OWN = "Micro-needling is a skin treatment."
MARKED = OWN + " In Spanish it is called [micropunción](lang:es)."


@pytest.mark.parametrize("layout", ["trifold", "large-print"])
def test_words_marked_as_another_language_are_read_in_it_and_print_as_the_words_around_them(
    tmp_path: Path, layout: str
) -> None:
    """A screen reader reads them in Spanish (a Span with /Lang es in the tagged edition; the paragraph and the
    document stay English); they print in the paragraph's own ink and are no link, in the press edition too."""
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count(OWN) == 1
    src = words_written(tmp_path, text.replace(OWN, MARKED))
    result = api.build(src, api.Options(layout=layout))
    assert result.ok and result.pdf is not None and result.layout is not None, result.diagnostics
    tagged = Tagged(pikepdf.open(io.BytesIO(result.pdf)))
    assert tagged.root is not None and str(tagged.pdf.Root.Lang) == "en-GB"
    spoken = [n for n in tagged.root.walk() if "/Lang" in n.obj]
    assert [(n.kind, str(n.obj.Lang), tagged.text(n).strip()) for n in spoken] == [("Span", "es", "micropunción")]
    for built in (result, api.build(src, api.Options(layout=layout, target="press"))):
        assert built.ok and built.layout is not None
        pages = built.layout.pages
        (line,) = [t for page in pages for t in page.items if isinstance(t, Text) and "micropunción" in t.text]
        assert "micropunción." in line.text.split()  # (printed as written, its full stop after it)
        assert len({r.ink for r in line.runs}) == 1  # (the marked words in the line's own ink: no link colour)
        assert not any(link.url.startswith("lang:") for page in pages for link in page.links)


def test_a_translation_that_marks_words_as_another_language_has_no_link_the_source_lacks(tmp_path: Path) -> None:
    """Words marked as English in the Spanish words ('[SPF](lang:en)') are no link: the check against the source
    says nothing of them, as it says of a link the source lacks."""
    source = sources(CONTENT, BRAND).content
    words = (ROOT / "translations" / "es.yaml").read_text(encoding="utf-8")
    assert words.count("SPF 30") >= 1
    (tmp_path / "marked").mkdir()
    (tmp_path / "linked").mkdir()
    spanish = words_written(tmp_path / "marked", words.replace("SPF 30", "[SPF](lang:en) 30", 1)).content
    assert compare(source, spanish) == []
    linked = words_written(tmp_path / "linked", words.replace("SPF 30", "[SPF](https://example.com/spf) 30", 1)).content
    assert any("link" in d.message for d in compare(source, linked))


@pytest.mark.parametrize(
    ("old", "new", "key", "what"),
    [
        (
            '    short: "Alam M et al. JAMA Dermatol.',
            '    short: "Alam M et al. [JAMA Dermatol](lang:la).',
            "references[1].short",
            "a reference",  # (read as one piece, a link to its DOI, in its own `language:`)
        ),
        (
            "            needles: Fine needles",
            '            needles: "Fine [agujas](lang:es)"',
            "sections[0].blocks[1].illustration.labels.needles",
            "a drawing's label",  # (the drawing is one figure, read in the leaflet's language)
        ),
    ],
    ids=["reference", "drawing-label"],
)
def test_words_in_another_language_where_a_text_is_read_as_one_piece_are_an_error_at_it(
    tmp_path: Path, old: str, new: str, key: str, what: str
) -> None:
    """A reference with a DOI is one link, said in its own language: a mark inside it made the whole link Latin; a
    drawing's label was printed with the mark dropped. Each is an error at the text, as in a kicker or QR label."""
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    (tmp_path / "content.yaml").write_text(text.replace(old, new), encoding="utf-8")
    src, diags = api.load(tmp_path / "content.yaml", BRAND)
    assert src is None
    (error,) = [d for d in diags if d.is_error]
    assert error.location.key == key and error.location.line == text[: text.index(old)].count("\n") + 1
    assert error.message.startswith(f"{what} cannot mark words as in another language ("), error.message


def test_a_sentence_a_translation_marks_as_english_is_not_taken_for_one_left_untranslated(tmp_path: Path) -> None:
    """'Diga: [Can you tell me what the nurse said?](lang:en)' in the Spanish words is English on purpose: no warning
    that a sentence reads as English; the same sentence unmarked is warned of, as before."""
    source = sources(CONTENT, BRAND).content
    words = (ROOT / "translations" / "es.yaml").read_text(encoding="utf-8")
    old = "Use protector solar SPF 30 o más todos los días"
    assert words.count(old) == 1
    said = {}
    for kind, sentence in (
        ("marked", "[Can you tell me what the nurse said about your skin?](lang:en)"),
        ("plain", "Can you tell me what the nurse said about your skin?"),
    ):
        (tmp_path / kind).mkdir()
        spanish = words_written(tmp_path / kind, words.replace(old, f"{old}. {sentence}")).content
        said[kind] = [d.message for d in compare(source, spanish)]
    assert said["marked"] == []
    assert [m for m in said["plain"] if "reads as English" in m], said
