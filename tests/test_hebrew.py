"""A Hebrew leaflet (tests/data/content-he.yaml, the kit's Latin family with Varela Round, a static family with
Hebrew letters from pip, as its fallback): the tri-fold builds mirrored with a clean preflight, its letters print
in visual order (right to left), a screen reader reads its words as written and a viewer copies each word as
written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BRAND, CONTENT, LOGO
from helpers import actual_texts, copied_text, miscopied_words

from brochure import api
from brochure.layout.model import Layout, Text
from brochure.theme.shaping import shape

DATA = Path(__file__).parent / "data"
BODY = "  body: {family: Be Vietnam Pro}\n"
SENTENCE = "מחטים דקות יוצרות חורים קטנים בעור."  # the first sentence of the first paragraph, as written


@pytest.fixture(scope="module")
def hebrew(tmp_path_factory: pytest.TempPathFactory) -> api.Result:
    folder = tmp_path_factory.mktemp("he")
    (folder / "logo.svg").write_text(LOGO, encoding="utf-8")
    (folder / "brand.yaml").write_text(BRAND.replace(BODY, BODY + "  fallbacks: [Varela Round]\n"), encoding="utf-8")
    (folder / "content.yaml").write_text((DATA / "content-he.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    src, diags = api.load(folder / "content.yaml", folder / "brand.yaml")
    assert src is not None, [d.format() for d in diags]
    return api.build(src, api.Options(layout="trifold"))


def layout_of(result: api.Result) -> Layout:
    assert result.layout is not None
    return result.layout


def test_a_hebrew_trifold_builds_mirrored_with_a_clean_preflight(hebrew: api.Result) -> None:
    assert hebrew.pdf is not None
    assert [d.format() for d in hebrew.diagnostics] == []  # not even a warning
    lay = layout_of(hebrew)
    assert lay.sheet.direction == "rtl"
    outside = sorted(lay.sheet.sides[0].panels, key=lambda p: p.trim.x)
    assert [p.name for p in outside] == ["cover", "back", "flap"]
    title = next(i for i in lay.pages[0].items if isinstance(i, Text) and i.role == "title")
    assert title.text == "מיקרונידלינג"
    assert title.box.right == pytest.approx(lay.sheet.sides[0].panel("cover").content.right, abs=1.0)


def test_hebrew_letters_print_right_to_left_and_copy_out_as_written(hebrew: api.Result) -> None:
    lay = layout_of(hebrew)
    (line,) = [
        t
        for p in lay.pages
        for t in p.items
        if isinstance(t, Text) and t.role == "paragraph" and t.text.startswith("מחטים דקות")
    ]
    runs = sorted(line.runs, key=lambda r: r.x)
    hebrew_runs = [r for r in runs if "VarelaRound" in r.font]
    assert hebrew_runs  # in the Hebrew fallback
    seen = "".join(r.text for r in runs)
    words = [
        "".join(g.char for g in shape(w, hebrew_runs[0].font, hebrew_runs[0].size).glyphs) for w in ("מחטים", "דקות")
    ]
    assert words == ["םיטחמ", "תוקד"]  # each word's letters right to left
    assert seen.index(words[1]) < seen.index(words[0])  # the second word at the left of the first
    assert line.box.right == pytest.approx(line.measure.right, abs=0.6)  # flush right
    read = " ".join(actual_texts(hebrew.pdf or b""))  # (what a screen reader reads of the shaped words)
    assert SENTENCE in read
    # What Chrome's viewer copies, from the glyphs (PDFium orders a line itself; a letter kerned apart from its word
    # is a piece of it): every word as written, none turned round (a marked-content /ActualText turned 68 of 74).
    count, wrong = miscopied_words(hebrew)
    assert count > 60 and wrong == []
    copied = " ".join(copied_text(hebrew.pdf or b"").split())
    assert "מחטים דקות" in copied and "שכבה עליונה" in copied  # (a drawing's label too, shaped as paragraphs are)


def test_the_hebrew_drawing_is_mirrored_its_labels_at_its_left(hebrew: api.Result) -> None:
    lay = layout_of(hebrew)
    items = [i for p in lay.pages for i in p.items]
    labels = [i for i in items if isinstance(i, Text) and i.role == "label" and i.entry is None]
    assert {t.text for t in labels} == {"שכבה עליונה", "שכבה עמוקה", "מחטים דקות", "קולגן חדש"}
    skin = [i for i in items if i.element == labels[0].element and getattr(i, "fill", None) and i.box.w > 50]
    assert skin and max(t.box.right for t in labels) < min(s.box.x for s in skin)


def test_a_fallback_of_one_weight_setting_headings_and_bold_words_is_warned(tmp_path: Path) -> None:
    """Varela Round has no bold: every Hebrew heading and **bold** word (a warning's 'call 999') printed regular
    beside the kit's bold digits, no word said. A warning at fonts.fallbacks; none for a leaflet its letters do
    not set (the same kit's English words)."""
    (tmp_path / "logo.svg").write_text(LOGO, encoding="utf-8")
    kit = tmp_path / "brand.yaml"
    kit.write_text(BRAND.replace(BODY, BODY + "  fallbacks: [Varela Round]\n"), encoding="utf-8")
    (tmp_path / "content.yaml").write_text((DATA / "content-he.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    _, diags = api.load(tmp_path / "content.yaml", kit)
    (said,) = [d for d in diags if "has no bold" in d.message]
    assert said.message.startswith("the fallback family 'Varela Round' has no bold") and said.location.line > 0
    (tmp_path / "en.yaml").write_text(CONTENT, encoding="utf-8")
    assert not [d for d in api.load(tmp_path / "en.yaml", kit)[1] if "has no bold" in d.message]
