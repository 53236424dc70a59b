"""The JSON Schemas in schemas/ (for editors: the YAML language server completes and checks files as people type)
never drift from the loaders: they are what scripts/make_schemas.py makes from the loaders' words; every key a
loader accepts is in the schema and no other; every shipped file validates and names its schema; and a typo'd key,
a wrong type or an unknown block fails both the loader and the schema."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import reportlab
import yaml
from conftest import ROOT
from helpers import copied_kit
from PIL import Image

from brochure import api
from brochure.inputs.blocks import BLOCK_TYPES
from brochure.inputs.brand import load_brand
from brochure.inputs.content import load_content
from brochure.inputs.editions import load_editions
from brochure.inputs.reader import Reader

SCHEMAS = ROOT / "schemas"
SHIPPED = {
    "content": [ROOT / "content.yaml", *sorted((ROOT / "translations").glob("*.yaml"))],
    "brand": sorted((ROOT / "assets").rglob("brand.yaml")),
    "editions": [ROOT / "editions.yaml"],
}
LOADERS: dict[str, Callable[[Path], tuple[object, list[Any]]]] = {
    "content": load_content,
    "brand": load_brand,
    "editions": load_editions,
}


def schema(name: str) -> dict[str, Any]:
    return dict(json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")))


class _Plain(yaml.SafeLoader):
    """YAML as brochure reads it (and the YAML language server): dates stay text."""


_Plain.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def data(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Plain)


def schema_errors(name: str, value: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema(name))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(value)]


def test_the_schemas_are_what_the_script_makes_from_the_loaders() -> None:
    spec = importlib.util.spec_from_file_location("make_schemas", ROOT / "scripts" / "make_schemas.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, text in module.rendered().items():
        assert (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8") == text, (
            f"schemas/{name}.schema.json is out of date: run python scripts/make_schemas.py"
        )
        jsonschema.Draft202012Validator.check_schema(json.loads(text))


SHIPPED_FILES = [(name, path) for name, paths in SHIPPED.items() for path in paths]


@pytest.mark.parametrize(("name", "path"), SHIPPED_FILES, ids=[str(p.relative_to(ROOT)) for _, p in SHIPPED_FILES])
def test_every_shipped_file_validates_and_names_its_schema(name: str, path: Path) -> None:
    assert schema_errors(name, data(path)) == []
    first = path.read_text(encoding="utf-8").splitlines()[0]
    relative = Path(os.path.relpath(SCHEMAS / f"{name}.schema.json", path.parent)).as_posix()
    assert first == f"# yaml-language-server: $schema={relative}"
    assert (path.parent / relative).resolve() == (SCHEMAS / f"{name}.schema.json").resolve()


def test_the_schema_comment_changes_no_byte_of_the_leaflet(tmp_path: Path) -> None:
    """The loaders read the header as the comment it is: the same inputs without it give the same PDF."""
    bare = tmp_path / "content.yaml"
    text = (ROOT / "content.yaml").read_text(encoding="utf-8")
    bare.write_text(text.split("\n", 1)[1], encoding="utf-8")
    kit = copied_kit(tmp_path)
    (kit.parent / "brand.yaml").write_text(kit.read_text().split("\n", 1)[1])
    pdfs = []
    for content, brand in ((ROOT / "content.yaml", ROOT / "assets/brand.yaml"), (bare, kit)):
        sources, diags = api.load(content, brand)
        assert sources is not None, diags
        pdfs.append(api.build(sources, api.Options()).pdf)
    assert pdfs[0] is not None and pdfs[0] == pdfs[1]


# Every mapping a loader reads, with the keys it allows, against the schema at the same key path.

FULL_CONTENT = """\
language: en-GB
title: A title
subtitle: A subtitle
cover: {kicker: Kicker, lead: A lead.}
sections:
  - id: one
    heading: One
    place: {trifold: flap, bifold: back}
    layouts: [trifold, bifold, flyer, large-print]
    keep: {trifold: together, large-print: together}
    break: before
    blocks:
      - text: "A paragraph [^ref-a]."
        layouts: [trifold]
      - subheading: A sub-heading
      - bullets: [One, "Two [^ref-b]"]
      - cards: [{title: T, text: Card text., icon: smooth}]
      - steps: [First, {title: Second, text: Then this.}]
      - callout: {title: Note, text: A note., tone: warning}
      - image: {src: picture.png, alt: A picture, caption: A caption}
      - illustration: {name: skin-section, caption: Skin, labels: {epidermis: E, dermis: D, needles: N, collagen: C}}
      - faq: [{q: A question?, a: An answer.}]
  - id: two
    heading: Two
    keep: together
    break: {bifold: before}
    blocks:
      - text: Two.
call_to_action: {heading: Book, text: Call us., qr_label: Scan}
disclaimer: General information.
references:
  - {id: ref-a, text: "A reference.", short: "A ref.", doi: 10.1001/abcd.2013.1}
  - {id: ref-b, text: "Another.", url: "https://example.com/b"}
words: {sources: References, months: [J, F, M, A, M, J, J, A, S, O, N, D]}
document:
  code: TC-001
  version: "1.0"
  published: 2026-12-01
  review: 2028-12-01
  author: {name: Ann, role: Nurse}
  reviewer: {name: Bo, role: Doctor}
  producer: Test Clinic
  conflicts: None.
  translation: {translator: {name: Cy, role: Translator}, reviewer: {name: Di, role: Doctor}, numbers: {"999": "911"}}
"""

FULL_BRAND = """\
name: Test Clinic
id: test-clinic
country: GB
colors:
  primary: "#1D5C63"
  secondary: "#7FB7BE"
  accent: "#E07A5F"
  text: "#1F2A2E"
  background: "#FFFFFF"
  cmyk: {primary: [85, 35, 40, 25]}
  profile: press.icc
fonts:
  heading: {family: Be Vietnam Pro, weight: 600}
  body: Be Vietnam Pro
  fallbacks: [Alegreya Sans, {family: IBM Plex Serif, weight: 700}, {regular: Vera.ttf, bold: Vera.ttf}]
logo: {file: logo.svg, height: {trifold: 18, large-print: 30}}
type: {body_size: auto}
contact:
  address: 1 High Street
  phone: "+44 117 496 0321"
  email: hello@example.com
  website: https://example.com
  booking_url: https://example.com/book
paper: a4
press: {condition: fogra39}
other_formats: {formats: [large print], contact: call us}
feedback: Tell us.
language: en
languages: {es: {other_formats: {formats: [letra grande], contact: llámenos}, feedback: Díganos.}}
"""

FULL_EDITIONS = """\
output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
source: content.yaml
layouts: [trifold]
papers: [a4]
targets: [office]
brands:
  - kit: assets/brand.yaml
    languages: [content.yaml]
    layouts: [bifold]
    papers: [letter]
    targets: [press]
  - kit: assets/brand.yaml
    languages:
      - content: content.yaml
        layouts: [flyer]
        papers: [a4]
        targets: [office]
"""


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Files that use every key each loader knows, besides the shipped ones."""
    folder = tmp_path_factory.mktemp("full")
    (folder / "content.yaml").write_text(FULL_CONTENT, encoding="utf-8")
    Image.new("RGB", (600, 400), (200, 120, 90)).save(folder / "picture.png")
    kit = copied_kit(folder)
    kit.write_text(FULL_BRAND, encoding="utf-8")
    shutil.copy(ROOT / "brochure/data/icc/brochure-fogra39-300.icc", kit.parent / "press.icc")
    shutil.copy(Path(reportlab.__file__).parent / "fonts/Vera.ttf", kit.parent / "Vera.ttf")
    group = folder / "group"
    (group / "assets").mkdir(parents=True)
    shutil.copy(kit, group / "assets/brand.yaml")
    shutil.copy(folder / "content.yaml", group / "content.yaml")
    (group / "editions.yaml").write_text(FULL_EDITIONS, encoding="utf-8")
    return {"content": [folder / "content.yaml"], "brand": [kit], "editions": [group / "editions.yaml"]}


def mappings(name: str, files: list[Path], monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[set[str], set[str]]]:
    """Each key path (list indices as []) the loader reads a mapping at -> (required keys, allowed keys)."""
    seen: dict[str, tuple[set[str], set[str]]] = {}
    original = Reader.mapping

    def recording(self: Reader, node: Any, path: str, required: Any, optional: Any = ()) -> Any:
        seen[re.sub(r"\[\d+\]", "[]", path)] = (set(required), set(required) | set(optional))
        return original(self, node, path, required, optional)

    monkeypatch.setattr(Reader, "mapping", recording)
    for path in files:
        value, diags = LOADERS[name](path)
        assert value is not None, [d.format() for d in diags]
    return seen


def expand(root: dict[str, Any], node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A schema node with its $ref followed and its anyOf / oneOf branches taken apart."""
    if "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
    branches = node.get("anyOf") or node.get("oneOf")
    if branches:
        for branch in branches:
            yield from expand(root, branch)
    else:
        yield node


def objects_at(root: dict[str, Any], path: str) -> list[dict[str, Any]]:
    """The object schemas a loader's key path leads to."""
    nodes = [root]
    for part in re.findall(r"\[\]|[^.\[\]]+", path):
        following = []
        for node in (n for top in nodes for n in expand(root, top)):
            if part == "[]" and node.get("type") == "array":
                following.append(node["items"])
            elif part != "[]" and node.get("type") == "object":
                if part in node.get("properties", {}):
                    following.append(node["properties"][part])
                elif isinstance(node.get("additionalProperties"), dict):
                    following.append(node["additionalProperties"])
        nodes = following
    return [n for top in nodes for n in expand(root, top) if n.get("type") == "object"]


def all_objects(root: dict[str, Any], node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            yield node
        for value in node.values():
            yield from all_objects(root, value)
    elif isinstance(node, list):
        for value in node:
            yield from all_objects(root, value)


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_each_mapping_the_loader_reads_has_the_same_keys_in_the_schema(
    name: str, full: dict[str, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = schema(name)
    reached: list[dict[str, Any]] = []
    for path, (required, allowed) in mappings(name, SHIPPED[name] + full[name], monkeypatch).items():
        found = objects_at(root, path)
        assert found, f"{name}: the loader reads a mapping at '{path or '(top)'}', the schema has none there"
        keys = set().union(*(set(o["properties"]) for o in found))
        assert keys == allowed, f"{name} '{path or '(top)'}': loader {sorted(allowed)}, schema {sorted(keys)}"
        assert required <= set().union(*(set(o.get("required", ())) for o in found)), f"{name} '{path}'"
        reached += found
    blocks = [{kind, "layouts"} for kind in BLOCK_TYPES]  # a block's one type with its layouts (read by read_blocks)
    unread = [
        sorted(o["properties"])
        for o in all_objects(root, root)
        if not any(o is r for r in reached) and set(o["properties"]) not in blocks
    ]
    assert unread == [], f"{name}: the schema describes mappings no loader reads: {unread}"


# Mutations of the shipped files that both the loader and the schema must refuse.


def rename(path: str, new: str) -> Callable[[Any], None]:
    def mutate(doc: Any) -> None:
        *parents, key = path.split(".")
        node = _walk(doc, parents)
        node[new] = node.pop(key)

    return mutate


def put(path: str, value: Any) -> Callable[[Any], None]:
    def mutate(doc: Any) -> None:
        *parents, key = path.split(".")
        node = _walk(doc, parents)
        node[int(key) if isinstance(node, list) else key] = value

    return mutate


def _walk(doc: Any, parts: list[str]) -> Any:
    for part in parts:
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    return doc


MUTATIONS: list[tuple[str, str, Callable[[Any], None]]] = [
    ("content", "typo: subtitel", rename("subtitle", "subtitel")),
    ("content", "typo: sections.0.haeding", rename("sections.0.heading", "haeding")),
    ("content", "typo: document.reveiwer", rename("document.reviewer", "reveiwer")),
    ("content", "typo: call_to_action.heding", rename("call_to_action.heading", "heding")),
    ("content", "type: title is a number", put("title", 12)),
    ("content", "type: sections is text", put("sections", "none")),
    ("content", "type: version is a number", put("document.version", 1.1)),
    ("content", "type: bullets is text", put("sections.1.blocks.0", {"bullets": "one, two"})),
    ("content", "unknown block: video", put("sections.0.blocks.0", {"video": "https://example.com/v"})),
    ("content", "unknown block: two types", put("sections.0.blocks.0", {"text": "A", "subheading": "B"})),
    ("content", "unknown layout", put("sections.0.layouts", ["zfold"])),
    ("content", "unknown icon", put("sections.0.blocks.0", {"cards": [{"title": "T", "text": "X", "icon": "star"}]})),
    ("brand", "typo: colours", rename("colors", "colours")),
    ("brand", "typo: contact.phon", rename("contact.phone", "phon")),
    ("brand", "type: primary is a number", put("colors.primary", 12)),
    ("brand", "type: fonts.body is a list", put("fonts.body", ["Be Vietnam Pro"])),
    ("brand", "type: cmyk has three numbers", put("colors.cmyk", {"primary": [85, 35, 40]})),
    ("brand", "unknown paper", put("paper", "a5")),
    ("brand", "logo too tall", put("logo", {"file": "logo.svg", "height": 60})),
    ("brand", "typo: logo.heigth", put("logo", {"file": "logo.svg", "heigth": 20})),
    ("brand", "body size too large", put("type", {"body_size": 14})),
    ("brand", "a language's booking address not a web address", put("languages.es.booking_url", "ftp://x.org/b")),
    ("brand", "typo: a language's booking_ulr", put("languages.es.booking_ulr", "https://example.com/es")),
    ("content", "hint: keep apart", put("sections.0.keep", "apart")),
    ("content", "hint: break after", put("sections.0.break", {"trifold": "after"})),
    ("editions", "typo: brand", rename("brands", "brand")),
    ("editions", "typo: brands.0.kti", rename("brands.0.kit", "kti")),
    ("editions", "type: layouts is text", put("layouts", "trifold")),
    ("editions", "type: languages is text", put("brands.0.languages", "content.yaml")),
    ("editions", "unknown target", put("targets", ["poster"])),
    ("editions", "typo: a language's contnet", put("brands.1.languages.1", {"contnet": "translations/es-US.yaml"})),
    (
        "editions",
        "a language's unknown layout",
        put("brands.1.languages.1", {"content": "content.yaml", "layouts": ["a5"]}),
    ),
]


@pytest.mark.parametrize(("name", "what", "mutate"), MUTATIONS, ids=[f"{n}: {w}" for n, w, _ in MUTATIONS])
def test_a_mistake_fails_both_the_loader_and_the_schema(
    tmp_path: Path, name: str, what: str, mutate: Callable[[Any], None]
) -> None:
    source = SHIPPED[name][0]
    doc = data(source)
    mutate(doc)
    assert schema_errors(name, doc), f"the schema accepts {what}"
    if name == "brand":
        target = copied_kit(tmp_path, source)
    elif name == "editions":
        for part in ("assets", "translations"):
            shutil.copytree(ROOT / part, tmp_path / part)
        shutil.copy(ROOT / "content.yaml", tmp_path / "content.yaml")
        target = tmp_path / "editions.yaml"
    else:
        target = tmp_path / "content.yaml"
    target.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    value, diags = LOADERS[name](target)
    assert value is None and any(d.is_error for d in diags), f"the loader accepts {what}"
