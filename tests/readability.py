"""Plain text or content.yaml -> reading-ease figures (Flesch reading ease, SMOG), with no download or dependency.

Syllables are counted with the usual English heuristic (groups of vowels, less a silent final e, -ed and
-es endings that add no syllable; a consonant + "le" ending keeps its syllable). It is an estimate, good to
about one syllable in ten words, which is what Flesch and SMOG were calibrated with.

    python tests/readability.py [content.yaml]    prints the figures for each layout's body text
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_VOWELS = re.compile(r"[aeiouy]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CITATION = re.compile(r"\[\^[a-z0-9-]+\]")


def syllables(word: str) -> int:
    """Syllables in one English word (a heuristic; numbers count as their spoken length, roughly)."""
    w = word.lower().strip("'’")
    if not w:
        return 0
    if w.isdigit():
        return 1 if len(w) == 1 else 2  # "5" five; "30" thirty, "999" nine-nine-nine is more, but rare
    if len(w) <= 3:
        return 1
    if w[0] == "y":
        w = w[1:]  # a leading y is a consonant (yes, your)
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not (w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy") and count > 1:
        count -= 1  # silent final e: make, cream, but not table, simple
    elif w.endswith("ed") and len(w) > 3 and w[-3] not in "td" and count > 1:
        count -= 1  # jumped, used; but wanted, needed
    elif w.endswith("es") and count > 1 and not re.search(r"([sxzgc]|ch|sh)es$", w):
        count -= 1  # makes, lines; but boxes, changes, pieces
    return max(1, count)


def words(text: str) -> list[str]:
    """The words of a text (hyphenated words count as their parts: micro-needling is two words' worth)."""
    return _WORD.findall(text.replace("-", " "))


def sentences(text: str) -> list[str]:
    """Sentences of one printed unit (a paragraph, a list item): split after . ! or ?, never empty."""
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text.strip())) if words(s)]


@dataclass(frozen=True)
class Figures:
    words: int
    sentences: int
    syllables: int
    polysyllables: int  # words of three syllables or more
    longest: str  # the longest sentence, by words

    @property
    def flesch(self) -> float:
        """Flesch reading ease: 60-70 is plain English (age 13-15), 80-90 easy (age 11-12 and under)."""
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    @property
    def smog(self) -> float:
        """SMOG grade (years of schooling needed); the NHS aims for about 8 or under."""
        return 1.0430 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291

    @property
    def average(self) -> float:
        return self.words / self.sentences


def measure(units: list[str]) -> Figures:
    """Figures over printed units of text: each unit (paragraph, list item) ends a sentence even without a stop."""
    sents = [s for unit in units for s in sentences(unit)]
    ws = [w for s in sents for w in words(s)]
    counts = [syllables(w) for w in ws]
    longest = max(sents, key=lambda s: len(words(s)), default="")
    return Figures(len(ws), max(1, len(sents)), sum(counts), sum(1 for c in counts if c >= 3), longest)


def printed(text: str) -> str:
    """A content text as a reader sees it: citations, bold, italic and link marks taken out."""
    from brochure.inputs.inline import plain

    return plain(_CITATION.sub("", text))


def body_units(content: object, layout: str | None = None) -> Iterator[str]:
    """The body text of the sections (what a patient reads: paragraphs, list items, card and step texts,
    callouts), in one layout or, with layout None, every block of every layout. Headings, card titles,
    labels and the references are not body text."""
    from brochure.inputs import blocks as b
    from brochure.inputs.content import Content

    assert isinstance(content, Content)
    for section in content.sections:
        if layout is not None and layout not in section.layouts:
            continue
        shown = section.blocks_in(layout) if layout is not None else section.blocks
        for block in shown:
            if isinstance(block, b.Text):
                yield printed(block.text)
            elif isinstance(block, b.Bullets):
                yield from (printed(item) for item in block.items)
            elif isinstance(block, b.Cards):
                yield from (printed(card.text) for card in block.cards)
            elif isinstance(block, b.Steps):
                yield from (printed(step.text) for step in block.steps)
            elif isinstance(block, b.Callout):
                yield printed(block.text)
            elif isinstance(block, b.Faq):
                yield from (printed(item.a) for item in block.items)


def main(argv: list[str]) -> int:
    from brochure.inputs.content import load_content

    path = Path(argv[0] if argv else "content.yaml")
    content, diags = load_content(path)
    if content is None:
        print("\n".join(d.format() for d in diags), file=sys.stderr)
        return 1
    for layout in (None, "trifold", "bifold", "flyer", "large-print"):
        f = measure(list(body_units(content, layout)))
        name = layout or "all blocks"
        print(
            f"{name:11} Flesch {f.flesch:5.1f}  SMOG {f.smog:4.1f}  {f.words} words, {f.sentences} sentences,"
            f" {f.average:.1f} words a sentence, longest {len(words(f.longest))}: {f.longest!r}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
