"""YAML text -> a tree of Node values that remember their line and column (or Diagnostics)."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from brochure.diagnostics import Diagnostic, Location, error

Scalar = str | int | float | bool | None


@dataclass(frozen=True)
class Node:
    """A YAML value with its 1-based position; mappings and lists hold Nodes."""

    value: Scalar | dict[str, Node] | list[Node]
    line: int
    column: int
    key_line: int = 0
    key_column: int = 0

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


def parse(text: str, file: str) -> tuple[Node | None, list[Diagnostic]]:
    """Parse one YAML document; duplicate keys and syntax errors become diagnostics."""
    diags: list[Diagnostic] = []
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            diags.append(error(Location(file, 1, 1), "the file is empty", "see README.md for the format"))
            return None, diags
        return _convert(loader, root, file, diags), diags
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "not valid YAML"
        diags.append(
            error(
                Location(file, line, col),
                f"YAML syntax: {problem}",
                "check indentation, and quote text that contains ': ' or starts with * [ & { or a quote",
            )
        )
        return None, diags
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        diags.append(error(Location(file, 1, 1), f"YAML: {exc}", "check the file is valid YAML"))
        return None, diags
    finally:
        loader.dispose()


def _convert(loader: yaml.SafeLoader, node: yaml.Node, file: str, diags: list[Diagnostic], path: str = "") -> Node:
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            kl, kc = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                diags.append(error(Location(file, kl, kc, path), f"a key must be text, not {key!r}", "quote the key"))
                continue
            key_path = f"{path}.{key}" if path else key
            if key in out:
                diags.append(
                    error(
                        Location(file, kl, kc, key_path),
                        f"key '{key}' is given twice",
                        f"keep one of them (the first is at line {out[key].key_line})",
                    )
                )
                continue
            child = _convert(loader, value_node, file, diags, key_path)
            out[key] = Node(child.value, child.line, child.column, kl, kc)
        return Node(out, line, col)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(loader, n, file, diags, f"{path}[{i}]") for i, n in enumerate(node.value)], line, col)
    value = loader.construct_object(node, deep=True)
    if not isinstance(value, (str, int, float, bool)) and value is not None:
        value = str(value)  # dates and timestamps are kept as written
    return Node(value, line, col)
