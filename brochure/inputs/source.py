"""A YAML file's path -> its text (a regular file, within limits.YAML_BYTES, UTF-8), or the Diagnostic why not."""

from __future__ import annotations

from pathlib import Path

from brochure import limits
from brochure.diagnostics import Diagnostic, Location, error
from brochure.inputs.files import NOT_FOUND, YAML_ENDINGS, near, read_bytes
from brochure.inputs.yamltree import line_column

_SAVE_AS_UTF8 = "open it in a text editor and save it as UTF-8; in Notepad: File > Save as > Encoding: UTF-8"
_BOM = b"\xef\xbb\xbf"


def read_source(path: Path, what: str, missing_hint: str) -> str | Diagnostic:
    """The file's text; a folder, device, pipe or socket is refused from its stat, without being opened."""
    file = str(path)
    data, why = read_bytes(path, limits.YAML_BYTES)
    if data is None:
        if why == NOT_FOUND:
            return error(Location(file), f"{what} file not found", near(file, path, YAML_ENDINGS) + missing_hint)
        hint = (
            f"a leaflet's {what} file is a few kilobytes: check that this is the right file"
            if "allowed" in why
            else "save the text to a .yaml file and pass that file's path"
        )
        inside = path / _NAMED.get(what, "content.yaml")  # (`--brand clinics/sunrise`: its brand.yaml meant)
        if why == "it is a folder" and inside.is_file():
            hint = f"did you mean {inside}?"
        at = Location(file, 1, 1) if "allowed" in why else Location(file)  # (a file too large is at its start, as
        # one of another kind is; a folder, a device or a file not there has no line)
        if why.startswith("it "):  # "it is a folder" -> "the content file is a folder"
            return error(at, f"the {what} file {why.removeprefix('it ')}", hint)
        return error(Location(file), f"cannot read the {what} file: {why}", hint)
    return decode(data, file, what)


_NAMED = {"brand": "brand.yaml", "editions": "editions.yaml"}  # the file a folder given for each holds (else its
# content.yaml)


def decode(data: bytes, file: str, what: str) -> str | Diagnostic:
    """UTF-8 text (a leading byte-order mark is dropped); otherwise what the file is (a picture, a PDF, a font, a
    Word file: its path was wrong), or where it fails and the likely encoding."""
    kind = _binary_kind(data, texts=False)  # (a signature no text starts with: before a UTF-16 file's zero bytes)
    if kind:
        return _not_text(file, what, kind)
    wide = _wide_encoding(data)
    if wide == "binary":
        return error(
            Location(file, 1, 1), f"the {what} file is not text: it is mostly zero bytes", "check the file's path"
        )
    if wide:
        return error(Location(file, 1, 1), f"the {what} file is saved as {wide}, not as UTF-8", _SAVE_AS_UTF8)
    data = data.removeprefix(_BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        kind = _binary_kind(data, texts=True)  # (a PDF starts `%PDF-`, as a text may: it is told so only here)
        if kind:
            return _not_text(file, what, kind)
        before = data[: exc.start].decode("utf-8")
        line, col = line_column(before, len(before))
        byte = data[exc.start : exc.start + 1]
        try:
            data.decode("cp1252")
            likely, meant = "Windows-1252", byte.decode("cp1252")
        except UnicodeDecodeError:
            likely, meant = "Latin-1 (ISO-8859-1)", byte.decode("latin-1")
        means = f", where it means '{meant}'" if meant.isprintable() else ""
        return error(
            Location(file, line, col),
            f"the {what} file is not UTF-8: byte 0x{byte[0]:02X} here cannot be read"
            f" (the file looks like {likely}{means})",
            _SAVE_AS_UTF8,
        )


_BINARY = (  # what a file given as words really is, by its first bytes: those no text starts with, then those a
    # text may start with (`OTTO: 1` is YAML), told only of a file that is not UTF-8
    (b"\x89PNG\r\n\x1a\n", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"PK\x03\x04", "a ZIP archive (a Word, Excel or PowerPoint file?)"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel file (.doc, .xls)"),
    (b"\x00\x01\x00\x00", "a TrueType font"),
)
_BINARY_OR_TEXT = (
    (b"%PDF-", "a PDF document"),
    (b"GIF8", "a GIF picture"),
    (b"OTTO", "an OpenType font"),
    (b"wOFF", "a WOFF web font"),
    (b"wOF2", "a WOFF2 web font"),
)


def _binary_kind(data: bytes, texts: bool) -> str:
    """What kind of file these bytes are when they are a known kind that is not text ('' otherwise); `texts`: of
    the kinds whose first bytes a text may start with too."""
    kinds = _BINARY_OR_TEXT if texts else _BINARY
    return next((name for magic, name in kinds if data.startswith(magic)), "")


def _not_text(file: str, what: str, kind: str) -> Diagnostic:
    article = "an" if what[:1] in "aeiou" else "a"
    hint = f"check the file's path: {article} {what} file is YAML text, see README.md"
    return error(Location(file, 1, 1), f"the {what} file is not text: it is {kind}", hint)


def _wide_encoding(data: bytes) -> str:
    """'UTF-16' or 'UTF-32' when the byte-order mark or the share of zero bytes says so ('binary' past 90 %)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:4096]
    zeros = head.count(0)
    if zeros * 10 >= len(head) * 9 and zeros > 3:
        return "binary"
    if zeros * 10 >= len(head) * 6 and zeros > 2:
        return "UTF-32"  # English text in UTF-32 is three zero bytes in four
    if zeros and zeros * 10 >= len(head):
        return "UTF-16"  # ... in UTF-16 one in two; a zero byte in UTF-8 text is a stray NUL, reported as such
    return ""
