"""A text and where a number in it ends -> the unit that number counts, if it says one: a unit of time (seconds ...
years), or of a dose or a depth (micrograms ... millilitres, millimetres, centimetres: their symbols in Latin, Cyrillic,
Arabic and Chinese letters, and their words in the languages below).

The words are those of the languages the tool ships and their neighbours (English, Spanish, Polish, Vietnamese,
Arabic, Persian, Hebrew, French, German, Dutch, Swedish, Portuguese, Chinese, Japanese, Korean), each form a number
takes ('1 dzień', '3 dni', '5 dni'; Hebrew's with its article too, '12 החודשים'). A word written after a number in
Latin, Vietnamese, Arabic or Hebrew letters is read whole; in Chinese, Japanese and Korean, where no space parts words,
the letters right after the digits are read from their start. Words that also mean something else next to a number
are left out ('3月' is March, '3日' a date, '30分' minutes in Japanese but points in Chinese, 'an').
"""

from __future__ import annotations

import re

from brochure.inputs.chars import CJK_LETTER
from brochure.vocabulary import Measure, TimeUnit

_WORDS: dict[TimeUnit, tuple[str, ...]] = {
    "seconds": (
        "second", "seconds", "sec", "secs", "segundo", "segundos", "seg", "sekunda", "sekundy", "sekund", "sekundę",
        "sekundach", "sekundami", "giây", "ثانية", "ثوان", "ثواني", "ثانيتين", "ثانیه", "ثانیه\u200cها", "sekunde",
        "sekunden", "sek", "seconde", "seconden", "secondes", "sekunder", "שנייה", "שניה", "שניות", "השניות",
    ),
    "minutes": (
        "minute", "minutes", "min", "mins", "minuto", "minutos", "minut", "minuty", "minutę", "minuta", "minutach",
        "minutami", "mín", "phút", "دقيقة", "دقائق", "دقيقتين", "دقیقه", "دقیقه\u200cها", "دقیقه\u200cای", "minuten",
        "minuter", "minuut", "דקה", "דקות", "הדקות",
    ),
    "hours": (
        "hour", "hours", "hr", "hrs", "h", "hora", "horas", "godzin", "godziny", "godzinę", "godzina", "godzinach",
        "godzinami", "godz", "giờ", "tiếng", "ساعة", "ساعات", "ساعتين", "ساعت", "ساعته", "ساعت\u200cها", "stunde",
        "stunden", "std", "uur", "timme", "timmar", "heure", "heures", "שעה", "שעות", "השעות",
    ),
    "days": (
        "day", "days", "día", "días", "dia", "dias", "dni", "dzień", "dnia", "dniach", "dniami", "ngày", "يوم",
        "أيام", "يومين", "يوما", "روز", "روزه", "روزها", "روز\u200cها", "tag", "tage", "tagen", "dag", "dagen",
        "dagar", "jour", "jours", "יום", "ימים", "הימים",
    ),
    "weeks": (
        "week", "weeks", "semana", "semanas", "tydzień", "tygodnie", "tygodni", "tygodnia", "tygodniach",
        "tygodniami", "tuần", "أسبوع", "أسابيع", "أسبوعين", "أسبوعا", "هفته", "هفته\u200cها", "هفته\u200cای",
        "woche", "wochen", "weken", "vecka", "veckor", "semaine", "semaines", "שבוע", "שבועות", "השבועות",
    ),
    "months": (
        "month", "months", "mes", "meses", "miesiąc", "miesiące", "miesięcy", "miesiąca", "miesiącach", "miesiącami",
        "tháng", "شهر", "أشهر", "شهور", "شهرين", "شهرا", "ماه", "ماهه", "ماه\u200cها", "monat", "monate", "monaten",
        "maand", "maanden", "månad", "månader", "mois", "חודש", "חודשים", "החודשים",
    ),
    "years": (
        "year", "years", "año", "años", "ano", "anos", "rok", "lata", "lat", "roku", "latach", "latami", "năm",
        "سنة", "سنوات", "عام", "أعوام", "عاما", "سال", "ساله", "سال\u200cها", "jahr", "jahre", "jahren", "jaar",
        "år", "ans", "שנה", "שנים", "השנים",
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
# What a dose or a needle's depth is counted in: '2.5 mg' as '2,5 g' gives a thousand times the dose, '0.5 mm' as
# '0,5 cm' ten times the depth. No single letter but 'g' ('m' is metres or months, 'l' a litre or a list's letter)
_MEASURES: dict[Measure, tuple[str, ...]] = {
    "micrograms": ("mcg", "\u00b5g", "\u03bcg", "microgram", "micrograms", "microgramo", "microgramos", "mikrogram",
                   "mikrogramów", "microgramme", "microgrammes", "мкг", "ميكروغرام"),
    "milligrams": ("mg", "milligram", "milligrams", "miligramo", "miligramos", "miligram", "miligramy", "miligramów",
                   "milligramme", "milligrammes", "milligramm", "мг", "ملغ", "مغ", "ملجم"),
    "grams": ("g", "gram", "grams", "gramo", "gramos", "gramy", "gramów", "gramme", "grammes", "gramm", "г", "غ",
              "غرام", "جم"),
    "millilitres": ("ml", "millilitre", "millilitres", "milliliter", "milliliters", "mililitro", "mililitros",
                    "mililitr", "mililitry", "mililitrów", "мл", "مل"),
    "millimetres": ("mm", "millimetre", "millimetres", "millimeter", "millimeters", "milímetro", "milímetros",
                    "milimetr", "milimetry", "milimetrów", "milimét", "мм", "مم", "ملم"),
    "centimetres": ("cm", "centimetre", "centimetres", "centimeter", "centimeters", "centímetro", "centímetros",
                    "centymetr", "centymetry", "centymetrów", "xentimét", "см", "سم"),
}  # fmt: skip
_CJK_MEASURES: dict[Measure, tuple[str, ...]] = {
    "micrograms": ("微克",),
    "milligrams": ("毫克", "밀리그램"),
    "grams": ("克", "그램"),
    "millilitres": ("毫升", "밀리리터"),
    "millimetres": ("毫米", "밀리미터"),
    "centimetres": ("厘米", "公分", "센티미터"),
}
Unit = TimeUnit | Measure
UNIT_OF: dict[str, Unit] = {
    word: unit for units in (_WORDS, _MEASURES) for unit, words in units.items() for word in words
}
_CJK_UNITS: tuple[tuple[Unit, tuple[str, ...]], ...] = (*_CJK_WORDS.items(), *_CJK_MEASURES.items())
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


def unit_after(text: str, end: int) -> Unit | None:
    """The unit the word right after a number ending at `end` names (or the word after one of BETWEEN), or None."""
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
        found = [(len(w), unit) for unit, words in _CJK_UNITS for w in words if word.startswith(w)]
        return max(found)[1] if found else None  # (the longest: '周岁' is years, though '周' is weeks)
    return UNIT_OF.get(word.lower())
