"""One user mistake -> one error that names the file, line, column and key, says what is wrong and what to do.

Each case mutates the small valid inputs from conftest.py. The expected position is found from the text:
`at="subtitel:"` means the error must point at the first character of `subtitel:` in the mutated file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from conftest import ROOT, Inputs, edit, position
from helpers import CONTENT, build, check, cli, editions_file, page_texts
from PIL import Image
from reportlab.graphics.shapes import Group

from brochure.diagnostics import Diagnostic, Location
from brochure.inputs.brand import load_brand
from brochure.inputs.content import load_content
from brochure.inputs.editions import load_editions
from brochure.inputs.logo import load_logo
from brochure.inputs.reader import as_typed, text_problem
from brochure.layout.model import Text
from brochure.theme.fonts import load_fonts


def errors(diags: Sequence[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diags if d.is_error]


def the_error(diags: Sequence[Diagnostic]) -> Diagnostic:
    """The one error a single mistake should give (more would bury it in noise)."""
    found = errors(diags)
    assert len(found) == 1, "\n".join(d.format() for d in diags)
    return found[0]


def assert_points_at(d: Diagnostic, file: Path, text: str, at: str, key: str) -> None:
    line, col = position(text, at)
    assert (d.location.file, d.location.line, d.location.column, d.location.key) == (str(file), line, col, key)
    assert d.format().startswith(f"{file}:{line}:{col}: error: {d.message}")
    assert f"[at {key}]" in d.format()
    assert d.message and d.hint


# (old, new, at, key, words in the message, words in the hint)
CONTENT_MISTAKES = {
    "yaml-syntax": ("heading: What is it?", "heading: What: is it?", ": is it?", "", "YAML syntax", "quote text"),
    "yaml-indented-with-a-tab": (  # ('found character that cannot start any token': nothing said of the tab)
        "    heading: What is it?",
        "\theading: What is it?",
        "\theading",
        "",
        "YAML syntax",
        "YAML indents with spaces, never tabs",
    ),
    "yaml-indented-with-a-no-break-space": (  # (pasted from a web page: 'mapping values are not allowed in this
        # context' at the next line's colon, with the hint of any syntax error)
        "  - id: risks",
        "\u00a0 - id: risks",
        "\u00a0 - id: risks",
        "",
        "YAML syntax: this line is indented with U+00A0 (NO-BREAK SPACE), which YAML does not read as a space",
        "replace it with ordinary spaces",
    ),
    "yaml-indented-with-an-em-space": (
        "    heading: What is it?",
        "  \u2003 heading: What is it?",
        "\u2003 heading",
        "",
        "this line is indented with U+2003 (EM SPACE)",
        "replace it with ordinary spaces",
    ),
    "yaml-escape-in-double-quotes": (  # (brochure's `\*` typed in double quotes, where YAML reads it first)
        '"Fine needles make',
        '"Fine\\* needles make',
        "\\* needles",
        "",
        "unknown escape character",
        'write the backslash twice there ("from £150\\\\*"), or put the text in single quotes',
    ),
    "unknown-top-key": (
        "subtitle:",
        "subtitel:",
        "subtitel:",
        "subtitel",
        "unknown key 'subtitel'",
        "did you mean 'subtitle'?",
    ),
    "invisible-character-in-a-key": (  # (said as "unknown key 'sub\u200btitle'", which shows as the key meant)
        "subtitle:",
        "sub\u200btitle:",
        "\u200btitle:",
        "subtitle",
        "the key 'subtitle' has U+200B (ZERO WIDTH SPACE) in it, which does not show",
        "delete it, or retype the key",
    ),
    "invisible-character-in-an-unknown-key": (
        "subtitle:",
        "subti\u2060tel:",
        "\u2060tel:",
        "subtitel",
        "unknown key 'subtitel', with U+2060 (WORD JOINER) in it, which does not show",
        "retype the key without it; did you mean 'subtitle'?",
    ),
    "unknown-section-key": (
        "    place: flap\n",
        "    place: flap\n    colour: red\n",
        "colour:",
        "sections[1].colour",
        "unknown key 'colour'",
        "heading",
    ),
    "unknown-block-type": (
        "- bullets:",
        "- bulets:",
        "bulets:",
        "sections[1].blocks[0].bulets",
        "unknown key 'bulets'",
        "did you mean 'bullets'?",
    ),
    "title-is-a-number": (
        "title: Micro-needling",
        "title: 42",
        "title: 42",
        "title",
        "expected text, found a number",
        "quotes",
    ),
    "missing-key": (
        "    heading: Risks\n",
        "",
        "id: risks",
        "sections[1].heading",
        "missing key 'heading'",
        "add 'heading:'",
    ),
    "duplicate-key": (
        "subtitle: for acne scars\n",
        "subtitle: for acne scars\nsubtitle: again\n",
        "subtitle: again",
        "subtitle",
        "'subtitle' is given twice",
        "line 3",
    ),
    "duplicate-section-id": (
        "id: risks",
        "id: what-is-it",
        "what-is-it\n    heading: Risks",
        "sections[1].id",
        "'what-is-it' is used twice",
        "line 5",
    ),
    "bad-section-id": (
        "id: risks",
        "id: Risks_2",
        "Risks_2",
        "sections[1].id",
        "characters other than",
        "lowercase words",
    ),
    "bad-place": (
        "place: flap",
        "place: flpa",
        "flpa",
        "sections[1].place",
        "'flpa' is not a valid value",
        "did you mean 'flap'?",
    ),
    "unknown-icon": (
        "icon: smooth",
        "icon: smoth",
        "smoth",
        "sections[0].blocks[1].cards[0].icon",
        "'smoth' is not a valid value",
        "did you mean 'smooth'?",
    ),
    "bad-link-target": (
        "(https://example.com)",
        "(javascript:alert(1))",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "link target 'javascript:alert(1)'",
        "[label](https://...)",
    ),
    "words-marked-as-in-another-language-in-capitals": (  # (a link, then: told how to write the mark)
        "[our site](https://example.com)",
        "[bonjour](LANG:fr)",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "link target 'LANG:fr'",
        "to mark words as in another language, write 'lang:' in small letters",
    ),
    "words-marked-as-in-a-language-of-no-tag": (  # (`[bonjour](lang:fr)` marks French words)
        "[our site](https://example.com)",
        "[bonjour](lang:french)",
        "](lang:french)",
        "sections[0].blocks[0].text",
        "words marked as in another language (lang:french): 'french' is not a language tag",
        "write a BCP 47 tag after 'lang:', such as [gracias](lang:es)",
    ),
    "blank-words-marked-as-in-another-language": (  # (told as such, not as a link with no label)
        "[our site](https://example.com)",
        "[ ](lang:es)",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "'[ ](lang:es)' marks no words as in another language: its brackets are blank",
        "write the words in the brackets: [gracias](lang:es)",
    ),
    "words-in-another-language-in-a-links-label": (  # (not "a link inside a link?")
        "[our site](https://example.com)",
        "[our [sitio](lang:es)](https://example.com)",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "'[sitio](lang:es)' marks words of a link's label as in another language",
        "write the link's words in the leaflet's language",
    ),
    "words-in-another-language-in-the-qr-boxs-label": (  # (the box is one link: read as one piece)
        '  text: "We will check your skin first."',
        '  text: "We will check your skin first."\n  qr_label: "Scan to [reservar](lang:es)"',
        '"Scan to [reservar]',
        "call_to_action.qr_label",
        "the QR code's label cannot mark words as in another language (lang:es)",
        "write the label in the leaflet's language",
    ),
    "words-in-another-language-in-the-tools-words": (  # (the QR label's among them: inside the box's link)
        "disclaimer:",
        'words:\n  qr_label: "Scan to [reservar](lang:es)"\ndisclaimer:',
        '"Scan to [reservar]',
        "words.qr_label",
        "the tool's words cannot mark words as in another language (lang:es)",
        "write them in the leaflet's language",
    ),
    "words-in-another-language-in-the-kicker": (  # (printed in capitals, its element read as written)
        "subtitle: for acne scars\n",
        'subtitle: for acne scars\ncover:\n  kicker: "Patient [información](lang:es)"\n',
        '"Patient [información]',
        "cover.kicker",
        "the kicker cannot mark words as in another language (lang:es)",
        "write the kicker in the leaflet's language",
    ),
    "a-link-in-the-qr-boxs-label": (  # (its area inside the box's own link: a link inside a link)
        '  text: "We will check your skin first."',
        '  text: "We will check your skin first."\n  qr_label: "Scan [to book](https://example.com/other)"',
        '"Scan [to book]',
        "call_to_action.qr_label",
        "the QR code's label links to 'https://example.com/other'",
        "write the label as words alone",
    ),
    "a-link-in-the-kicker": (  # (printed in capitals, its element read as written: the link's words stood in for)
        "subtitle: for acne scars\n",
        'subtitle: for acne scars\ncover:\n  kicker: "Patient [information](https://example.com/info)"\n',
        '"Patient [information]',
        "cover.kicker",
        "the kicker links to 'https://example.com/info'",
        "write the kicker as words alone",
    ),
    "link-with-a-blank-label": (  # (the link was dropped: no annotation, nothing printed of its address)
        "[our site](https://example.com)",
        "[\\u200B ](https://example.com)",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "the link to 'https://example.com' has no words to follow: its label is blank",
        "[label](url)",
    ),
    "line-separator-written-as-an-escape": (  # (the file may not hold one; an escape slipped it in: a space printed)
        "Fine needles make",
        "Fine\\u2028needles make",
        "\\u2028needles",  # (said at the character: an invisible one is found by its column)
        "sections[0].blocks[0].text",
        "U+2028 (LINE SEPARATOR), which cannot be printed",
        "make two paragraphs or items",
    ),
    "noncharacter-written-as-an-escape": (  # (it was "no glyph for '\ufffe' (U+FFFE unnamed character)")
        "Fine needles make",
        "Fine\\ufffeneedles make",
        "\\ufffeneedles",  # (said at the character: an invisible one is found by its column)
        "sections[0].blocks[0].text",
        "U+FFFE (a noncharacter), which cannot be printed",
        "remove it",
    ),
    "tag-character-written-as-an-escape": (  # (it printed as a gap, exit 0)
        "Fine needles make",
        "Fine\\U000E0041needles make",
        "\\U000E0041needles",  # (said at the character: an invisible one is found by its column)
        "sections[0].blocks[0].text",
        "U+E0041 (TAG LATIN CAPITAL LETTER A), which cannot be printed",
        "remove it",
    ),
    "link-with-a-citation-for-a-label": (
        "[our site](https://example.com)",
        "[[^x]](https://example.com)",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "has no words to follow",
        "[label](url)",
    ),
    "link-with-no-label": (  # (printed as written: '[](https://example.com)')
        "[our site](https://example.com)",
        "[](https://example.com)",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "the link '[](https://example.com)' has no label",
        "[label](url)",
    ),
    "link-inside-a-link": (  # (the outer link's end, '](https://example.com)', was printed)
        "[our site](https://example.com)",
        "[our [site](https://example.org)](https://example.com)",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "the link to 'https://example.org' has a '[' in its label",
        "links cannot hold links",
    ),
    "link-with-spaces-in-its-address": (  # (printed as written, brackets and all, exit 0)
        "[our site](https://example.com)",
        "[call us](tel:+44 117 496 0321)",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "'[call us](tel:+44 117 496 0321)' is written like a link but is not one",
        "with no space after ']' and none in the address",
    ),
    "link-with-a-space-before-its-address": (
        "[our site](https://example.com)",
        "[our site] (https://example.com)",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "'[our site] (https://example.com)' is written like a link but is not one",
        "[label](address)",
    ),
    "link-with-no-address": (
        "[our site](https://example.com)",
        "[our site]()",
        '"Fine needles',
        "sections[0].blocks[0].text",
        "'[our site]()' is written like a link but is not one",
        "[label](address)",
    ),
    "marks-piled-on-one-letter": (  # (32 Arabic vowel marks on one letter printed into the heading above)
        '"Fine needles',
        '"Fine ne\u0301\u0302\u0303\u0304\u0306\u0307\u0308edles',  # (the first joins the e: é and six)
        "\u0302\u0303",
        "sections[0].blocks[0].text",
        "the text piles 6 marks on one letter, which print into the line above",
        "at most 5 marks",
    ),
    "accent-typed-apart-from-a-letter-it-never-joins": (  # (it printed beside the letter, not over it, exit 0)
        '"Fine needles',
        '"Fine nq\u0301eedles',
        "\u0301eedles",
        "sections[0].blocks[0].text",
        "U+0301 (COMBINING ACUTE ACCENT) after 'q', which prints beside the letter, not over it",
        "write the accented letter as one character",
    ),
    "contact-line-the-kit-has-not": (  # (a kit has a phone, email, website and address: no fax line)
        '      - bullets:\n          - "Redness',
        '      - contact: [phone, fax]\n      - bullets:\n          - "Redness',
        "fax]",
        "sections[1].blocks[0].contact[1]",
        "'fax' is not a valid value",
        "expected one of: address, email, phone, website",
    ),
    "contact-line-named-twice": (
        '      - bullets:\n          - "Redness',
        '      - contact: [phone, email, phone]\n      - bullets:\n          - "Redness',
        "phone]",
        "sections[1].blocks[0].contact[2]",
        "'phone' is named twice: the line would print twice",
        "name each of the kit's contact lines once",
    ),
    "contact-lines-none": (
        '      - bullets:\n          - "Redness',
        '      - contact: []\n      - bullets:\n          - "Redness',
        "contact: []",
        "sections[1].blocks[0].contact",
        "the list needs at least 1 item",
        "",
    ),
    "three-letter-language-code": (
        "language: en-GB",
        "language: eng",
        "eng",
        "language",
        "write 'en' for 'eng' (BCP 47 uses the two-letter code)",
        "en-GB",
    ),
    "bad-language-tag": (
        "language: en-GB",
        "language: English (UK)",
        "English",
        "language",
        "not a language tag",
        "en-GB",
    ),
}


@pytest.mark.parametrize(
    ("old", "new", "at", "key", "message", "hint"), CONTENT_MISTAKES.values(), ids=CONTENT_MISTAKES.keys()
)
def test_content_mistake(inputs: Inputs, old: str, new: str, at: str, key: str, message: str, hint: str) -> None:
    text = edit(inputs.content, old, new)
    content, diags = load_content(inputs.content)
    assert content is None
    d = the_error(diags)
    if key:
        assert_points_at(d, inputs.content, text, at, key)
    else:  # a file that does not parse has no key path yet
        line, col = position(text, at)
        assert d.format().startswith(f"{inputs.content}:{line}:{col}: error: ")
    assert message in d.message
    assert hint in d.hint


def test_an_accent_typed_as_a_mark_of_its_own_prints_over_its_letter(inputs: Inputs) -> None:
    """'cafe' + U+0301 (as a Mac keyboard or a file name's words may give it) printed the accent beside the e,
    over the gap after it, exit 0. The text is read as the same text composed (NFC): the font's é prints."""
    edit(inputs.content, '"Fine needles', '"Cafe\u0301 fine needles')
    result = build(inputs)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    words = " ".join(t.text for p in result.layout.pages for t in p.items if isinstance(t, Text))
    assert "Caf\u00e9 fine needles" in words and "\u0301" not in words


@pytest.mark.parametrize(
    ("callout", "warned"),
    [
        ('{text: "Do not use a home roller.", tone: warning}', True),
        ('{title: Warning, text: "Do not use a home roller.", tone: warning}', False),
        ('{text: "**Warning:** do not use a home roller.", tone: warning}', False),
        ('{text: "A calm note.", tone: note}', False),
    ],
)
def test_a_warning_callout_that_only_its_icon_says_is_one_is_warned(inputs: Inputs, callout: str, warned: bool) -> None:
    """A warning callout with no title printed its warning sign and tint, both decoration, with words that read
    as any paragraph: a screen reader never said it was a warning (an accessibility review, 2026-12-06)."""
    text = edit(inputs.content, "      - cards:", f"      - callout: {callout}\n      - cards:")
    content, diags = load_content(inputs.content)
    assert content is not None, [d.format() for d in diags]
    said = [d for d in diags if "a warning callout with no title" in d.message]
    assert len(said) == warned, [d.format() for d in diags]
    for d in said:
        assert not d.is_error and (d.location.line, d.location.column) == position(text, "warning}")
        assert "title: Warning" in d.hint


@pytest.mark.parametrize(
    ("alt", "warned", "src"),
    [
        ("IMG_2041.jpg", True, "IMG_2041.JPG"),
        ("img_2041", True, "IMG_2041.JPG"),
        ("room.png", True, "IMG_2041.JPG"),
        ("A reclining chair under a lamp", False, "IMG_2041.JPG"),
        ("Nurse", False, "nurse.jpg"),  # (its file named for what it shows: words, no file's name)
        ("nurse-photo", True, "nurse-photo.jpg"),
        ("IMG_2041", True, "room.jpg"),  # (a camera's name for another picture, its ending dropped)
        ("DSC_0001", True, "room.jpg"),
        ("Screenshot 2026-11-02 10 14 03", True, "room.jpg"),
        ("Covid 19 vaccine", False, "room.jpg"),
    ],
)
def test_a_pictures_text_alternative_that_is_a_file_name_is_warned(
    inputs: Inputs, alt: str, warned: bool, src: str
) -> None:
    """A picture's alt: that is a file name (its own, or any picture's) was the figure's /Alt: a screen reader read
    "IMG underscore 2041 dot jpg" for the picture (an accessibility review, 2026-12-06). A word that names the file
    too ('Nurse' for nurse.jpg) says what it shows."""
    Image.new("RGB", (1200, 800), (200, 180, 160)).save(inputs.content.parent / src, format="JPEG")
    new = f'      - image: {{src: {src}, alt: "{alt}"}}\n      - cards:'
    text = edit(inputs.content, "      - cards:", new)
    content, diags = load_content(inputs.content)
    assert content is not None, [d.format() for d in diags]
    said = [d for d in diags if "text alternative is a file name" in d.message]
    assert len(said) == warned, [d.format() for d in diags]
    for d in said:
        assert not d.is_error and (d.location.line, d.location.column) == position(text, f'"{alt}"')


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ('"Tell us if you have:\\n- a cold sore\\n- a rash"', True),
        ('"Tell us if you have:\\n  \u2022 a cold sore\\n  \u2022 a rash"', True),
        ('"Tell us if you have a cold sore\\n- or a rash"', False),  # (one line: a dash, as a sentence may have)
        ('"Tell us if you have - a cold sore - a rash"', False),
    ],
)
def test_a_list_typed_into_a_text_is_warned(inputs: Inputs, text: str, warned: bool) -> None:
    """A list typed into a callout's text (its lines '- a cold sore') printed run on, 'Tell us if you have: - a cold
    sore - a rash', one sentence to a screen reader, exit 0 (an accessibility review, 2026-12-06)."""
    said = _warned_of(inputs, f"      - callout: {{text: {text}}}", "as a list's items do", warned, text)
    assert all("bullets:" in d.hint for d in said)


@pytest.mark.parametrize(
    ("block", "warned"),
    [
        ("      - text: |\n          Redness lasts a day.\n\n          Swelling, two.", True),
        ("      - text: >\n          Redness lasts a day.\n\n          Swelling, two.", True),
        ("      - text: Redness lasts\n          a day.\n  \n          Swelling, two.", True),  # (spaces only)
        ('      - callout: {text: "Redness lasts a day.\n\n          Swelling, two."}', True),
        ("      - text: |\n          Redness lasts a day.\n          Swelling, two.\n\n", False),  # (after it)
        ("      - text: Redness lasts\n          a day.", False),
        ("      - text: |\n\n\n          Redness lasts a day.\n          Swelling, two.", False),  # (before it)
        ("      - text: Redness lasts a day.\n" + "\n" * 300 + "          Swelling, two.", True),  # (past 200 lines)
    ],
    ids=["literal", "folded", "plain", "callout", "blank-line-after", "two-lines", "blank-line-before", "long"],
)
def test_a_blank_line_typed_in_a_text_is_warned(inputs: Inputs, block: str, warned: bool) -> None:
    """Two paragraphs typed in one text, a blank line between, printed run on as one, no word said (a tester's
    finding, 2026-12-07): a warning at the text, whichever way YAML writes it; none for a blank line after it."""
    first = block.split(": ", 1)[1].split("\n")[0]
    said = _warned_of(inputs, block, "blank line", warned, first.removeprefix("{text: "))
    own = block.lstrip().startswith("- text:")  # (a callout's text is one paragraph: the blank line goes)
    assert all(("text block of its own" in d.hint) == own for d in said)


def test_a_blank_line_in_a_list_item_is_told_to_be_removed(inputs: Inputs) -> None:
    """A list item, a callout or an answer is one paragraph: the hint to make each paragraph a text block fits a
    text block alone (a reviewer, 2026-12-07)."""
    block = '      - bullets:\n          - "Redness lasts a day.\n\n            Swelling, two."'
    (said,) = _warned_of(inputs, block, "blank line", True, '"Redness lasts a day.')
    assert said.hint.startswith("remove the blank line: this text is one paragraph"), said.hint


def _warned_of(inputs: Inputs, block: str, message: str, warned: bool, at: str) -> list[Diagnostic]:
    """The warnings that say `message` of a block added before the cards: one if `warned`, at `at`, else none."""
    written = edit(inputs.content, "      - cards:", f"{block}\n      - cards:")
    content, diags = load_content(inputs.content)
    assert content is not None, [d.format() for d in diags]
    said = [d for d in diags if message in d.message]
    assert len(said) == warned, [d.format() for d in diags]
    for d in said:
        assert not d.is_error and (d.location.line, d.location.column) == position(written, at)
    return said


@pytest.mark.parametrize(
    ("typed", "warned"),
    [
        ("text: Tell us if you have\n            - a cold sore\n            - a rash", True),  # (YAML joins the lines)
        ("text: >\n            Tell us if you have:\n            - a cold sore\n            - a rash", True),
        ("text: >\n            Tell us first\n            - if you have a cold sore.", False),  # (one line: a dash)
    ],
    ids=["plain", "folded", "folded-one-dash"],
)
def test_a_list_typed_on_lines_yaml_joins_is_warned(inputs: Inputs, typed: str, warned: bool) -> None:
    """A list typed as people type one, on the text's own lines ('- a cold sore'), which YAML joins with spaces into
    one line ("Tell us if you have - a cold sore - a rash"): only a list in a text with new lines (written "\\n" or
    after '|') was warned of; these printed run on, exit 0. The next block's '- ' is none of the text's lines."""
    _warned_of(inputs, f"      - callout:\n          {typed}", "as a list's items do", warned, typed[6:])


@pytest.mark.parametrize(
    ("text", "warned"),
    [('"### After the first week"', True), ('"## Aftercare"', True), ('"#1 risk is infection"', False)],
)
def test_a_markdown_heading_typed_into_a_text_is_warned(inputs: Inputs, text: str, warned: bool) -> None:
    """A third level of heading typed as Markdown ("### After the first week") printed its '###' in a paragraph,
    exit 0: a screen reader met a paragraph, not a heading (an accessibility review, 2026-12-06)."""
    said = _warned_of(inputs, f"      - text: {text}", "as a Markdown heading does", warned, text)
    assert all("subheading:" in d.hint for d in said)


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ('"**Before you come**"', True),
        ('"**Antes de venir**"', True),
        ('"**Call 999 if you cannot breathe.**"', False),  # (a sentence in bold: emphasis)
        ('"**\\"Stop if it hurts.\\"**"', False),  # (its stop inside the quotes)
        ('"**Call 999 in an emergency**"', False),  # (instructions: a figure, a number to call, a link)
        ('"**Do not drive for 24 hours**"', False),
        ('"**0117 496 0321**"', False),
        ('"**[Book online](https://example.com/book)**"', False),
        ('"**Before you come** tell us of any cold sores"', False),  # (a bold lead-in)
        ('"Before you come"', False),
    ],
)
def test_a_heading_typed_in_bold_is_warned(inputs: Inputs, text: str, warned: bool) -> None:
    """A paragraph of a few words all in bold ("**Before you come**") was tagged a paragraph, exit 0: a screen
    reader's list of headings left it out (an accessibility officer's review, 2026-12-07). Bold instructions
    ("**Call 999 in an emergency**", a phone number, a linked call to action) are not headings (a review)."""
    said = _warned_of(inputs, f"      - text: {text}", "all in bold, as a heading is set", warned, text)
    assert all("subheading: " in d.hint for d in said)


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("\u201cTell us if you have a cold sore.\u201d", True),  # (a word processor's quotes, pasted: they print)
        ("\u201eSag uns Bescheid.\u201c", True),
        ('"\u201cIt changed how I feel.\u201d"', False),  # (in straight quotes: a quotation, meant to print)
        ("\u201cMicro-needling\u201d is a treatment.", False),
    ],
)
def test_a_text_in_curly_quotes_is_warned_that_they_print(inputs: Inputs, text: str, warned: bool) -> None:
    """A translator's `text: “Il ne convient pas...”`, its quotes made curly by a word processor, printed them,
    exit 0: YAML takes straight quotes only (a translator, 2026-12-07)."""
    said = _warned_of(inputs, f"      - text: {text}", "the text is in curly quotes", warned, text)
    assert all("write straight quotes around the text, or none" in d.hint for d in said)


def test_persian_and_arabic_letters_mixed_up_are_warned(tmp_path: Path) -> None:
    """A Persian translation marked `language: ar` built silently, read aloud in an Arabic voice and named ...-ar-;
    Persian typed on an Arabic keyboard (ي, ك, ٤٥٦) passed too (a translator, 2026-12-07). The shipped Arabic has
    neither."""
    arabic = (ROOT / "translations/ar.yaml").read_text(encoding="utf-8")
    cases = {
        "persian-as-ar": arabic.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9"),
        "arabic-as-fa": re.sub(r"(?m)^language: ar\b", "language: fa", arabic, count=1),
        "shipped": arabic,
    }
    said = {}
    for name, text in cases.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
        content, diags = load_content(tmp_path / f"{name}.yaml")
        assert content is not None, [d.format() for d in diags if d.is_error]
        said[name] = [d for d in diags if "Persian letters" in d.message or "Arabic keyboard" in d.message]
    (d,) = said["persian-as-ar"]
    assert d.location.key == "language" and "their language is 'ar'" in d.message and "language: fa" in d.hint
    (d,) = said["arabic-as-fa"]
    assert "typed with Arabic's yeh or kaf (\u0643 \u064a), where 'fa' writes \u06cc and \u06a9" in d.message
    assert said["shipped"] == []
    digits = cases["arabic-as-fa"].replace("\u064a", "\u06cc").replace("\u0643", "\u06a9")
    digits = digits.replace("48", "\u0664\u0668", 1)
    (tmp_path / "digits.yaml").write_text(digits, encoding="utf-8")
    _, diags = load_content(tmp_path / "digits.yaml")
    (d,) = [d for d in diags if "Arabic keyboard" in d.message]
    assert "typed with Arabic's digits (\u0664 \u0668)" in d.message


def test_a_bold_line_that_ends_its_section_is_no_heading(inputs: Inputs) -> None:
    """A heading has words after it: a section's last block in bold ("**Ask us anything**") is emphasis."""
    edit(
        inputs.content,
        '          - "Redness for 1 to 3 days"\n',
        '          - "Redness for 1 to 3 days"\n      - text: "**Ask us anything**"\n',
    )
    content, diags = load_content(inputs.content)
    assert content is not None and not [d for d in diags if "as a heading is set" in d.message], diags
    edit(
        inputs.content,
        '      - bullets:\n          - "Redness',
        '      - text: "**Ask us anything**"\n      - bullets:\n          - "Redness',
    )
    _, diags = load_content(inputs.content)
    assert len([d for d in diags if "as a heading is set" in d.message]) == 1, diags


@pytest.mark.parametrize(
    ("alt", "warned"),
    [
        *(("Image", True), ("photo.", True), ("Foto", True), ("A reclining chair under a lamp", False)),
        *(("An image", True), ("una imagen", True), ("A nurse", False)),
    ],
)
def test_a_pictures_text_alternative_that_only_says_picture_is_warned(inputs: Inputs, alt: str, warned: bool) -> None:
    """`alt: image` was the figure's /Alt, unsaid: a screen reader read "image, graphic" and nothing of what it
    shows (an accessibility officer's review, 2026-12-07); so was 'An image' (an accessibility tester)."""
    Image.new("RGB", (1200, 800), (200, 180, 160)).save(inputs.content.parent / "room.jpg", format="JPEG")
    said = _warned_of(
        inputs,
        f'      - image: {{src: room.jpg, alt: "{alt}"}}',
        "says only that there is a picture",
        warned,
        f'"{alt}"',
    )
    assert all("say what the picture shows" in d.hint for d in said)


@pytest.mark.parametrize(
    ("alt", "warned"), [(".", True), ("!!", True), ("…", True), ("Nurse 2", False), ("999", False)]
)
def test_a_pictures_text_alternative_without_words_is_warned(inputs: Inputs, alt: str, warned: bool) -> None:
    """`alt: "."` (or "!!") was the figure's /Alt, unsaid: a screen reader read "dot" or nothing in place of the
    picture (an accessibility tester, 2026-12-07). A number is words ('999': a picture of the number says it)."""
    Image.new("RGB", (1200, 800), (200, 180, 160)).save(inputs.content.parent / "room.jpg", format="JPEG")
    said = _warned_of(inputs, f'      - image: {{src: room.jpg, alt: "{alt}"}}', "has no words", warned, f'"{alt}"')
    assert all("say what the picture shows" in d.hint for d in said)


def test_a_quote_left_open_is_named_where_it_opens(inputs: Inputs) -> None:
    """YAML notices a quote left open lines later, where the text it read on runs out: the error's place is the
    parser's, and its hint names the line and column the quote opened at (it said only "check indentation")."""
    text = edit(inputs.content, "subtitle: for acne scars", 'subtitle: "for acne scars')
    content, diags = load_content(inputs.content)
    assert content is None
    d = the_error(diags)
    line, col = position(text, '"for acne scars')
    assert d.message.startswith("YAML syntax: ") and d.location.line > line
    assert d.hint == f"the quote opened at line {line}, column {col} is not closed: close it", d.format()


@pytest.mark.parametrize(("opened", "close"), [("[", "]"), ("{", "}")], ids=["list", "mapping"])
def test_a_bracket_left_open_is_named_where_it_opens(inputs: Inputs, opened: str, close: str) -> None:
    """A text that starts with [ (or {) is a list (a mapping) to YAML, which notices it left open where the next
    key cannot be one of its items: the error's place is the parser's, lines on, and its hint named neither the
    bracket nor its line (a tester, 2026-12-07). The hint names where it opens."""
    text = edit(inputs.content, "subtitle: for acne scars", f"subtitle: {opened}for acne scars")
    content, diags = load_content(inputs.content)
    assert content is None
    d = the_error(diags)
    line, col = position(text, f"{opened}for acne scars")
    assert d.message.startswith("YAML syntax: ") and d.location.line > line, d.format()
    assert d.hint.startswith(f"the {opened} opened at line {line}, column {col} is not closed: close it with {close}")


def test_a_comma_left_out_of_a_list_over_lines_is_named_not_an_unclosed_bracket(inputs: Inputs) -> None:
    """A list in brackets over lines with a comma left out was told its bracket was not closed (a reviewer,
    2026-12-07): where a closing bracket follows, the hint says a comma is missing before the item."""
    text = edit(
        inputs.content, "subtitle: for acne scars", 'subtitle: ["for acne scars",\n  "and dark patches"\n  "x"]'
    )
    content, diags = load_content(inputs.content)
    assert content is None
    d = the_error(diags)
    line, col = position(text, '["for acne scars"')
    assert d.location.line == line + 2, d.format()
    assert d.hint == f"put a comma before this item of the [ ... ] opened at line {line}, column {col}", d.format()


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("subtitle: \u201cfor acne scars: and marks\u201d", "starts with \u201c, a typographic quote"),
        ('subtitle: "for acne "scars" and marks"', "a double quote inside text in double quotes ends it"),
    ],
    ids=["typographic-quotes", "quotes-inside-quotes"],
)
def test_quotes_a_word_processor_typed_or_quotes_inside_quotes_are_told_apart(
    inputs: Inputs, written: str, said: str
) -> None:
    """Text put in Word's quotes (“...: ...”) or holding a pair of straight ones ("... "risks" ...") was told to
    "quote text that contains ': '", which its writer thought done: the hint says what the quotes are and the fix,
    which builds."""
    edit(inputs.content, "subtitle: for acne scars", written)
    content, diags = load_content(inputs.content)
    assert content is None and said in the_error(diags).hint, the_error(diags).format()
    edit(inputs.content, written, 'subtitle: "for acne \\"scars\\" and marks: \u201cwhat to expect\u201d"')
    content, diags = load_content(inputs.content)
    assert content is not None and content.subtitle == 'for acne "scars" and marks: \u201cwhat to expect\u201d'


def test_a_quoted_text_over_two_lines_is_not_blamed_for_a_later_mistake(inputs: Inputs) -> None:
    """A quoted text may go on over lines (valid YAML): a mistake a few lines after it was said to be its open quote."""
    text = edit(inputs.content, "subtitle: for acne scars", 'subtitle: "for acne\n  scars"\noops: here: there')
    content, diags = load_content(inputs.content)
    assert content is None
    d = the_error(diags)
    assert "is not closed" not in d.hint and "check indentation" in d.hint, d.format()
    assert d.location.line == position(text, "oops: here")[0]


def test_sections_given_as_text_instead_of_a_list(inputs: Inputs) -> None:
    text = inputs.content.read_text(encoding="utf-8")
    text = re.sub(r"sections:\n(?:  .*\n)+", "sections: what-is-it, risks\n", text)
    inputs.content.write_text(text, encoding="utf-8")
    content, diags = load_content(inputs.content)
    assert content is None
    d = the_error(diags)
    assert_points_at(d, inputs.content, text, "sections:", "sections")
    assert d.message == "expected a list, found text"
    assert "- " in d.hint


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"], ids=["zero-bytes", "blank-lines", "comment"])
def test_empty_content_file(inputs: Inputs, text: str) -> None:
    inputs.content.write_text(text, encoding="utf-8")
    content, diags = load_content(inputs.content)
    assert content is None
    d = the_error(diags)
    assert d.format().startswith(f"{inputs.content}:1:1: error: the file is empty")
    assert d.hint


@pytest.mark.parametrize("which", ["content", "brand"])
def test_input_file_not_found(tmp_path: Path, which: str) -> None:
    missing = tmp_path / "nowhere" / f"{which}.yaml"
    loaded, diags = (load_content if which == "content" else load_brand)(missing)
    assert loaded is None
    d = the_error(diags)
    assert d.format().startswith(f"{missing}: error: {which} file not found")
    assert "--" + which in d.hint


@pytest.mark.parametrize(
    ("argv", "message", "hint"),
    [
        (("batch", "{content}"), "this is a content file (a leaflet's words), not an editions file", "--content"),
        (
            ("build", "--brand", "{content}"),
            "this is a content file (a leaflet's words), not a brand file",
            "--content",
        ),
        (("build", "--content", "{brand}"), "this is a brand file (a kit's brand.yaml), not a content file", "--brand"),
        (("batch", "{brand}"), "this is a brand file (a kit's brand.yaml), not an editions file", "kit:"),
        (("build", "--content", "{editions}"), "this is an editions file, not a content file", "brochure batch"),
    ],
    ids=["content-as-editions", "content-as-brand", "brand-as-content", "brand-as-editions", "editions-as-content"],
)
def test_a_file_of_another_kind_is_named_as_what_it_is(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str, hint: str
) -> None:
    """`brochure batch content.yaml` listed each of its nine keys as unknown; one error says what the file is."""
    editions = editions_file(inputs, "brands:\n  - kit: assets/brand.yaml\n    languages: [content.yaml]\n")
    files = {"content": inputs.content, "brand": inputs.brand, "editions": editions}
    status, _, err = cli(capsys, *(a.format(**files) for a in argv))
    lines = [line for line in err.splitlines() if ": error: " in line]
    assert status == 1 and len(lines) == 1 and f":1: error: {message} (hint: " in lines[0], err
    assert hint in lines[0].split("(hint: ")[1] and "unknown key" not in err


def test_a_file_sharing_a_key_with_its_own_kind_is_read_key_by_key(inputs: Inputs) -> None:
    """A content file with its title, and keys of a brand file: its own kind's mistakes, each where it is."""
    edit(inputs.content, "\ntitle: Micro", "\ncolors: {}\nfonts: {}\ntitle: Micro")
    content, diags = load_content(inputs.content)
    assert content is None and {d.message for d in diags if d.is_error} == {
        "unknown key 'colors'",
        "unknown key 'fonts'",
    }


# (old, new, at, key, words in the message, words in the hint)
BRAND_MISTAKES = {
    "cmyk-in-fractions-of-whole-numbers": (  # ([0, 1, 1, 0] meant full red: 1 % magenta and yellow)
        "primary: [85, 35, 40, 25]",
        "primary: [0, 1, 1, 0]",
        "[0, 1",
        "colors.cmyk.primary",
        "the CMYK colour [0, 1, 1, 0] is written in fractions of 1",
        "write it in percent: [0, 100, 100, 0]",
    ),
    "cmyk-in-fractions": (  # (printed almost white, with a colour warning and contrast errors saying nothing of it)
        "primary: [85, 35, 40, 25]",
        "primary: [0.85, 0.35, 0.4, 0.25]",
        "[0.85",
        "colors.cmyk.primary",
        "the CMYK colour [0.85, 0.35, 0.4, 0.25] is written in fractions of 1: brochure reads percent",
        "write it in percent: [85, 35, 40, 25]",
    ),
    "cmyk-as-a-hex-colour": (  # (was "expected a list, found text", hinted to start items with '- ')
        "primary: [85, 35, 40, 25]",
        'primary: "#0B0D10"',
        '"#0B0D10"',
        "colors.cmyk.primary",
        "a CMYK colour is a list of four percentages, not the text '#0B0D10'",
        "write [C, M, Y, K] in percent, e.g. [85, 30, 40, 20]; the kit's colour (colors.primary) is what the office",
    ),
    "cmyk-as-a-number": (
        "primary: [85, 35, 40, 25]",
        "primary: 85",
        "85",
        "colors.cmyk.primary",
        "a CMYK colour is a list of four percentages, not a number",
        "[C, M, Y, K]",
    ),
    "colour-with-its-opacity": (  # (#RRGGBBAA, as a design program copies it: no colour was offered)
        '"#1D5C63"',
        '"#1D5C63FF"',
        '"#1D5C63FF"',
        "colors.primary",
        "it has 8 digits after the #, not 6 (the last two its opacity)",
        "did you mean '#1D5C63'?",
    ),
    "colour-with-a-space-after-the-hash": (
        '"#1D5C63"',
        '"# 1D5C63"',
        '"# 1D5C63"',
        "colors.primary",
        "'# 1D5C63' is not a colour",
        "did you mean '#1D5C63'?",
    ),
    "colour-by-its-name": (  # (a clinic with no designer types the name: no colour was offered, a tester)
        '"#1D5C63"',
        "teal",
        "teal",
        "colors.primary",
        "'teal' is not a colour",
        "did you mean '#008080' (CSS's teal)?",
    ),
    "colour-five-digits": (
        '"#1D5C63"',
        '"#12345"',
        '"#12345"',
        "colors.primary",
        "'#12345' is not a colour",
        "#RRGGBB",
    ),
    "logo-windows-path-in-double-quotes": (  # ("C:\Users\...": said as "check indentation")
        "logo: logo.svg",
        'logo: "C:\\Users\\Sian\\logo.svg"',
        "sers",
        "",
        "YAML syntax",
        "put the text in single quotes, where a backslash is itself",
    ),
    "a-key-a-space-out-of-line": (  # (a commented line's '#' deleted and its space left: "check indentation")
        "logo: logo.svg",
        " logo: logo.svg",
        "logo: logo.svg",
        "",
        "YAML syntax",
        "this line starts with 1 space, which lines it up with no key above it",
    ),
    "colour-name": ('accent: "#E07A5F"', "accent: red", "red", "colors.accent", "'red' is not a colour", "#RRGGBB"),
    "colour-unquoted": (
        'accent: "#E07A5F"',
        "accent: #E07A5F",
        "accent: #E07A5F",
        "colors.accent",
        "no colour: YAML reads everything after a # that follows a space as a comment",
        'write the colour in quotes, e.g. accent: "#1D5C63"',
    ),
    "cmyk-three-numbers": (
        "[85, 35, 40, 25]",
        "[85, 35, 40]",
        "[85",
        "colors.cmyk.primary",
        "four numbers",
        "[C, M, Y, K]",
    ),
    "cmyk-five-numbers": (
        "[85, 35, 40, 25]",
        "[85, 35, 40, 25, 5]",
        "[85",
        "colors.cmyk.primary",
        "four numbers",
        "[C, M, Y, K]",
    ),
    "cmyk-over-100": (
        "[85, 35, 40, 25]",
        "[85, 350, 40, 25]",
        "350",
        "colors.cmyk.primary[1]",
        "350 is out of range",
        "0 to 100",
    ),
    "colour-in-curly-quotes": (  # (pasted from a word processor: it said only that it is not a colour)
        'primary: "#1D5C63"',
        "primary: \u201c#1D5C63\u201d",
        "\u201c#1D5C63\u201d",
        "colors.primary",
        "is not a colour: it is in curly quotes",
        'write it in straight quotes: "#1D5C63" (YAML reads # as a comment)',
    ),
    "weight-not-whole": (  # (600.5 was read as 600, without a word)
        "weight: 600}",
        "weight: 600.5}",
        "600.5",
        "fonts.heading.weight",
        "600.5 is not a weight",
        "a whole number from 100 to 900",
    ),
    "weight-nearly-whole": (  # (said "600 is not a weight": the value rounded to six figures)
        "weight: 600}",
        "weight: 600.0000001}",
        "600.0000001",
        "fonts.heading.weight",
        "600.0000001 is not a weight",
        "a whole number from 100 to 900",
    ),
    "cmyk-just-over-100": (  # (it said "100 is out of range": the value rounded to six figures)
        "[85, 35, 40, 25]",
        "[85, 100.0000001, 40, 25]",
        "100.0000001",
        "colors.cmyk.primary[1]",
        "100.0000001 is out of range",
        "0 to 100",
    ),
    "cmyk-not-a-number": (
        "[85, 35, 40, 25]",
        "[85, 35, forty, 25]",
        "forty",
        "colors.cmyk.primary[2]",
        "expected a number",
        "0 to 100",
    ),
    "cmyk-unknown-colour": (
        "    primary: [85",
        "    primry: [85",
        "primry",
        "colors.cmyk.primry",
        "unknown key",
        "did you mean 'primary'?",
    ),
    "font-otf": (
        "body: {family: Be Vietnam Pro}",
        "body: {regular: fonts/Body.otf}",
        "fonts/Body.otf",
        "fonts.body.regular",
        "not a TTF file",
        ".ttf",
    ),
    "font-without-an-ending": (  # (it was told that CFF .otf fonts are not supported)
        "body: {family: Be Vietnam Pro}",
        "body: {regular: fonts/k}",
        "fonts/k",
        "fonts.body.regular",
        "not a TTF file",
        "name the font's TrueType file, its name ending in .ttf",
    ),
    "font-collection": (  # (a collection is TrueType: it was told that CFF .otf fonts are not supported)
        "body: {family: Be Vietnam Pro}",
        "body: {regular: fonts/NotoSansCJK-Regular.ttc}",
        "fonts/NotoSansCJK-Regular.ttc",
        "fonts.body.regular",
        "not a TTF file",
        "a font collection (.ttc) holds several fonts in one file",
    ),
    "asset-escapes-kit": (
        "logo: logo.svg",
        "logo: ../../etc/passwd",
        "../../etc/passwd",
        "logo",
        "outside the brand kit's folder",
        "copy the file into",
    ),
    "asset-escapes-to-content": (
        "logo: logo.svg",
        "logo: ../content.yaml",
        "../content.yaml",
        "logo",
        "outside the brand kit's folder",
        "copy the file into",
    ),
    "logo-missing": (
        "logo: logo.svg",
        "logo: missing.svg",
        "missing.svg",
        "logo",
        "'missing.svg' not found",
        "relative to the brand file",
    ),
    "bad-email": (
        "hello@example.com",
        "hello(at)example.com",
        "hello(at)",
        "contact.email",
        "not a valid email",
        "hello@example.com",
    ),
    "bad-phone": ('"+44 117 496 0321"', "call us", "call us", "contact.phone", "not a valid phone", "digits"),
    "phone-with-an-extension": (  # (was "not a phone number: use digits, ...", nothing said of the extension)
        '"+44 117 496 0321"',
        '"+44 117 496 0321 ext. 2"',
        '"+44 117 496 0321 ext. 2"',
        "contact.phone",
        "it has an extension ('ext. 2'), which the leaflet's phone link cannot dial",
        "give the number without 'ext. 2' here, and the extension in the leaflet's words where they say to call",
    ),
    "bad-website": (
        "website: https://example.com",
        "website: example.com",
        "example.com\n  booking",
        "contact.website",
        "not a valid website",
        "https://",
    ),
    "bad-booking-url": (
        "booking_url: https://example.com/book",
        "booking_url: www.example.com/book",
        "www.",
        "contact.booking_url",
        "not a valid booking url",
        "https://",
    ),
    "bad-paper": ("paper: a4", "paper: a5", "a5", "paper", "'a5' is not a valid value", "letter"),
    "a-social-media-account-in-contact": (  # (was "unknown key ... expected one of": nowhere to put her Instagram)
        "contact:\n",
        'contact:\n  Instagram: "@rosehillskin"\n',
        "Instagram:",
        "contact.Instagram",
        "unknown key 'Instagram': a kit's contact lines are its phone, email and web pages",
        "call_to_action.text: 'Follow us on Instagram: [@yourclinic](https://...)'",
    ),
}


@pytest.mark.parametrize(
    ("old", "new", "at", "key", "message", "hint"), BRAND_MISTAKES.values(), ids=BRAND_MISTAKES.keys()
)
def test_brand_mistake(inputs: Inputs, old: str, new: str, at: str, key: str, message: str, hint: str) -> None:
    text = edit(inputs.brand, old, new)
    brand, diags = load_brand(inputs.brand)
    assert brand is None
    d = the_error(diags)
    if key:
        assert_points_at(d, inputs.brand, text, at, key)
    else:  # a file that does not parse has no key path yet
        line, col = position(text, at)
        assert d.format().startswith(f"{inputs.brand}:{line}:{col}: error: ")
    assert message in d.message
    assert hint in d.hint


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("{family: Comic Sans}", "fonts.body.family"),
        ("Comic Sans", "fonts.body"),
        ("\n    family: Comic Sans", "fonts.body.family"),
    ],
    ids=["flow-mapping", "plain-name", "block-mapping"],
)
def test_unknown_font_family(inputs: Inputs, spelling: str, key: str) -> None:
    text = edit(inputs.brand, "body: {family: Be Vietnam Pro}", f"body: {spelling}")
    brand, diags = load_brand(inputs.brand)
    assert brand is not None and not diags  # the name is checked against the installed fonts
    fonts, diags = load_fonts(brand)
    assert fonts is None
    d = the_error(diags)
    assert_points_at(d, inputs.brand, text, "Comic Sans", key)
    assert "'Comic Sans' is not installed" in d.message
    assert "pip" in d.message + d.hint


# Logo files: each must give one error, at `logo:` in brand.yaml or, for what one element of an SVG has, at that
# element in the SVG file (with where the kit names it).

SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 40"'
BAD_LOGOS = {
    "text": (f'<svg {SVG}><text x="0" y="30">Clinic</text></svg>', "text", "outlines"),
    "external-image": (
        f'<svg {SVG}><image xlink:href="https://example.com/a.png" width="9" height="9"/></svg>',
        "links a picture, 'https://example.com/a.png'",
        "use the picture itself as the logo (a PNG)",  # (not "embed": an embedded picture is refused too)
    ),
    "external-use": (f'<svg {SVG}><use href="other.svg#mark"/></svg>', "outside file", "embed"),
    "not-xml": ("GIF89a not an svg", "not a readable SVG", "SVG"),
    "not-svg": ("<html><body/></html>", "not an SVG", "<svg>"),
    "no-size": ('<svg xmlns="http://www.w3.org/2000/svg"></svg>', "no size", "viewBox"),
}


@pytest.mark.parametrize(("svg", "message", "hint"), BAD_LOGOS.values(), ids=BAD_LOGOS.keys())
def test_unusable_logo_svg(inputs: Inputs, svg: str, message: str, hint: str) -> None:
    (inputs.kit / "logo.svg").write_text(svg, encoding="utf-8")
    brand, diags = load_brand(inputs.brand)
    assert brand is None
    d = the_error(diags)
    if message == "not a readable SVG":  # (said where the SVG breaks, in its file, and where the kit names it)
        assert d.location.file == str(inputs.kit / "logo.svg") and d.location.line >= 1, d.format()
        line, col = position(inputs.brand.read_text(encoding="utf-8"), "logo.svg")
        assert f"(named at {inputs.brand}:{line}:{col})" in d.message, d.message
    elif message in ("text", "outside file", "links a picture, 'https://example.com/a.png'"):  # (at the
        # element that has it, in the SVG file, and where the kit names it)
        tag = {"text": "<text", "outside file": "<use"}.get(message, "<image")
        assert (d.location.file, d.location.line, d.location.column) == (
            str(inputs.kit / "logo.svg"),
            1,
            svg.index(tag) + 1,
        )
        line, col = position(inputs.brand.read_text(encoding="utf-8"), "logo.svg")
        assert f"(named at {inputs.brand}:{line}:{col})" in d.message, d.message
    else:
        assert_points_at(d, inputs.brand, inputs.brand.read_text(encoding="utf-8"), "logo.svg", "logo")
    assert message in d.message
    assert hint in d.hint


def _strings(node: object) -> str:
    """Every attribute of every shape in a drawing, as one string."""
    parts = [repr(vars(node))]
    if isinstance(node, Group):
        parts += [_strings(child) for child in node.getContents()]
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("target", "body", "leak"),
    [
        # if resolved, the entity would add a rectangle in #ABCDEF to the logo (its green, .803922, is a string no
        # temporary folder's name holds: "777" was, now and then)
        ("injected.xml", "&x;", ".803922"),
        ("file:///etc/passwd", "<desc>&x;</desc>", "root:"),
        ("file:///etc/passwd", '<g id="&x;"/>', "root:"),
    ],
    ids=["injected-shape", "passwd-in-text", "passwd-in-attribute"],
)
def test_logo_svg_entities_never_read_local_files(inputs: Inputs, target: str, body: str, leak: str) -> None:
    injected = inputs.kit.parent / "injected.xml"
    injected.write_text('<rect width="777" height="7" fill="#ABCDEF"/>', encoding="utf-8")
    url = injected.as_uri() if target == "injected.xml" else target
    (inputs.kit / "logo.svg").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "{url}">]>\n'
        f'<svg {SVG}><rect width="40" height="40" fill="#1D5C63"/>{body}</svg>',
        encoding="utf-8",
    )
    brand, diags = load_brand(inputs.brand)
    logo, problem = load_logo(inputs.kit / "logo.svg", Location(str(inputs.brand), 13, 7, "logo"))
    assert all(leak not in d.format() for d in diags)
    if logo is None:  # refusing the file is fine...
        assert brand is None and problem is not None and leak not in problem.format()
    else:  # ...and so is drawing it, as long as the entity stays unread
        assert brand is not None and logo.drawing is not None
        assert leak not in _strings(logo.drawing)


# Pictures in image blocks: paths are relative to the content file.

IMAGE_BLOCK = "      - image:\n          src: pics/photo.png\n          alt: A smiling patient\n"


def _add_image(inputs: Inputs) -> tuple[str, Path]:
    text = edit(inputs.content, "      - bullets:\n", IMAGE_BLOCK + "      - bullets:\n")
    return text, inputs.content.parent / "pics" / "photo.png"


def test_good_picture_loads(inputs: Inputs) -> None:
    _, picture = _add_image(inputs)
    picture.parent.mkdir()
    Image.new("RGB", (300, 200), "#7FB7BE").save(picture)
    content, diags = load_content(inputs.content)
    assert content is not None and not diags


@pytest.mark.parametrize(("size", "warned"), [((60, 1200), "mm wide, too thin to show"), ((900, 600), "")])
def test_a_picture_far_taller_than_wide_is_warned_to_print_as_a_sliver(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], size: tuple[int, int], warned: str
) -> None:
    """A 300 x 5000 pixel picture printed 3 mm wide (a strip 1.5 mm tall the other way), exit 0: a warning at its
    `src`, with how thin it prints and its shape."""
    text, picture = _add_image(inputs)
    picture.parent.mkdir()
    Image.new("RGB", size, "#7FB7BE").save(picture)
    status, errors, warnings = check(inputs, capsys)
    said = [w for w in warnings if "too thin to show" in w]
    assert status == 0 and not errors
    line, col = position(text, "pics/photo.png")
    assert (
        said == [] if not warned else said[0].startswith(f"{inputs.content}:{line}:{col}: warning: the picture prints")
    )
    assert all(warned in w and "20 times as tall as it is wide" in w for w in said)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 40), "not a readable picture"),
        (lambda p: p.write_bytes(b""), "not a readable picture"),
        (lambda p: Image.new("1", (8000, 8000)).save(p), "8000 x 8000 pixels is more than a picture may have"),
        (lambda p: None, "'pics/photo.png' not found"),
    ],
    ids=["garbage-bytes", "zero-bytes", "64-megapixels", "missing"],
)
def test_unusable_picture(inputs: Inputs, make: Callable[[Path], object], message: str) -> None:
    text, picture = _add_image(inputs)
    picture.parent.mkdir()
    make(picture)
    content, diags = load_content(inputs.content)
    assert content is None
    d = the_error(diags)
    assert_points_at(d, inputs.content, text, "pics/photo.png", "sections[1].blocks[0].image.src")
    assert message in d.message


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("pics/Photo.PNG", "pics/photo.png"),
        ("pics/photo.jpg", "pics/photo.png"),
        ("pics/phot.png", "pics/photo.png"),
        ("pics/leaflet.png", None),
        ("pics/ph.png", None),
        ("pics\\photo.png", "pics/photo.png"),
        ("./pics\\Photo.PNG", "./pics/photo.png"),
        ("C:\\Users\\ana\\photo.png", None),
        ("Pics/photo.png", "pics/photo.png"),
        ("./Pics/Photo.png", "./pics/photo.png"),
        ("Nope/photo.png", None),
    ],
    ids=[
        "in-other-capitals",
        "another-ending",
        "a-letter-out",
        "none-near",
        "too-little-alike",
        "windows-path",
        "windows-path-in-other-capitals",
        "windows-drive",
        "folder-in-other-capitals",
        "folder-and-file-in-other-capitals",
        "folder-not-there",
    ],
)
def test_a_misspelt_picture_is_answered_with_the_file_meant(inputs: Inputs, written: str, meant: str | None) -> None:
    """A picture, logo or content file named with a letter out or in other capitals (a file system that tells
    them apart: `Photo.PNG` for `photo.png`) was said not found, and the clinic was sent to check the folder."""
    _add_image(inputs)
    edit(inputs.content, "src: pics/photo.png", f"src: {written}")
    (inputs.content.parent / "pics").mkdir()
    Image.new("RGB", (300, 200), "#7FB7BE").save(inputs.content.parent / "pics" / "photo.png")
    d = the_error(load_content(inputs.content)[1])
    assert f"picture '{written}' not found" in d.message
    windows = "folders are written with '/' on every system, not '\\'; " if "\\" in written else ""
    if written.startswith("C:"):
        windows = "that is a path on a Windows computer: copy the file into the folder and name it from there; "
    said = f"did you mean '{meant}'? {windows}paths are relative" if meant else f"{windows}paths are relative"
    assert d.hint.startswith(said), d.hint


def test_a_picture_named_by_its_web_address_is_said_to_be_one(inputs: Inputs) -> None:
    """`src: https://...` was 'not found', with paths relative to the folder: a picture is a file beside the words."""
    _add_image(inputs)
    edit(inputs.content, "src: pics/photo.png", "src: https://example.com/photo.png")
    d = the_error(load_content(inputs.content)[1])
    assert "picture 'https://example.com/photo.png' is a web address" in d.message, d.format()
    assert d.hint.startswith("download the picture into ")


@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        ("heading: What is it?", 'heading: "   "', "write the text (the key must be given)"),
        ('- "Redness for 1 to 3 days"', '- ""', "write the text, or remove the item"),
        ('- text: "Fine needles', '- text: ""\n      - text: "Fine needles', "write the text, or remove the block"),
        (
            "  heading: Book a consultation\n",
            "  heading: Book a consultation\n  qr_label: ' '\n",
            "write the text, or remove the key",
        ),
    ],
    ids=["a-key-that-must-be-given", "a-list-item", "a-block", "a-key-that-may-be-left-out"],
)
def test_an_empty_text_is_answered_with_what_can_be_done_there(inputs: Inputs, old: str, new: str, hint: str) -> None:
    """ "write the text, or remove the key" for a section's heading: removed, the next error said it was missing;
    for a list's item, there is no key to remove."""
    edit(inputs.content, old, new)
    d = the_error(load_content(inputs.content)[1])
    assert d.message == "this text is empty" and d.hint == hint, d.format()


def test_a_misspelt_logo_or_content_file_is_answered_with_the_file_meant(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch
) -> None:
    (inputs.kit / "logo.jpg").write_bytes(b"")  # (the name in other capitals is meant before another ending)
    edit(inputs.brand, "logo: logo.svg", "logo: log.svg")  # ('log' is a language's tag, 'logo' none)
    assert the_error(load_brand(inputs.brand)[1]).hint.startswith("did you mean 'logo.svg'? ")
    edit(inputs.brand, "logo: log.svg", "logo: logo.svg")
    edit(inputs.brand, "logo: logo.svg", "logo: Logo.svg")
    d = the_error(load_brand(inputs.brand)[1])
    assert d.hint.startswith("did you mean 'logo.svg'? "), d.hint
    d = the_error(load_content(inputs.content.with_name("Content.yaml"))[1])  # (--content as typed)
    assert d.message == "content file not found" and d.hint.startswith(f"did you mean '{inputs.content}'? "), d
    words = inputs.content.parent / "translations"
    words.mkdir()
    (words / "pl.yaml").write_bytes(b"")  # (a folder a letter out: the file in the folder meant)
    for typed, name in (("translation", "pl.yaml"), ("translatons", "pl.yaml"), ("translation", "PL.yml")):
        d = the_error(load_content(inputs.content.parent / typed / name)[1])  # (and the name in other capitals)
        assert d.hint.startswith(f"did you mean '{words / 'pl.yaml'}'? "), d.hint
    assert not the_error(load_content(inputs.content.parent / "words" / "pl.yaml")[1]).hint.startswith("did you")
    deep = inputs.content.parent / "clinics" / "rosehill"
    deep.mkdir(parents=True)
    (deep / "content.yaml").write_bytes(b"")  # (two folders in other capitals: each found)
    # (typed from the project folder: a whole path is looked for from '/', through pytest's folder of every test's
    # own, past NAMES_LOOKED_AT entries once a few thousand tests have run, where this one's may not be read)
    monkeypatch.chdir(inputs.content.parent)
    d = the_error(load_content(Path("Clinics") / "Rosehill" / "content.yaml")[1])
    assert d.hint.startswith("did you mean 'clinics/rosehill/content.yaml'? "), d.hint
    (inputs.content.parent / "content.docx").write_bytes(b"")  # (no content file: not offered)
    (inputs.content.parent / "ps.yaml").write_bytes(b"")  # (Pashto's words: not offered for Dari's, prs)
    named = (("contnet.yaml", "content.yaml"), ("content.yml", "content.yaml"), ("words.yaml", ""), ("prs.yaml", ""))
    for written, meant in named:
        editions = editions_file(inputs, f"brands:\n  - kit: assets/brand.yaml\n    languages: [{written}]\n")
        d = the_error(load_editions(editions)[1])
        assert f"'{written}' is not a file" in d.message
        assert d.hint.startswith(f"did you mean '{meant}'? " if meant else "check the path"), d.hint


@pytest.mark.parametrize("alt", ["\u200b", "\u00ad\u2060", "\u3164", "\u2800 \uffa0"])
def test_an_alternative_text_of_invisible_characters_is_an_error(inputs: Inputs, alt: str) -> None:
    """A zero-width space as a picture's `alt` was taken, and the figure's /Alt described nothing: a screen reader
    said "graphic" and no more."""
    text, picture = _add_image(inputs)
    text = edit(inputs.content, "alt: A smiling patient", f'alt: "{alt}"')
    picture.parent.mkdir()
    Image.new("RGB", (300, 200), "#7FB7BE").save(picture)
    content, diags = load_content(inputs.content)
    assert content is None
    d = the_error(diags)
    assert_points_at(d, inputs.content, text, f'"{alt}"', "sections[1].blocks[0].image.alt")
    assert d.message == "this text has no visible characters"


def test_several_mistakes_are_all_reported(inputs: Inputs) -> None:
    edit(inputs.content, "subtitle:", "subtitel:")
    edit(inputs.content, "icon: smooth", "icon: smoth")
    text = edit(inputs.content, "place: flap", "place: flpa")
    edit(inputs.brand, 'accent: "#E07A5F"', "accent: red")
    brand_text = edit(inputs.brand, "hello@example.com", "hello(at)example.com")
    content, cdiags = load_content(inputs.content)
    brand, bdiags = load_brand(inputs.brand)
    assert content is None and brand is None
    assert [(d.location.line, d.location.key) for d in errors(cdiags)] == [
        (position(text, "subtitel")[0], "subtitel"),
        (position(text, "smoth")[0], "sections[0].blocks[1].cards[0].icon"),
        (position(text, "flpa")[0], "sections[1].place"),
    ]
    assert [(d.location.line, d.location.key) for d in errors(bdiags)] == [
        (position(brand_text, "red")[0], "colors.accent"),
        (position(brand_text, "hello(at)")[0], "contact.email"),
    ]


@pytest.mark.parametrize(
    "path",
    ["content.yaml", "assets/brand.yaml", "assets/brands/maple-main/brand.yaml"],
)
def test_shipped_inputs_load_with_no_diagnostics(path: str) -> None:
    file = ROOT / path
    loaded, diags = (load_content if path == "content.yaml" else load_brand)(file)
    assert [d.format() for d in diags] == []
    assert loaded is not None
    if path != "content.yaml":
        fonts, fdiags = load_fonts(loaded)  # type: ignore[arg-type]
        assert fonts is not None and [d.format() for d in fdiags] == []


@pytest.mark.parametrize("content", ["content.yaml", "translations/ar.yaml"])
def test_a_language_written_the_other_way_from_its_words_is_a_warning_at_language(content: str, tmp_path: Path) -> None:
    """English words marked `language: ar` were laid out mirrored and flush right, Arabic words marked `en` left
    to right, without a word: a warning at `language:` says so; the words as marked get no such warning."""
    path = ROOT / content
    text = path.read_text(encoding="utf-8")
    mine, other = ("en-GB", "ar") if content == "content.yaml" else ("ar", "en")
    for language, warns in ((mine, False), (other, True)):
        swapped = tmp_path / f"{language}.yaml"
        swapped.write_text(text.replace(f"language: {mine}", f"language: {language}", 1), encoding="utf-8")
        diags = load_content(swapped)[1]
        warned = [d for d in diags if not d.is_error and "right to left" in d.message]
        lines = swapped.read_text(encoding="utf-8").splitlines()
        line = next(n for n, written in enumerate(lines, 1) if written.startswith(f"language: {language}"))
        assert [(d.location.line, d.location.column) for d in warned] == ([(line, 11)] if warns else []), diags


@pytest.mark.parametrize(
    "text",
    [
        "\u05e9\u05c1\u05bc\u05b8\u05bd\u0591\u05d1\u05bc\u05b0\u05bd\u0591\u05e8\u05d0\u05e9\u05c1\u05b4\u05d9\u05ea",
        "\u0634\u0651\u064e\u0643\u0652\u0631",
        "Tie\u0302\u0301ng Vie\u0323\u0302t",
    ],
    ids=["hebrew-with-five-points", "arabic-shadda-and-vowel", "vietnamese-two-marks"],
)
def test_the_marks_a_script_puts_on_a_letter_are_fine(text: str) -> None:
    """Hebrew's shin dot, dagesh, vowel, meteg and accent on one letter; Arabic's shadda and vowel; Vietnamese's
    two."""
    assert text_problem(text) == ("", "")


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("-x", "'-x' must begin with a letter or a digit"),
        ("a" * 41, f"'{'a' * 41}' is 41 characters long: an id has at most 40"),
        ("Clear Water", "'Clear Water' has characters other than a-z, 0-9 and '-'"),
    ],
    ids=["hyphen-first", "41-letters", "capitals-and-a-space"],
)
def test_a_brand_id_says_what_is_wrong_with_it(inputs: Inputs, value: str, says: str) -> None:
    """'-x' and an id of 41 letters were said to have 'characters other than a-z, 0-9 and -', which they have not."""
    text = edit(inputs.brand, "name: Test Clinic\n", f'name: Test Clinic\nid: "{value}"\n')
    brand, diags = load_brand(inputs.brand)
    assert brand is None
    d = the_error(diags)
    assert_points_at(d, inputs.brand, text, f'"{value}"', "id")
    assert d.message == says


def test_a_refused_text_does_not_make_its_references_uncited(tmp_path: Path) -> None:
    """A combining accent after a 't' refuses the shipped first paragraph, and its citation [^statpearls] with it:
    the error was followed by "reference 'statpearls' is not cited anywhere", which it is. Said once the errors are
    mended (and then only of references no text cites)."""
    text = CONTENT.read_text(encoding="utf-8").replace("skin treatment.", "skin treatment\u0301.", 1)
    (tmp_path / "content.yaml").write_text(text, encoding="utf-8")
    words, diags = load_content(tmp_path / "content.yaml")
    assert words is None and any("COMBINING ACUTE ACCENT" in d.message for d in diags)
    assert not [d.message for d in diags if "is not cited anywhere" in d.message]


@pytest.mark.parametrize(
    ("written", "warned"),
    [
        ("title: Micro\\u00adneedling", True),  # plain: YAML leaves the escape as typed
        ("title: 'Micro\\u00adneedling'", True),  # single quotes likewise
        ('title: "Micro\\u00adneedling"', False),  # double quotes: the soft hyphen
        ('title: "Micro\\\\u00adneedling"', True),  # a backslash escaped: printed as typed
    ],
)
def test_an_escape_typed_outside_double_quotes_is_warned(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], written: str, warned: bool
) -> None:
    """A translator who typed `Nachsorge\\u00adbehandlung` without double quotes got the backslash and letters
    printed, exit 0 (a German translator's finding): a warning at the text, naming the escape and the quotes."""
    from helpers import check

    text = edit(inputs.content, "title: Micro-needling\n", written + "\n")
    status, errors, warnings = check(inputs, capsys)
    found = [w for w in warnings if "stays as typed" in w]
    assert status == 0 and not errors
    assert bool(found) is warned, warnings
    if warned:
        line, col = position(text, written)
        assert found[0].startswith(f"{inputs.content}:{line}:{col + 7}: warning: '\\u00ad' stays as typed")
        assert 'with one backslash in a text in double quotes ("...\\u00ad...")' in found[0]


def test_a_non_breaking_hyphen_the_fonts_lack_is_told_the_plain_one_to_write(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """German typesetters write E\\u2011Mail with U+2011, which the kit's fonts lack: the error said to replace the
    character with no word of what with (a German translator's finding). A plain hyphen, which brochure never
    breaks a line at either."""
    from helpers import check

    edit(inputs.content, "title: Micro-needling\n", 'title: "Micro\\u2011needling"\n')
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 1, errors
    assert "(U+2011 NON-BREAKING HYPHEN)" in errors[0]
    assert "(hint: write a plain hyphen, '-' instead: brochure never breaks a line at a hyphen)" in errors[0]


def test_words_after_a_space_and_a_hash_are_said_to_be_left_out_as_a_comment(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """'there are risks. #1 risk is redness.[^chu2021]' printed 'there are risks.' (YAML reads ' #' in text
    not in quotes as a comment), the citation gone too, exit 0: a warning at the text quotes what was left out;
    quoted as its hint says, the words print; a comment written as one ('# ...') is not warned of."""
    shipped, said = '"New collagen can even out rough skin."', "New collagen can even out rough skin."
    text = edit(inputs.content, shipped, f"{said} #1 risk is redness.")
    status, errors, warnings = check(inputs, capsys)
    line, col = position(text, said)
    (warned,) = [w for w in warnings if "YAML comment" in w]
    assert status == 0 and not errors and warned.startswith(f"{inputs.content}:{line}:{col}: warning: '#1 risk")
    assert "double quotes" in warned
    edit(inputs.content, f"{said} #1 risk is redness.", f'"{said} #1 risk is redness."')
    result = build(inputs)
    assert result.pdf is not None and "#1 risk is redness." in " ".join(page_texts(result.pdf))
    assert not [d for d in result.diagnostics if "comment" in d.message]
    edit(inputs.content, f'"{said} #1 risk is redness."', f"{said}  # (a note for the next editor)")
    assert not [w for w in check(inputs, capsys)[2] if "comment" in w]
    text = edit(inputs.content, f"{said}  # (a note for the next editor)", f"{said}\n              #1 risk is red.")
    (warned,) = [w for w in check(inputs, capsys)[2] if "YAML comment" in w]  # (a line going on with the text)
    assert warned.startswith(f"{inputs.content}:{line}:{col}: warning: '#1 risk is red.' after the text"), warned


@pytest.mark.parametrize(
    ("written", "warned"),
    [
        ('"New collagen can **even out* rough skin."', "New collagen can *even out rough skin."),
        ('"New collagen can even out *rough skin (scars."', "New collagen can even out *rough skin (scars."),
        ('"New collagen: 2 * 3 = 6 sessions."', ""),
        ('"New collagen from £150\\\\*."', ""),
        ('"New collagen can **even out** *rough* skin."', ""),
        ('"New collagen from \u00a3120* (rated 5*)."', ""),
        ('"*New collagen may vary."', ""),
        ('"**New collagen can even out rough skin."', "**New collagen can even out"),
        ('"** New collagen can even out rough skin."', "** New collagen can even out"),
    ],
    ids=[
        *("bold-closed-as-italic", "italic-never-closed", "spaced-star", "escaped-star", "pairs", "footnotes"),
        *("a-note", "bold-never-closed-at-the-start", "stars-and-a-space-at-the-start"),
    ],
)
def test_a_star_with_no_pair_against_a_word_is_a_warning(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], written: str, warned: str
) -> None:
    """'Please **tell us first* if' printed a star and the words in italics, exit 0, no word: a warning quoting the
    words as they print, at the text; a star with spaces round it, or written \\*, prints as meant, unwarned."""
    text = edit(inputs.content, '"New collagen can even out rough skin."', written)
    status, errors, warnings = check(inputs, capsys)
    stars = [w for w in warnings if "prints as a star" in w]
    assert status == 0 and not errors
    if not warned:
        assert stars == []
        return
    line, col = position(text, written)
    (said,) = stars
    assert said.startswith(f"{inputs.content}:{line}:{col}: warning: a '*' prints as a star here ('{warned}')"), said


COLLAGEN = '"New collagen can even out rough skin."'


@pytest.mark.parametrize(
    ("old", "new", "warned"),
    [
        ('"Redness for 1 to 3 days"', '"\u2022 Redness for 1 to 3 days"', "the item starts with '\u2022'"),
        ('"Redness for 1 to 3 days"', '"- Redness for 1 to 3 days"', "the item starts with '-'"),
        ('"Redness for 1 to 3 days"', '"-1 to 3 days of redness"', ""),
        ('"Redness for 1 to 3 days"', '"\u2022Redness for 1 to 3 days"', "the item starts with '\u2022'"),
        ('"Redness for 1 to 3 days"', '"o\\tRedness for 1 to 3 days"', "the item starts with 'o'"),
        ('"Redness for 1 to 3 days"', '"\u00a7 Redness for 1 to 3 days"', "the item starts with '\u00a7'"),
        (COLLAGEN, '"New collagen can even out rough skin.\u00b9"', "'\u00b9' after '.'"),
        (COLLAGEN, '"New collagen can even out scars\u00b2\u00b3"', "after 'scars'"),
        (COLLAGEN, '"New collagen over 10 cm\u00b2 of skin."', ""),
    ],
    ids=[
        *("pasted-bullet", "typed-dash", "a-minus", "no-space", "words-o", "words-square"),
        *("pasted-footnote", "after-a-word", "a-unit"),
    ],
)
def test_what_a_word_processor_pastes_into_a_list_or_a_sentence_is_a_warning(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], old: str, new: str, warned: str
) -> None:
    """A list pasted with its bullets ('• Wash gently') printed two, and a footnote's superscript number
    ('skin.¹') printed as written, no source of the leaflet's: warnings at the text (not a unit's m² or cm³)."""
    text = edit(inputs.content, old, new)
    status, errors, warnings = check(inputs, capsys)
    said = [w for w in warnings if "its own bullet" in w or "superscript number typed" in w]
    assert status == 0 and not errors
    if not warned:
        assert said == []
        return
    line, col = position(text, new)
    (one,) = said
    assert one.startswith(f"{inputs.content}:{line}:{col}: warning: ") and warned in one, one


@pytest.mark.parametrize(
    ("value", "after"),
    [
        *[("it is so\u00b2 that", "so"), ("as in cm\u00b9", "cm"), ("Haut\u00b2\u00b3.", "Haut"), ("x.\u00b9", ".")],
        *[(v, "") for v in ("10 cm\u00b2 of skin", "3 mm\u00b3", "9.8 m/s\u00b2", "10\u2076 cells", "6 in\u00b2")],
        *[(v, "") for v in ("\u043f\u043b\u043e\u0449\u0430\u0434\u044c 4 \u0441\u043c\u00b2", "4 \u0633\u0645\u00b2")],
    ],
)
def test_a_superscript_after_a_short_word_is_a_typed_footnote_but_a_units_power_is_not(value: str, after: str) -> None:
    """'so²' printed a footnote number typed in, unwarned (only words of three letters were read): after any word
    but a unit's square or cube (cm², mm³, m/s²) it is one."""
    said = [message for message, _ in as_typed(value, "", True) if "superscript number typed" in message]
    assert (len(said) == 1 and f"after '{after}'" in said[0]) if after else said == [], said


@pytest.mark.parametrize(
    ("written", "at"),
    [
        ('a: "for \\u2066acne\\u2069 scars \\u2069 and"\n', (1, 32)),  # the isolate closed twice: the second
        ('a: "\\u2067a\\u2069 \\u2067b"\n', (1, 19)),  # the isolate left open, not the one closed
        ('a: "x\\u200f 12\\u200f34"\n', (1, 15)),  # the mark inside a number, not the one beside a word
        (
            'a: ["x\\ay", "z\\x07w"]\n',
            (1, 5),
        ),  # typed as an escape it does not look for: the text's start, not the next's
        ('a: ["x\\x07y", "z\\x07w"]\n', (1, 7)),
    ],
)
def test_an_invisible_character_is_said_at_which_of_its_kind_is_at_fault(written: str, at: tuple[int, int]) -> None:
    """The column said was the first character of the kind at fault's, though an earlier one was fine (an isolate
    closed, a mark beside a word), and where a text's character could not be found its scan went on into the next
    text on the line: the one at fault, within its own text."""
    from brochure.inputs.reader import Reader
    from brochure.inputs.yamltree import parse

    root, diags = parse(written, "c.yaml")
    assert root is not None and isinstance(root.value, dict) and not diags, diags
    r = Reader("c.yaml", source=written)
    node = root.value["a"]
    texts = node.value if isinstance(node.value, list) else [node]
    for text in texts[:1]:
        assert r.text(text, "a") is None
    (error,) = [d for d in r.diags if d.is_error]
    assert (error.location.line, error.location.column) == at, error.format()


def test_an_extension_after_a_number_written_with_no_break_spaces_is_read() -> None:
    """'+44 117 496 0321 ext. 2' written with no-break spaces (as a word processor keeps a number together) was said
    to have an extension, with the hint of a number that is none: the extension is read as with plain spaces."""
    from brochure.inputs.links import phone_extension

    assert phone_extension("+44\u00a0117\u00a0496\u00a00321\u00a0ext.\u00a02") == "ext. 2"
    assert phone_extension("+44 117 496 0321") == ""


@pytest.mark.parametrize("long", ["a" * 300 + "/logo.svg", "é" * 130 + ".svg"])  # (a text holds 4,000 at most)
def test_a_path_too_long_for_any_file_is_an_error_not_a_crash(inputs: Inputs, long: str) -> None:
    """A logo, picture or kit named by a path with a 300-letter folder name: the system's 'File name too long' came
    out of the check whether the file was there, an internal error (exit 3). Each is an error at its key."""
    edit(inputs.brand, "logo: logo.svg", f"logo: {long}")
    d = the_error(load_brand(inputs.brand)[1])
    assert d.location.key == "logo" and "cannot name a file: " in d.message and "longer than any file" in d.message
    _add_image(inputs)
    edit(inputs.content, "src: pics/photo.png", f"src: {long.replace('.svg', '.png')}")
    d = the_error(load_content(inputs.content)[1])
    assert d.location.key.endswith("image.src") and "cannot name a file: " in d.message, d
    kit = long.replace("logo.svg", "brand.yaml")
    editions = editions_file(inputs, f"brands:\n  - kit: {kit}\n    languages: [content.yaml]\n")
    d = the_error(load_editions(editions)[1])
    assert d.location.key == "brands[0].kit" and "cannot name a file: " in d.message, d


def test_a_top_level_key_written_under_another_is_told_to_move_out(tmp_path: Path) -> None:
    """A `words:` block indented under `document:` was "unknown key 'words'" with no hint where it goes (a clinic
    writing the tool's words for French). A key of the top level written under another is told so; a key misspelt
    where it is gets its "did you mean" as before."""
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count("\n  code: ") == 1
    misplaced = text.replace("\n  code: ", "\n  words: {sources: Sources}\n  cod: X\n  code: ")
    (tmp_path / "content.yaml").write_text(misplaced, encoding="utf-8")
    _, diags = load_content(tmp_path / "content.yaml")
    said = {d.location.key: d for d in diags if d.is_error}
    words = said["document.words"]
    assert words.message == "unknown key 'words'", words.format()
    assert words.hint == "'words' is a key of the top level: write it at the start of its line, not under 'document'"
    assert "did you mean 'code'" in said["document.cod"].hint
