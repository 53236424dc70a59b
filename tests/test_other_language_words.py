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
        assert not [s for page in pages for s in page.items if s.role == "underline"]  # (and not underlined)


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
