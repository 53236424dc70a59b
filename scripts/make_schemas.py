"""The loaders' words (keys, block types, layouts, icons, colours) -> schemas/*.schema.json, JSON Schemas that let
an editor (the YAML language server) complete and check content.yaml, translations, brand.yaml and editions.yaml.

    python scripts/make_schemas.py          # write schemas/
    python scripts/make_schemas.py --check  # exit 1 if schemas/ differs from what this makes

Every vocabulary comes from the code the loaders use, so a new layout, icon or key of the tool's own words changes
the schema when this is run again; tests/test_schemas.py fails until it is (and checks the keys each loader accepts,
every shipped file, and mutations that both the loader and the schema must refuse).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from brochure.inputs.blocks import BLOCK_TYPES, ILLUSTRATIONS
from brochure.inputs.brand import COLOR_KEYS, FACES
from brochure.inputs.contact import CONTACT_KEYS
from brochure.inputs.content import TOP_OPTIONAL, TOP_REQUIRED
from brochure.inputs.controls import AUTO, BODY_PT, LOGO_MM
from brochure.inputs.document import DOCUMENT_KEYS
from brochure.inputs.editions import DEFAULT_OUTPUT
from brochure.inputs.hints import HINT_KEYS, WORDS
from brochure.inputs.inline import KEY
from brochure.vocabulary import CONDITIONS, CONTACT_LINES, ICON_NAMES, LANGUAGE_TAG, LAYOUTS, PAPERS, PLACES, TARGETS
from brochure.words import NAMES

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
LANGUAGE = LANGUAGE_TAG.pattern
TEXT: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": "\\S"}
Schema = dict[str, Any]


def obj(properties: dict[str, Any], required: tuple[str, ...] = (), description: str = "") -> Schema:
    """A mapping with exactly these keys (the loaders refuse any other)."""
    out: Schema = {"type": "object"}
    if description:
        out["description"] = description
    out["properties"] = properties
    if required:
        out["required"] = list(required)
    out["additionalProperties"] = False
    return out


def text(description: str = "") -> Schema:
    return {**TEXT, "description": description} if description else dict(TEXT)


def words_of(words: tuple[str, ...], description: str = "") -> Schema:
    out: Schema = {"enum": list(words)}
    if description:
        out["description"] = description
    return out


def listed(item: Schema, description: str = "") -> Schema:
    out: Schema = {"type": "array", "minItems": 1, "items": item}
    if description:
        out["description"] = description
    return out


def header(name: str, title: str) -> Schema:
    return {"$schema": DIALECT, "$id": f"https://brochure.invalid/schemas/{name}.schema.json", "title": title}


def content() -> Schema:
    """content.yaml and translations/*.yaml (inputs/content.py, blocks.py, document.py, references.py)."""
    layouts = listed(words_of(LAYOUTS), "only in these layouts (default: every layout)")
    role = text("role or registration, e.g. 'Consultant dermatologist, GMC 7012345'")
    person = obj({"name": text(), "role": role}, ("name", "role"))
    date = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD"}
    number = {"type": "string", "pattern": "^[0-9]+([.,][0-9]+)*$"}
    picture_src = text("PNG or JPEG, relative to this file")  # (both of a picture's forms refer to it: $defs)
    blocks: dict[str, Schema] = {
        "text": text("a paragraph; **bold**, *italic*, [label](https://...), [words](lang:es) and [^citation] marks"),
        "subheading": text("a short sub-heading"),
        "bullets": listed(text(), "a list"),
        "cards": listed(
            obj({"title": text(), "text": text(), "icon": words_of(tuple(sorted(ICON_NAMES)))}, ("title", "text"))
        ),
        "steps": listed({"anyOf": [text(), obj({"title": text(), "text": text()}, ("text",))]}, "numbered steps"),
        "callout": obj(
            {"title": text(), "text": text(), "tone": words_of(("note", "warning"), "default: note")},
            ("text",),
            "a highlighted note",
        ),
        "image": {
            "anyOf": [
                obj(
                    {
                        "src": {"$ref": "#/$defs/picture_src"},
                        "alt": text(
                            "what the picture shows, read in its place by a screen reader: plain words (no citation"
                            " or link), a sentence or two (over 250 characters is warned of)"
                        ),
                        "caption": text(),
                        "decorative": {"const": False},
                    },
                    ("src", "alt"),
                ),
                obj(
                    {
                        "src": {"$ref": "#/$defs/picture_src"},
                        "decorative": {"const": True, "description": "decoration alone, not read: no alt, no caption"},
                    },
                    ("src", "decorative"),
                    "a picture that is decoration alone",
                ),
            ]
        },
        "illustration": obj(
            {
                "name": words_of(tuple(ILLUSTRATIONS)),
                "caption": text(),
                "labels": obj({label: text() for label in ILLUSTRATIONS["skin-section"]}),
            },
            ("name",),
            "vector artwork in brand colours",
        ),
        "faq": listed(obj({"q": text(), "a": text()}, ("q", "a")), "questions and answers"),
        "contact": {
            **listed(words_of(CONTACT_LINES), "the clinic's contact lines from its kit, each named once"),
            "uniqueItems": True,
        },
    }
    assert tuple(blocks) == BLOCK_TYPES, "a block type the schema does not describe"
    block = {
        "description": "one 'type: value' pair: " + ", ".join(BLOCK_TYPES),
        "oneOf": [obj({kind: value, "layouts": layouts}, (kind,)) for kind, value in blocks.items()],
    }
    place = {
        "description": "where the section goes: " + ", ".join(PLACES) + " (default: the main flow), or per layout",
        "anyOf": [words_of(PLACES), obj({layout: words_of(PLACES) for layout in LAYOUTS})],
    }
    said = {"keep": "never split between panels (columns, pages)", "break": "start a new panel (column, page)"}
    hints = {
        kind: {
            "description": f"{said[kind]}: '{WORDS[kind]}' in every layout, or per layout",
            "anyOf": [words_of((WORDS[kind],)), obj({layout: words_of((WORDS[kind],)) for layout in LAYOUTS})],
        }
        for kind in HINT_KEYS
    }
    section = obj(
        {
            "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "lowercase words and hyphens"},
            "heading": text("a new line in it breaks the printed line there"),
            "place": place,
            "layouts": layouts,
            **hints,
            "blocks": listed({"$ref": "#/$defs/block"}),
        },
        ("id", "heading", "blocks"),
    )
    words: dict[str, Schema] = {name: {"type": "string", "minLength": 1} for name in NAMES}
    words["months"] = words["months_alone"] = {"type": "array", "items": text(), "minItems": 12, "maxItems": 12}
    properties: dict[str, Schema] = {
        "language": {"type": "string", "pattern": LANGUAGE, "description": "a BCP 47 tag, e.g. en-GB"},
        "title": text(),
        "subtitle": text(),
        "cover": obj({"kicker": text(), "lead": text()}),
        "sections": listed({"$ref": "#/$defs/section"}),
        "call_to_action": obj({"heading": text(), "text": text(), "qr_label": text()}, ("heading", "text")),
        "disclaimer": text(),
        "references": listed(
            obj(
                {
                    "id": {"type": "string", "pattern": f"^{KEY}$", "description": "what a text cites as [^id]"},
                    "text": text("the full Vancouver reference"),
                    "short": text("what a folded leaflet prints"),
                    "doi": {"type": "string", "pattern": "^10\\.[0-9]{4,9}/\\S+$"},
                    "url": {"type": "string", "pattern": "^https?://"},
                    "language": {
                        "type": "string",
                        "pattern": LANGUAGE_TAG.pattern,
                        "description": "the source's language, where it is not the leaflet's (e.g. en)",
                    },
                },
                ("id", "text"),
            )
        ),
        "document": obj(
            {
                "code": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$"},
                "version": {"type": "string", "minLength": 1, "description": 'in quotes, e.g. "1.1"'},
                "published": date,
                "review": date,
                "author": person,
                "reviewer": person,
                "producer": text("the clinic, as its brand kit names it"),
                "conflicts": text(),
                "translation": obj(
                    {
                        "translator": person,
                        "reviewer": person,
                        "numbers": {
                            "type": "object",
                            "description": 'numbers an adaptation changes on purpose: {"999": "911"} ("" dropped)',
                            "propertyNames": number,
                            "additionalProperties": {"type": "string", "pattern": "^([0-9]+([.,][0-9]+)*)?$"},
                        },
                        "same": {
                            "type": "array",
                            "description": "texts the same in both languages on purpose: not called untranslated",
                            "items": {"type": "string", "minLength": 1},
                        },
                    },
                    ("translator",),
                ),
            },
            DOCUMENT_KEYS,
            "document control, printed on the back",
        ),
        "words": obj(words, (), "the words the tool prints itself, in this language"),
    }
    assert set(properties) == set(TOP_REQUIRED) | set(TOP_OPTIONAL)
    schema = header("content", "brochure content (content.yaml, translations/*.yaml)")
    schema |= obj(properties, (*TOP_REQUIRED, "document"))
    schema["$defs"] = {"section": section, "block": block, "picture_src": picture_src}
    return schema


def brand() -> Schema:
    """brand.yaml (inputs/brand.py, contact.py)."""
    hex_colour = {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$", "description": "#RRGGBB, in quotes"}
    ttf = {"type": "string", "pattern": "\\.[tT][tT][fF]$", "description": "a TrueType file in the kit's folder"}
    weight = {"type": "number", "minimum": 100, "maximum": 900}
    font = {
        "description": "an installed family (`brochure fonts` lists them), or TTF files",
        "anyOf": [
            text("a family's name"),
            obj({"family": text(), "weight": weight}, ("family",)),
            obj({"weight": weight, **{face: ttf for face in FACES}}, ("regular",)),
        ],
    }
    cmyk = {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 100}, "minItems": 4, "maxItems": 4}
    other_formats = obj({"formats": listed(text()), "contact": text()}, ("formats", "contact"))
    web = {"type": "string", "pattern": "^\\s*[hH][tT][tT][pP][sS]?://", "description": "https://..."}
    logo_file = {"type": "string", "pattern": "\\.([sS][vV][gG]|[pP][nN][gG])$", "description": "SVG or PNG"}
    low, high = LOGO_MM
    millimetres = {
        "description": f"the logo's printed height in millimetres, {low:g} to {high:g}",
        "anyOf": [
            {"type": "number", "minimum": low, "maximum": high},
            {"type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]*)?\\s*[mM][mM]\\s*$"},
        ],
    }
    height = {"anyOf": [millimetres, obj({layout: millimetres for layout in LAYOUTS}, (), "per layout")]}
    logo = {
        "description": "SVG or PNG, or {file, height}",
        "anyOf": [logo_file, obj({"file": logo_file, "height": height}, ("file",))],
    }
    small, large = BODY_PT
    body_size = {
        "description": f"the body's starting size in points, {small:g} to {large:g}, or '{AUTO}' (by x-height)",
        "anyOf": [
            {"type": "number", "minimum": small, "maximum": large},
            words_of((AUTO,)),
            {"type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]*)?\\s*[pP][tT]\\s*$"},
        ],
    }
    schema = header("brand", "brochure brand kit (brand.yaml)")
    schema |= obj(
        {
            "name": text("the clinic's name, as printed"),
            "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,39}$", "description": "short name for files"},
            "country": {"type": "string", "pattern": "^[A-Za-z]{2}$", "description": "ISO 3166, e.g. GB"},
            "group": text("the clinic group that produces the words this clinic prints (their document: producer)"),
            "colors": obj(
                {
                    **{key: hex_colour for key in COLOR_KEYS},
                    "cmyk": obj({key: cmyk for key in COLOR_KEYS}, (), "press overrides, in percent"),
                    "profile": {"type": "string", "pattern": "\\.[iI][cC][cCmM]$"},
                },
                COLOR_KEYS,
            ),
            "fonts": obj(
                {
                    "heading": font,
                    "body": font,
                    "fallbacks": listed(
                        font, "families (or TTF files) for the characters the heading and body fonts lack, in order"
                    ),
                },
                ("heading", "body"),
            ),
            "logo": logo,
            "contact": obj(
                {
                    "address": text(),
                    "phone": text("with its +country code, or the kit's country:"),
                    "email": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$"},
                    "website": web,
                    "booking_url": web,
                },
                CONTACT_KEYS,
            ),
            "paper": words_of(PAPERS, "default: a4"),
            "press": obj({"condition": words_of(CONDITIONS)}, ("condition",)),
            "other_formats": other_formats,
            "feedback": text(),
            "language": {"type": "string", "pattern": LANGUAGE, "description": "of the kit's printed texts"},
            "languages": {
                "type": "object",
                "propertyNames": {"pattern": LANGUAGE},
                "additionalProperties": obj(
                    {
                        "other_formats": other_formats,
                        "feedback": text(),
                        "website": {**web, "description": "for this language's readers (default: contact's)"},
                        "booking_url": {**web, "description": "the QR code's, for this language (default: contact's)"},
                    }
                ),
            },
            "type": obj({"body_size": body_size}, (), "type sizes"),
        },
        ("name", "colors", "fonts", "logo", "contact"),
    )
    return schema


def editions() -> Schema:
    """editions.yaml (inputs/editions.py)."""
    layouts, papers, targets = listed(words_of(LAYOUTS)), listed(words_of(PAPERS)), listed(words_of(TARGETS))
    schema = header("editions", "brochure editions (editions.yaml)")
    schema |= obj(
        {
            "output": {"type": "string", "pattern": "\\.pdf$", "description": f"default: {DEFAULT_OUTPUT}"},
            "source": text("the content file the others translate"),
            "layouts": layouts,
            "papers": papers,
            "targets": targets,
            "brands": listed(
                obj(
                    {
                        "kit": text("a brand.yaml"),
                        "languages": listed(
                            {
                                "anyOf": [
                                    text("a content file"),
                                    obj(
                                        {
                                            "content": text("a content file"),
                                            "layouts": layouts,
                                            "papers": papers,
                                            "targets": targets,
                                        },
                                        ("content",),
                                        "a content file published in its own layouts, papers or targets",
                                    ),
                                ]
                            },
                            "content files",
                        ),
                        "layouts": layouts,
                        "papers": papers,
                        "targets": targets,
                        "source": text("the content file this brand's others translate (its own words)"),
                    },
                    ("kit", "languages"),
                )
            ),
        },
        ("brands",),
    )
    return schema


SCHEMAS = {"content": content, "brand": brand, "editions": editions}


def rendered() -> dict[str, str]:
    return {name: json.dumps(make(), indent=2, ensure_ascii=False) + "\n" for name, make in SCHEMAS.items()}


def main(argv: list[str]) -> int:
    texts = rendered()
    if "--check" in argv:
        stale = [n for n, t in texts.items() if (OUT / f"{n}.schema.json").read_text(encoding="utf-8") != t]
        for name in stale:
            print(f"schemas/{name}.schema.json is out of date: run python scripts/make_schemas.py", file=sys.stderr)
        return 1 if stale else 0
    OUT.mkdir(exist_ok=True)
    for name, body in texts.items():
        (OUT / f"{name}.schema.json").write_text(body, encoding="utf-8")
        print(f"wrote schemas/{name}.schema.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
