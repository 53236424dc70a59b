"""A source Content + its translation's Content -> Diagnostics where the translation differs in what must not.

A translation is a whole content file in another language (`translations/es.yaml`) with the same structure:
the same sections, blocks and list items, so every printed text pairs with the source's text at the same key
path. What a translation must keep (this is a medical leaflet): every number, dose, duration and percentage;
every link and phone number; its references. What it must change: the words, so a text left as the source
wrote it is flagged. Each finding is at the translation's line and column, with the source's place in the
message.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from itertools import pairwise

from brochure.diagnostics import Diagnostic, Location, error, shorten, warning
from brochure.inputs.blocks import Callout, ContactLines, Image
from brochure.inputs.content import Content
from brochure.inputs.inline import citations, links, own_words, parse, plain
from brochure.inputs.numbers import (
    NUMBER,
    check_numbers,
    check_percent_and_ranges,
    check_units,
    place,
    read_numbers,
    western,
)
from brochure.inputs.scalars import file_lines, pin
from brochure.vocabulary import AMBULANCE, EMERGENCY, URGENT, language_base

_LETTERS = re.compile(r"[^\W\d_]{3,}")
_OWN = ("document.", "words.")  # the translation's own document control and words are not the source's
OPTIONAL = "call_to_action.qr_label"  # a source may leave it to the language's own words; a translation may not
_KEPT = ("references",)  # references are cited as published: the same in every language, not flagged as kept


MOSTLY_OF = 10  # texts of words the source and a translation pair at the least, for "most of them" to be said


def _mostly_untranslated(source: Content, translation: Content, untranslated: int, worded: int) -> Diagnostic:
    """A translation whose texts are mostly the source's as written: its leaflet would print the source's language
    under the translation's tag (a screen reader reads it in the wrong voice), with only warnings text by text."""
    return error(
        translation.language_at,
        f"most of this translation's texts are the source's as written ({untranslated} of {worded}): its leaflet would "
        f"print {source.language} words as {translation.language} (a screen reader reads them in its voice)",
        "translate them (a warning names each), or give this file the source's language and no document.translation "
        "if it is the source's words",
    )


def compare(source: Content, translation: Content) -> list[Diagnostic]:
    """Every difference a translation must not have, and the texts it probably forgot to translate."""
    own = _own_words(source, translation)
    if own is not None:
        return [own]
    diags = _structure(source, translation) + _reference_targets(source, translation) + _edition(source, translation)
    diags += _tones(source, translation)
    ours = _texts(translation)
    theirs = _texts(source)
    if [s.id for s in source.sections] != [s.id for s in translation.sections]:  # their texts do not pair
        ours = {key: v for key, v in ours.items() if not key.startswith("sections")}
    uneven = _uneven(theirs, ours)  # (lists of other lengths: their items do not pair either)
    ours = {key: v for key, v in ours.items() if not _under(key, uneven)}
    changes = dict(translation.document.translation.numbers) if translation.document.translation else {}
    same = translation.document.translation.same if translation.document.translation else ()
    # (an adaptation, en-GB -> en-US, keeps most words)
    adaptation = language_base(source.language) == language_base(translation.language)
    lines = file_lines(translation.source)  # (once: a file of thousands of findings was split for each)
    worded = untranslated = 0  # (texts of words, and those the source's as written: most of them, an error)
    for key, (text, at) in ours.items():
        if key not in theirs:
            continue
        was, src_at = theirs[key]
        if not key.startswith(_KEPT) and _LETTERS.search(plain(was)):
            worded += 1
            untranslated += text == was and text not in same and plain(text) not in same
        typed = pin(lines, at, text)  # (a finding about a number is said at the number)
        diags += check_numbers(was, text, at, src_at, changes, typed) or [
            *check_percent_and_ranges(was, text, at, src_at, changes, typed),
            *check_units(was, text, at, src_at, changes, typed),
        ]
        diags += _links(was, text, at, src_at)
        diags += _citations(was, text, at, src_at)
        diags += _emphasis(was, text, at, src_at)
        if text == was and not adaptation and not key.startswith(_KEPT) and _LETTERS.search(plain(text)):
            if text in same or plain(text) in same:  # (the same words in both languages, said so)
                continue
            diags.append(
                warning(
                    at,
                    f"this text is as the source wrote it ('{shorten(plain(text), 50)}'): probably not translated",
                    f"translate it (source: {place(src_at)}), or, if the words are the same in "
                    f"{translation.language}, name them in document.translation.same: [...]",
                )
            )
        elif not adaptation and not key.startswith(_KEPT) and (kept := _sentence_kept(was, text, same)):
            diags.append(
                warning(
                    at,
                    f"a sentence of this text is as the source wrote it ('{shorten(kept, 50)}'): probably not"
                    " translated",
                    f"translate it (source: {place(src_at)}), or, if the words are the same in "
                    f"{translation.language}, name the sentence in document.translation.same: [...]",
                )
            )
        elif language_base(translation.language) != "en" and not key.startswith(_KEPT) and text != was:
            english = _english_sentence(text, same)
            if english:
                diags.append(
                    warning(
                        at,
                        f"a sentence of this text reads as English ('{shorten(english, 50)}'), not as "
                        f"{translation.language}, and is not the source's: probably added from another text",
                        f"translate it (source: {place(src_at)}), or, if it is meant in English, name the sentence "
                        "in document.translation.same: [...]",
                    )
                )
    if not adaptation and worded >= MOSTLY_OF and untranslated * 2 > worded:
        diags.append(_mostly_untranslated(source, translation, untranslated, worded))
    diags += _same_language(source, translation, theirs, ours) if adaptation else []
    diags += _fewer_sentences(theirs, ours)
    diags += _no_number_to_call(theirs, ours, changes)
    diags += _contact_lines_changed(source, translation, uneven)
    if translation.language.lower() != source.language.lower() and translation.document.translation is None:
        diags.append(
            error(
                translation.document.where("document"),
                "a translation says who translated it: document.translation is missing",
                "add 'translation: {translator: {name: ..., role: ...}, reviewer: {name: ..., role: ...}}'",
            )
        )
    return diags


def _own_words(source: Content, translation: Content) -> Diagnostic | None:
    """Words in the source's language (or another country's form of it) that name no translation: a clinic's own
    words, checked against another's as if they translated them (a group's `source:` over an Irish clinic's en-IE
    words: every number they changed for Ireland, "NHS 111" to its own, was an error to be put back). One error
    that says so, not each difference."""
    if translation.document.translation is not None or language_base(source.language) != language_base(
        translation.language
    ):
        return None
    if source.path.resolve() == translation.path.resolve() or source.source == translation.source:
        return None  # (the source itself, or a copy of it: nothing to compare)
    return error(
        translation.language_at,
        f"these words are in {translation.language} and name no translation (document.translation), yet are checked "
        f"as translating {source.path.name} ({source.language}): the clinic's own words, not a translation?",
        "check them without --source (in editions.yaml, give their brand its own `source:`, these words); if they "
        "adapt the source for another country (en-GB to en-US), say so: add 'translation: {translator: ..., "
        "reviewer: ..., numbers: {...}}' under document:",
    )


_SENTENCE = re.compile(r"[^.!?]+[.!?]+")  # a sentence of a text, with its full stop
SENTENCE_WORDS = 4  # a sentence of the source left in a translation is said from this many words (not 'Call 999.')


def _sentence_kept(was: str, text: str, same: tuple[str, ...]) -> str:
    """The first sentence of the source's text (of SENTENCE_WORDS words or more, with letters) that the
    translation's text gives word for word, left untranslated beside what was translated; '' when none."""
    printed = own_words(text)  # (a sentence the translation marks as the source's language is kept on purpose)
    for found in _SENTENCE.finditer(plain(was)):
        sentence = found.group().strip()
        words = len(sentence.split()) >= SENTENCE_WORDS and _LETTERS.search(sentence) is not None
        if words and sentence not in same and sentence in printed:
            return sentence
    return ""


# Words of English prose that other languages' prose seldom has (not 'is', 'we', 'on', 'to', 'do', 'has', 'no', 'a':
# Dutch, Polish, Spanish words too): a sentence of SENTENCE_WORDS words or more, ENGLISH_WORDS of them these, reads
# as English.
_ENGLISH = frozenset(
    (
        "the",
        "and",
        "your",
        "you",
        "with",
        "will",
        "this",
        "that",
        "are",
        "our",
        "not",
        "can",
        "after",
        "before",
        "from",
        "have",
        "should",
        "may",
        "if",
        "what",
        "when",
        "which",
        "there",
        "they",
        "their",
        "about",
        "would",
        "could",
        "been",
        "does",
        "don't",
        "it's",
        "you'll",
        "we'll",
    )
)
ENGLISH_WORDS = 3
_PIECES = re.compile(r"(?<=[.!?])\s+")
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _english_sentence(text: str, same: tuple[str, ...]) -> str:
    """The first sentence of a translated text that reads as English (ENGLISH_WORDS of _ENGLISH, at least two
    fifths of its words), '' when none: a sentence pasted in from the source's other texts, or a note left."""
    for sentence in _PIECES.split(own_words(text)):  # (words marked as English are English on purpose)
        words = [w.lower().replace("\u2019", "'") for w in _WORDS.findall(sentence.replace("\u2019", "'"))]
        english = [w for w in words if w in _ENGLISH]
        if (
            len(words) >= SENTENCE_WORDS
            and len(set(english)) >= ENGLISH_WORDS
            and len(english) * 5 >= 2 * len(words)
            and sentence.strip() not in same
        ):
            return sentence.strip()
    return ""


# A sentence ends at a full stop, question or exclamation mark (Arabic's too, an ellipsis), closing quotes or brackets
# and a citation's number after it, then a space and what starts a sentence: no small letter ('approx. 30 min. before'
# is one sentence; 'Dr. Hale' is a title's), a digit after a word of four letters or more ('comparta. 1. wizyta': not
# 'approx. 30', 'ca. 10'); a run of marks is read from its first, once (tried from each of its marks, 4,000 dots
# in a text took 1.5 s, each text of a file twice)
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Za-z])(?<!\bDr)(?<!\bDra)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSr)(?<!\bSra)(?<!\bProf)(?<!\bSt)(?<!\bvs)"
    r"(?<!\bNo)"
    r"(?<![.!?\u061f\u2026])(?P<mark>[.!?\u061f\u2026]++)[\"'\u201d\u2019\u00bb)\]]*\d*\s+[^\s\w]*(?P<next>[^\W_])"
)
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]+$")
_WORD_REACH = 64  # letters looked back for the word before a full stop (a longer word is a word: not shortened)
_CLOSING = "\"'\u201d\u300d\u300f)\\]"  # quotes and brackets that may close a sentence after its mark
_EAST_END = re.compile(f"[\u3002\uff01\uff1f\u0964\u0965]+(?=[{_CLOSING}]*\\s*[^\\s{_CLOSING}])")
# (Chinese's and Japanese's full stops and marks, Hindi's danda: a sentence ends there, with no space after it)
_GREEK_ASKS = re.compile(r"[;\u037e][\"'\u201d\u00bb)\]]*\d*\s+[^\s\w]*(?P<next>[\u0386\u0388-\u038f\u0391-\u03a9])")
# (Greek's question mark is written as a semicolon: "Ανησυχείτε; Δείτε ...": a sentence ends there where a capital
# Greek letter starts the next)
_SHORTENED = frozenset(("approx", "godz", "prof", "circa"))  # (words of four letters or more shortened before a number)
MERGED = 4  # a text of more sentences than this may have two of them joined in a language's way (one, not two)
SHORTER = 0.88  # a text of one sentence fewer and under this share of its source's length, at the file's ratio, is
# short by a sentence (two joined keep their length: the shipped texts of five sentences or more are 0.91 or more)
JOINED = 5.0  # how much better the sentences' lengths pair with one of the source's left out than with two joined
RATIO_TEXTS = 5  # texts of at least RATIO_LETTERS characters the file's ratio of lengths is read from, at least
RATIO_LETTERS = 40


def _sentences(text: str) -> int:
    """How many sentences a text has (one where it has no sentence's end inside)."""
    return len(_ends(plain(text))) + 1


def _ends(printed: str) -> list[int]:
    """Where each sentence of a printed text but the first starts, in order (none where it has one sentence)."""
    ends = [m.end() for m in _EAST_END.finditer(printed)] + [m.start("next") for m in _GREEK_ASKS.finditer(printed)]
    for found in _SENTENCE_END.finditer(printed):
        first = found.group("next")
        before = _WORD_BEFORE.search(printed, max(0, found.start() - _WORD_REACH), found.start())
        said = before.group() if before is not None else ""  # (a word of four letters or more, or in letters other
        word = (len(said) >= 4 or not said.isascii()) and said.lower() not in _SHORTENED  # than English's: Vietnamese
        if not first.islower() and (not first.isdigit() or found.group("mark") != "." or word):  # 'nhẹ. 2 lần')
            ends.append(found.start("next"))
    return sorted(ends)


@lru_cache(maxsize=2048)
def _split(text: str) -> tuple[str, ...]:
    """A text's sentences as printed (`_ends`), each without the spaces about it. Remembered for the last texts
    split, as `inline.parse` keeps their runs (a pure function of the text; at most TEXT_CHARS each): a group's
    translations are each checked against the same source's texts, and a translation again at each of its editions'
    builds (a third of a check's time)."""
    printed = plain(text)
    cuts = [0, *_ends(printed), len(printed)]
    return tuple(printed[a:b].strip() for a, b in pairwise(cuts))


def _fewer_sentences(theirs: Texts, ours: Texts) -> list[Diagnostic]:
    """A text with fewer sentences than the source's: a sentence left out, which no number, link or citation shows
    (a warning: a translator may have joined two). A text of more than MERGED sentences may have two joined in the
    language's way: one fewer there is said only where the text is short by a sentence (`_short_by_one`)."""
    diags: list[Diagnostic] = []
    ratio = _ratio(theirs, ours)
    for key, (text, at) in ours.items():
        if key not in theirs or key.startswith(_KEPT):
            continue
        was, src_at = theirs[key]
        src, given_ = _split(was), _split(text)
        expected, given = len(src), len(given_)
        one = expected > MERGED and expected - given == 1  # (two joined, or one left out?)
        guessed = one and _short_by_one(src, given_, ratio)
        if expected - given > (1 if expected > MERGED else 0) or guessed:
            diags.append(
                warning(
                    at,
                    f"this text has {given} sentence{'s' if given != 1 else ''}, the source's "
                    f"('{shorten(plain(was), 50)}', {place(src_at)}) {expected}"
                    + (", and its sentences' lengths are short by about a sentence" if guessed else "")
                    + ": a sentence left out?",
                    "translate every sentence of the source (a sentence that gives no number is checked by its count "
                    + ("and length alone: two joined on purpose may read so too" if guessed else "alone")
                    + "); if two were joined into one on purpose, keep them two, as the source has them",
                )
            )
    return diags


def _ratio(theirs: Texts, ours: Texts) -> float:
    """How long the translation's texts are for their sources' length, as a rule (the median of the texts of
    RATIO_LETTERS characters or more); 0 where fewer than RATIO_TEXTS such texts tell it."""
    shares = sorted(
        len(plain(text)) / len(plain(theirs[key][0]))
        for key, (text, _) in ours.items()
        if key in theirs and not key.startswith(_KEPT) and len(plain(theirs[key][0])) >= RATIO_LETTERS
    )
    return shares[len(shares) // 2] if len(shares) >= RATIO_TEXTS else 0.0


def _short_by_one(src: tuple[str, ...], sentences: tuple[str, ...], ratio: float) -> bool:
    """Whether a text (its `sentences`) with one sentence fewer than its source's (`src`) is short by a sentence:
    under SHORTER of the source's length (at the file's `ratio`), or its sentences' lengths pairing with the source's
    far better (by JOINED) with one of them left out than with two of them joined (as Gale and Church align
    sentences); not where two may have been joined, or no ratio is known. (Which one is left out, the lengths do not
    tell: two of about one length are alike.) Linear in the text."""
    if not ratio:
        return False
    ours = [len(s) for s in sentences]
    lengths = [max(1.0, len(s) * ratio) for s in src]
    n = len(lengths)

    def cost(expected: float, given: int) -> float:
        return (given - expected) ** 2 / expected

    before = [0.0]  # (the pairs of the first k sentences, each with its own)
    for k in range(n - 1):
        before.append(before[-1] + cost(lengths[k], ours[k]))
    after = [0.0] * (n + 1)  # (the source's sentences from k on, each with the one before it here)
    for k in range(n - 1, 0, -1):
        after[k] = after[k + 1] + cost(lengths[k], ours[k - 1])
    joined = min(before[j] + cost(lengths[j] + lengths[j + 1], ours[j]) + after[j + 2] for j in range(n - 1))
    dropped = min(before[k] + after[k + 1] for k in range(n))
    short = sum(ours) + len(ours) - 1 < SHORTER * (sum(len(s) for s in src) + n - 1) * ratio
    return short or joined - dropped > JOINED


ADAPTED_SHARE = 0.5  # an adaptation (en-GB -> en-US) rewords some texts; a translation marked so, most of them
KEPT_WORDS = 0.3  # a text that keeps less than this share of the source's words is reworded throughout
_SCRIPT = re.compile(r"^[a-z]{2,3}-([A-Za-z]{4})(?:-|$)")  # a tag's script subtag: sr-Cyrl, zh-Hant


def _same_language(source: Content, translation: Content, theirs: Texts, ours: Texts) -> list[Diagnostic]:
    """Words marked in the source's language whose texts are mostly reworded throughout: probably another
    language marked wrong (a Spanish file marked en-GB read in an English voice, with English labels). An
    adaptation (en-GB -> en-US, de-DE -> de-CH) keeps most words of most texts; one into another script of the
    language (sr-Cyrl -> sr-Latn) keeps none, and is not judged."""
    if _script(source.language) != _script(translation.language):
        return []
    paired = [key for key in ours if key in theirs and _LETTERS.search(plain(theirs[key][0]))]
    changed = sum(_kept_words(theirs[key][0], ours[key][0]) < KEPT_WORDS for key in paired)
    if len(paired) < 10 or changed <= ADAPTED_SHARE * len(paired):
        return []
    return [
        warning(
            translation.language_at,
            f"the words are marked '{translation.language}', the source's language ({source.language}), yet "
            f"{changed} of their {len(paired)} texts are reworded throughout: are they in another language?",
            "mark the words with the language they are in (a screen reader reads them in its voice, and the tool's "
            "own words print in it)",
        )
    ]


def _script(tag: str) -> str:
    found = _SCRIPT.match(tag)
    return found.group(1).lower() if found else ""


def _kept_words(was: str, text: str) -> float:
    """The share of the source text's words the text keeps (case aside)."""
    theirs = set(plain(was).lower().split())
    return len(theirs & set(plain(text).lower().split())) / len(theirs) if theirs else 1.0


def _reference_targets(source: Content, translation: Content) -> list[Diagnostic]:
    """Each reference's DOI and web address as the source's (the office edition links them: a changed DOI sent a
    reader to another paper, with `check` saying ok)."""
    theirs = {r.id: r for r in source.references}
    diags: list[Diagnostic] = []
    for ref in translation.references:
        was = theirs.get(ref.id)
        for what, old, new in (("DOI", was and was.doi, ref.doi), ("web address", was and was.url, ref.url)):
            same = (old or "").lower() == (new or "").lower() if what == "DOI" else old == new  # (a DOI: any case)
            if was is not None and not same:
                diags.append(
                    error(
                        ref.at,
                        f"reference '{ref.id}' has {f'the {what} {new}' if new else f'no {what}'}, and the source's "
                        f"has {old or 'none'} ({place(was.at)})",
                        "keep each reference's DOI and web address as the source has them: a reference is cited as "
                        "published, in every language",
                    )
                )
    return diags


def _edition(source: Content, translation: Content) -> list[Diagnostic]:
    """The translation's version and dates against the source's: a translation of an earlier version (its words may
    be those the source has since changed: a risk added, a price), or published before the source's words were, or
    due for review after them, is a warning at its key."""
    was, now = source.document, translation.document
    diags: list[Diagnostic] = []
    if now.version != was.version and _version(now.version) > _version(was.version):
        diags.append(
            warning(
                now.where("document.version"),
                f"this translation is of version {now.version}, newer than its source's {was.version} "
                f"({place(was.where('document.version'))}): one of the two is not the version it says",
                "give the translation the version of the source it translates, or update the source",
            )
        )
    elif now.version != was.version:
        diags.append(
            warning(
                now.where("document.version"),
                f"this translation is of version {now.version}, and the source is version {was.version} "
                f"({place(was.where('document.version'))}): its words may be out of date",
                f'translate what changed in the source since {now.version}, then set version: "{was.version}" '
                "(and published:) here",
            )
        )
    elif now.published < was.published:
        diags.append(
            warning(
                now.where("document.published"),
                f"this translation was published on {now.published.isoformat()}, before its source's words "
                f"({was.published.isoformat()}, {place(was.where('document.published'))}): they may have changed "
                "since",
                "compare it with the source as published, then set published: to the day it matched",
            )
        )
    if now.review > was.review:
        diags.append(
            warning(
                now.where("document.review"),
                f"this translation is due for review on {now.review.isoformat()}, after its source "
                f"({was.review.isoformat()}, {place(was.where('document.review'))}): the words it translates are "
                "due first",
                f"set review: {was.review.isoformat()} (or earlier), the source's date",
            )
        )
    return diags


def _version(text: str) -> tuple[tuple[int, str], ...]:
    """A version, to compare: its parts, numbers by value ('1.10' after '1.9'), other parts as written."""
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in re.split(r"[.\-]", text.strip()))


def _texts(content: Content) -> dict[str, tuple[str, Location]]:
    """The texts a reader meets, by key path: those printed, and each picture's text alternative (a screen reader's);
    and each picture's `src` as no text (''), so that a picture with no text of its own (`decorative: true`) is in
    its list of blocks too: left out, or given an `alt:` where the source's is decorative, it is said; so is each
    `contact:` block's (the kit's lines: no text of the content's)."""
    texts = {at.key: (text, at) for text, at in content.strings if not at.key.startswith(_OWN)}
    pictures = [b for s in content.sections for b in s.blocks if isinstance(b, Image)]
    alts = {b.alt_at.key: (b.alt, b.alt_at) for b in pictures if b.alt_at is not None}
    contacts = [b for s in content.sections for b in s.blocks if isinstance(b, ContactLines)]  # (no text: the kit's)
    blanks = {b.at.key: ("", b.at) for b in pictures} | {b.at.key: ("", b.at) for b in contacts}
    return texts | alts | blanks


def _no_number_to_call(
    theirs: dict[str, tuple[str, Location]], ours: dict[str, tuple[str, Location]], changes: dict[str, str]
) -> list[Diagnostic]:
    """A source that tells patients the number to call for urgent help (999), and a translation that changed it on
    purpose (document.translation.numbers: {"999": ""}, {"999": "998"}, which quiets the comparison of numbers) to
    none: it gives no such number, and a patient with a swelling throat is not told what to call. (An adaptation
    that changes it to another country's, 999 -> 911, or 999 -> 111 for New Zealand, gives one; NHS 111, kept
    where the source has it, is not one; nor is a number the translation gives that the source did not need.)"""
    given = [(n, at) for key, (text, at) in theirs.items() if not key.startswith(_KEPT) for n in _ambulance(text)]
    changed = [(n, at) for n, at in given if n in changes and changes[n] not in EMERGENCY]  # (NZ's is 111)
    if not changed or any(_ambulance(text) for key, (text, _) in ours.items() if not key.startswith(_KEPT)):
        return []
    number, src_at = changed[0]
    at = ours[src_at.key][1] if src_at.key in ours else src_at
    how = f"changes it to '{changes[number]}'" if changes[number] else "drops it"
    return [
        warning(
            at,
            f"the source gives {number}, the number {URGENT}, and document.translation.numbers "
            f"{how}: the translation gives no such number, so a patient with a severe reaction (a swelling "
            "face or throat, trouble breathing) is not told what to call",
            f"give the number patients call in the clinic's country here (the source: {place(src_at)}), and in "
            f'numbers: map {number} to it, as translations/en-US.yaml does ({{"999": "911"}})',
        )
    ]


def _ambulance(text: str) -> list[str]:
    """The numbers to call for urgent help the text gives (vocabulary.AMBULANCE), in 0-9 digits."""
    if not any(ch.isdecimal() for ch in text):
        return []
    return [n for n in (western(m) for m in read_numbers(NUMBER, plain(text))) if n in AMBULANCE]


def _sections(source: Content, translation: Content) -> list[Diagnostic]:
    """The source's sections, all of them and in its order: each one missing, added or out of order named once
    (a missing section does not make every section after it 'wrong')."""
    diags: list[Diagnostic] = []
    ids = [s.id for s in source.sections]
    ours = [s.id for s in translation.sections]
    for n, sid in enumerate(ids):
        if sid in ours:
            continue
        after = next((s for s in translation.sections if s.id in ids[n + 1 :]), None)
        at = after.at if after else translation.sections[-1].at if translation.sections else translation.language_at
        before = next((f", after '{i}'" for i in reversed(ids[:n]) if i in ours), "")
        diags.append(
            error(
                at,
                f"section '{sid}' of the source ({place(source.sections[n].at)}) is missing here{before}",
                "translate every section of the source",
            )
        )
    for s in translation.sections:
        if s.id not in ids:
            diags.append(
                error(
                    s.at,
                    f"section '{s.id}' is not in the source ({source.path})",
                    "keep the source's sections, in its order, with the same ids: translate only their words",
                )
            )
    shared = [s for s in translation.sections if s.id in ids]
    expected = [i for i in ids if i in ours]
    for s, sid in zip(shared, expected, strict=True):
        if s.id != sid:
            diags.append(
                error(
                    s.at,
                    f"section {ours.index(s.id) + 1} is '{s.id}' here, but '{sid}' in the source ({source.path})",
                    "keep the source's sections, in its order, with the same ids: translate only their words",
                )
            )
    return diags


def _structure(source: Content, translation: Content) -> list[Diagnostic]:
    """The same sections in the same order, each with the same blocks and list lengths: read from the key paths
    of their texts (a missing bullet is a missing 'sections[2].blocks[0].bullets[3]')."""
    diags = _sections(source, translation)
    if diags:
        return diags  # the blocks of different sections do not pair
    ours, theirs = _texts(translation), _texts(source)
    firsts = _firsts(translation)
    uneven = _uneven(theirs, ours)
    diags = _layouts(source, translation, uneven)
    for path in uneven:
        diags.append(_uneven_error(path, theirs, ours, firsts, translation.language_at))
    for key in sorted(theirs.keys() - ours.keys()):  # (in the order of their keys: a set's order is a process's)
        if _under(key, uneven):
            continue
        if key.startswith(("sections", "call_to_action", "cover", "title", "subtitle", "disclaimer", "references")):
            text, at = theirs[key]
            diags.append(
                error(
                    _nearest(firsts, key, translation.language_at),
                    f"'{key}' of the source ({_named(key, text)}, {place(at)}) has no translation here",
                    "keep the source's blocks and list items, one for one: a list of 5 stays a list of 5",
                )
            )
    for key in sorted(ours.keys() - theirs.keys() - {OPTIONAL}):
        if _under(key, uneven):
            continue
        text, at = ours[key]
        diags.append(
            error(
                at,
                f"'{key}' is not in the source ({_named(key, text)})",
                "keep the source's blocks and list items, one for one; add words to the source first",
            )
        )
    return sorted(diags, key=lambda d: (d.location.line, d.location.column))


def _emphasis(was: str, text: str, at: Location, src_at: Location) -> list[Diagnostic]:
    """A warning where the source sets words in bold (**Call 999** if ...) and the translation none: the emphasis a
    patient is meant to see first is gone, and the check said nothing."""
    strong = [r.text for r in parse(was) if r.bold and r.text.strip()]
    if not strong or any(r.bold for r in parse(text)):
        return []
    return [
        warning(
            at,
            f"the source sets '{shorten(strong[0], 40)}' in bold ({place(src_at)}); this text has no bold words: the"
            " emphasis is lost",
            "set the same words in bold, with ** around them",
        )
    ]


def _tones(source: Content, translation: Content) -> list[Diagnostic]:
    """A callout of another tone than the source's at its place (a warning made a note: a patient reads a warning,
    "stop and tell us", as a tip, in the note's colour and icon). Only where the sections and blocks pair."""
    out: list[Diagnostic] = []
    for theirs, ours in zip(source.sections, translation.sections, strict=False):
        if theirs.id != ours.id or len(theirs.blocks) != len(ours.blocks):
            continue
        for was, now in zip(theirs.blocks, ours.blocks, strict=True):
            if isinstance(was, Callout) and isinstance(now, Callout) and was.tone != now.tone:
                out.append(
                    error(
                        now.at,
                        f"this callout is a {now.tone} where the source's ({place(was.at)}) is a {was.tone}: it prints"
                        " in another colour and icon, and a warning read as a note is missed",
                        f"keep the source's tone: tone: {was.tone}",
                    )
                )
    return out


def _layouts(source: Content, translation: Content, uneven: list[str]) -> list[Diagnostic]:
    """The layouts each section and block appears in, as the source's: a translation that moved a block out of
    the bi-fold would leave its patients without those words. (A section with blocks of another number: they do
    not pair, which is said already.)"""
    diags: list[Diagnostic] = []
    for n, (was, now) in enumerate(zip(source.sections, translation.sections, strict=True)):
        if set(was.layouts) != set(now.layouts):
            diags.append(_layouts_error(f"section '{now.id}'", now.at, was.layouts, now.layouts, source))
        if len(was.block_layouts) != len(now.block_layouts) or f"sections[{n}].blocks" in uneven:
            continue
        for j, (a, b) in enumerate(zip(was.block_layouts, now.block_layouts, strict=True)):
            if set(a) != set(b) and j < len(now.blocks):
                block, source_block = now.blocks[j], was.blocks[j] if j < len(was.blocks) else None
                if not (_same_contact(block, source_block) and set(b) < set(a)):  # (the clinic's own lines, no
                    # words: a translation too long for a layout may leave them out there; the back prints them)
                    diags.append(_layouts_error(f"sections[{n}].blocks[{j}]", block.at, a, b, source))
    return diags


def _same_contact(block: object, source_block: object) -> bool:
    """Whether a block and the source's block it pairs with are one `contact:` block, of the same lines."""
    return (
        isinstance(block, ContactLines) and isinstance(source_block, ContactLines) and block.lines == source_block.lines
    )


def _contact_lines_changed(source: Content, translation: Content, uneven: list[str]) -> list[Diagnostic]:
    """A `contact:` block that names other lines than the source's (its email where the source gives the phone):
    the kit's lines are no words to translate, and each edition gives its patients the same ones in every language.
    (A block left out or added is said as a missing or extra block: `_texts` keys it.)"""
    diags: list[Diagnostic] = []
    sources = {s.id: s for s in source.sections}  # (by id: a section left out pairs no other)
    for n, now in enumerate(translation.sections):
        was = sources.get(now.id)
        if was is None or len(was.blocks) != len(now.blocks) or f"sections[{n}].blocks" in uneven:
            continue
        for block, source_block in zip(now.blocks, was.blocks, strict=True):
            if not isinstance(block, ContactLines) or not isinstance(source_block, ContactLines):
                continue
            if block.lines != source_block.lines:
                diags.append(
                    error(
                        block.at,
                        f"the contact block gives {', '.join(block.lines)} here, {', '.join(source_block.lines)}"
                        f" in the source ({place(source_block.at)})",
                        f"keep the source's lines: contact: [{', '.join(source_block.lines)}]",
                    )
                )
    return diags


def _layouts_error(what: str, at: Location, was: tuple[str, ...], now: tuple[str, ...], source: Content) -> Diagnostic:
    return error(
        at,
        f"{what} is in the layouts {', '.join(sorted(now))} here, {', '.join(sorted(was))} in the source "
        f"({source.path.name})",
        "keep the source's 'layouts:' on every section and block: each edition prints the same words in every language",
    )


_LAST = re.compile(r"(\.[^.\[]*|\[\d+\])$")  # a key path's last step: '.text' or '[3]'
_INDEX = re.compile(r"\[(\d+)\]")
Texts = dict[str, tuple[str, Location]]


def _lists(texts: Texts) -> dict[str, dict[int, list[str]]]:
    """Every list in a file (a key path up to an index: 'sections[5].blocks[1].bullets'), its items by index, each
    with the keys of its texts."""
    out: dict[str, dict[int, list[str]]] = {}
    for key in texts:
        for m in _INDEX.finditer(key):
            out.setdefault(key[: m.start()], {}).setdefault(int(m.group(1)), []).append(key)
    return out


def _uneven(theirs: Texts, ours: Texts) -> list[str]:
    """The lists that hold another number of items here than in the source, the outermost of each nest (a block
    dropped from a section makes its later blocks' lists differ too): their items cannot pair by place."""
    a, b = _lists(theirs), _lists(ours)
    found: list[str] = []
    for path in sorted(a.keys() & b.keys(), key=lambda p: (len(p), p)):
        if len(a[path]) != len(b[path]) and not any(_under(path, [f]) for f in found):
            found.append(path)
    return found


def _under(key: str, paths: list[str]) -> bool:
    """Whether a key path is an item of one of the lists (or inside one)."""
    return any(key.startswith(p + "[") for p in paths)


def _uneven_error(path: str, theirs: Texts, ours: Texts, firsts: dict[str, Location], fallback: Location) -> Diagnostic:
    """One error for a list of another length: how many items each file has, and which of the source's items have
    no translation (or which items are not the source's), found by what must stay the same in each item: its
    numbers, citations and links (difflib pairs them in order; named only where no two items are alike in these)."""
    a, b = _lists(theirs)[path], _lists(ours)[path]
    was = [_signature(theirs, a[i], f"{path}[{i}]") for i in sorted(a)]
    now = [_signature(ours, b[i], f"{path}[{i}]") for i in sorted(b)]
    missing: list[int] = []
    added: list[int] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, was, now, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            missing += range(i1, i2)
        if tag in ("insert", "replace"):
            added += range(j1, j2)
    first_src = theirs[a[min(a)][0]][1]
    said = f"'{path}' has {len(b)} item{'s' if len(b) != 1 else ''} here, {len(a)} in the source ({place(first_src)})"
    if len(set(was)) < len(was) or len(set(now)) < len(now):  # (items alike in all that stays: no telling which,
        missing, added = _one_apart(was, now), _one_apart(now, was)  # unless one item alone can be the one apart)
    at = firsts.get(path) or _nearest(firsts, path + "[0]", fallback)
    if len(missing) == len(a) - len(b) and not added and missing:
        shown = ", ".join(f"{path}[{i}] ('{_shown(theirs, a[sorted(a)[i]])}')" for i in missing)
        said += f": the source's {shown} {'has' if len(missing) == 1 else 'have'} no translation here"
    elif len(added) == len(b) - len(a) and not missing and added:
        shown = ", ".join(f"{path}[{j}] ('{_shown(ours, b[sorted(b)[j]])}')" for j in added)
        said += f": {shown} {'is' if len(added) == 1 else 'are'} not in the source"
        at = ours[b[sorted(b)[added[0]]][0]][1]  # (where the first item the source lacks is written)
    hint = f"translate each of the source's {len(a)} items, one for one, in its order (the items after a missing "
    hint += "one would pair with the wrong source items: their numbers and citations are checked once it is back)"
    return error(at, said, hint)


def _named(key: str, text: str) -> str:
    """A text as a message names it: its first words, quoted; a block of no text by what it is."""
    if text:
        return f"'{shorten(plain(text), 40)}'"
    return "the clinic's contact lines" if key.endswith(".contact") else "a picture"


def _shown(texts: Texts, keys: list[str]) -> str:
    """An item of a list as an error names it: its first words (a picture with no text: its file)."""
    said = next((plain(texts[k][0]) for k in keys if texts[k][0]), "")
    if said:
        return shorten(said, 40)
    kind = "the contact block" if keys[0].endswith(".contact") else "the picture"
    return f"{kind} {keys[0].rpartition('.')[0]}"


Signature = tuple[tuple[str, ...], ...]


def _one_apart(longer: list[Signature], shorter: list[Signature]) -> list[int]:
    """The one item of `longer` whose leaving out makes it `shorter`, by what each item keeps (its numbers,
    citations, links), when it is the only one: a list of six whose two items without numbers were alike was
    'one item short' whichever item was dropped, though the others, each with its numbers, told which."""
    if len(longer) != len(shorter) + 1:
        return []
    apart = [i for i in range(len(longer)) if longer[:i] + longer[i + 1 :] == shorter]
    return apart if len(apart) == 1 else []  # (two alike side by side: either may be the one)


def _signature(texts: Texts, keys: list[str], item: str) -> Signature:
    """What an item (at key path `item`) keeps in every language: its numbers, citations and links, and its kind
    (the key paths of its texts under it: a callout's 'callout.text', a drawing's labels, a paragraph's 'text')."""
    joined = " ".join(texts[k][0] for k in keys)
    numbers = tuple(sorted(western(n) for n in read_numbers(NUMBER, plain(joined))))
    kind = tuple(sorted({_INDEX.sub("[]", k[len(item) :]) for k in keys}))
    return numbers, tuple(citations(joined)), tuple(links(joined)), kind


def _firsts(content: Content) -> dict[str, Location]:
    """For every key path that holds texts (a section, a block, a list), where its first text is written."""
    firsts: dict[str, Location] = {}
    for _, at in content.strings:
        parent = _LAST.sub("", at.key)
        while parent and parent not in firsts:
            firsts[parent] = at
            parent = _LAST.sub("", parent)
    return firsts


def _nearest(firsts: dict[str, Location], key: str, fallback: Location) -> Location:
    """Where the text closest to a missing key is written: the first text of its nearest parent that has one."""
    parent = _LAST.sub("", key)
    while parent:
        if parent in firsts:
            return firsts[parent]
        parent = _LAST.sub("", parent)
    return fallback


def _citations(was: str, text: str, at: Location, src_at: Location) -> list[Diagnostic]:
    """The same sources cited ([^id]) as the source's text: a claim keeps its evidence in every language."""
    theirs, ours = citations(was), citations(text)
    if set(theirs) == set(ours):
        return _citations_fewer(_cited_places(was), _cited_places(text), at, src_at)
    lost = [f"[^{k}]" for k in theirs if k not in ours]
    added = [f"[^{k}]" for k in ours if k not in theirs]
    said = "; ".join(
        part
        for part in (f"missing {', '.join(lost)}" if lost else "", f"added {', '.join(added)}" if added else "")
        if part
    )
    return [
        error(
            at,
            f"the citations differ from the source's ({place(src_at)}): {said}",
            "cite the same sources as the source's text does, each after the claim it supports",
        )
    ]


def _citations_fewer(theirs: list[str], ours: list[str], at: Location, src_at: Location) -> list[Diagnostic]:
    """A source cited fewer times than the source's text cites it: the same sources, but a claim that cited one
    ("Marks left by spots often fade on their own.[^connolly2017]") kept without it."""
    fewer = [k for k in dict.fromkeys(theirs) if ours.count(k) < theirs.count(k)]
    if not fewer:
        return []
    said = ", ".join(f"[^{k}] {_times(ours.count(k))}, the source's text {_times(theirs.count(k))}" for k in fewer)
    return [
        warning(
            at,
            f"this text cites {said} ({place(src_at)}): a claim left without its source?",
            "cite each source after every claim it supports, as the source's text does (two claims joined into one"
            " sentence on purpose may cite it once)",
        )
    ]


def _cited_places(text: str) -> list[str]:
    """The citation keys of text, once for each place that cites them ('[^a][^a]' is one place)."""
    return [key for r in parse(text) for key in dict.fromkeys(r.cites)]


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _links(was: str, text: str, at: Location, src_at: Location) -> list[Diagnostic]:
    """The same link targets (web addresses, e-mail, phone numbers) as the source's text."""
    theirs, ours = set(links(was)), set(links(text))
    if theirs == ours:
        return []
    changed = ", ".join(sorted(theirs - ours)) or ", ".join(sorted(ours - theirs))
    return [
        error(
            at,
            f"the links differ from the source's ({place(src_at)}): {shorten(changed, 80)}",
            "keep every link target exactly as the source has it; translate only the words shown",
        )
    ]
