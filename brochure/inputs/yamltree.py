"""YAML text -> a tree of Node values that remember their line and column (or Diagnostics).

We compose the tree ourselves from PyYAML's parser events (libyaml's C parser when it is installed,
PyYAML's own otherwise), one event at a time with an explicit stack, so that:
- aliases are counted as they are expanded: more than limits.YAML_VALUES values, limits.YAML_CHARS
  characters or limits.YAML_DEPTH levels stops at the node or alias that crossed the budget (a
  "billion laughs" file stops at once; an alias reuses the anchored Node, nothing is copied);
- an alias to its own enclosing value, an unknown alias and a duplicate anchor are errors;
- every explicit tag (`!!int`, `!!binary`, `!!python/...`, `!foo`, even `!!str`) is an error:
  no PyYAML constructor ever runs on a user's file;
- plain scalars are read as YAML 1.1 (PyYAML's SafeLoader) reads them: null, true/false (yes/no,
  on/off), integers and floats; but dates and times (2026-12-01) and sexagesimal numbers (1:30)
  stay the text written, and so does a number too long to convert; quoted scalars are always text;
- merge keys (`<<: *base`, `<<: [*a, *b]`) work as YAML defines them: the mapping's own keys win
  over merged ones, earlier merged mappings over later ones;
- duplicate keys and keys that are not text are errors.
Characters YAML cannot hold (controls, lone surrogates) are found before parsing and named.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any, Never

import yaml

from brochure import limits
from brochure.diagnostics import Diagnostic, Location, error
from brochure.frozen import frozen, mutable
from brochure.inputs import chars
from brochure.patterns import Later

Scalar = str | int | float | bool | None


@frozen
class Node:
    """A YAML value with its 1-based position; mappings and lists hold Nodes."""

    value: Scalar | dict[str, Node] | list[Node]
    line: int
    column: int
    key_line: int = 0
    key_column: int = 0
    comment: str = ""  # a comment that follows unquoted text on its line and reads as its words ('#1 risk is ...')
    end: tuple[int, int] = field(default=(0, 0), compare=False)  # a text's end: the line and column just past it,
    # 1-based ((0, 0): not known), where a character at fault is looked for up to (Reader.at_char)

    @property
    def kind(self) -> str:
        """A word for error messages: mapping, list, text, number, true/false or nothing."""
        v = self.value
        if isinstance(v, dict):
            return "a mapping"
        if isinstance(v, list):
            return "a list"
        if isinstance(v, bool):
            return "true/false"
        if isinstance(v, (int, float)):
            return "a number"
        if v is None:
            return "nothing"
        return "text"


# libyaml's parser when PyYAML was built with it (several times faster); the same events, lines and columns.
PARSER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# What YAML can hold: tab, line breaks, printable ASCII, and the rest of Unicode but for C1 controls, surrogates,
# U+FFFE and U+FFFF. We also refuse what YAML 1.1 reads as a line break but editors and YAML 1.2 do not (U+0085
# NEXT LINE, usually a Windows-1252 '…' mangled by a Latin-1 conversion; U+2028 and U+2029), and a byte-order mark
# after the start (libyaml and PyYAML read it differently); so lines are counted as an editor counts them.
# (Written as the characters refused rather than as those allowed: the same set, but compiled in 0.1 ms, not 4.)
_UNHOLDABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_SHOWN = 5  # unholdable characters reported per file
LINE_BREAK = re.compile("\r\n|[\r\n]")  # a line break as the parser counts lines (the others YAML knows, U+0085,
# U+2028 and U+2029, are refused in a file: _UNHOLDABLE)
_HASH_WORD = re.compile(r"[ \t]#[^\s#]")  # a space, then '#' and no space: somewhere in the file, or nothing to ask
_WORDS_COMMENTED = re.compile(r"[ \t]+(#[^\s#].*)")  # unquoted text, a space, then '#' and a letter, digit or mark


def parse(text: str, file: str, parser: type[Any] = PARSER) -> tuple[Node | None, list[Diagnostic]]:
    """Parse one YAML document into Nodes; every problem found becomes a Diagnostic (root None if fatal)."""
    diags = unholdable(text, file)
    if diags:
        return None, diags
    composer = _Composer(file, diags, text)
    loader = parser(text)
    try:
        while loader.check_event():
            composer.feed(loader.get_event())
    except _Stop:
        return None, diags
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem) and parser is not yaml.SafeLoader:
            # libyaml stops at 1,000 levels while looking ahead, before our own check has seen any of them;
            # PyYAML's parser has no such limit, so our check finds where the nesting first went too deep.
            return parse(text, file, yaml.SafeLoader)
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "not valid YAML"
        hint = "check indentation, and quote text that contains ': ' or starts with * [ & { or a quote"
        opened = _unclosed_quote(text, line)
        if opened is not None:  # (the parser noticed lines later, where the quoted text it read on ran out)
            hint = f"the quote opened at line {opened[0]}, column {opened[1]} is not closed: close it"
        lines = text.splitlines()
        written = lines[line - 1] if 0 < line <= len(lines) else ""
        hint = (_quotes_hint(written) if opened is None else "") or hint
        indent = written[: len(written) - len(written.lstrip(" \t"))]
        # (a key's line that starts out of line with its block's keys: a comment's '#' deleted, its space left)
        block = exc.context_mark if "expected key" in problem and "block mapping" in str(exc.context) else None
        if block is not None and opened is None and not indent.strip(" ") and col == len(indent) + 1:
            hint = _misaligned_hint(lines, line, len(indent), block.column) or hint
        flow = exc.context_mark if "while parsing a flow" in str(exc.context) else None
        if flow is not None and opened is None and "expected ','" in problem and flow.line + 1 < line:
            hint = _flow_hint(lines, flow.line + 1, flow.column + 1, "sequence" in str(exc.context), line)
        if "\t" in indent or "tab character" in problem:  # (a tab in the line's indent: "cannot start any token")
            hint = "YAML indents with spaces, never tabs: replace the tab on this line with spaces"
        if "unknown escape" in problem:  # (a backslash in double quotes: brochure's own escapes, `\*`, typed there)
            hint = (
                "in double quotes YAML reads a backslash as its own escape: to print a mark's character as typed "
                'write the backslash twice there ("from £150\\\\*"), or put the text in single quotes '
                "('from £150\\*'), where a backslash is itself"
            )
        elif "hexdecimal" in problem or "hexadecimal" in problem:  # (a Windows path, "C:\Users\...": \U, \u, \x)
            hint = (
                "in double quotes YAML reads a backslash as the start of an escape (\\U, \\u and \\x want hexadecimal "
                "digits after them): put the text in single quotes, where a backslash is itself, or write each "
                "backslash twice; a file in a kit is named from the kit's folder, with / (logo: images/logo.png)"
            )
        spaced = _spaced_indent(lines, line)
        if spaced is not None:  # (which YAML reads as a letter: the error is said where the line goes on, or after)
            at, column, ch = spaced
            diags.append(
                error(
                    Location(file, at, column),
                    f"YAML syntax: this line is indented with {chars.describe(ch)}, which YAML does not read as a "
                    "space",
                    "replace it with ordinary spaces: a line pasted from a web page or a word processor brings it",
                )
            )
            return None, diags
        diags.append(error(Location(file, line, col), f"YAML syntax: {problem}", hint))
        return None, diags
    except yaml.YAMLError as exc:  # pragma: no cover - unholdable() refuses what PyYAML's reader would
        diags.append(error(Location(file, 1, 1), f"YAML: {exc}", "check the file is valid YAML"))
        return None, diags
    finally:
        loader.dispose()
    if composer.root is None:
        diags.append(error(Location(file, 1, 1), "the file is empty", "see README.md for the format"))
    return composer.root, diags


def _flow_hint(lines: list[str], opened: int, column: int, sequence: bool, stopped: int) -> str:
    """What to do where a list in brackets (a mapping in braces) opened at line `opened`, lines before, cannot take
    what the parser met at line `stopped` for one of its items: where no closing bracket follows before the next
    line indented as the one it opened on (or the file's end), it was left open (a text that starts with '['); else
    a comma is missing between that item and the one before."""
    start, close = ("[", "]") if sequence else ("{", "}")
    outer = len(lines[opened - 1]) - len(lines[opened - 1].lstrip(" "))
    for text in lines[stopped - 1 : stopped - 1 + _FLOW_LINES]:
        if text.strip() and len(text) - len(text.lstrip(" ")) <= outer:
            break
        if close in text:
            return f"put a comma before this item of the {start} ... {close} opened at line {opened}, column {column}"
    return (
        f"the {start} opened at line {opened}, column {column} is not closed: close it with {close}, or put the text"
        f" in quotes if it starts with {start}"
    )


_FLOW_LINES = 200  # the lines looked at for a list's closing bracket (a file's are many: the hint's, not a scan)


def _misaligned_hint(lines: list[str], line: int, spaces: int, block: int) -> str:
    """What to do where a key's line (1-based) starts with `spaces` spaces, which line it up with no key of the
    block it ends (whose keys start `block` spaces in) nor with the line above: a comment's '#' deleted and its
    space left, a key typed a space out. '' when the line above cannot say."""
    above = next((t for t in reversed(lines[: line - 1]) if t.strip() and not t.lstrip().startswith("#")), None)
    if above is None:
        return ""
    under = len(above) - len(above.lstrip(" ")) + (2 if above.rstrip().endswith(":") else 0)
    if spaces in (block, under):  # (it lines up: the fault is elsewhere on it)
        return ""
    options = " or ".join(f"{n} space{'s' if n != 1 else ''}" for n in sorted({block, under}))
    said = f"{spaces} space{'s' if spaces != 1 else ''}"
    return (
        f"this line starts with {said}, which lines it up with no key above it, so YAML cannot tell which key it "
        f"belongs with: start it with {options}, as the keys above it"
    )


# A space other than the space bar's in a line's indent (a no-break space from a web page, an em space): YAML
# indents with spaces alone, so the line is read as text starting there
_SPACED_INDENT = Later("^[ \t]*([\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000])")
_SPACED_LINES = 3  # lines before a syntax error looked at for one (the error is said where the line goes on)


def _spaced_indent(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """The nearest line at or just before `line` (1-based) indented with a space other than U+0020, as (line,
    column, the character); None when there is none."""
    for n in range(min(line, len(lines)) - 1, max(0, line - 1 - _SPACED_LINES) - 1, -1):
        found = _SPACED_INDENT.match(lines[n])
        if found is not None:
            return n + 1, found.start(1) + 1, found.group(1)
    return None


_CURLY = "\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb"  # typographic quotes a word processor types
_VALUE = Later(r"^\s*(?:-\s+)?(?:[^\s:#][^:#]*:\s+)?(?P<value>.*)$")  # a line's value (after 'key: ' or '- ')


def _quotes_hint(written: str) -> str:
    """What to do where a line's value is put in quotes a word processor typed (“...”: YAML reads them as
    letters, so a ': ' inside ends the text), or in straight double quotes that hold another pair ("... "risks"
    ..."): the first ends the text there. '' for other lines."""
    found = _VALUE.match(written)
    value = found.group("value") if found else ""
    if value and value[0] in _CURLY:
        return (
            f"the text starts with {value[0]}, a typographic quote, which YAML reads as a letter, not as a quote:"
            ' put the text in straight double quotes ("...") instead; typographic ones inside print as written'
        )
    if value.startswith('"') and len(re.findall(r'(?<!\\)"', value)) > 2:
        return (
            'a double quote inside text in double quotes ends it: write each one inside as \\" ("there are'
            ' \\"risks\\""), or use typographic quotes (“risks”), or put the text in single quotes'
        )
    return ""


def unholdable(text: str, file: str) -> list[Diagnostic]:
    """An error for each of the first few characters YAML cannot hold (controls, lone surrogates), at line:col."""
    found: list[Diagnostic] = []
    for m in _UNHOLDABLE.finditer(text, 1 if text.startswith("\ufeff") else 0):
        ch = m.group()
        line, col = line_column(text, m.start())
        found.append(
            error(
                Location(file, line, col),
                f"the file contains {chars.describe(ch)}, which is not allowed in a YAML file",
                chars.advice(ch),
            )
        )
        if len(found) == _SHOWN:
            break
    return found


def line_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of text[index] (in a text without the line breaks unholdable() refuses)."""
    line, start = 1, 0
    for m in LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, m.end()
    return line, index - start + 1


# A line whose value starts with a quote (`key: "...`, `- '...`), and the quote.
_QUOTED_VALUE = Later(r"""^(\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?)(["'])""")


def _unclosed_quote(text: str, line: int) -> tuple[int, int] | None:
    """The nearest line before `line` (1-based) whose value opens a quote that no quote closes before `line`, as
    (line, column): where a syntax error noticed lines later most likely began (a quoted text may go on over
    several lines: one closed before the error is not blamed). None when no line before it does."""
    lines = text.splitlines()
    for n in range(min(line, len(lines)) - 1, max(0, line - 60) - 1, -1):
        found = _QUOTED_VALUE.match(lines[n])
        if found is None:
            continue
        quote, rest = found.group(2), "\n".join([lines[n][found.end() :], *lines[n + 1 : line - 1]])
        if quote == '"':
            closed = re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
        else:
            closed = re.search(r"'(?!')", rest.replace("''", "")) is not None
        if not closed:
            return n + 1, found.end(1) + 1
    return None


class _Stop(Exception):
    """The file cannot be read further (its Diagnostic is already recorded)."""


@mutable
class _Frame:
    """A list or mapping being composed, and what it adds up to once its aliases are expanded."""

    line: int
    column: int
    path: str
    anchor: str | None
    entries: dict[str, Node] | None  # a mapping's own keys; None for a list
    items: list[Node] = field(default_factory=list)  # a list's items
    merged: list[dict[str, Node]] | None = None  # the mappings named by '<<', in order
    key: _Key | None = None  # a mapping's key waiting for its value
    values: int = 1  # values inside it (itself included)
    chars: int = 0  # characters of its keys and text inside it
    height: int = 0  # levels of lists and mappings inside it


@frozen
class _Key:
    node: Node
    written: str | None  # the text as written, for a plain scalar (not quoted, not an alias)
    line: int  # where the key is written (for an alias, the alias)
    column: int


@frozen
class _Anchor:
    """What an alias repeats; node is None while the anchored value is still being read."""

    node: Node | None
    line: int
    values: int = 0
    chars: int = 0
    height: int = 0


_YAML_TAG = "tag:yaml.org,2002:"


class _Composer:
    """Parser events -> Nodes, within the value, character and depth budgets."""

    def __init__(self, file: str, diags: list[Diagnostic], text: str = "") -> None:
        self.file = file
        self.diags = diags
        self.text = text
        self.hashes = _HASH_WORD.search(text) is not None  # (no such comment to look for after a text otherwise)
        self.lines: list[str] | None = None
        self.stack: list[_Frame] = []
        self.anchors: dict[str, _Anchor] = {}
        self.values = 0
        self.chars = 0
        self.documents = 0
        self.root: Node | None = None

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event)
        elif isinstance(event, yaml.CollectionStartEvent):
            self._start(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            self._end()
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._stop(
                    event,
                    "YAML syntax: the file holds a second document (after '---')",
                    "a file holds one document: remove the '---' line and what follows, or move that to its own file",
                )

    # -- events -----------------------------------------------------------------------------------------

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        self._refuse_tag(event)
        line, col = _position(event)
        written = event.value
        value = _resolve(written) if event.implicit[0] else written
        self._count(event, 1, len(written), None)
        end = (event.end_mark.line + 1, event.end_mark.column + 1) if event.end_mark else (0, 0)
        node = Node(value, line, col, 0, 0, self._words_commented(event) if self.hashes else "", end)
        if event.anchor is not None:
            self._open_anchor(event)
            self.anchors[event.anchor] = _Anchor(node, line, 1, len(written), 0)
        self._add(node, 1, len(written), 0, event, written if event.implicit[0] else None)

    def _words_commented(self, event: yaml.ScalarEvent) -> str:
        """The comment after unquoted text on its line, or on the next line indented as the text would go on, when
        it starts as words do, not as a comment (`#1 risk`, `#hashtag`: '#' and no space), which YAML leaves out of
        the text: else ''."""
        if event.style or not event.end_mark or not event.start_mark or not isinstance(event.value, str):
            return ""
        if self.lines is None:
            self.lines = LINE_BREAK.split(self.text)
        end, start = event.end_mark, event.start_mark
        rest = self.lines[end.line][end.column :] if end.line < len(self.lines) else ""
        found = _WORDS_COMMENTED.match(rest)
        if found:
            return found.group(1)
        below = self.lines[end.line + 1] if end.line + 1 < len(self.lines) else ""  # (a line that goes on with the
        key = self.lines[start.line] if start.line < len(self.lines) else ""  # text, indented past its key, but
        wrapped = _WORDS_COMMENTED.match(below)  # starts '#1 ...': a comment, the text's end left out)
        indent = len(key) - len(key.lstrip(" "))
        return wrapped.group(1) if wrapped and len(below) - len(below.lstrip(" ")) > indent else ""

    def _alias(self, event: yaml.AliasEvent) -> None:
        name = event.anchor or ""
        anchor = self.anchors.get(name)
        if anchor is None:
            self._stop(
                event,
                f"the alias '*{name}' refers to no anchor",
                f"mark a value with '&{name}' before using '*{name}', or quote text that starts with '*'",
            )
        if anchor.node is None:
            self._stop(
                event,
                f"the alias '*{name}' refers to itself: it is inside the value that '&{name}' marks",
                f"an alias can only repeat a value that ends before it: move '*{name}' out of it",
            )
        self._count(event, anchor.values, anchor.chars, name)
        if len(self.stack) + anchor.height > limits.YAML_DEPTH:
            self._stop(
                event,
                f"the alias '*{name}' nests lists and mappings more than {limits.YAML_DEPTH} levels deep",
                "a leaflet needs only a few levels: write the value out instead of repeating it",
            )
        self._add(anchor.node, anchor.values, anchor.chars, anchor.height, event, None)

    def _start(self, event: yaml.CollectionStartEvent) -> None:
        self._refuse_tag(event)
        self._count(event, 1, 0, None)
        if len(self.stack) >= limits.YAML_DEPTH:
            self._stop(
                event,
                f"lists and mappings are nested more than {limits.YAML_DEPTH} levels deep here",
                "a leaflet needs only a few levels: check the brackets and the indentation",
            )
        if event.anchor is not None:
            self._open_anchor(event)
        line, col = _position(event)
        entries: dict[str, Node] | None = {} if isinstance(event, yaml.MappingStartEvent) else None
        self.stack.append(_Frame(line, col, self._path(), event.anchor, entries))

    def _end(self) -> None:
        frame = self.stack.pop()
        value: dict[str, Node] | list[Node] = frame.items
        if frame.entries is not None:
            value = frame.entries
            if frame.merged:
                value = {}
                for merged in reversed(frame.merged):  # earlier merged mappings win over later ones ...
                    value.update(merged)
                value.update(frame.entries)  # ... and the mapping's own keys over all of them
        node = Node(value, frame.line, frame.column)
        height = frame.height + 1
        if frame.anchor is not None:
            self.anchors[frame.anchor] = _Anchor(node, frame.line, frame.values, frame.chars, height)
        self._add(node, frame.values, frame.chars, height, None, None)

    # -- building ---------------------------------------------------------------------------------------

    def _add(
        self, node: Node, values: int, chars: int, height: int, event: yaml.Event | None, written: str | None
    ) -> None:
        """Put a finished node (or an alias's, at the alias's event) into the list or mapping being read."""
        if not self.stack:
            self.root = node
            return
        top = self.stack[-1]
        top.values += values
        top.chars += chars
        top.height = max(top.height, height)
        if top.entries is None:
            top.items.append(node)
        elif top.key is None:
            line, col = _position(event) if event else (node.line, node.column)
            top.key = _Key(node, written, line, col)
        else:
            key, top.key = top.key, None
            self._put(top, top.entries, key, node)

    def _put(self, top: _Frame, entries: dict[str, Node], key: _Key, node: Node) -> None:
        k = key.node.value
        where = Location(self.file, key.line, key.column, top.path)
        if key.written == "<<":  # a plain '<<' is YAML's merge key
            self._merge(top, key, node)
            return
        if not isinstance(k, str):
            self.diags.append(_bad_key(where, key))
            return
        path = _join(top.path, k)
        if k in entries:
            self.diags.append(
                error(
                    Location(self.file, key.line, key.column, path),
                    f"key '{k}' is given twice",
                    f"keep one of them (the first is at line {entries[k].key_line})",
                )
            )
            return
        entries[k] = Node(node.value, node.line, node.column, key.line, key.column, node.comment, node.end)

    def _merge(self, top: _Frame, key: _Key, node: Node) -> None:
        where = Location(self.file, key.line, key.column, _join(top.path, "<<"))
        if top.merged is not None:
            self.diags.append(error(where, "key '<<' is given twice", "merge several mappings as '<<: [*a, *b]'"))
            return
        parts = node.value if isinstance(node.value, list) else [node]
        for part in parts:
            if not isinstance(part.value, dict):
                self.diags.append(
                    error(
                        Location(self.file, part.line, part.column, where.key),
                        f"'<<' merges mappings into this one, but this is {part.kind}",
                        "write '<<: *name' where '&name' marks a mapping, or '<<: [*a, *b]'",
                    )
                )
                return
        top.merged = [part.value for part in parts if isinstance(part.value, dict)]

    # -- budgets and checks -----------------------------------------------------------------------------

    def _count(self, event: yaml.Event, values: int, chars: int, alias: str | None) -> None:
        """Add a node (or what an alias repeats) to the file's totals; past a budget, stop here."""
        self.values += values
        self.chars += chars
        if self.values <= limits.YAML_VALUES and self.chars <= limits.YAML_CHARS:
            return
        what = (
            f"{limits.YAML_VALUES:,} values"
            if self.values > limits.YAML_VALUES
            else f"{limits.YAML_CHARS:,} characters"
        )
        if alias is None:
            self._stop(event, f"the file holds more than {what}", "a leaflet needs far fewer: is this the right file?")
        self._stop(
            event,
            f"the alias '*{alias}' makes the file hold more than {what} once aliases are expanded",
            "each alias repeats all of what its anchor marks: write the values out, or use fewer aliases",
        )

    def _refuse_tag(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> None:
        if event.tag is None:
            return
        tag = event.tag
        shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
        line, col = _position(event)
        self.diags.append(
            error(
                Location(self.file, line, col, self._path()),
                f"the YAML tag '{shown}' is not allowed",
                "remove it; to keep a value exactly as written, put it in quotes",
            )
        )

    def _open_anchor(self, event: yaml.NodeEvent) -> None:
        name = event.anchor or ""
        earlier = self.anchors.get(name)
        if earlier is not None:
            self._stop(
                event,
                f"the anchor '&{name}' is used twice",
                f"give each anchor its own name; the first '&{name}' is at line {earlier.line}",
            )
        self.anchors[name] = _Anchor(None, _position(event)[0])

    def _path(self) -> str:
        """The key path of the value about to be read."""
        if not self.stack:
            return ""
        top = self.stack[-1]
        if top.entries is None:
            return f"{top.path}[{len(top.items)}]"
        if top.key is not None and isinstance(top.key.node.value, str):
            return _join(top.path, top.key.node.value)
        return top.path

    def _stop(self, event: yaml.Event, message: str, hint: str) -> Never:
        line, col = _position(event)
        self.diags.append(error(Location(self.file, line, col, self._path()), message, hint))
        raise _Stop


def _position(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _bad_key(where: Location, key: _Key) -> Diagnostic:
    node = key.node
    if key.written is None or isinstance(node.value, (dict, list)):
        return error(
            where,
            f"a key must be text, not {node.kind}",
            "write a word before the ':', in quotes if it starts with [ or {",
        )
    if not key.written:
        return error(where, "a key is missing before ':'", "write the key's name before the ':'")
    return error(
        where,
        f"the key '{key.written}' is read as {node.kind}, not as text",
        f'put it in quotes: "{key.written}":',
    )


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _resolve(text: str) -> Scalar:
    """A plain scalar's value, by YAML 1.1's rules as PyYAML's SafeLoader applies them (its resolver's table)."""
    tag = _implicit_tag(text)
    if tag == _YAML_TAG + "null":
        return None
    if tag == _YAML_TAG + "bool":
        return text.lower() in ("yes", "true", "on")
    if tag == _YAML_TAG + "int":
        return _int(text)
    if tag == _YAML_TAG + "float":
        return _float(text)
    return text  # text; and dates, times, '=' and a '<<' value are kept as written


def _implicit_tag(text: str) -> str:
    table = yaml.resolver.Resolver.yaml_implicit_resolvers
    for tag, regexp in [*table.get(text[:1], []), *table.get(None, [])]:
        if regexp.match(text):
            return str(tag)
    return _YAML_TAG + "str"


def _int(text: str) -> int | str:
    """0b1010, 0x1F, 017 (octal), 1_000, -3; 1:30 (YAML 1.1's base 60) and unconvertible digits stay text."""
    digits = text.replace("_", "")
    if ":" in digits:
        return text
    sign = -1 if digits[0] == "-" else 1
    digits = digits.lstrip("+-")
    try:
        if digits.startswith("0b"):
            return sign * int(digits[2:], 2)
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        if digits.startswith("0") and digits != "0":
            return sign * int(digits, 8)
        return sign * int(digits)  # past Python's digit limit (4,300) this raises, and the text is kept
    except ValueError:
        return text


def _float(text: str) -> float | str:
    """1.5, -.5, 6.02e+23, .inf, -.Inf, .nan; 1:30.5 (base 60) stays text."""
    digits = text.replace("_", "").lower()
    if ":" in digits:
        return text
    sign = -1.0 if digits[0] == "-" else 1.0
    digits = digits.lstrip("+-")
    if digits == ".inf":
        return sign * float("inf")
    if digits == ".nan":
        return float("nan")
    try:
        return sign * float(digits)
    except ValueError:
        return text
