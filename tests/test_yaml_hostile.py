"""Hostile and careless YAML and input files -> one clear error at the right line:col, never a crash or a hang.

Each case is a named file text and the first error it must give, written `line:col: message`. Aliases,
nesting, tags, characters YAML cannot hold, scalars, merge keys and keys; then files that are not regular,
too big or not UTF-8; then a property: any short YAML-ish text parses to a Node or to diagnostics.
"""

from __future__ import annotations

import math
import os
import re
import socket
import string
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CONTENT, ROOT, Inputs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brochure import limits
from brochure.cli import main
from brochure.diagnostics import Diagnostic
from brochure.inputs.content import load_content
from brochure.inputs.source import decode
from brochure.inputs.yamltree import Node, parse

PARSERS = {"libyaml": yaml.CSafeLoader, "pure-python": yaml.SafeLoader}


def laughs() -> str:
    """The classic 'billion laughs': nine levels of nine aliases each, 10^9 values once expanded."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def alias_chain() -> str:
    """388 bytes, 2^26 values once expanded: each line repeats the one before twice."""
    n = string.ascii_lowercase
    return "a: &a [x, x]\n" + "".join(f"{n[i]}: &{n[i]} [*{n[i - 1]}, *{n[i - 1]}]\n" for i in range(1, 26))


def first_error(text: str, parser: Any = yaml.CSafeLoader) -> str:
    _, diags = parse(text, "f.yaml", parser)
    errors = [d for d in diags if d.is_error]
    assert errors, f"no error for {text[:80]!r}"
    assert all(d.hint for d in errors)
    d = errors[0]
    return f"{d.location.line}:{d.location.column}: {d.message}"


# name: (file text, the first error as `line:col: message`)
HOSTILE = {
    # aliases: a budget of values and characters, counted as they are expanded
    "billion-laughs": (
        laughs(),
        "5:12: the alias '*d' makes the file hold more than 20,000 values once aliases are expanded",
    ),
    "alias-chain-388-bytes": (
        alias_chain(),
        "13:8: the alias '*l' makes the file hold more than 20,000 values once aliases are expanded",
    ),
    "alias-of-long-text": (
        "a: &a " + "x" * 500_000 + "\nb: [" + ", ".join(["*a"] * 100) + "]\n",
        "2:17: the alias '*a' makes the file hold more than 2,097,152 characters once aliases are expanded",
    ),
    "many-values-without-aliases": ("- x\n" * 20_001, "20000:3: the file holds more than 20,000 values"),
    "self-alias-list": (
        "title: &a [*a]\n",
        "1:12: the alias '*a' refers to itself: it is inside the value that '&a' marks",
    ),
    "self-alias-mapping": (
        "a: &a {b: *a}\n",
        "1:11: the alias '*a' refers to itself: it is inside the value that '&a' marks",
    ),
    "self-alias-nested": (
        "a: &a\n  b:\n    - c: *a\n",
        "3:10: the alias '*a' refers to itself: it is inside the value that '&a' marks",
    ),
    "unknown-alias": ("title: *nope\n", "1:8: the alias '*nope' refers to no anchor"),
    "alias-before-anchor": ("a: *x\nb: &x 1\n", "1:4: the alias '*x' refers to no anchor"),
    "anchor-used-twice": ("a: &x 1\nb: &x 2\n", "2:4: the anchor '&x' is used twice"),
    # nesting: a depth budget, before the parser itself gets deep
    "nested-brackets-40": (
        "title: " + "[" * 40 + "]" * 40 + "\n",  # with the top-level mapping, 41 levels
        "1:47: lists and mappings are nested more than 40 levels deep here",
    ),
    "nested-brackets-1000": (
        "title: " + "[" * 1000 + "]" * 1000 + "\n",
        "1:47: lists and mappings are nested more than 40 levels deep here",
    ),
    "nested-brackets-100000": (
        "title: " + "[" * 100_000 + "\n",
        "1:47: lists and mappings are nested more than 40 levels deep here",
    ),
    "nested-braces-100000": (
        "t: " + "{a: " * 100_000 + "\n",
        "1:160: lists and mappings are nested more than 40 levels deep here",
    ),
    "nested-dashes-100000": (
        "- " * 100_000 + "x\n",
        "1:81: lists and mappings are nested more than 40 levels deep here",
    ),
    "nested-by-indent": (
        "".join(" " * i + f"k{i}:\n" for i in range(60)) + " " * 60 + "x\n",
        "41:41: lists and mappings are nested more than 40 levels deep here",
    ),
    "nested-by-alias": (
        "a: &a " + "[" * 30 + "]" * 30 + "\nb: " + "[" * 15 + "*a" + "]" * 15 + "\n",
        "2:19: the alias '*a' nests lists and mappings more than 40 levels deep",
    ),
    # tags: every one refused, no constructor runs
    "tag-int-on-text": ('a: !!int "abc"\n', "1:4: the YAML tag '!!int' is not allowed"),
    "tag-binary": ("a: !!binary aGVsbG8=\n", "1:4: the YAML tag '!!binary' is not allowed"),
    "tag-python-object": (
        "a: !!python/object:os.system x\n",
        "1:4: the YAML tag '!!python/object:os.system' is not allowed",
    ),
    "tag-python-apply": (
        "a: !!python/object/apply:os.system [ls]\n",
        "1:4: the YAML tag '!!python/object/apply:os.system' is not allowed",
    ),
    "tag-local": ("a: !foo bar\n", "1:4: the YAML tag '!foo' is not allowed"),
    "tag-str": ("a: !!str 12\n", "1:4: the YAML tag '!!str' is not allowed"),
    "tag-non-specific": ("a: ! 12\n", "1:4: the YAML tag '!' is not allowed"),
    "tag-on-mapping": ("a: !!map {b: 1}\n", "1:4: the YAML tag '!!map' is not allowed"),
    "tag-on-list": ("a: !!set [1]\n", "1:4: the YAML tag '!!set' is not allowed"),
    "tag-after-anchor": ("a: &x !!timestamp 2026-01-01\n", "1:4: the YAML tag '!!timestamp' is not allowed"),
    # characters YAML cannot hold: named, at line:col
    "vertical-tab": (
        "title: Micro\x0bneedling\n",
        "1:13: the file contains U+000B (LINE TABULATION, Shift+Enter in Word), which is not allowed in a YAML file",
    ),
    "nul": ("title: a\x00b\n", "1:9: the file contains U+0000 (NULL), which is not allowed in a YAML file"),
    "escape": (
        "a: 1\r\nb: 2\r\nc: x\x1by\r\n",
        "3:5: the file contains U+001B (ESCAPE), which is not allowed in a YAML file",
    ),
    "delete": ("a: \x7f\n", "1:4: the file contains U+007F (DELETE), which is not allowed in a YAML file"),
    "form-feed": (
        "a: 1\n\x0c\n",
        "2:1: the file contains U+000C (FORM FEED, a page break in Word), which is not allowed in a YAML file",
    ),
    "next-line-u0085": (
        "a: wait\x85\n",
        "1:8: the file contains U+0085 (NEXT LINE), which is not allowed in a YAML file",
    ),
    "c1-control": (
        "a: it\x92s\n",
        "1:6: the file contains U+0092 (a C1 control character), which is not allowed in a YAML file",
    ),
    "lone-surrogate": (
        "a: \ud800\n",
        "1:4: the file contains U+D800 (a lone surrogate, half of a broken character),"
        " which is not allowed in a YAML file",
    ),
    "noncharacter": (
        "a: \uffff\n",
        "1:4: the file contains U+FFFF (a noncharacter), which is not allowed in a YAML file",
    ),
    "line-separator": (
        "a: x\u2028y\n",
        "1:5: the file contains U+2028 (LINE SEPARATOR), which is not allowed in a YAML file",
    ),
    "byte-order-mark-inside": (
        "a: 1\n\ufeffb: 2\n",
        "2:1: the file contains U+FEFF (ZERO WIDTH NO-BREAK SPACE), which is not allowed in a YAML file",
    ),
    "control-in-comment": (
        "# \x1b[31m\na: 1\n",
        "1:3: the file contains U+001B (ESCAPE), which is not allowed in a YAML file",
    ),
    # keys
    "key-is-a-list": ("? [a]\n: b\n", "1:3: a key must be text, not a list"),
    "key-is-a-flow-list": ("{[a]: b}\n", "1:2: a key must be text, not a list"),
    "key-is-a-mapping": ("? {a: 1}\n: b\n", "1:3: a key must be text, not a mapping"),
    "key-is-yes": ("yes: x\n", "1:1: the key 'yes' is read as true/false, not as text"),
    "key-is-a-number": ("12: x\n", "1:1: the key '12' is read as a number, not as text"),
    "key-is-null": ("~: x\n", "1:1: the key '~' is read as nothing, not as text"),
    "key-is-an-alias-to-a-number": ("a: &n 1\n*n : x\n", "2:1: a key must be text, not a number"),
    "key-given-twice": ("a: 1\nb: 2\na: 3\n", "3:1: key 'a' is given twice"),
    # merge keys
    "merge-a-list": ("a: &a [1]\nb:\n  <<: *a\n", "1:8: '<<' merges mappings into this one, but this is a number"),
    "merge-a-number": ("b:\n  <<: 3\n", "2:7: '<<' merges mappings into this one, but this is a number"),
    "merge-list-with-text": (
        "a: &a {x: 1}\nb:\n  <<: [*a, two]\n",
        "3:12: '<<' merges mappings into this one, but this is text",
    ),
    "merge-given-twice": ("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n", "4:3: key '<<' is given twice"),
    "merge-then-key-twice": ("a: &a {x: 1}\nb:\n  <<: *a\n  y: 1\n  y: 2\n", "5:3: key 'y' is given twice"),
    # documents
    "two-documents": ("a: 1\n---\nb: 2\n", "2:1: YAML syntax: the file holds a second document (after '---')"),
}


@pytest.mark.parametrize("parser", PARSERS.values(), ids=PARSERS.keys())
@pytest.mark.parametrize(("text", "expected"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_yaml_is_one_clear_error(text: str, expected: str, parser: Any) -> None:
    assert first_error(text, parser) == expected


def test_nesting_up_to_the_limit_is_read() -> None:
    assert value_of("title: " + "[" * 39 + "]" * 39 + "\n")  # 40 levels with the top-level mapping


def test_characters_yaml_cannot_hold_are_reported_up_to_five() -> None:
    root, diags = parse("a: \x01\x02\x03\x04\x05\x06\x07\n", "f.yaml")
    assert root is None
    assert [d.location.column for d in diags] == [4, 5, 6, 7, 8]
    assert diags[0].format() == (
        "f.yaml:1:4: error: the file contains U+0001 (START OF HEADING), which is not allowed in a YAML file"
        " (hint: remove it, or replace it with a space)"
    )


@pytest.mark.parametrize(
    ("char", "hint"),
    [
        ("\x0b", "replace it with a space or a line break"),
        ("\x92", "it is probably a '’' converted from an old Windows encoding: write '’' instead"),
        ("\x85", "it is probably a '…' converted from an old Windows encoding: write '…' instead"),
        ("\x81", "remove it; it usually comes from text converted from an old Windows encoding"),
        ("\u2029", "replace it with a line break"),
        ("\ufeff", "remove it: an invisible byte-order mark, often left where two files were joined"),
    ],
    ids=["vertical-tab", "c1-quote", "next-line-ellipsis", "c1-undefined", "paragraph-separator", "byte-order-mark"],
)
def test_unholdable_character_hint(char: str, hint: str) -> None:
    _, diags = parse(f"a: x{char}y\n", "f.yaml")
    assert diags[0].hint == hint


def test_all_tags_are_reported_together() -> None:
    _, diags = parse("a: !!int '1'\nb: !!binary aGk=\nc: !x [1]\n", "f.yaml")
    assert [(d.location.line, d.location.column, d.location.key) for d in diags] == [
        (1, 4, "a"),
        (2, 4, "b"),
        (3, 4, "c"),
    ]
    assert "put it in quotes" in diags[0].hint


def plain(node: Node) -> Any:
    """A Node tree as plain Python values."""
    v = node.value
    if isinstance(v, dict):
        return {k: plain(n) for k, n in v.items()}
    if isinstance(v, list):
        return [plain(n) for n in v]
    return v


def value_of(text: str) -> Any:
    root, diags = parse(text, "f.yaml")
    assert not diags, [d.format() for d in diags]
    assert root is not None
    return plain(root)


# name: (a plain or quoted scalar as written, the value it is read as)
SCALARS: dict[str, tuple[str, Any]] = {
    "date-kept-as-written": ("2026-12-01", "2026-12-01"),
    "timestamp-kept-as-written": ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
    "spaced-timestamp-kept": ("2001-12-14 21:59:43.10 -5", "2001-12-14 21:59:43.10 -5"),
    "sexagesimal-int-kept": ("1:30", "1:30"),
    "sexagesimal-float-kept": ("190:20:30.15", "190:20:30.15"),
    "too-many-digits-kept": ("1" * 5000, "1" * 5000),
    "empty-binary-kept": ("0b_", "0b_"),
    "equals-sign": ("=", "="),
    "merge-sign-as-value": ("<<", "<<"),
    "int": ("42", 42),
    "negative-int": ("-7", -7),
    "int-with-underscores": ("1_000", 1000),
    "hex": ("0x1F", 31),
    "binary": ("0b101", 5),
    "octal": ("017", 15),
    "long-hex": ("0x" + "F" * 2000, int("F" * 2000, 16)),
    "float": ("1.5", 1.5),
    "float-exponent": ("6.02e+23", 6.02e23),
    "exponent-without-dot-is-text": ("1e5", "1e5"),
    "infinity": ("-.inf", -math.inf),
    "yes": ("yes", True),
    "Off": ("Off", False),
    "TRUE": ("TRUE", True),
    "y-is-text": ("y", "y"),
    "tilde": ("~", None),
    "null": ("null", None),
    "empty": ("", None),
    "quoted-number": ('"12"', "12"),
    "quoted-yes": ("'yes'", "yes"),
    "quoted-date": ('"2026-12-01"', "2026-12-01"),
    "quoted-empty": ('""', ""),
}


@pytest.mark.parametrize(("written", "value"), SCALARS.values(), ids=SCALARS.keys())
def test_scalar_is_read_as(written: str, value: Any) -> None:
    assert value_of(f"k: {written}\n") == {"k": value}


def test_a_byte_order_mark_may_start_the_text() -> None:
    assert value_of("\ufeffk: 1\n") == {"k": 1}


def test_nan_is_a_number() -> None:
    assert math.isnan(value_of("k: .NaN\n")["k"])


# name: (text, the value of key m)
MERGES = {
    "one-alias": ("b: &b {x: 1, y: 2}\nm:\n  <<: *b\n", {"x": 1, "y": 2}),
    "own-key-overrides": ("b: &b {x: 1, y: 2}\nm:\n  <<: *b\n  x: 3\n", {"x": 3, "y": 2}),
    "own-key-before-merge": ("b: &b {x: 1, y: 2}\nm:\n  x: 3\n  <<: *b\n", {"x": 3, "y": 2}),
    "earlier-merge-wins": ("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nm:\n  <<: [*a, *b]\n", {"x": 1, "y": 2}),
    "inline-mapping": ("m:\n  <<: {x: 1}\n  y: 2\n", {"x": 1, "y": 2}),
    "merge-of-merge": ("a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nm: {<<: *b, z: 3}\n", {"x": 1, "y": 2, "z": 3}),
    "quoted-is-a-plain-key": ("a: &a {x: 1}\nm:\n  '<<': *a\n", {"<<": {"x": 1}}),
}


@pytest.mark.parametrize(("text", "merged"), MERGES.values(), ids=MERGES.keys())
def test_merge_key(text: str, merged: dict[str, Any]) -> None:
    assert value_of(text)["m"] == merged
    assert yaml.safe_load(text)["m"] == merged  # as YAML (and PyYAML) define it


def test_merged_key_keeps_its_position_and_own_key_its_own() -> None:
    root, _ = parse("b: &b {x: 1, y: 2}\nm:\n  <<: *b\n  x: 3\n", "f.yaml")
    assert root is not None and isinstance(root.value, dict)
    m = root.value["m"].value
    assert isinstance(m, dict)
    assert (m["x"].line, m["x"].column, m["x"].key_line, m["x"].key_column) == (4, 6, 4, 3)
    assert (m["y"].line, m["y"].column, m["y"].key_line) == (1, 17, 1)


def test_an_alias_reuses_the_anchored_node() -> None:
    root, _ = parse("a: &a [x, y]\nb: [*a, *a]\n", "f.yaml")
    assert root is not None and isinstance(root.value, dict)
    b = root.value["b"].value
    assert isinstance(b, list)
    assert b[0] is b[1]
    assert b[0].value is root.value["a"].value


SHIPPED = [
    "content.yaml",
    "assets/brand.yaml",
    "assets/brands/maple-main/brand.yaml",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "data").rglob("*.yaml")),
]


def as_written(value: Any) -> Any:
    """PyYAML's value with its dates as the text written, as yamltree keeps them ('2026-12-01')."""
    if isinstance(value, dict):
        return {k: as_written(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_written(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def old_tree(node: yaml.Node, loader: yaml.SafeLoader) -> Node:
    """The tree as the PyYAML-composed version of yamltree built it, to compare positions with."""
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        for k, v in node.value:
            child = old_tree(v, loader)
            out[loader.construct_object(k)] = Node(
                child.value, child.line, child.column, k.start_mark.line + 1, k.start_mark.column + 1
            )
        return Node(out, line, col)
    if isinstance(node, yaml.SequenceNode):
        return Node([old_tree(n, loader) for n in node.value], line, col)
    return Node(as_written(loader.construct_object(node)), line, col)


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_files_parse_as_before(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    root, diags = parse(text, name)
    assert not diags and root is not None
    assert plain(root) == as_written(yaml.safe_load(text))
    loader = yaml.SafeLoader(text)
    try:
        composed = loader.get_single_node()
        assert composed is not None
        assert root == old_tree(composed, loader)
    finally:
        loader.dispose()
    assert parse(text, name, yaml.SafeLoader) == (root, [])


# -- files that are not regular, too big or not UTF-8 --------------------------------------------------------


def load_error(path: Path) -> str:
    """The one error loading this content file gives, as `line:col: message` (no line:col for whole files)."""
    result: list[tuple[object, list[Diagnostic]]] = []
    worker = threading.Thread(target=lambda: result.append(load_content(path)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert result, f"loading {path} did not finish"
    content, diags = result[0]
    assert content is None
    errors = [d for d in diags if d.is_error]
    assert len(errors) == 1, [d.format() for d in diags]
    d = errors[0]
    assert d.hint and d.location.file == str(path)
    where = f"{d.location.line}:{d.location.column}: " if d.location.line else ""
    return where + d.message


def write(data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / "content.yaml"
        path.write_bytes(data)
        return path

    return make


def fifo(tmp: Path) -> Path:
    path = tmp / "content.yaml"
    os.mkfifo(path)  # opening it for reading would wait for a writer forever
    return path


def unix_socket(tmp: Path) -> Path:
    path = tmp / "c.yaml"
    if len(str(path)) > 100:
        pytest.skip("the temporary path is too long for a socket")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()
    return path


def folder(tmp: Path) -> Path:
    (tmp / "content.yaml").mkdir()
    return tmp / "content.yaml"


def too_big(tmp: Path) -> Path:
    path = tmp / "content.yaml"
    path.write_bytes(b"title: " + b"x" * limits.YAML_BYTES + b"\n")
    return path


# name: (makes the file in tmp_path, the error as `line:col: message`)
BAD_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "dev-zero": (lambda tmp: Path("/dev/zero"), "the content file is a device; only a regular file is read"),
    "fifo": (fifo, "the content file is a named pipe (FIFO); only a regular file is read"),
    "socket": (unix_socket, "the content file is a socket; only a regular file is read"),
    "folder": (folder, "the content file is a folder"),
    "too-big": (too_big, "1:1: the content file has 1,048,584 bytes; at most 1,048,576 (1 MB) are allowed"),
    "windows-1252-cafe": (
        write("language: en-GB\ntitle: Café\n".encode("cp1252")),
        "2:11: the content file is not UTF-8: byte 0xE9 here cannot be read"
        " (the file looks like Windows-1252, where it means 'é')",
    ),
    "windows-1252-quote": (
        write("title: it’s\n".encode("cp1252")),
        "1:10: the content file is not UTF-8: byte 0x92 here cannot be read"
        " (the file looks like Windows-1252, where it means '’')",
    ),
    "latin-1": (
        write(b"title: \xe9t\xe9 \x81\n"),
        "1:8: the content file is not UTF-8: byte 0xE9 here cannot be read"
        " (the file looks like Latin-1 (ISO-8859-1), where it means 'é')",
    ),
    "after-valid-utf8": (
        write("title: Café\nsubtitle: caf".encode() + b"\xe9\n"),
        "2:14: the content file is not UTF-8: byte 0xE9 here cannot be read"
        " (the file looks like Windows-1252, where it means 'é')",
    ),
    "utf-16-with-bom": (write(CONTENT.encode("utf-16")), "1:1: the content file is saved as UTF-16, not as UTF-8"),
    "utf-16-without-bom": (
        write(CONTENT.encode("utf-16-le")),
        "1:1: the content file is saved as UTF-16, not as UTF-8",
    ),
    "utf-16-big-endian": (write(CONTENT.encode("utf-16-be")), "1:1: the content file is saved as UTF-16, not as UTF-8"),
    "utf-32": (write(CONTENT.encode("utf-32")), "1:1: the content file is saved as UTF-32, not as UTF-8"),
    "zero-bytes": (write(bytes(5000)), "1:1: the content file is not text: it is mostly zero bytes"),
    "a-png-given-as-words": (  # (it said "the file looks like Latin-1", and to save it as UTF-8)
        write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
        "1:1: the content file is not text: it is a PNG picture",
    ),
    "a-pdf-given-as-words": (
        write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        "1:1: the content file is not text: it is a PDF document",
    ),
    "a-word-file-given-as-words": (
        write(b"PK\x03\x04" + bytes(range(256)) * 4),
        "1:1: the content file is not text: it is a ZIP archive (a Word, Excel or PowerPoint file?)",
    ),
    "stray-nul-in-utf8": (
        write(b"title: a\x00b\n"),
        "1:9: the file contains U+0000 (NULL), which is not allowed in a YAML file",
    ),
    "empty": (write(b""), "1:1: the file is empty"),
}


@pytest.mark.parametrize("what", ["brand", "content"])
def test_a_clinics_folder_given_for_its_file_is_told_the_file_in_it(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    """`--brand clinics/sunrise`: "the brand file is a folder (hint: save the text to a .yaml file ...)". The hint
    names the file in the folder that was meant."""
    folder = inputs.kit if what == "brand" else inputs.content.parent
    given = {"brand": inputs.brand, "content": inputs.content}
    given[what] = folder
    status = main(["check", "--content", str(given["content"]), "--brand", str(given["brand"])])
    err = capsys.readouterr().err
    meant = folder / ("brand.yaml" if what == "brand" else "content.yaml")
    assert status == 1 and f"the {what} file is a folder (hint: did you mean {meant}?)" in err, err


@pytest.mark.parametrize("text", ["OTTO: 1\n", "GIF8: x\n", "%PDF-1.7 is a PDF version\n", "wOFF: 2\n"])
def test_a_text_that_starts_as_a_font_or_pdf_does_is_read_as_text(text: str) -> None:
    """Words that begin with the letters a font, a GIF or a PDF begins with are text ('OTTO: 1' was called a font):
    only a file that is not UTF-8 is told what kind of file its first bytes say it is."""
    assert decode(text.encode(), "content.yaml", "content") == text


@pytest.mark.parametrize(("make", "expected"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_input_file_is_one_clear_error(tmp_path: Path, make: Callable[[Path], Path], expected: str) -> None:
    assert load_error(make(tmp_path)) == expected


def test_a_utf8_byte_order_mark_is_accepted(inputs: Inputs) -> None:
    inputs.content.write_bytes(b"\xef\xbb\xbf" + CONTENT.replace("title: Micro", "title: !!str Micro").encode())
    content, diags = load_content(inputs.content)
    assert [(d.location.line, d.location.column) for d in diags] == [(2, 8)]  # columns as an editor shows them
    inputs.content.write_bytes(b"\xef\xbb\xbf" + CONTENT.encode())
    content, diags = load_content(inputs.content)
    assert content is not None and content.title == "Micro-needling"


def test_a_file_exactly_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "content.yaml"
    path.write_bytes(b"# " + b"x" * (limits.YAML_BYTES - 3) + b"\n")
    assert load_error(path) == "1:1: the file is empty"


def test_all_printed_text_together_has_a_limit(inputs: Inputs) -> None:
    refs = "".join(f'  - {{id: r{i:02d}, text: "{i:02d} {"x" * 3_900}"}}\n' for i in range(20))
    inputs.content.write_text(CONTENT + "references:\n" + refs, encoding="utf-8")
    content, diags = load_content(inputs.content)
    assert content is None
    [d] = [d for d in diags if d.is_error]
    assert d.location.key == "references[15].text"
    assert d.location.line == CONTENT.count("\n") + 2 + 15
    assert d.message.startswith("all the printed text adds up to 78,")
    assert "a leaflet may hold at most 60,000" in d.message


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (laughs(), "the alias '*d' makes the file hold more than 20,000 values"),
        ("title: " + "[" * 1000 + "\n", "nested more than 40 levels deep"),
        ("title: !!python/object/apply:os.system [ls]\n", "the YAML tag '!!python/object/apply:os.system'"),
        (CONTENT.replace("Micro-needling", "Micro\x0bneedling"), "U+000B (LINE TABULATION, Shift+Enter in Word)"),
    ],
    ids=["billion-laughs", "deep-nesting", "python-tag", "vertical-tab"],
)
def test_the_command_says_what_is_wrong_and_exits_1(
    inputs: Inputs, text: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs.content.write_text(text, encoding="utf-8")
    status = main(["check", "--content", str(inputs.content), "--brand", str(inputs.brand)])
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err
    assert says in err.splitlines()[0]
    assert err.splitlines()[0].startswith(f"{inputs.content}:")


def test_a_fifo_is_refused_by_the_command_without_waiting(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    inputs.content.unlink()
    os.mkfifo(inputs.content)
    status = main(["check", "--content", str(inputs.content), "--brand", str(inputs.brand)])
    assert status == 1
    assert "named pipe (FIFO)" in capsys.readouterr().err


# -- any YAML-ish text: a Node or diagnostics, never an exception ---------------------------------------------

PIECES = [
    *"[]{}:,-?|>#'\"!&*%@`\\ \t\n",
    *"\r\x0b\x00\x85\x92\ud800\u2028\ufeffé€",
    "a",
    "b",
    "1",
    "0x1F",
    "1:30",
    "2026-12-01",
    "yes",
    "~",
    ".inf",
    "=",
    "<<",
    "<<: *a",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "!!int ",
    "!!binary ",
    "!x ",
    "- ",
    ": ",
    "? ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "  ",
    "    ",
    "\n  ",
    '"\\x0b"',
]


SCALAR_PIECES = [p for p in PIECES if len(p) > 1 or p.isalnum()]
LINE_STARTS = ["a: ", "b: ", "- ", "- a: ", "<<: ", "<<: *a", "? ", ": ", "c: &a ", "d: *a", "e: [", "f: {", ""]
yamlish = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),  # anything
    st.lists(  # lines that look like YAML, to get past the parser more often
        st.tuples(
            st.sampled_from(["", "  ", "    "]),
            st.sampled_from(LINE_STARTS),
            st.lists(st.sampled_from([*SCALAR_PIECES, "]", "}", ", "]), max_size=4).map("".join),
        ).map("".join),
        max_size=8,
    ).map("\n".join),
)


@settings(max_examples=800, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(yamlish)
def test_any_yamlish_text_gives_a_tree_or_diagnostics(text: str) -> None:
    results = []
    for parser in PARSERS.values():
        root, diags = parse(text, "f.yaml", parser)
        assert root is None or isinstance(root, Node)
        assert all(isinstance(d, Diagnostic) and d.location.line >= 1 and d.hint for d in diags)
        assert root is not None or any(d.is_error for d in diags)
        results.append((root, diags))
    (c_root, c_diags), (py_root, py_diags) = results
    if c_root is not None and py_root is not None and not c_diags and not py_diags:
        assert _same(plain(c_root), plain(py_root))  # both parsers read it: the same values


@settings(max_examples=800, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(yamlish)
def test_what_we_read_safe_load_reads_the_same(text: str) -> None:
    root, diags = parse(text, "f.yaml")
    if diags or root is None or re.search(r"\d[:-]", text):
        return  # 1:30 (base 60) and dates we keep as text, by design
    try:
        expected = yaml.safe_load(text)
    except yaml.YAMLError:
        return
    assert _same(plain(root), expected)


def _same(ours: Any, theirs: Any) -> bool:
    if isinstance(ours, float) and math.isnan(ours):
        return isinstance(theirs, float) and math.isnan(theirs)
    if isinstance(ours, dict):
        return (
            isinstance(theirs, dict) and ours.keys() == theirs.keys() and all(_same(ours[k], theirs[k]) for k in ours)
        )
    if isinstance(ours, list):
        return isinstance(theirs, list) and len(ours) == len(theirs) and all(map(_same, ours, theirs))
    return type(ours) is type(theirs) and ours == theirs
