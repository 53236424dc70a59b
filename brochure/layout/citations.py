"""Content + the sections a layout shows -> its citation numbers (Vancouver), superscripts and references list."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from brochure.frozen import frozen
from brochure.inputs import blocks as c
from brochure.inputs.content import Content, Section
from brochure.inputs.inline import BRACKETED, citations, escape_text, link_markup, plain, to_markup
from brochure.inputs.references import Reference
from brochure.layout.bidi import FSI, LRI, PDI
from brochure.layout.para import Para
from brochure.theme.colors import color_markup
from brochure.theme.styles import Theme
from brochure.vocabulary import LANGUAGE_LINK, language_base
from brochure.words import Words

SMALLEST = 7.0  # pt: a superscript never goes under the 7 pt floor (preflight.design.MIN_TYPE)
SHRINK = 0.8  # a superscript's size, as a share of its text's size
RISE = 0.33  # how far a superscript's baseline is raised, as a share of its text's size (clear of the line above)


@frozen
class Citations:
    """A layout's citation numbers: the references it cites, numbered 1, 2, ... in order of first citation
    among the texts it prints (cover, its sections in content order, call to action, disclaimer)."""

    references: tuple[Reference, ...] = ()

    def number(self, key: str) -> int:
        """The number printed for a reference id (0 for one this layout does not cite)."""
        return next((i for i, ref in enumerate(self.references, 1) if ref.id == key), 0)

    def label(self, keys: Iterable[str]) -> str:
        """The numbers of adjacent citations as printed: '1,2', '1-3', '1,3-5' (sorted, each once)."""
        numbers = sorted({n for n in map(self.number, keys) if n})
        runs: list[list[int]] = []
        for n in numbers:
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        return ",".join(f"{r[0]}-{r[-1]}" if len(r) >= 3 else ",".join(map(str, r)) for r in runs)

    def said(self, keys: tuple[str, ...], raised: bool = True) -> str:
        """Adjacent citations as a screen reader reads them: '[1,2]' (a raised number's Reference /ActualText,
        render/structure.py), or as printed in brackets (' [1,2]', not `raised`)."""
        label = self.label(keys)
        if not label:
            return ""
        return f"[{label}]" if raised else f"\u00a0[{label}]"

    def markup(self, keys: tuple[str, ...], size: float, raised: bool = True) -> str:
        """Adjacent citations as one superscript for text set at `size` pt, in the text's colour; not `raised`
        (large print, where no text may be smaller than the body), as numbers in brackets at the text's own size,
        kept to the word before them (' [1,2]')."""
        label = self.label(keys)
        if not label:
            return ""
        if not raised:
            return f"{BRACKETED}{label}]"
        small, rise = max(SMALLEST, round(size * SHRINK, 2)), round(size * RISE, 2)
        return f'<super size="{small:g}" rise="{rise:g}">{label}</super>'


NONE = Citations()  # no citations (a layout before it is numbered)


def number(content: Content, sections: Iterable[Section]) -> Citations:
    """The references cited by the texts a layout prints (`sections`: the ones it shows, with their blocks),
    in order of first citation."""
    by_id = {ref.id: ref for ref in content.references}
    order: dict[str, None] = {}
    for text in printed_texts(content, sections):
        for key in citations(text):
            if key in by_id:
                order.setdefault(key)
    return Citations(tuple(by_id[key] for key in order))


def printed_texts(content: Content, sections: Iterable[Section]) -> Iterator[str]:
    """The texts a layout prints, in citation order: the cover, the sections, the call to action, the disclaimer."""
    cover = content.cover
    yield from (t for t in (cover.kicker, content.title, content.subtitle, cover.lead) if t)
    for s in sections:
        yield s.heading
        for block in s.blocks:
            yield from block_texts(block)
    cta = content.call_to_action
    yield from (cta.heading, cta.text, content.qr_label, content.disclaimer)


def block_texts(b: c.Block) -> tuple[str, ...]:
    """The printed texts of a block, in the order they are printed (a drawing's labels cannot cite)."""
    if isinstance(b, c.Text | c.Subheading):
        return (b.text,)
    if isinstance(b, c.Bullets):
        return b.items
    if isinstance(b, c.Cards):
        return tuple(t for card in b.cards for t in (card.title, card.text))
    if isinstance(b, c.Steps):
        return tuple(t for step in b.steps for t in (step.title, step.text) if t)
    if isinstance(b, c.Callout):
        return tuple(t for t in (b.title, b.text) if t)
    if isinstance(b, c.Image | c.Illustration):
        return (b.caption,) if b.caption else ()
    if isinstance(b, c.ContactLines):  # (the kit's lines: no words of the content's)
        return ()
    return tuple(t for qa in b.items for t in (qa.q, qa.a))


def printed(ref: Reference) -> str:
    """Every character a references list may print of ref (its full and short text, 'doi:...', its address)."""
    texts = [plain(ref.text), *([plain(ref.short)] if ref.short else [])]
    return " ".join([*texts, *([f"doi:{ref.doi}"] if ref.doi else []), *([ref.url] if ref.url else [])])


def listed(ref: Reference, full: bool = False) -> tuple[str, str]:
    """What a references list prints of ref (a folded leaflet: its short form, else its full text; in `full`:
    the Vancouver text, then 'doi:...' and its web address), and the key that text is written at."""
    key = "text" if full or not ref.short else "short"
    words = ref.short if key == "short" and ref.short else ref.text
    if not full:
        return plain(words), key
    return " ".join([plain(words), *([f"doi:{ref.doi}"] if ref.doi else []), *([ref.url] if ref.url else [])]), key


def sources(
    cites: Citations,
    theme: Theme,
    words: Words,
    links: bool,
    full: bool = False,
    run_on: bool = False,
    language: str = "",
    part: tuple[int, int] | None = None,
) -> Para | None:
    """The references a folded leaflet cites, numbered to match its superscripts, in small type, in their short
    form ('Sources 1 Alam M et al. JAMA Dermatol. 2014;150(8):844-9. 2 ...'): each links to its DOI (or address)
    where links are live. The full Vancouver text with DOIs is the large-print edition's (entries_markup).
    In a right-to-left leaflet each reference starts a line of its own, unless `run_on` (a back too full: then
    they are one left-to-right isolate, each line of them read left to right). A
    reference in another language than the leaflet's (`language`) is marked as such, for a screen reader. `part`:
    the references from the first to before the last of it only (a column's share: the label with the first, the
    pointer to the full list with the last; the two shares are one paragraph to a reader); None when it has none."""
    if not cites.references:
        return None
    rtl = theme.direction == "rtl"
    isolated = rtl and run_on  # (run on in a right-to-left leaflet: one left-to-right isolate)
    entries = entries_markup(cites, theme, links, full, language, run_on=isolated)
    first, last = part or (0, len(entries))
    if first >= last:
        return None
    # Right to left, each reference starts a line of its own: run in, a line would hold one reference's end at
    # its right and the next one's start at its left ('2 American Academy ... Bookshelf).'), which reads as one.
    # Run on (a back too full for that), they are one left-to-right isolate: each line of it reads left to right,
    # one reference's end then the next one's start, as a Latin paragraph does; the line set flush right.
    joint = "<br/>" if rtl and not run_on else " "
    label = f"<b>{escape_text(words.sources)}</b> " if first == 0 else ""
    tail = f" {escape_text(words.in_full)}" if not full and last >= len(entries) else ""
    held = joint.join(entries[first:last])
    text = label + (f"{LRI}{held}{PDI}" if isolated else held) + tail
    return Para(text, theme.style("fine"), element="sources")  # (a column's share and the next: one paragraph)


def entries_markup(
    cites: Citations,
    theme: Theme,
    links: bool,
    full: bool,
    language: str = "",
    run_on: bool = False,
    numbered: bool = True,
) -> list[str]:
    """Each reference as printed: its number in bold, then in `full` its Vancouver text, DOI and address (each
    a link where links are live, in the link colour and underlined: told from the text beside it by more than its
    colour), else its short form, linked to its DOI or address.

    In a right-to-left leaflet a reference reads left to right as a whole, set apart as a first-strong isolate
    (U+2068..U+2069, as a typesetter of Arabic sets a Latin reference): in the short form the number and the
    text together (the references follow one another right to left, each '1 Alam M et al. ...' left to right),
    in `full` the text alone, its number at the paragraph's reading side (the right). `run_on` (the references
    run on, in a left-to-right isolate of their own): the words alone, the number at their left (a reference in
    Arabic read right to left inside them, its number beside the next one's).

    In short form, a reference in a language other than `language` (the leaflet's) is marked as a link to
    "lang:TAG" around its words (layout/model.LANGUAGE_LINK: its words' language, never a link); in `full` each
    reference is a list item that says its language itself (layout/blocks.py). Not `numbered` (in `full`, where the
    number hangs in a column of its own, the list item's label: layout/blocks.py), its text alone."""
    shade = color_markup(theme.palette.primary)
    unit = (FSI, PDI) if theme.direction == "rtl" else ("", "")
    entries = []
    for i, ref in enumerate(cites.references, 1):
        if not full:
            target = ref.doi_url if ref.doi else ref.url
            words = to_markup(ref.short or ref.text, shade, links, bare=not target)  # (no link inside its link)
            linked = link_markup(words, target, "", links) if target else words
            other = ref.language or ""
            if other and language and language_base(other) != language_base(language):
                linked = f'<a href="{LANGUAGE_LINK}{escape_text(other)}">{linked}</a>'
            number = f"<b>{i}</b>\u00a0"
            entries.append(f"{number}{unit[0]}{linked}{unit[1]}" if run_on else f"{unit[0]}{number}{linked}{unit[1]}")
            continue
        parts = [to_markup(ref.text, shade, links)]
        if ref.doi:
            parts.append(link_markup(escape_text(f"doi:{ref.doi}"), ref.doi_url, shade, links, underline=True))
        if ref.url:
            parts.append(link_markup(escape_text(ref.url), ref.url, shade, links, underline=True))
        number = f"<b>{i}</b>\u00a0" if numbered else ""
        entries.append(f"{number}{unit[0]}" + " ".join(parts) + unit[1])
    return entries
