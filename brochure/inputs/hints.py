"""A section's layout hints in content.yaml (`keep: together`, `break: before`) -> Hints, or Diagnostics.

keep: together                      # never split between panels or pages, in every layout
break: before                       # start a new panel (a column on the flyer, a page in large print)
break: {trifold: before, large-print: before}   # only in the layouts named
"""

from __future__ import annotations

from typing import Literal

from brochure.diagnostics import Location, closest
from brochure.frozen import frozen
from brochure.inputs.reader import Reader
from brochure.inputs.yamltree import Node
from brochure.vocabulary import LAYOUTS, LayoutName, is_layout

HintKind = Literal["keep", "break"]
WORDS: dict[HintKind, str] = {"keep": "together", "break": "before"}  # each hint's one value
HINT_KEYS: tuple[HintKind, ...] = ("keep", "break")


@frozen
class Hint:
    """A section's hint, the layouts it applies in, and where it is written (for messages when it cannot hold)."""

    kind: HintKind
    layouts: tuple[LayoutName, ...]
    at: Location

    @property
    def written(self) -> str:
        return f"{self.kind}: {WORDS[self.kind]}"


def read_hints(r: Reader, section: dict[str, Node], path: str) -> tuple[Hint, ...] | None:
    """The section's hints (none when it has none); None when one is wrong (reported)."""
    out: list[Hint] = []
    ok = True
    for kind in HINT_KEYS:
        node = section.get(kind)
        if node is None:
            continue
        hint = _read_hint(r, node, f"{path}.{kind}", kind)
        if hint is None:
            ok = False
        else:
            out.append(hint)
    return tuple(out) if ok else None


def _read_hint(r: Reader, node: Node, path: str, kind: HintKind) -> Hint | None:
    if not isinstance(node.value, dict):
        return Hint(kind, LAYOUTS, r.at(node, path)) if _word(r, node, path, kind) else None
    m = r.mapping(node, path, (), LAYOUTS)
    if m is None:
        return None
    layouts: list[LayoutName] = []
    for layout, child in m.items():
        if not is_layout(layout) or not _word(r, child, f"{path}.{layout}", kind):
            return None
        layouts.append(layout)
    return Hint(kind, tuple(layouts), r.at(node, path))


def _word(r: Reader, node: Node, path: str, kind: HintKind) -> bool:
    """Whether the value is the hint's one word ('together', 'before'); else an error."""
    word = WORDS[kind]
    value = node.value.strip() if isinstance(node.value, str) else None
    if value == word:
        return True
    hint = f"write '{kind}: {word}'" + (f", or per layout: '{kind}: {{trifold: {word}}}'" if kind == "break" else "")
    if value is not None and closest(value, [word]):
        hint = f"did you mean '{word}'? {hint}"
    r.fail(r.at(node, path), f"'{kind}' takes '{word}', not {repr(value) if value is not None else node.kind}", hint)
    return False
