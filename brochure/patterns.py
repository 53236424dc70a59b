"""A pattern's text -> a regular expression compiled at its first use (`Later`), or at the first text that may hold
what it matches (`Letters`).

Python compiles a pattern in 0.1 to 3 ms (a character class of large ranges of the Basic Multilingual Plane, CJK's,
the slowest), and most of a build's patterns are compiled as their modules are imported. Those a build needs only
for words it seldom meets (Arabic letters in an address, a date typed otherwise than ISO, CJK letters) wait here
until then: each method answers as the compiled pattern's does."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cached_property


class Later:
    """A regular expression compiled when first used; its search, match, fullmatch, findall, finditer and sub."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def findall(self, text: str) -> list[str]:
        return self.compiled.findall(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(replacement, text, count)


class Letters(Later):
    """A pattern that starts with a character class whose lowest code point is `floor`: a text whose characters all
    lie below the floor cannot match, and is answered without compiling; the pattern is compiled at the first text
    that might match."""

    def __init__(self, pattern: str, floor: str) -> None:
        super().__init__(pattern)
        self.floor = floor

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text) if text and max(text) >= self.floor else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text) if text and text[0] >= self.floor else None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text) if text and text[0] >= self.floor else None

    def findall(self, text: str) -> list[str]:
        return self.compiled.findall(text) if text and max(text) >= self.floor else []

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text) if text and max(text) >= self.floor else iter(())
