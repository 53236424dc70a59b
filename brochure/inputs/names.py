"""A clinic's name or a search word -> its slug (lower-case ASCII words joined by hyphens) and a clinic's short name."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LETTERS = str.maketrans({"ß": "ss", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ı": "i"})
# (letters with no accent to drop: Łódź, Đà Nẵng, Großmann, Søndergaard)


def short_name(name: str) -> str:
    """A clinic's short name for file names, made from its name: its slug, or for a name with no Latin letters or
    digits (Arabic, Greek, Chinese) 'clinic-' and eight letters of its hash, so that two such clinics' PDFs do
    not take one name ('clinic' alone, for both, had the second overwrite the first)."""
    made = slug(name, whole_words=True)
    if made or not name.strip():
        return made or "brand"
    return "clinic-" + hashlib.sha256(name.strip().encode("utf-8")).hexdigest()[:8]


def slug(text: str, whole_words: bool = False) -> str:
    """Lowercase ASCII words joined by hyphens, at most 40 characters, accents dropped: 'Maple & Main' ->
    'maple-main', 'Clínica Ñandú' -> 'clinica-nandu', 'Klinika Łódź' -> 'klinika-lodz'. A longer name keeps its
    whole words ('the-bondi-junction-centre-for', not '...-for-dermatolog'; with `whole_words`, an id's, not ending
    on one that links them: 'the-bondi-junction-centre'), a first word longer than the id its first 40 letters."""
    plain = text.lower().translate(_LETTERS)
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(ch))
    words = re.findall(r"[a-z0-9]+", bare)
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > 40:
            while whole_words and len(kept) > 1 and kept[-1] in _LINKING:  # (cut short: not on 'of', 'de' ...)
                kept.pop()
            break
        kept.append(word)
    return "-".join(kept) if kept else "-".join(words)[:40].strip("-")


# Words that link a name's parts, which an id cut short at 40 letters does not end on ('lone-star-skin-laser-
# dermatology-of', 'the-bondi-junction-centre-for')
_LINKING_WORDS = "a an and at by de del della der des di do dos du e et for in la le les of on the to und van von y"
_LINKING = frozenset(_LINKING_WORDS.split())
