"""A text -> the ordinals it writes in digits ('1st', French '1er', '1re', '2e', '3ème', Spanish '1.º', '1.ª', Polish
and German '1.' before a word) and those it spells ('first', 'première', 'segunda', 'trzeci', 'الأول', 'הראשון'),
each by its number: a translation that writes in digits an ordinal its source spells, or spells one its source writes
in digits ('your first session', 'votre 1re séance'), gives the same number (numbers.py).

Ordinals spelled are read only to forgive: a spelled ordinal never makes a number the translation must give (English
'second' is also a unit of time, Spanish 'cuarto' a room), it only stands for an ordinal the other text writes in
digits.
"""

from __future__ import annotations

import re
from collections import Counter

# In digits: the number, then the letters that make it an ordinal in English, French, Spanish and Portuguese (raised
# or not), or a full stop before a word in small letters (Polish, German, Czech: '1. wizyta', 'am 1. Dezember' is not
# read: a capital may start a sentence after a number)
_DIGITS = re.compile(
    r"(?<![\d.,])(\d{1,3})(?:"
    r"(?:st|nd|rd|th|er|re|ère|ere|ème|eme|e|de|d|ᵉ|ᵉʳ|ʳᵉ|ᵈᵉ|è)(?![^\W\d_])"
    r"|\.?[ºª°](?![^\W\d_])|\.(?:er|o|a|os|as)(?![^\W\d_])"
    r"|\.(?=[ \u00a0][a-ząćęłńóśźż]))"
)
_STEMS = {  # each number's ordinal, by the start of its forms in English, French, Spanish and Polish
    "1": ("first", "premier", "premièr", "primer", "pierwsz"),
    "2": ("second", "deuxièm", "segund", "drug"),
    "3": ("third", "troisièm", "tercer", "trzec"),
    "4": ("fourth", "quatrièm", "cuart", "czwart"),
    "5": ("fifth", "cinquièm", "quint", "piąt"),
    "6": ("sixth", "sixièm", "sext", "szóst"),
    "7": ("seventh", "septièm", "séptim", "siódm"),
    "8": ("eighth", "huitièm", "octav", "ósm"),
    "9": ("ninth", "neuvièm", "noven", "dziewiąt"),
    "10": ("tenth", "dixièm", "décim", "dziesiąt"),
}
_ENDINGS = {  # what may follow a stem, where not one of _OTHERS ('seconds' is a unit of time, not an ordinal)
    "first": ("",),
    "second": ("", "e"),
    "premier": ("", "s"),
    "premièr": ("e", "es"),
    "segund": ("o", "a"),  # ('segundos' are seconds)
    "cuart": ("o", "a"),  # ('cuartos' are rooms or quarters)
}
_OTHERS = (  # (French, Spanish and Polish endings: 'deuxième', 'segundas', 'tercer', 'drugiego', 'trzecią')
    *("", "e", "es", "o", "a", "os", "as", "er"),
    *("y", "i", "ego", "ej", "ym", "im", "ą", "ia", "ie", "ią", "iego", "iej"),
)
_WHOLE = {  # Arabic and Hebrew ordinals, whole (their article joined: 'الأول', 'הראשון')
    "1": "الأول الأولى أول أولى ראשון ראשונה הראשון הראשונה",
    "2": "الثاني ثاني השני השנייה השניה",  # (not 'שנייה' alone: a second of time)
    "3": "الثالث الثالثة ثالث שלישי שלישית השלישי השלישית",
    "4": "الرابع الرابعة رابع רביעי רביעית הרביעי הרביעית",
    "5": "الخامس الخامسة خامس חמישי חמישית החמישי החמישית",
    "6": "السادس السادسة سادس שישי שישית השישי השישית",
    "7": "السابع السابعة سابع שביעי שביעית השביעי השביעית",
    "8": "الثامن الثامنة ثامن שמיני שמינית השמיני השמינית",
    "9": "التاسع التاسعة تاسع תשיעי תשיעית התשיעי התשיעית",
    "10": "العاشر العاشرة عاشر עשירי עשירית העשירי העשירית",
}
_BY_WORD = {word: value for value, words in _WHOLE.items() for word in words.split()}
_COUNTS = frozenset(("a", "an", "one", "per", "each", "every", "un", "une", "una", "uno", "chaque", "cada", "por"))
_WORD = re.compile(r"[^\W\d_]+")


def _value(word: str) -> str:
    if word in _BY_WORD:
        return _BY_WORD[word]
    for value, stems in _STEMS.items():
        for stem in stems:
            if word.startswith(stem) and word[len(stem) :] in _ENDINGS.get(stem, _OTHERS):
                return value
    return ""


def in_digits(text: str) -> Counter[str]:
    """The ordinals the text writes in digits, by number ('1re' is 1)."""
    return Counter(str(int(m.group(1))) for m in _DIGITS.finditer(text))


def spelled(text: str) -> Counter[str]:
    """The ordinals the text spells, by number ('première' is 1); not a word after 'a', 'one', 'per' ..., which
    counts ('wait a second', 'un segundo', 'une seconde')."""
    words = _WORD.findall(text.lower())
    return Counter(v for n, w in enumerate(words) if (v := _value(w)) and (n == 0 or words[n - 1] not in _COUNTS))
