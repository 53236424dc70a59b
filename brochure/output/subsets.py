"""A PDF open in pikepdf -> its font subsets renamed with a tag each of their own, made from the subset's bytes.

ReportLab tags the first subset of every font `AAAAAA+` (the second `AAAAAB+`, ...), so every font of a file, and
the same font in every edition, carries the same tag. ISO 32000-1 (9.6.4) asks that different subsets in one file
have different tags; the tag is there so that a RIP or an imposition program that puts several files on one sheet
never takes one leaflet's subset of a font for another's. Here each subset's tag is six capital letters from a
digest of its font program and name: the same subset gets the same tag (builds stay byte-identical), another
subset another tag.
"""

from __future__ import annotations

import hashlib
import re

import pikepdf
from pikepdf import Name

from brochure.theme.tounicode import FILE_MARK

_TAGGED = re.compile(r"^/[A-Z]{6}\+(.+)$")


def tag_subsets(doc: pikepdf.Pdf) -> None:
    """Give every embedded subset (a BaseFont `XXXXXX+Name` with a font program) a tag made from its bytes, in the
    font and its descriptor alike; two different subsets never share one."""
    given: dict[str, bytes] = {}  # tag -> the digest of the subset that has it
    for obj in doc.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != Name.Font:
            continue
        match = _TAGGED.match(str(obj.get("/BaseFont", "")))
        descriptor = obj.get("/FontDescriptor")
        program = _program(descriptor)
        if match is None or descriptor is None or program is None:
            continue
        font = FILE_MARK.sub("", match.group(1))  # (the font's own name, without the mark of its file)
        digest = hashlib.sha256(font.encode() + b"\0" + program.read_raw_bytes()).digest()
        tag = _tag(digest, given)
        name = Name(f"/{tag}+{font}")
        obj.BaseFont = name
        descriptor.FontName = name


def _program(descriptor: pikepdf.Object | None) -> pikepdf.Stream | None:
    if not isinstance(descriptor, pikepdf.Dictionary):
        return None
    for key in ("/FontFile2", "/FontFile", "/FontFile3"):
        stream = descriptor.get(key)
        if isinstance(stream, pikepdf.Stream):
            return stream
    return None


def _tag(digest: bytes, given: dict[str, bytes]) -> str:
    """Six capital letters from the digest; if another subset has them already, the next six (and so on)."""
    for start in range(0, len(digest) - 5):
        tag = "".join(chr(ord("A") + b % 26) for b in digest[start : start + 6])
        if given.setdefault(tag, digest) == digest:
            return tag
    raise AssertionError("no free subset tag")  # 27 tries at 26**6 each: never for a leaflet's dozen fonts
