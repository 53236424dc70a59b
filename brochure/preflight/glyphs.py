"""Loaded inputs and the kit's fonts -> the character check: every printed character in a face that has it, and
the scripts brochure cannot set (right to left but Arabic and Hebrew, the Indic and Southeast Asian scripts,
Chinese and Japanese) refused at their texts."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from brochure.diagnostics import Diagnostic, Location, error
from brochure.inputs.blocks import Steps
from brochure.inputs.brand import Brand, as_written
from brochure.inputs.chars import HAN_KANA, INVISIBLE
from brochure.inputs.content import Content
from brochure.inputs.inline import citations, plain, upper
from brochure.layout.document import document_block
from brochure.patterns import Letters
from brochure.theme.fonts import PRIVATE_USE, FontSet, blank, cmap, display_name, given_codes, unreadable
from brochure.theme.shaping import can_shape, script_of
from brochure.vocabulary import CJK_LANGUAGES, language_base


def check_glyphs(content: Content, brand: Brand, fonts: FontSet) -> list[Diagnostic]:
    """Every printed character must exist in every face it may be set in, or in one of that face's fallbacks
    (`fonts.fallbacks`, as the paragraphs and a drawing's labels choose them): never an empty box."""
    faces = (("heading", fonts.heading), ("body", fonts.regular), ("bold", fonts.bold), ("italic", fonts.italic))
    maps = [(role, font, cmap(font), fonts.fallbacks_for(font)) for role, font in faces]  # (a fallback's map is
    # read only for a character its face lacks: one no word needs is never registered, theme/fonts.py `cmap`)
    kicker = [
        (upper(text, content.language), at) for text, at in content.strings if at.key == "cover.kicker"
    ]  # set in capitals
    doc = document_block(content, brand)
    w = content.tool_words  # the tool's own words: the document block's, the sources', page numbers
    label = [] if content.call_to_action.qr_label else [w.qr_label]  # the language's own, when not given
    own = (" ".join((doc.fixed(), w.sources, w.in_full, w.page, *label)), doc.at)
    reported: set[str] = set()  # a character the words given in content.yaml lack is reported there, once

    def lacks(ch: str) -> Faces | None:
        if ch.isspace() or unicodedata.category(ch) == "Cc" or ch == "\xad" or INVISIBLE.match(ch):  # (printing
            # nothing, or a hyphen where a word breaks; another formatting character a font lacks prints a gap)
            return None
        code = ord(ch)
        found = tuple(
            (role, font)
            for role, font, glyphs, extra in maps
            if code in blank(font)  # (set in the face, which maps it: its fallbacks are not asked)
            or (not _has(font, glyphs, code) and not any(_has(f, cmap(f), code) for f in extra))
        )
        return found or None

    texts = [*content.strings, *kicker, *_citation_strings(content), *_step_numbers(content), *brand.printed(), own]
    shown = [(text if as_written(at.key) else plain(text), at) for text, at in texts]  # (what prints)
    every = set().union(*(printed for printed, _ in shown))  # (each character looked up once, and the texts
    # read a character at a time only if one of them is lacking: in a leaflet that prints, none is)
    lacking = {ch: lacks(ch) for ch in every}  # a character -> the faces (and their fallbacks) that lack it
    clear = not any(lacking.values())
    said: set[tuple[str, Location]] = set()  # (what the kicker as written and in capitals both say: once)
    alike: list[tuple[tuple[str, ...], Diagnostic]] = []  # (each with what makes it one cause: `_one_per_cause`)
    for (text, at), (printed, _) in zip(texts, shown, strict=True):
        scripts = _unshaped(text, faces, fonts)  # (markup is ASCII: the raw text will do)
        for verdict in scripts:
            d = _unshaped_error(*verdict, at, fonts)
            if (d.message, at) not in said:
                said.add((d.message, at))
                alike.append(((_script(verdict[0]), verdict[1], verdict[2]), d))
        if clear:
            continue
        unset = {_script(verdict[0]) for verdict in scripts}  # (their letters are the errors said above)
        groups: dict[tuple[Faces, str, bool], list[str]] = {}  # the letters a text lacks, one error per script and
        # faces, and whether the faces draw them as nothing (a damaged file) or lack them
        for ch in dict.fromkeys(printed):  # each character once, in order: linear in the text
            missing = lacking[ch]
            if missing is None or (ch, at) in said or ((text, at) == own and ch in reported):
                continue
            if (_UNSHAPED.match(ch) and _script(ch) in unset) or ("CJK" in unset and _CJK_MARKS.match(ch)):
                continue
            if "CJK" in unset and _CJK.match(ch):  # (the text's Chinese or Japanese, said above)
                continue
            if SHARED.match(ch) and unset:  # (the full stop or Vedic sign of the script said above)
                continue
            said.add((ch, at))
            reported.add(ch)
            empty = any(ord(ch) in blank(font) for _, font in missing)
            groups.setdefault((missing, _script(ch), empty), []).append(ch)
        for (missing, script, _), chars in groups.items():  # (a Russian phrase was 17 errors, a letter each)
            d = _glyph_error(chars[0], missing, (text, at), own, content, fonts, chars[1:])
            cause = (script, *(font for _, font in missing)) if _a_scripts(chars[0], fonts) else (d.message, str(at))
            alike.append((cause, d))
    return _one_per_cause(alike)


def _a_scripts(ch: str, fonts: FontSet) -> bool:
    """Whether a character the faces lack is a letter of a script an installed family has (Cyrillic, Greek):
    one fallback mends every text that has it. An icon of a private-use font, a character Unicode has not
    assigned, or one no family has is mended text by text: each is named where it is."""
    return unicodedata.category(ch).startswith("L") and bool(_installed_with([ch], fonts.fallback_families))


SHARED = Letters("[\u0964\u0965\u1cd0-\u1cff\ua830-\ua83f]", "\u0964")  # the danda and double danda (in Unicode's
# Devanagari block), the Vedic signs and the Indic number forms: shared by the Indic scripts


UNSET = ("script", "breaks")  # the causes of letters brochure cannot set in any font (a script it does not shape, or
# break into lines): no change in the kit's fonts mends them
MOST_TEXTS = 3  # texts named one by one for one cause (a script the kit's fonts lack); beyond, one error says all


def _one_per_cause(found: list[tuple[tuple[str, ...], Diagnostic]]) -> list[Diagnostic]:
    """The errors in order, but of a cause found in more than MOST_TEXTS texts (an Arabic leaflet with a kit whose
    fonts have no Arabic: 84 errors, one a text), only the first, saying how many texts it is and that the fix is
    one, in the kit's fonts."""
    counts: dict[tuple[str, ...], int] = {}
    for cause, _ in found:
        counts[cause] = counts.get(cause, 0) + 1
    out: list[Diagnostic] = []
    said: set[tuple[str, ...]] = set()
    for cause, d in found:
        n = counts[cause]
        if n <= MOST_TEXTS:
            out.append(d)
        elif cause not in said:  # (the rest of its texts: said in this one)
            said.add(cause)
            message = f"{d.message}; the same in {n - 1} more of the leaflet's texts"
            mend = "" if cause[-1] in UNSET else " (one change in the kit's fonts sets them all)"
            out.append(replace(d, message=message, hint=d.hint + mend))
    return out


Faces = tuple[tuple[str, str], ...]  # (role, font) of faces: heading, body, bold, italic


MOST_LISTED = 8  # letters a text lacks, beyond the first, listed in its error
PLAIN_FOR = {  # a typesetter's character many fonts lack, and the one brochure sets to the same effect
    "\u2011": ("a plain hyphen, '-'", "brochure never breaks a line at a hyphen"),
    "\u2010": ("a plain hyphen, '-'", "the same mark, which every font has"),
}  # (a narrow no-break space a face lacks prints as a no-break space: theme/fonts.no_break_printed)


def _glyph_error(
    ch: str,
    missing: Faces,
    said: tuple[str, Location],
    own: tuple[str, Location],
    content: Content,
    fonts: FontSet,
    others: list[str] | None = None,
) -> Diagnostic:
    """The character the faces that may set it lack (each named: a body paragraph's is no heading's), and the
    `others` of its script that text lacks too, where it is written, and what would set them."""
    roles = [role for role, _ in missing]
    font = missing[0][1]
    at = said[1]
    private = unicodedata.category(ch) == "Co"
    name = "a private-use character: an icon font's, pasted from a web page or app" if private else ""
    name = name or unicodedata.name(ch, "unnamed character")
    tried = fonts.fallback_families
    hint = _lacking_hint([ch, *(others or ())], tried)
    if private:
        hint = "write what the icon stands for in words ('call', 'email'), or leave it out"
    if ch in PLAIN_FOR and not others:
        plain, why = PLAIN_FOR[ch]
        hint = f"write {plain} instead: {why}"
    if at.key == "cover.kicker" and ch not in (content.cover.kicker or ""):
        hint = f"the kicker is printed in capitals, and '{ch}' is a capital the font lacks: {hint}"
    if said == own:
        hint = f"the document block's own words for {content.language} use '{ch}': add a fallback family that has it"
    names = ", ".join(dict.fromkeys(display_name(f) for _, f in missing))
    which = roles[0] if len(roles) == 1 else f"{', '.join(roles[:-1])} and {roles[-1]}"
    one = len(roles) == 1
    empty = ord(ch) in blank(font)  # (its map has it, and its glyph is drawn as nothing)
    lack = (
        f"{'draws' if one else 'draw'} '{ch}' as nothing"
        if empty
        else f"{'has' if one else 'have'} no glyph for '{ch}'"
    )
    message = f"the {which} font{'' if one else 's'} ({names}) {lack} (U+{ord(ch):04X} {name})"
    if others:
        listed = ", ".join(f"'{o}'" for o in others[:MOST_LISTED]) + (", ..." if len(others) > MOST_LISTED else "")
        message += f" and {len(others)} more like it ({listed})"
    if empty:
        message += ": the font file maps it to a glyph with no outline (a damaged or altered file)"
        return error(at, message, "use the family's files as published (install them again), or another family")
    if tried:
        message += f", nor have {'its' if one else 'their'} fallbacks ({', '.join(tried)})"
    message, hint = _unreadable(message, hint, fonts.fallbacks_for(font))
    return error(at, message, hint)


def _lacking_hint(chars: list[str], tried: tuple[str, ...]) -> str:
    """What to do about letters the kit's fonts lack: name the installed families that have every one of them, or,
    when none does (an emoji), say so: a fallback cannot set them, the words must change."""
    several = len(chars) > 1
    them = "them" if several else "it"
    having = _installed_with(chars, tried)
    if not having:
        some = several and any(_installed_with([ch], tried) for ch in chars)
        return (
            f"replace the character{'s' if several else ''}: no font family installed has {them}"
            f"{' all' if some else ''} (`brochure fonts` lists each family's scripts)"
        )
    return (
        f"replace the character{'s' if several else ''}, or add a fallback family that has {them} to "
        f"fonts.fallbacks in brand.yaml (installed: {', '.join(having)}; `brochure fonts` lists each family's scripts)"
    )


def _installed_with(chars: list[str], tried: tuple[str, ...]) -> list[str]:
    """The installed families, but those the kit names already, that have every one of these letters."""
    from brochure.theme.catalog import families_with

    named = {t.lower() for t in tried}
    having = [f for f in families_with(chars[0]) if f.lower() not in named]
    return [f for f in having if all(f in families_with(ch) for ch in chars[1:])]


def _unreadable(message: str, hint: str, fallbacks: tuple[str, ...]) -> tuple[str, str]:
    """A message about letters no face has, and its hint, saying which fallback files could not be read when the
    letters first needed them (a damaged font package), if any."""
    damaged = unreadable(fallbacks)
    if not damaged:
        return message, hint
    return (
        f"{message}: {', '.join(damaged)} could not be read",
        "reinstall the fallback family's font package (pip install --force-reinstall fontpkg-...), or choose another",
    )


# Letters brochure cannot set correctly yet: right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and
# their presentation forms) and scripts whose letters change shape with their neighbours or are reordered (Indic,
# Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian): without shaping they print wrong, with no missing glyph to show.
_UNSHAPED = Letters(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff"  # right to left
    "\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u18af\ua8e0-\ua8ff"  # need shaping
    "\u1700-\u177f\u1900-\u1aaf\u1b00-\u1c4f\u1cd0-\u1cff\ua800-\ua8df\ua900-\ua95f\ua980-\uaaff"  # (Vedic, Indic
    "\uabc0-\uabff\U00011000-\U0001189f\U00011900-\U00011aaf\U00011ac0-\U00011faf\U00011fc0-\U00011fff]",  # numbers,
    # Brahmi and the Indic and Southeast Asian scripts of its family, not Warang Citi, Canadian syllabics, Lisu)
    "\u0590",
)

# Chinese and Japanese letters (Han, kana, bopomofo) need no shaping, but lines of them break between characters (by
# rules about the marks that may not start or end a line), never at spaces alone, which brochure's lines do: a
# sentence was one word too long for its line, and soft hyphens put in to break it printed as hyphens. A Chinese or
# Japanese leaflet is refused at its first text with them, another leaflet's text at a run of CJK_RUN of them (a
# sentence's); fewer (a clinic's name, a term in brackets, Korean's hanja, 皮膚) print as a word does. Korean, whose
# words are spaced, is set, its middle dot (U+30FB) too. Their marks (。、「」, full-width forms) are left unsaid in a
# text refused for their letters: a font for them would not make it print.
_CJK = Letters(f"[{HAN_KANA}]", "\u3040")  # (compiled for a text that may have them: patterns.Letters)
CJK_RUN = 8
_CJK_RUN = Letters(f"[{HAN_KANA}](?:[\u00ad\u200b]?[{HAN_KANA}]){{{CJK_RUN - 1},}}", "\u3040")  # (soft hyphens
# put in do not make it shorter)
_CJK_MARKS = Letters("[\u3000-\u303f\u30fb\uff00-\uffef]", "\u3000")


# Of those, the letters brochure shapes (theme/shaping.py) when the face that sets them can: Arabic and Hebrew
# (not their presentation forms, which are glyphs typed as characters, nor Syriac, Thaana, N'Ko, ...).
_SHAPED = Letters("[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]", "\u0590")


def _unshaped(text: str, faces: tuple[tuple[str, str], ...], fonts: FontSet) -> list[tuple[str, str, str]]:
    """For each script of the text brochure cannot set correctly: its first such letter, the face (or role) that
    would set it wrong, and why: 'script' (brochure does not shape it), 'rules' (the face has the letters but no
    rules to join them), 'letters' (no face that may set it has them), 'breaks' (Chinese or Japanese: a run of
    CJK_RUN of their letters; a leaflet in those languages is refused before, at its language: `cjk_language`).
    Empty when every letter can be set."""
    found: dict[str, tuple[str, str, str]] = {}
    run = _CJK_RUN.search(text)
    if run is not None:
        found["CJK"] = (run.group()[0], "", "breaks")
    letters = dict.fromkeys(_UNSHAPED.findall(text))  # (each letter once, in the order the text has them)
    indic = any(not SHARED.match(ch) and "\u0900" <= ch <= "\u0dff" for ch in letters)
    for ch in letters:
        if INVISIBLE.match(ch):
            continue  # (an Arabic letter mark, a zero-width no-break space: left out, never set)
        if SHARED.match(ch) and indic:
            continue  # (Devanagari's full stops are Bengali's, Gurmukhi's, Oriya's too: the text's script is said)
        script = _script(ch)
        if script not in found:
            verdict = _letter(ch, faces, fonts)
            if verdict is not None:
                found[script] = verdict
    return list(found.values())


def _script(ch: str) -> str:
    """The script a letter belongs to, as its Unicode name begins ('SYRIAC', 'THAI', 'ARABIC'); 'CJK' for every
    Chinese and Japanese letter (a Japanese text's kanji and kana are one cause)."""
    return "CJK" if _CJK.match(ch) else unicodedata.name(ch, "").split(" ")[0]


@lru_cache(maxsize=4096)
def _letter(ch: str, faces: tuple[tuple[str, str], ...], fonts: FontSet) -> tuple[str, str, str] | None:
    """_unshaped for one letter (remembered: registered fonts' names name their files' contents, so the answer
    never changes; an Arabic leaflet asks it of about 9,000 letters a build)."""
    if not _SHAPED.match(ch):
        return ch, "", "script"
    chosen = [
        (role, font, [f for f in (font, *fonts.fallbacks_for(font)) if ord(ch) in cmap(f)]) for role, font in faces
    ]
    lacking = [f"{role}:{font}" for role, font, has in chosen if not has]
    if lacking:  # (every face that lacks them is named: a body paragraph's is no heading's)
        return ch, "|".join(lacking), "letters"
    for _, _, has in chosen:
        if not can_shape(has[0], script_of(ch)):
            return ch, has[0], "rules"
    return None


_NOT_YET = (
    "its lines break only at spaces, and Chinese and Japanese lines break between characters by rules it does not"
    " follow yet"
)
_SETS = (
    "brochure sets Korean (its words are spaced) and languages written in Latin, Greek, Cyrillic, Arabic or Hebrew"
    " letters"
)


def cjk_language(content: Content) -> Diagnostic | None:
    """A leaflet in Chinese or Japanese, refused at its `language:` before anything else is said of it (its words,
    the kit's lines in its language: work on a leaflet that cannot be set)."""
    if language_base(content.language) not in CJK_LANGUAGES:
        return None
    return error(
        content.language_at,
        f"brochure cannot set Chinese or Japanese text yet (the leaflet is in '{content.language}'): {_NOT_YET}",
        f"no font or soft hyphen mends it; {_SETS}",
    )


def _unshaped_error(ch: str, face: str, why: str, at: Location, fonts: FontSet) -> Diagnostic:
    if why == "breaks":
        return error(
            at,
            f"brochure cannot set Chinese or Japanese text yet (U+{ord(ch):04X} {unicodedata.name(ch, '')}): "
            + _NOT_YET,
            f"soft hyphens do not help: they print as hyphens inside words; {_SETS}",
        )
    script = "Indic" if SHARED.match(ch) else unicodedata.name(ch, "").split(" ")[0].capitalize()  # (not "North")
    if not script:  # (a code point Unicode has given no character yet, in a script's block)
        return error(
            at,
            f"'{ch}' (U+{ord(ch):04X}) is no character of any script: Unicode has not assigned it",
            "remove it (it was pasted or typed by mistake)",
        )
    letter = f"U+{ord(ch):04X} {unicodedata.name(ch)}"
    family = f"choose a family made for {script} (`brochure fonts --search {script.lower()}`"
    family += ": IBM Plex Sans Arabic installs with pip)" if script == "Arabic" else ")"
    installed = _installed_with([ch], fonts.fallback_families)
    if why == "letters" and installed:
        family = (
            f"choose a family that has them (installed: {', '.join(installed)}; "
            f"`brochure fonts --search {script.lower()}` finds more)"
        )
    if why == "letters":
        lacking = [tuple(f.split(":", 1)) for f in face.split("|")]
        roles = [role for role, _ in lacking]
        one = len(roles) == 1
        which = roles[0] if one else f"{', '.join(roles[:-1])} and {roles[-1]}"
        names = ", ".join(dict.fromkeys(display_name(font) for _, font in lacking))
        tried = ", ".join(fonts.fallback_families)
        nor = f", nor have {'its' if one else 'their'} fallbacks ({tried})" if tried else ""
        message, hint = _unreadable(
            f"the {which} font{'' if one else 's'} ({names}) {'has' if one else 'have'} no {script} letters"
            f" ('{ch}' {letter}){nor}",
            f"{family} and add it to fonts.fallbacks in brand.yaml, or make it the kit's family",
            fonts.fallbacks_for(lacking[0][1]),
        )
        return error(at, message, hint)
    if why == "rules":
        return error(
            at,
            f"the font {display_name(face)} cannot shape {script} ({letter}): it has no rules for joining its"
            " letters and placing its marks",
            f"{family} as the body font or as a fallback in fonts.fallbacks",
        )
    rtl = unicodedata.bidirectional(ch) in ("R", "AL")
    how = "unjoined and in left-to-right order" if rtl else "without the shaping its letters need"
    return error(
        at,
        f"brochure cannot set {script} text yet ({letter}): it would print {how}, and look plausible to anyone who"
        " cannot read it",
        "brochure shapes Arabic and Hebrew only (in a font made for them); other right-to-left and complex"
        " scripts need shaping it does not do yet: build this leaflet in a language written in Latin, Greek,"
        " Cyrillic, Arabic or Hebrew letters",
    )


NUMBERS = "0123456789,-"  # what citation superscripts and the references list's numbers are set in


def _step_numbers(content: Content) -> list[tuple[str, Location]]:
    """The numbers each steps block prints in its discs (1, 2, ...), at the block: a kit whose bold has no digits
    and no fallback that has them printed empty discs."""
    return [
        (" ".join(str(n) for n in range(1, len(b.steps) + 1)), b.at)
        for section in content.sections
        for b in section.blocks
        if isinstance(b, Steps)
    ]


def _citation_strings(content: Content) -> list[tuple[str, Location]]:
    """What citations print beyond their texts: the numbers of the superscripts and of the references list
    (checked once, at the first citing text), and each reference's 'doi:...' and web address."""
    out: list[tuple[str, Location]] = []
    citing = next((at for text, at in content.strings if citations(text)), None)
    if citing is not None:
        out.append((NUMBERS, citing))
    for ref in content.references:
        printed = " ".join(t for t in (f"doi:{ref.doi}" if ref.doi else "", ref.url or "") if t)
        if printed:
            out.append((printed, ref.at))
    return out


def _has(font: str, glyphs: Mapping[int, int], code: int) -> bool:
    """Whether the font has a character: in its map, not a code point the tool gave a glyph of no character, and
    drawn (a glyph with no outline for a letter prints nothing: a damaged file)."""
    return (
        code in glyphs and not (code >= PRIVATE_USE[0].start and code in given_codes(font)) and code not in blank(font)
    )
