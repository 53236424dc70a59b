"""Content text (**bold**, *italic*, [label](url), [words](lang:es), [^key] citations) -> Runs -> ReportLab markup."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from brochure.diagnostics import shorten
from brochure.frozen import frozen
from brochure.inputs.links import link_problem
from brochure.patterns import Later
from brochure.vocabulary import LANGUAGE_LINK
from brochure.xmltext import escape, quoteattr

KEY = r"[a-z0-9][a-z0-9-]*"  # a citation key (a reference's id): lowercase letters, digits and hyphens
_CITES = rf"(?P<cites>(?:\[\^{KEY}\])+)"  # one or more [^key] marks (the space before them is not printed)
_CITE = re.compile(rf"\[\^({KEY})\]")
_NEAR_CITE = re.compile(r"\[\^[^\]\n]{0,60}\]")  # looks like a citation; printed as written unless it is one
# a link: its label may hold citations; one level of (...) in its URL
_LINK = rf"\[(?P<label>(?:\[\^{KEY}\]|[^\]]){{1,400}})\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\)"
_INNER_BOLD = r"\*\*(?=[^\s*])[^*]+?(?<=[^\s*])\*\*"  # **bold** inside *italic*
_TOKEN = re.compile(
    _CITES + r"|\*\*\*(?P<both>(?=[^\s*])[^*]+?(?<=[^\s*]))\*\*\*"  # ***bold italic***
    # *italic*, which may start with **bold** (`***x** y*`): tried before **bold**, which may start with *italic*
    r"|\*(?P<ital>(?=[^\s*]|\*\*[^\s*])(?:[^*]|" + _INNER_BOLD + r")+?(?<=\S))\*"
    r"|\*\*(?P<bold>(?=\S)(?:[^*]|\*(?!\*))+?(?<=\S))\*\*"
    r"|" + _LINK
)


@frozen
class Run:
    """A stretch of text in one style; href set for a link, or to "lang:TAG" for words in another language. A
    citation is a Run with no text and its keys."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""
    cites: tuple[str, ...] = ()
    bare: bool = False  # a web or email address typed bare, linked by the tool (_BARE), not by a mark

    @property
    def language(self) -> str:
        """The language its words are marked as written in (`[merci](lang:fr)`: 'fr'); '' when not marked."""
        return self.href[len(LANGUAGE_LINK) :] if self.href.startswith(LANGUAGE_LINK) else ""


# A backslash before a mark's character prints the character itself: `5\*3\*2`, `\[^not-a-citation]`, `\\`. Inside,
# each stands for a lone surrogate, which no text read from a file can hold (the reader refuses them).
_ESCAPE = re.compile(r"\\[\\*\[\]]")
_STAND_IN = {c: chr(0xD800 + i) for i, c in enumerate("\\*[]")}
_HIDDEN = {"\\" + c: s for c, s in _STAND_IN.items()}
_SHOWN = str.maketrans({s: c for c, s in _STAND_IN.items()})


def hidden(text: str) -> str:
    """The text with each escaped mark character (`\\*`, `\\[`, `\\]`, `\\\\`) as a stand-in that no mark matches."""
    return _ESCAPE.sub(lambda m: _HIDDEN[m.group()], text) if "\\" in text else text


@lru_cache(maxsize=2048)
def parse(text: str) -> tuple[Run, ...]:
    """Split text into runs. A lone '*', an unmatched bracket or a '[^' that is no citation is printed as written;
    so is a mark's character after a backslash (`\\*`, `\\[`, `\\]`; `\\\\` for a backslash).

    A build asks for the same texts' runs several times (to lay them out, for their citations, for the glyph
    check) and a process builds the same words many times over: the runs (frozen) are kept for the last
    texts asked."""
    inside = hidden(text)
    if inside == text:
        return _parse(text)
    return tuple(replace(r, text=r.text.translate(_SHOWN), href=r.href.translate(_SHOWN)) for r in _parse(inside))


# A web or email address typed bare in the words, as GitHub's Markdown links one: `https://...` or `www....` (to
# its end, less the punctuation after it) and `name@example.com`; a link in the office PDF as if written
# `[www.example.com/aftercare](https://www.example.com/aftercare)`, printed as typed. Not inside a word or address,
# nor one an invisible character (a soft hyphen, a zero-width space) runs into: its link would open another.
_INVISIBLE = "\u00ad\u200b-\u200f\u2060\ufeff"
_BARE = re.compile(
    rf"(?<![\w@/.:+%\-{_INVISIBLE}])(?:(?P<web>(?:https?://|www\.)"
    rf"[^\s<>\"'\u00a0{_INVISIBLE}\u2018-\u201f\u2026\u2013\u2014\u00ab\u00bb]+)"
    r"|(?P<mail>[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"\.[a-z]{2,}))",
    re.IGNORECASE,
)
_INVISIBLE_CHAR = re.compile(f"[{_INVISIBLE}]")
_GOES_ON = re.compile(rf"[\w@\-{_INVISIBLE}]|\.[\w-]")  # after an email address: it is not whole
_TRAILING = ".,;:!?*_~]"  # not an address's last character: what is written after it


def _plain(text: str) -> list[Run]:
    """Words with no mark, a bare web or email address among them a link (_BARE: `bare`)."""
    if "@" not in text and "www." not in text.lower() and "://" not in text:
        return [Run(text)]
    out: list[Run] = []
    pos = 0
    for m in _BARE.finditer(text):
        typed = m.group()
        if m.group("web") is not None:
            if _INVISIBLE_CHAR.match(text, m.end()):
                continue  # (an invisible character inside it)
            while typed and (typed[-1] in _TRAILING or (typed[-1] == ")" and typed.count("(") < typed.count(")"))):
                typed = typed[:-1]  # (its own brackets kept: `.../Acne_(disease)`)
            href = typed if "://" in typed else "https://" + typed
        else:
            if _GOES_ON.match(text, m.end()):
                continue  # (hello@example.co.uk-foo, or an invisible character in it: not this address)
            href = "mailto:" + typed
        if link_problem(href):  # (not a safe address: its words print as written, no link and no error)
            continue
        if m.start() > pos:
            out.append(Run(text[pos : m.start()]))
        out.append(Run(typed, href=href, bare=True))
        pos = m.start() + len(typed)
    if pos < len(text):
        out.append(Run(text[pos:]))
    return out


@lru_cache(maxsize=2048)
def _parse(text: str) -> tuple[Run, ...]:
    runs: list[Run] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            runs.extend(_plain(text[pos : m.start()]))
        if m.group("cites") is not None:
            _add_cites(runs, m.group("cites"))
        elif m.group("both") is not None:
            runs.extend(replace(r, bold=True, italic=True) for r in _cited(m.group("both")))
        elif m.group("bold") is not None:
            runs.extend(replace(r, bold=True) for r in _nested(m.group("bold")))
        elif m.group("ital") is not None:
            runs.extend(replace(r, italic=True) for r in _nested(m.group("ital"), _BOLD_INSIDE, bold=True))
        else:
            href = m.group("url")
            runs.extend(replace(r, href=href, bare=False) for r in _parse(m.group("label")))
        pos = m.end()
    if pos < len(text):
        runs.extend(_plain(text[pos:]))
    return tuple(runs)


_CITED = re.compile(_CITES)


_CITED_OR_LINKED = re.compile(_CITES + "|" + _LINK)


def _cited(text: str) -> list[Run]:
    """Text with citations and links in it (inside bold or italic marks)."""
    out: list[Run] = []
    pos = 0
    for m in _CITED_OR_LINKED.finditer(text):
        if m.start() > pos:
            out.extend(_plain(text[pos : m.start()]))
        if m.group("cites") is not None:
            _add_cites(out, m.group("cites"))
        else:
            out.extend(replace(r, href=m.group("url"), bare=False) for r in _parse(m.group("label")))
        pos = m.end()
    if pos < len(text):
        out.extend(_plain(text[pos:]))
    return out


def _add_cites(runs: list[Run], marks: str) -> None:
    """A citation run after runs, with no space before it ('claim [^a]' prints as 'claim' and its number),
    joined to a citation just before it."""
    keys = tuple(_CITE.findall(marks))
    if runs and not runs[-1].cites:
        last = runs.pop()
        if last.text.rstrip():
            runs.append(replace(last, text=last.text.rstrip()))
    if runs and runs[-1].cites:  # '[^a] [^b]' and '**x[^a]**[^b]' print as one superscript
        keys = runs.pop().cites + keys
    runs.append(Run("", cites=keys))


_ITALIC_INSIDE = re.compile(r"\*(?=[^\s*])([^*]+?)(?<=\S)\*")
_BOLD_INSIDE = re.compile(r"\*\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*\*")


def _nested(text: str, inside: re.Pattern[str] = _ITALIC_INSIDE, bold: bool = False) -> list[Run]:
    """The inside of **bold** marks (*italic* and citations), or of *italic* ones (`bold`: **bold** and citations)."""
    out: list[Run] = []
    pos = 0
    for m in inside.finditer(text):
        if m.start() > pos:
            out.extend(_cited(text[pos : m.start()]))
        out.extend(replace(r, bold=True) if bold else replace(r, italic=True) for r in _cited(m.group(1)))
        pos = m.end()
    if pos < len(text):
        out.extend(_cited(text[pos:]))
    return out


def citations(text: str) -> list[str]:
    """The citation keys written in text, each once, in order."""
    return list(dict.fromkeys(key for r in parse(text) for key in r.cites))


def repeated_citations(text: str) -> list[tuple[str, int]]:
    """Each citation of a source already cited in the same printed number ('[^a][^a]', '[^a] [^a]',
    '[^a][^b][^a]', which print one number for it): its key, and which of the text's '[^key]' marks, as written, it
    is (0: the first; an escaped `\\[^key]` counts, as it is typed so too)."""
    blanked = _ESCAPE.sub("\0\0", text)  # (an escape's two characters: places kept)
    marks: list[re.Match[str]] = []
    for m in _CITED_OR_LINKED.finditer(blanked):  # (found as `parse` finds them: in a link's label, not its address)
        start, end = m.span() if m.group("cites") is not None else m.span("label")
        marks += _CITE.finditer(blanked, start, end)
    keys = iter(marks)
    out: list[tuple[str, int]] = []
    for run in parse(text):
        seen: set[str] = set()
        for key in run.cites:
            mark = next(keys, None)
            if key in seen and mark is not None:
                out.append((key, text.count(f"[^{key}]", 0, mark.start())))
            seen.add(key)
    return out


def near_citations(text: str) -> list[str]:
    """Marks such as '[^Bad Key]' or '[^]' that look like citations but are not, so print as written."""
    return [m.group(0) for m in _NEAR_CITE.finditer(hidden(text)) if not _CITE.fullmatch(m.group(0))]


def links(text: str) -> list[str]:
    """The link targets written in text, each once, in order (not words marked as in another language, nor the
    addresses typed bare that the tool links: a text that must be words alone may give one, printed unlinked)."""
    return list(dict.fromkeys(r.href for r in parse(text) if r.href and not r.language and not r.bare))


def spoken(text: str) -> list[str]:
    """The languages text marks words as written in (`[merci](lang:fr)`: 'fr'), each once, in order."""
    return list(dict.fromkeys(r.language for r in parse(text) if r.language))


def bad_links(text: str) -> list[str]:
    """The link targets in text that are not safe http(s), mailto: or tel: addresses."""
    return [href for href in links(text) if link_problem(href)]


_EMPTY_LINK = re.compile(r"\[\]\((?:[^()\s]|\([^()\s]*\))+\)")
_LINKED = re.compile(_LINK)
# [words](...) that is no link (a space in its address, or none; a space before an address alone in brackets):
# printed as written, marks and all
_NEAR_LINK = re.compile(r"\[(?!\^)[^\[\]\n]+\](?:\((?P<tight>[^()\n]*)\)|[ \t]+\((?P<spaced>\s*[^()\s]+\s*)\))")
_ADDRESS = Later(r"\s*(?:https?:|mailto:|tel:|www\.)", re.IGNORECASE)


def link_label_problems(text: str, visible: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Links whose label would print no words to follow (blank, a citation alone), none at all (`[](url)` prints
    as written), or a bracket that starts another link inside it (the outer link's end prints as written); and
    what is written like a link but is not one (`[us](tel:+44 117 ...)`, `[page]()`, `[site] (https://...)`), which
    would print as written: (problem, hint) for each, in order."""
    inside = hidden(text)
    out = [
        _blank_mark(m.group())
        if m.group().startswith("[](" + LANGUAGE_LINK)
        else (f"the link '{m.group()}' has no label", "write the words to follow in the brackets: [label](url)")
        for m in _EMPTY_LINK.finditer(inside)
    ]
    for m in _NEAR_LINK.finditer(_LINKED.sub("\ufffc", inside)):  # (the links written right taken out first)
        if m.group("tight") is not None or _ADDRESS.match(m.group("spaced")):
            out.append(
                (
                    f"'{shorten(m.group().translate(_SHOWN), 70)}' is written like a link but is not one: it "
                    "would print as written, brackets and all",
                    "write a link as [label](address), with no space after ']' and none in the address (a phone "
                    "number as tel:+441174960321); write '\\[' for a bracket that is printed",
                )
            )
    for m in _LINKED.finditer(inside):
        label = _CITE.sub("", m.group("label"))
        url = m.group("url").translate(_SHOWN)
        if "[" in label and url.startswith(LANGUAGE_LINK):  # (inside a link's label: the link is read as one piece)
            inner = label[label.rindex("[") + 1 :].translate(_SHOWN)
            out.append(
                (
                    f"'[{shorten(inner, 40)}]({url})' marks words of a link's label as in another language: a link is"
                    " read as one piece, in the leaflet's language",
                    "write the link's words in the leaflet's language, and words in another beside it",
                )
            )
        elif "[" in label:
            out.append(
                (
                    f"the link to '{url}' has a '[' in its label (a link inside a link?)",
                    "links cannot hold links; write '\\[' for a bracket that is printed",
                )
            )
        elif not any(visible(ch) for ch in label.translate(_SHOWN)):
            out.append(
                _blank_mark(m.group().translate(_SHOWN))
                if url.startswith(LANGUAGE_LINK)
                else (
                    f"the link to '{url}' has no words to follow: its label is blank",
                    "write the words to follow in the brackets: [label](url)",
                )
            )
    return out


def _blank_mark(typed: str) -> tuple[str, str]:
    """(problem, hint) for words marked as in another language with no words in the brackets (`[ ](lang:es)`)."""
    return (
        f"'{shorten(typed, 60)}' marks no words as in another language: its brackets are blank",
        "write the words in the brackets: [gracias](lang:es)",
    )


def unprinted(text: str) -> str:
    """The text with each link's address and citation's key blanked (spaces, as many): what is printed, in place.
    Marks are found as `parse` finds them: a bracket after a backslash is printed (`\\[^not-a-citation]`)."""
    spans: list[tuple[int, int]] = []
    for m in _CITED_OR_LINKED.finditer(_ESCAPE.sub("\0\0", text)):  # (an escape's two characters: places kept)
        if m.group("cites") is not None:
            spans.append(m.span())
        else:  # (a link: its label printed, less the citations in it; then its address)
            spans += [c.span() for c in _CITE.finditer(m.string, m.start("label"), m.end("label"))]
            spans.append((m.end("label"), m.end()))
    out, pos = [], 0
    for start, end in spans:
        out += [text[pos:start], " " * (end - start)]
        pos = end
    return "".join(out) + text[pos:]


def plain(text: str) -> str:
    """The characters that will be printed (marks removed)."""
    return "".join(r.text for r in parse(text))


def own_words(text: str) -> str:
    """What `plain` gives but the words marked as in another language (`[SPF](lang:en)`): the text's own words."""
    return "".join(r.text for r in parse(text) if not r.language)


SHOUTED_WORDS = 5  # words of two capitals or more in a row, none in small letters: a passage in block capitals


def shouted(text: str) -> str:
    """The first passage the text prints in block capitals ('' if none): SHOUTED_WORDS words or more of two or
    more capitals each, with no small letter among them and no comma or semicolon inside (numbers and signs between
    them go with them). Words in capitals are read letter by letter, their shape lost (clear-print guidance: none
    for passages); an abbreviation or two (NHS, SPF 30), or a list of them ("the NHS, GMC, CQC, BMA and NICE"), is no
    passage."""
    if sum(map(str.isupper, text)) < 2 * SHOUTED_WORDS:  # (too few capitals for a passage: most texts, told at once;
        return ""  # what prints has no capital the text has not)
    run: list[str] = []
    for word in plain(text).split():
        cased = [ch for ch in word if ch.isupper() or ch.islower()]
        lower = any(ch.islower() for ch in cased)
        if not lower and (cased or run):
            run.append(word)
        if lower or word.endswith((",", ";")):  # (a list's items: each its own)
            if sum(_capitals(w) for w in run) >= SHOUTED_WORDS:
                break
            run = []
    return " ".join(run) if sum(_capitals(w) for w in run) >= SHOUTED_WORDS else ""


def _capitals(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2


_STRAY = Later(
    r"(?<=\s)\*+(?=[^\W\d_])"  # a star against a word's letters inside the text,
    r"|^\*{2,}(?=[^\W\d_])"  # or two at its start (a bold mark's, unclosed: '**Call 999 if'),
    r"|^\*{2,} +(?=[^\W\d_])"  # or with a space after them ('** Call us': stars, not bold, printed),
    r"|(?<=[^\W\d_])\*+(?=\s|$|[.,;:!?)\]])"  # not a footnote's star after a number or before a note ('from £120*',
)  # '*Prices may vary')


def stray_star(text: str) -> str:
    """The words around the first '*' a text prints as a star (no mark's pair, not written `\\*`) that stands
    against a word's letters inside the text ('**tell us first*' prints '*tell us first' in italics; 'such as
    *rolling scars (wide' a star), else ''. A star with spaces round it ('2 * 3'), a footnote's after a number or a
    bracket ('from £120*', 'Rated 5*', '(*)') or before its note at the text's start ('*Prices may vary') is not
    asked about; two at the start are ('**Call 999 if ...', its bold left unclosed)."""
    if "*" not in text:
        return ""
    printed = "".join(r.text for r in _parse(hidden(text)))  # (an escaped star is a stand-in there)
    found = _STRAY.search(printed) if "*" in printed else None
    if found is None:
        return ""
    left, right = found.start() - 30, found.end() + 30  # (whole words about it)
    left = printed.find(" ", left) + 1 if left > 0 else 0
    right = max(printed.rfind(" ", 0, right), found.end()) if right < len(printed) else len(printed)
    return printed[left:right].translate(_SHOWN).strip()


_BREAK = re.compile(r"[ \t]*(?:\r\n?|\n)\s*")  # a line break, with the spaces around it and any blank lines after


def one_line(text: str) -> str:
    """A title or heading written on several lines, on one (for the PDF's title, outline and keywords): each
    line break a space, or nothing after a hyphen ('Micro-' + 'needling' -> 'Micro-needling'); without soft
    hyphens and zero-width spaces, which only say where a line may break ('Micro\u00adneedling' -> 'Microneedling':
    the title's encoding has no soft hyphen, and a viewer showed the outline's as a space). Joiners and direction
    marks stay: Persian spells with the zero-width non-joiner (U+200C)."""
    text = text.replace("\xad", "").replace("\u200b", "")
    return _BREAK.sub(lambda m: "" if m.start() and text[m.start() - 1] in "-\u2010" else " ", text)


_HYPHEN_BREAK = re.compile(r"[-\u2010][ \t]*(?:\r\n?|\n)")  # a line break written right after a hyphen


def read_whole(text: str, cite: Callable[[tuple[str, ...]], str] | None = None) -> str:
    """What a title or heading written on several lines reads as, where a line breaks right after a hyphen
    ('Micro-' + 'needling' reads 'Micro-needling', not 'Micro- needling' as its lines read one after another would);
    '' where no line breaks so (its lines read as printed). `cite` gives what a citation's keys read as ('[1]'):
    the element's /ActualText stands for all its words, so a citation printed in it is read from it too."""
    if not _HYPHEN_BREAK.search(text):
        return ""
    return one_line("".join(cite(r.cites) if r.cites and cite else r.text for r in parse(text)))


def upper(text: str, language: str = "") -> str:
    """The printed characters in capitals, as a capitalised line (the cover's kicker) prints them: 'ß' -> 'SS'."""
    return "".join(in_capitals(r.text, language) for r in parse(text))


_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_ACCENTS = frozenset("\u0300\u0301\u0342\u0313\u0314")  # varia, tonos (oxia), perispomeni, psili, dasia
_DIPHTHONGS = frozenset(("αι", "ει", "οι", "υι", "αυ", "ευ", "ου", "ηυ"))
_CLUSTER = re.compile("(?s).[\u0300-\u036f]*")  # a character and the combining accents after it


_OR = re.compile(r"(?<![^\W\d_])\u03ae(?![^\W\d_])")  # Greek's 'ή' (or) as a word of its own


DOTTED_I = ("tr", "az", "crh", "gag")  # Turkish, Azerbaijani, Crimean Tatar, Gagauz: i's capital is İ, ı's I


def in_capitals(text: str, language: str = "") -> str:
    """Text in capitals: 'ß' -> 'SS'; in a language of DOTTED_I, 'i' -> 'İ' (HASTA BİLGİSİ, not BILGISI: another
    word); Greek without its accents, as Greek is set in capitals (ΠΛΗΡΟΦΟΡΙΕΣ, not ΠΛΗΡΟΦΟΡΊΕΣ), a dialytika
    kept, and one added where the dropped accent kept apart two vowels that would otherwise read as one sound
    (τσάι -> ΤΣΑΪ); the word 'ή' (or) keeps its accent, 'Ή', as 'Η' is the article. Other letters are upper-cased
    as Python does it."""
    if language.split("-")[0].lower() in DOTTED_I:
        text = text.replace("i", "\u0130")
    if not _GREEK.search(text):
        return text.upper()
    out: list[str] = []
    parted = ""  # the Greek vowel just before, in lower case, if its accent was dropped
    text = unicodedata.normalize("NFC", text)
    disjunctive = {m.start() for m in _OR.finditer(text)}
    for found in _CLUSTER.finditer(text):
        cluster = found.group()
        if found.start() in disjunctive:  # ('ή', or, keeps its accent: 'Η' alone is the article)
            out.append("\u0389")
            parted = ""
            continue
        if not _GREEK.match(cluster):
            out.append(cluster.upper())
            parted = ""
            continue
        letters = unicodedata.normalize("NFD", cluster)
        base, marks = letters[0], letters[1:]
        kept = "".join(m for m in marks if m not in _ACCENTS)
        if parted + base.lower() in _DIPHTHONGS and "\u0308" not in kept:
            kept += "\u0308"
        out.append(unicodedata.normalize("NFC", (base + kept).upper()))
        parted = base.lower() if len(kept) < len(marks) else ""
    return "".join(out)


def escape_text(text: str) -> str:
    """Plain text as ReportLab paragraph markup: every character printed as written ('&', '<', '>', quotes)."""
    return escape(text, quotes=True)


UNDERLINE = 0.06  # a link's underline, a share of its type's size (0.55 pt under 9.2 pt body, 0.96 pt under 16 pt
# large print: as thick as a font's own underline, not the 1 pt ReportLab draws at any size, heavy under fine print)


def link_markup(label_markup: str, url: str, color: str = "", live: bool = True, underline: bool = False) -> str:
    """Already-escaped label markup as a link to url; a url that is not a safe link prints the label alone.
    `underline`: the words underlined in their colour, so that a link in a sentence is told from the words around it
    by more than its colour (WCAG 2.1, 1.4.1)."""
    if not live or link_problem(url):
        return label_markup
    shade = f" color={quoteattr(color)}" if color else ""
    under = f' underline="1" uwidth="{UNDERLINE}*F"' if underline else ""
    return f"<a href={quoteattr(url)}{shade}{under}>{label_markup}</a>"


def display_url(url: str) -> str:
    """A web address as printed: no 'https://', no query or fragment, no trailing '/'."""
    rest = url.split("://", 1)[1] if "://" in url else url
    return rest.split("#", 1)[0].split("?", 1)[0].rstrip("/")


# A soft hyphen where a word cannot break: at a word's start or end (after a space or an opening mark, before a space
# or a closing mark), or beside a hyphen typed (a break there would print "Das -" or "(-" at a line's end, start the
# next line with "-Strich" or ", und", or print "Anti--"; and ReportLab, breaking a styled paragraph again, lost the
# letters around one after a typed hyphen: "FaltenCreme"). Left out of what is set: a compound breaks at a soft
# hyphen between letters ("Anti-Fal\u00adten-Creme"), not after its own hyphen.
_IDLE_SHY = re.compile(
    "(?:(?<=[\\s(\\[\u201e\u201c\u201a\u2018\u00ab\u2039\"'\\-\u2010\u2011])|^)\xad+"
    "|\xad+(?=\\s|$|[-\u2010\u2011.,;:!?\u2026)\\]\u00bb\u201d\u2019\"'])"
)


BRACKETED = "\u00a0["  # how a citation in brackets begins (layout/citations.py: large print's, at the words' size)
_STOP = Later("[.,;:!?\u2026\u060c\u061b\u061f\u06d4]+\\Z")  # a sentence's or clause's mark ending a run, as
# written (not inside a closing tag: it keeps its style); Arabic's comma, semicolon, question mark and full stop too


def to_markup(
    text: str,
    link_color: str = "",
    links: bool = True,
    capitals: bool = False,
    cite: Callable[[tuple[str, ...]], str] | None = None,
    italics: bool = True,
    breaks: bool = False,
    language: str = "",
    bare: bool = True,
) -> str:
    """Escaped ReportLab paragraph markup: only our marks become tags, '&' and '<' stay text.

    `capitals` prints the runs upper-cased as `language` writes capitals (the marks still apply); links go to
    their targets as written;
    `cite` gives the markup of a citation's keys (a superscript number); without it citations print nothing. A
    citation in brackets (large print's, BRACKETED) is set before the punctuation written before it, as bracketed
    numbers are ("cure.[^8] There" prints "cure [8]. There", not "cure. [8] There", read with the next sentence).
    Without `italics` (large print, where slanted letters are harder to read) emphasis is set in bold.
    With `breaks` (titles and headings) a line break written in the text breaks the line there; elsewhere it
    is a space, as in any paragraph. Without `bare`, an address typed bare is not linked (words inside a link, or
    that must be words alone)."""
    parts: list[str] = []
    text = _IDLE_SHY.sub("", text)
    for run in parse(_BREAK.sub("\n", text) if breaks else text):
        if run.cites:
            mark = cite(run.cites) if cite else ""
            stop = _STOP.search(parts[-1]) if mark.startswith(BRACKETED) and parts else None
            if stop:  # numbers in brackets come before the punctuation they follow: "not a cure [8]. There"
                parts[-1], mark = parts[-1][: stop.start()], mark + stop.group()
            parts.append(mark)
            continue
        s = escape_text(in_capitals(run.text, language) if capitals else run.text)
        if breaks:
            s = s.replace("\n", "<br/>")
        if run.italic:
            s = f"<i>{s}</i>" if italics else f"<b>{s}</b>"
        if run.bold and not (run.italic and not italics):
            s = f"<b>{s}</b>"
        if run.language:  # (words in another language: read so, printed as the rest)
            s = f"<a href={quoteattr(run.href)}>{s}</a>"
        elif run.href and (bare or not run.bare):
            s = link_markup(s, run.href, link_color, links, underline=True)
        parts.append(s)
    return "".join(parts)
