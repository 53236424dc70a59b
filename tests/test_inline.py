"""Inline marks in content text: **bold**, *italic* and [links](url) are markup; all else prints as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from brochure.inputs.inline import (
    Run,
    bad_links,
    citations,
    link_label_problems,
    links,
    near_citations,
    parse,
    plain,
    to_markup,
)

STYLE = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)


def printed(text: str) -> str:
    """What ReportLab will actually print for the text, after our markup goes through its parser."""
    return Paragraph(to_markup(text, "#1D5C63"), STYLE).getPlainText()


def styled(text: str) -> list[tuple[str, str]]:
    """(text, font) for each stretch ReportLab will draw."""
    return [(f.text, f.fontName) for f in Paragraph(to_markup(text), STYLE).frags]


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("**tell us first**", [Run("tell us first", bold=True)]),
        ("deep *ice-pick* scars", [Run("deep "), Run("ice-pick", italic=True), Run(" scars")]),
        ("see [our site](https://example.com)", [Run("see "), Run("our site", href="https://example.com")]),
        (
            "[call](tel:+441174960321) or [mail](mailto:a@b.co)",
            [Run("call", href="tel:+441174960321"), Run(" or "), Run("mail", href="mailto:a@b.co")],
        ),
        (
            "**bold *both* bold**",
            [Run("bold ", bold=True), Run("both", bold=True, italic=True), Run(" bold", bold=True)],
        ),
        (
            "[**Book** now](https://x.org)",
            [Run("Book", bold=True, href="https://x.org"), Run(" now", href="https://x.org")],
        ),
        (
            "[Acne](https://en.wikipedia.org/wiki/Acne_(disease)).",
            [Run("Acne", href="https://en.wikipedia.org/wiki/Acne_(disease)"), Run(".")],
        ),
        (
            "*see **your doctor** first*",  # (its stars printed: only italic inside bold was read)
            [Run("see ", italic=True), Run("your doctor", bold=True, italic=True), Run(" first", italic=True)],
        ),
        ("***never share***", [Run("never share", bold=True, italic=True)]),  # (printed '*never share*' in bold)
        (  # italic that starts with bold (it printed '*x y* z', its stars as written, the 'x' bold)
            "Also ***x** y* z.",
            [Run("Also "), Run("x", bold=True, italic=True), Run(" y", italic=True), Run(" z.")],
        ),
        ("***x* y** z", [Run("x", bold=True, italic=True), Run(" y", bold=True), Run(" z")]),  # bold, italic first
    ],
    ids=[
        "bold",
        "italic",
        "link",
        "tel-and-mailto",
        "italic-in-bold",
        "bold-in-link",
        "parens-in-url",
        "bold-in-italic",
        "bold-italic",
        "italic-starting-bold",
        "bold-starting-italic",
    ],
)
def test_marks_become_runs(text: str, runs: list[Run]) -> None:
    assert list(parse(text)) == runs


def test_marks_become_reportlab_tags_and_fonts() -> None:
    assert to_markup("**a** *b* [c](https://x.org/?p=1&q=2)", "#1D5C63") == (
        '<b>a</b> <i>b</i> <a href="https://x.org/?p=1&amp;q=2" color="#1D5C63" underline="1" uwidth="0.06*F">c</a>'
    )
    assert styled("**a** *b* c") == [
        ("a", "Helvetica-Bold"),
        (" ", "Helvetica"),
        ("b", "Helvetica-Oblique"),
        (" c", "Helvetica"),
    ]
    assert to_markup("[c](https://x.org)", links=False) == "c"  # press edition: no live links


@pytest.mark.parametrize(
    "text",
    [
        "Fees & payment",
        "SPF < 30 is not enough; > 50 is best",
        "Say \"yes\" or 'no'",
        "a lone * star",
        "2 * 3 * 4 = 24",
        "5 ** 2 = 25",
        "a ** b",
        "type <b>bold</b> like this",
        "&amp; &lt; &#65; <br/> <para>",
        "[not a link] (nor this)",
        "back\\slash",
    ],
    ids=[
        "ampersand",
        "angle-brackets",
        "quotes",
        "lone-star",
        "stars-in-sum",
        "double-star",
        "spaced-double-star",
        "html-tag",
        "entities",
        "brackets",
        "backslash",
    ],
)
def test_characters_are_printed_as_written(text: str) -> None:
    assert plain(text) == text
    assert printed(text) == text
    assert {font for _, font in styled(text)} == {"Helvetica"}  # nothing turned bold or italic


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("[click](javascript:alert(1))", ["javascript:alert(1)"]),
        ("[files](ftp://example.com/a.pdf)", ["ftp://example.com/a.pdf"]),
        ("[site](www.example.com)", ["www.example.com"]),
        ("[**x** y](file:///etc/passwd)", ["file:///etc/passwd"]),
        ("[a](https://x.org) [b](http://x.org) [c](mailto:a@b.co) [d](tel:+441174960321)", []),
        (
            '[x](https://a.com/"onclick) [y](https://u@evil.com) [z](mailto:a@b)',
            ['https://a.com/"onclick', "https://u@evil.com", "mailto:a@b"],
        ),
    ],
    ids=["javascript", "ftp", "no-scheme", "reported-once", "good-schemes", "quote-userinfo-bad-mail"],
)
def test_bad_link_targets_are_reported(text: str, bad: list[str]) -> None:
    assert bad_links(text) == bad


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please **tell us first** if *any* apply", "Please tell us first if any apply"),
        ("Visit [our site](https://x.org) today", "Visit our site today"),
        ("**Rare:** 2 * 3 & <b>", "Rare: 2 * 3 & <b>"),
    ],
    ids=["bold-italic", "link", "mixed"],
)
def test_plain_strips_marks_only(text: str, expected: str) -> None:
    assert plain(text) == expected
    assert printed(text) == expected


PIECES = [*"ab *_[]()<>&;#\"'/:\\", "https://x.org", "&amp;", "<b>", "</i>", "é", "→"]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_whatever_is_typed_reportlab_prints_exactly_the_plain_text(text: str) -> None:
    assert printed(text) == " ".join(plain(text).split())


@pytest.mark.parametrize(
    ("text", "shown", "href"),
    [
        ("**see [our site](https://x.org/a) now**", "see our site now", "https://x.org/a"),
        ("*see [our site](https://x.org/b) now*", "see our site now", "https://x.org/b"),
        ("**a *b [our site](https://x.org/c)* d**", "a b our site d", "https://x.org/c"),
        ("[the trial[^alam2014]](https://x.org/d) found", "the trial found", "https://x.org/d"),
    ],
    ids=["link-in-bold", "link-in-italic", "link-in-italic-in-bold", "citation-in-link"],
)
def test_a_link_inside_emphasis_or_with_a_citation_is_a_link(text: str, shown: str, href: str) -> None:
    """The marks print as a link, never as '[our site](https://...)' typed out in the leaflet."""
    assert printed(text) == shown
    assert href in links(text)
    assert "](" not in plain(text)


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("5\\*3\\*2 = 30", [Run("5*3*2 = 30")]),  # (unescaped, 3 would print in italics)
        ("Prices from £150\\* a session. \\*Terms apply*", [Run("Prices from £150* a session. *Terms apply*")]),
        ("write \\[^alam2014] after a claim", [Run("write [^alam2014] after a claim")]),
        ("a \\\\ b, C:\\Users, \\n", [Run("a \\ b, C:\\Users, \\n")]),  # (a backslash before anything else stays)
        ("**bold \\* star**", [Run("bold * star", bold=True)]),
        ("[a\\]b](https://x.org/\\*)", [Run("a]b", href="https://x.org/*")]),
    ],
    ids=["stars", "footnote-stars", "citation-as-written", "backslashes", "inside-bold", "inside-a-link"],
)
def test_a_backslash_prints_a_marks_character_as_written(text: str, runs: list[Run]) -> None:
    """`\\*`, `\\[`, `\\]` and `\\\\` print the character itself, so any text can be printed as written."""
    assert list(parse(text)) == runs
    shown = "".join(r.text for r in runs)
    assert plain(text) == shown and printed(text) == shown
    assert citations(text) == [] and near_citations(text) == []
    assert {font for _, font in styled(text)} <= {"Helvetica", "Helvetica-Bold"}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Call [us](tel:+44 117 496 0321) today", True),
        ("Read [aftercare]( https://example.com/a ) now", True),
        ("See [our site] (https://example.com)", True),
        ("See [our site]  (www.example.com)", True),
        ("See [page]()", True),
        ("See [page](https://example.com/a b)", True),
        ("See [our site](https://example.com) and [us](tel:+441174960321)", False),
        ("Scars [sic] (2019) fade", False),  # (a bracket, then words in brackets: no address)
        ("Apply [morning and evening] (www.nhs.uk has more)", False),  # (words in brackets, not an address alone)
        ("Acne scars.[^alam2014] (See below.)", False),  # (a citation, then words in brackets)
        ("See \\[page](not a link)", False),  # (a bracket written to be printed)
        ("[our site [^alam2014]](https://example.com)", False),
    ],
)
def test_what_is_written_like_a_link_but_is_none_is_named(text: str, flagged: bool) -> None:
    """A link with a space in or before its address, or with none, would print as written, brackets and all."""
    problems = [p for p, _ in link_label_problems(text, str.isprintable) if "written like a link" in p]
    assert bool(problems) is flagged, problems


def test_a_soft_hyphen_where_no_word_can_break_is_left_out() -> None:
    """A soft hyphen at a word's start or end, or beside a typed hyphen, marks no place a word can break: set, a
    line broken there printed "Das -" or "(-" at its end, began with "-Strich", printed "Make--", and ReportLab,
    breaking a styled paragraph again, lost the letters around one after a typed hyphen (a German translator's and a
    reviewer's findings). Between letters, or beside a mark ("Nach\u00ad**sorge**"), it stays."""
    given = "Das \u00adWort, Creme\u00ad nie, Binde\u00ad-Strich\u00ad, Make-\u00adup, (\u00adWort), "
    given += "Nach\u00ad**sorge**\u00ad"
    assert to_markup(given) == "Das Wort, Creme nie, Binde-Strich, Make-up, (Wort), Nach\u00ad<b>sorge</b>"


def test_a_links_label_written_over_two_lines_is_a_link() -> None:
    """A heading's link label written broken after a hyphen ('Your [health-' + 'care](...)', a line break kept in a
    heading) printed its markup as written, brackets and address, with exit 0: the label may hold a line break."""
    runs = [(r.text, r.href) for r in parse("Your [health-\ncare](https://example.com/hc)")]
    assert runs == [("Your ", ""), ("health-\ncare", "https://example.com/hc")]
    assert "<br/>care</a>" in to_markup("Your [health-\ncare](https://example.com/hc)", breaks=True)


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("Read our aftercare sheet at www.example.com/aftercare.", [("www.example.com/aftercare", "https://www.")]),
        ("See https://www.nhs.uk/conditions/acne/ (NHS).", [("https://www.nhs.uk/conditions/acne/", "https://")]),
        ("Write to hello@example.co.uk, or call.", [("hello@example.co.uk", "mailto:hello@example.co.uk")]),
        ("**Email ask@example.org**", [("ask@example.org", "mailto:ask@example.org")]),
        ("A path's brackets: https://example.com/a_(b) stay.", [("https://example.com/a_(b)", "https://")]),
        ("See [our site](https://example.com) or www.example.org!", [("our site", "https://example.com"),
                                                                    ("www.example.org", "https://www.example.org")]),
        ("e.g. 3.5 mm, i.e. twice, www. alone, a@b, name@host.c", []),
        ("Not a word's inside: ex@mple@example.com, xwww.example.com", []),
        ("An unsafe one prints as typed: https://exa\u2028mple.com", []),
        ("Invisible inside: ab.\u00adcd@example.com, zw\u200bsp@example.com, www.exam\u00adple.com", []),
        ("Not whole: hello@example.co.uk-foo", []),
        ("Its brackets: (https://en.wikipedia.org/wiki/Acne_(disease)).", [("https://en.wikipedia.org/wiki/Acne_(disease)",
                                                                            "https://en.")]),
        ("\u201cwww.example.com\u201d or www.example.org\u2026", [("www.example.com", "https://www."),
                                                                  ("www.example.org", "https://www.")]),
    ],
)  # fmt: skip
def test_a_bare_web_or_email_address_is_a_link(text: str, linked: list[tuple[str, str]]) -> None:
    """A web or email address typed bare in the words (`www.example.com/aftercare`, `hello@example.co.uk`) was
    printed with no link, in the office PDF as on paper: it links where it is, as GitHub's Markdown links one,
    printed as typed; not the punctuation after it, not inside a word, not an address that is not safe."""
    runs = parse(text)
    assert "".join(r.text for r in runs) == plain(text)  # (printed as typed)
    found = [(r.text, r.href) for r in runs if r.href]
    assert len(found) == len(linked) and all(
        t == want and h.startswith(prefix) for (t, h), (want, prefix) in zip(found, linked, strict=True)
    ), found


def test_an_address_typed_bare_is_no_link_typed_and_prints_unlinked_where_words_must_be_alone() -> None:
    """A cover's kicker, a QR code's label and a picture's alt must be words alone (a link typed there is an error):
    an address typed bare in them is not counted a link typed (they were refused once addresses were linked), and
    prints with no link (`bare=False`: the label lies inside the QR box's link)."""
    text = "Scan for www.example.com/book"
    assert links(text) == [] and [r.href for r in parse(text) if r.href] == ["https://www.example.com/book"]
    assert "<a " not in to_markup(text, "#1D5C63", bare=False) and "<a " in to_markup(text, "#1D5C63")
