"""Loaded inputs -> Diagnostics a print shop or patient would notice before layout: glyphs, producer, phone numbers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers.phonemetadata import PhoneMetadata

from brochure.diagnostics import Diagnostic, Location, error, warning
from brochure.inputs.brand import Brand, as_written
from brochure.inputs.chars import DIGIT_SPACES, HAN_KANA, INVISIBLE, SPELLED_DIGITS
from brochure.inputs.content import Content
from brochure.inputs.inline import citations, display_url, plain, upper
from brochure.layout.document import document_block
from brochure.theme.fonts import PRIVATE_USE, FontSet, blank, cmap, display_name, given_codes, unreadable
from brochure.theme.shaping import can_shape, script_of
from brochure.vocabulary import EMERGENCY


def check_glyphs(content: Content, brand: Brand, fonts: FontSet) -> list[Diagnostic]:
    """Every printed character must exist in every face it may be set in, or in one of that face's fallbacks
    (`fonts.fallbacks`, as the paragraphs and a drawing's labels choose them): never an empty box."""
    faces = (("heading", fonts.heading), ("body", fonts.regular), ("bold", fonts.bold), ("italic", fonts.italic))
    maps = [(role, font, cmap(font), fonts.fallbacks_for(font)) for role, font in faces]  # (a fallback's map is
    # read only for a character its face lacks: one no word needs is never registered, theme/fonts.py `cmap`)
    kicker = [(upper(text), at) for text, at in content.strings if at.key == "cover.kicker"]  # set in capitals
    doc = document_block(content, brand)
    w = content.tool_words  # the tool's own words: the document block's, the sources', page numbers
    label = [] if content.call_to_action.qr_label else [w.qr_label]  # the language's own, when not given
    own = (" ".join((doc.fixed(), w.sources, w.in_full, w.page, *label)), doc.at)
    reported: set[str] = set()  # a character the words given in content.yaml lack is reported there, once
    cjk = content.language.split("-")[0].lower() in CJK_LANGUAGES  # (Chinese or Japanese: refused, `_unshaped`)

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

    texts = [*content.strings, *kicker, *_citation_strings(content), *brand.printed(), own]
    shown = [(text if as_written(at.key) else plain(text), at) for text, at in texts]  # (what prints)
    every = set().union(*(printed for printed, _ in shown))  # (each character looked up once, and the texts
    # read a character at a time only if one of them is lacking: in a leaflet that prints, none is)
    lacking = {ch: lacks(ch) for ch in every}  # a character -> the faces (and their fallbacks) that lack it
    clear = not any(lacking.values())
    said: set[tuple[str, Location]] = set()  # (what the kicker as written and in capitals both say: once)
    alike: list[tuple[tuple[str, ...], Diagnostic]] = []  # (each with what makes it one cause: `_one_per_cause`)
    for (text, at), (printed, _) in zip(texts, shown, strict=True):
        scripts = _unshaped(text, faces, fonts, cjk)  # (markup is ASCII: the raw text will do)
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


SHARED = re.compile("[\u0964\u0965\u1cd0-\u1cff\ua830-\ua83f]")  # the danda and double danda (in Unicode's
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
_UNSHAPED = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff"  # right to left
    "\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u18af\ua8e0-\ua8ff"  # need shaping
    "\u1700-\u177f\u1900-\u1aaf\u1b00-\u1c4f\u1cd0-\u1cff\ua800-\ua8df\ua900-\ua95f\ua980-\uaaff"  # (Vedic, Indic
    "\uabc0-\uabff\U00011000-\U0001189f\U00011900-\U00011aaf\U00011ac0-\U00011faf\U00011fc0-\U00011fff]"  # numbers,
    # Brahmi and the Indic and Southeast Asian scripts of its family, not Warang Citi, Canadian syllabics, Lisu)
)

# Chinese and Japanese letters (Han, kana, bopomofo) need no shaping, but lines of them break between characters (by
# rules about the marks that may not start or end a line), never at spaces alone, which brochure's lines do: a
# sentence was one word too long for its line, and soft hyphens put in to break it printed as hyphens. A Chinese or
# Japanese leaflet is refused at its first text with them, another leaflet's text at a run of CJK_RUN of them (a
# sentence's); fewer (a clinic's name, a term in brackets, Korean's hanja, 皮膚) print as a word does. Korean, whose
# words are spaced, is set, its middle dot (U+30FB) too. Their marks (。、「」, full-width forms) are left unsaid in a
# text refused for their letters: a font for them would not make it print.
_CJK = re.compile(f"[{HAN_KANA}]")
CJK_RUN = 8
_CJK_RUN = re.compile(f"[{HAN_KANA}](?:[\u00ad\u200b]?[{HAN_KANA}]){{{CJK_RUN - 1},}}")  # (soft hyphens put in do
# not make it shorter)
_CJK_MARKS = re.compile("[\u3000-\u303f\u30fb\uff00-\uffef]")
CJK_LANGUAGES = frozenset(("zh", "ja", "yue", "cmn", "wuu", "hak", "nan", "gan", "hsn", "cjy"))


# Of those, the letters brochure shapes (theme/shaping.py) when the face that sets them can: Arabic and Hebrew
# (not their presentation forms, which are glyphs typed as characters, nor Syriac, Thaana, N'Ko, ...).
_SHAPED = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def _unshaped(
    text: str, faces: tuple[tuple[str, str], ...], fonts: FontSet, cjk: bool = False
) -> list[tuple[str, str, str]]:
    """For each script of the text brochure cannot set correctly: its first such letter, the face (or role) that
    would set it wrong, and why: 'script' (brochure does not shape it), 'rules' (the face has the letters but no
    rules to join them), 'letters' (no face that may set it has them), 'breaks' (Chinese or Japanese: any of their
    letters in a leaflet in those languages, `cjk`, else a run of CJK_RUN). Empty when every letter can be set."""
    found: dict[str, tuple[str, str, str]] = {}
    run = (_CJK if cjk else _CJK_RUN).search(text)
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


def _unshaped_error(ch: str, face: str, why: str, at: Location, fonts: FontSet) -> Diagnostic:
    if why == "breaks":
        return error(
            at,
            f"brochure cannot set Chinese or Japanese text yet (U+{ord(ch):04X} {unicodedata.name(ch, '')}): its lines"
            " break only at spaces, and Chinese and Japanese lines break between characters by rules it does not"
            " follow yet",
            "soft hyphens do not help: they print as hyphens inside words; brochure sets Korean (its words are"
            " spaced) and languages written in Latin, Greek, Cyrillic, Arabic or Hebrew letters",
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


def check_producer(content: Content, brand: Brand) -> list[Diagnostic]:
    """The document block names the clinic (or the clinic group, the kit's `group:`) that produced the words:
    building them under another clinic's brand prints that clinic's staff and conflict-of-interest line on this
    one's leaflet."""
    document = content.document

    def named(text: str) -> str:  # (as printed: a zero-width joiner pasted into the name prints nothing)
        return " ".join(INVISIBLE.sub("", text).split()).casefold()

    if named(document.producer) in (named(brand.name), named(brand.group or brand.name)):
        return []
    return [
        warning(
            document.where("document.producer"),
            f"the leaflet's document details name {document.producer} as producer, "
            f"but it is built for {brand.name}: its back will print another clinic's authors and reviewer",
            f"in {brand.name}'s own content file (`brochure init KIT --words` makes one), write its own "
            f"'document:' block: its producer, authors, reviewer and conflicts line; or, if {document.producer} "
            f"produces the words of a group of clinics that {brand.name} belongs to, say so in its brand.yaml: "
            f"group: {document.producer}",
        )
    ]


def _has(font: str, glyphs: Mapping[int, int], code: int) -> bool:
    """Whether the font has a character: in its map, not a code point the tool gave a glyph of no character, and
    drawn (a glyph with no outline for a letter prints nothing: a damaged file)."""
    return (
        code in glyphs and not (code >= PRIVATE_USE[0].start and code in given_codes(font)) and code not in blank(font)
    )


# What a web address's query may carry that a page opens the same without: where the reader came from, and a
# language (the page falls back to its own). Anything else may choose the page (`?clinic=bath`, `?owner=12345`).
TRACKING = re.compile(r"utm_\w+|src|source|ref|referrer|campaign|medium|lang|language|locale|hl|fbclid|gclid|mc_\w+")


def check_printed_addresses(brand: Brand) -> list[Diagnostic]:
    """The booking address and website print without their query and fragment: where the query may choose the
    page, or the fragment is a web app's route (`#/book`, `#!/book`), a patient who types the printed address (a code
    that will not scan, a leaflet read aloud) opens another."""
    diags: list[Diagnostic] = []
    for key in ("booking_url", "website"):
        url = getattr(brand.contact, key)
        parts = urlsplit(url)
        pairs = [(*part.split("=", 1), "")[:2] for part in parts.query.split("&") if part]
        chosen = [(name, value) for name, value in pairs if name and not TRACKING.fullmatch(name.lower())]
        route = parts.fragment.lstrip("!/") if parts.fragment.startswith(("/", "!")) else ""
        if not chosen and not route:
            continue
        name, value = chosen[0] if chosen else ("", "")
        what = f"'{name}={value}'" if chosen else f"'#{parts.fragment}' (the route its web app opens)"
        short = f"{display_url(url).split('/')[0]}/{value or name or _route_name(route)}"
        diags.append(
            warning(
                brand.where(f"contact.{key}"),
                f"the leaflet prints {display_url(url)} for {url}: the QR code and link keep it whole, but a patient "
                f"who types the printed address opens a page without {what} (another clinic's, or none)",
                f"give an address that opens the same page as printed (a short redirect, such as {short}), or check "
                "that the page opens without it",
            )
        )
    return diags


def _route_name(route: str) -> str:
    """A word for a short address of a web app's route: its last part ('#/clinics/bath': bath), else what its query
    chooses ('#/?clinic=bath': bath)."""
    inner = urlsplit("/" + route)
    last = next((part for part in reversed(inner.path.split("/")) if part), "")
    chosen = [value or name for name, _, value in (p.partition("=") for p in inner.query.split("&")) if name]
    return last or (chosen[0] if chosen else "book")


# The emergency numbers of the countries whose leaflets are most often adapted for others: the UK and Ireland (999,
# 112), North America (911), Australia (000), New Zealand (111; in the UK, NHS 111 is for what is not an
# emergency). A leaflet written for one of them tells patients to call one of these.
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(rf"\d+(?:[{DIGIT_SPACES}.,\u066b\u066c]\d+)*")  # digits, grouped (10 000, 1,000, ١٬٠٠٠)
_DASHES = "-\u2010\u2011\u2012\u2013\u2212"  # (not the em dash: 'call 911\u2014do not wait' is punctuation)
_NOT_BEFORE = frozenset(_DASHES + ":;#+=&_")  # a code (DP-999), a range (100-111), a reference's pages (8):999
_NOT_AFTER = frozenset(_DASHES + ":(_%\u2030\u00b0")  # a range, a code, a volume's issue 111(8), 999 %, 111°
_NOT_DIRECTIONS = ("references", "document.")  # where a number is never one to call: sources, the document block


def check_emergency_numbers(content: Content, brand: Brand) -> list[Diagnostic]:
    """Words that give patients an emergency number (999, 911, 112, 000, 111) that is no number to call in the
    clinic's country (its `country:`, else its phone number's): words written for one country, built for a clinic
    in another. Each text that gives one is named (a price or a page number that happens to be 999 does not count:
    only a number standing alone, as a number to call is written)."""
    found = foreign_numbers(content, brand)
    if not found:  # (the country's own numbers are worked out only to be named: about 17 ms, once a process)
        return []
    country, said = brand.clinic_country()
    own = ", ".join(emergency_numbers(country)) or "none known"
    source = f"country: {country}" if said.key == "country" else f"the country of contact.phone, {country}"
    return [
        warning(
            at,
            f"the words give {number}, a number to call for urgent help elsewhere, but the clinic is in {country} "
            f"({source} in {Path(said.file).name}), where it is no number to call (emergencies there: {own})",
            f"give these words the numbers patients call in {country}, as translations/en-US.yaml adapts the "
            'en-GB words for a clinic in the US (and says so: document.translation.numbers: {"999": "911"}); or '
            "build them with the kit of a clinic in the country they were written for",
        )
        for number, at in found
    ]


def foreign_numbers(content: Content, brand: Brand) -> list[tuple[str, Location]]:
    """Each emergency number the words give that is no number to call in the clinic's country, at every text that
    gives it (once a text); none when the kit does not say where the clinic is. The sources, the document block and
    the clinic's own name, address, telephone number and addresses are not read: a number there is none to call."""
    country, _ = brand.clinic_country()
    if not country:
        return []
    found: dict[tuple[str, Location], str] = {}  # (number, text) -> the number as named: as first written there
    kit = [(text, at) for text, at in brand.printed() if not as_written(at.key)]  # (its name and addresses)
    for text, at in [*content.strings, *kit]:
        if not _DIGIT.search(text) or at.key.startswith(_NOT_DIRECTIONS):  # (most texts have no number)
            continue
        for number, written in _numbers(plain(text)):
            if number in EMERGENCY and not _dialled(number, country):
                found.setdefault((number, at), number if len(written) == 3 else f"{number} (written {written})")
    return [(shown, at) for (_, at), shown in found.items()]


def _numbers(text: str) -> list[tuple[str, str]]:
    """Each number of three digits standing alone in the text (as the emergency numbers are written), in ASCII
    digits (Arabic-Indic and other digits read as theirs), and as written; also three digits spaced to be read out
    one by one (9 9 9, 1 1 2) or hyphenated (9-9-9). Not one: a number grouped with others (10 000, 1,000), a price
    ($999), part of a code, a range or a reference (DP-999, 100-111, 150(8):999-1003), a share (999 %), an ordinal or
    a unit run on (111th, 999mg)."""
    found = [
        m.group()
        for m in _NUMBER.finditer(text)
        if ((len(m.group()) == 3 and m.group().isdecimal()) or SPELLED_DIGITS.fullmatch(m.group()))
        and _alone(text, m.start(), m.end())
    ]
    out = [("".join(str(unicodedata.digit(ch)) for ch in n[:: 1 if len(n) == 3 else 2]), n) for n in found]
    return out + [("".join(str(unicodedata.digit(d)) for d in m.groups()), m.group()) for m in _HYPHENED.finditer(text)]


_HYPHENED = re.compile(r"(?<![\w\-])(\d)-(\d)-(\d)(?![\w\-])")  # 9-9-9, as a number to call is spelled out too


def _alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands alone: no letter, digit, currency sign or joining mark right before or after."""
    before, after = text[start - 1 : start], text[end : end + 1]
    for ch, refused in ((before, _NOT_BEFORE), (after, _NOT_AFTER)):
        if ch and (ch.isalnum() or ch in refused or unicodedata.category(ch) == "Sc"):
            return False
    return text[end:].lstrip(" \u00a0\u202f")[:1] not in ("%", "\u2030")  # (999 %, as French sets a share)


@lru_cache(maxsize=256)
def _dialled(number: str, country: str) -> bool:
    """Whether a short number is one to call in the country (an emergency or other service: NHS 111 in GB)."""
    try:
        return bool(phonenumbers.is_valid_short_number_for_region(phonenumbers.parse(number, country), country))
    except phonenumbers.NumberParseException:
        return False


@lru_cache(maxsize=64)
def emergency_numbers(country: str) -> tuple[str, ...]:
    """The country's emergency numbers of two to four digits (phonenumbers' metadata): ('112', '911') for US."""
    data = PhoneMetadata.short_metadata_for_region(country)
    pattern = data.emergency.national_number_pattern if data is not None and data.emergency is not None else None
    if not pattern:
        return ()
    rule = re.compile(pattern)
    candidates = (f"{n:0{width}d}" for width in (2, 3, 4) for n in range(10**width))
    return tuple(sorted({c for c in candidates if rule.fullmatch(c)}, key=lambda c: (len(c), c)))
