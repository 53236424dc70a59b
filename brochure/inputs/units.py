"""A text and where a number in it ends -> the unit of time that number counts (seconds ... years), if it says one.

The words are those of the languages the tool ships and their neighbours (English, Spanish, Polish, Vietnamese,
Arabic, Hebrew, French, German, Dutch, Swedish, Portuguese, Chinese, Japanese, Korean), each form a number takes
('1 dzień', '3 dni', '5 dni'; Hebrew's with its article too, '12 החודשים'). A word written after a number in Latin,
Vietnamese, Arabic or Hebrew letters is read whole; in Chinese, Japanese and Korean, where no space parts words, the
letters right after the digits are read from their start. Words that also mean something else next to a number are
left out ('3月' is March, '3日' a date, '30分' minutes in Japanese but points in Chinese, 'an').
"""

from __future__ import annotations

import re

from brochure.inputs.chars import CJK_LETTER
from brochure.vocabulary import TimeUnit

_WORDS: dict[TimeUnit, tuple[str, ...]] = {
    "seconds": (
        "second", "seconds", "sec", "secs", "segundo", "segundos", "seg", "sekunda", "sekundy", "sekund", "sekundę",
        "sekundach", "sekundami", "giây", "ثانية", "ثوان", "ثواني", "ثانيتين", "sekunde", "sekunden", "sek",
        "seconde", "seconden", "secondes", "sekunder", "שנייה", "שניה", "שניות", "השניות",
    ),
    "minutes": (
        "minute", "minutes", "min", "mins", "minuto", "minutos", "minut", "minuty", "minutę", "minuta", "minutach",
        "minutami", "mín", "phút", "دقيقة", "دقائق", "دقيقتين", "minuten", "minuter", "minuut", "דקה", "דקות", "הדקות",
    ),
    "hours": (
        "hour", "hours", "hr", "hrs", "h", "hora", "horas", "godzin", "godziny", "godzinę", "godzina", "godzinach",
        "godzinami", "godz", "giờ", "tiếng", "ساعة", "ساعات", "ساعتين", "stunde", "stunden", "std", "uur", "timme",
        "timmar", "heure", "heures", "שעה", "שעות", "השעות",
    ),
    "days": (
        "day", "days", "día", "días", "dia", "dias", "dni", "dzień", "dnia", "dniach", "dniami", "ngày", "يوم",
        "أيام", "يومين", "يوما", "tag", "tage", "tagen", "dag", "dagen", "dagar", "jour", "jours", "יום", "ימים",
        "הימים",
    ),
    "weeks": (
        "week", "weeks", "semana", "semanas", "tydzień", "tygodnie", "tygodni", "tygodnia", "tygodniach",
        "tygodniami", "tuần", "أسبوع", "أسابيع", "أسبوعين", "أسبوعا", "woche", "wochen", "weken", "vecka", "veckor",
        "semaine", "semaines", "שבוע", "שבועות", "השבועות",
    ),
    "months": (
        "month", "months", "mes", "meses", "miesiąc", "miesiące", "miesięcy", "miesiąca", "miesiącach",
        "miesiącami", "tháng", "شهر", "أشهر", "شهور", "شهرين", "شهرا", "monat", "monate", "monaten", "maand", "maanden",
        "månad", "månader", "mois", "חודש", "חודשים", "החודשים",
    ),
    "years": (
        "year", "years", "año", "años", "ano", "anos", "rok", "lata", "lat", "roku", "latach", "latami", "năm",
        "سنة", "سنوات", "عام", "أعوام", "عاما", "jahr", "jahre", "jahren", "jaar", "år", "ans", "שנה", "שנים",
        "השנים",
    ),
}  # fmt: skip
_CJK_WORDS: dict[TimeUnit, tuple[str, ...]] = {  # (read from the start of the letters after the digits)
    "seconds": ("秒", "초"),
    "minutes": ("分钟", "分鐘", "分間", "분"),
    "hours": ("小时", "小時", "个小时", "個小時", "時間", "시간"),
    "days": ("天", "日間", "일간"),
    "weeks": ("周", "週", "个星期", "個星期", "星期", "주"),
    "months": ("个月", "個月", "ヶ月", "ヵ月", "か月", "カ月", "개월"),
    "years": (
        "年",
        "년",
        "周岁",
        "周歲",
        "週歳",
        "周年",
        "週年",
        "주년",
    ),  # (an age, '18周岁'; an anniversary, '10周年')
}
UNIT_OF: dict[str, TimeUnit] = {word: unit for unit, words in _WORDS.items() for word in words}
_AFTER = re.compile(r"[\s\u00a0\u202f-]{0,3}([^\W\d_]+)")  # (spaces, no-break spaces or a hyphen: '45-minute')
BETWEEN = frozenset(  # words that may stand between a number and its unit: '12 derniers mois', 'the 12 last months'
    (
        "last", "next", "more", "further", "first", "previous", "past",
        "últimos", "últimas", "próximos", "próximas", "primeros", "primeras", "más",
        "derniers", "dernières", "prochains", "prochaines", "premiers", "premières", "autres",
        "letzten", "nächsten", "ersten", "weitere", "weiteren", "vergangenen",
        "ostatnich", "ostatnie", "kolejnych", "kolejne", "następnych", "następne", "pierwszych", "pierwsze",
        "laatste", "volgende", "eerste", "senaste", "nästa", "första",
    )
)  # fmt: skip


def unit_after(text: str, end: int) -> TimeUnit | None:
    """The unit of time the word right after a number ending at `end` names (or the word after one of BETWEEN),
    or None."""
    m = _AFTER.match(text, end)
    if m is None:
        return None
    word = m.group(1)
    if word.lower() in BETWEEN:  # ('12 derniers mois': the months are what the number counts)
        m = _AFTER.match(text, m.end())
        if m is None:
            return None
        word = m.group(1)
    if CJK_LETTER.match(word):
        found = [(len(w), unit) for unit, words in _CJK_WORDS.items() for w in words if word.startswith(w)]
        return max(found)[1] if found else None  # (the longest: '周岁' is years, though '周' is weeks)
    return UNIT_OF.get(word.lower())
