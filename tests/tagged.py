"""A tagged PDF -> its structure tree with the words of each element, and the marked content of each page, read
with pikepdf alone (no brochure code): what a screen reader is given (an element's /ActualText in place of its
glyphs; a marked-content span's too, which brochure no longer writes).

`python tests/tagged.py FILE.pdf` prints the leaflet as a screen reader reads it in structure order: headings
announced with their level, lists with their length, figures by their text alternative, links named.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

SHOWS = {"Tj", "TJ", "'", '"'}  # text-showing operators
PAINTS = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Do"} | SHOWS  # operators that put marks on a page


@dataclass
class Marked:
    """A marked-content sequence as a page's content stream has it: its tag, MCID (None: none, as artifacts),
    how deep it is nested in other marked content, the words it shows and the text objects (lines) they are in."""

    page: int
    tag: str
    mcid: int | None
    depth: int
    words: list[tuple[int, str]] = field(default_factory=list)  # (text object, its words)
    paints: int = 0
    actual: str | None = None  # a span's /ActualText: the words its glyphs stand for (shaped text)

    @property
    def text(self) -> str:
        return join(self.words)


@dataclass
class Page:
    marked: list[Marked]
    unmarked: list[str]  # operators that paint outside any marked content
    unmapped: list[tuple[str, int]]  # (font, code) of glyphs shown that no ToUnicode entry maps (or maps to U+0000)


@dataclass
class Node:
    """A structure element: its type, attributes and kids (elements, marked content as (page, MCID), and the
    annotations it owns)."""

    kind: str
    obj: pikepdf.Dictionary
    kids: list[Node | tuple[int, int]] = field(default_factory=list)
    annotations: list[pikepdf.Dictionary] = field(default_factory=list)

    @property
    def alt(self) -> str:
        return str(self.obj.get("/Alt", ""))

    @property
    def elements(self) -> list[Node]:
        return [k for k in self.kids if isinstance(k, Node)]

    @property
    def own(self) -> list[tuple[int, int]]:
        """Its own marked content: (page, MCID)."""
        return [k for k in self.kids if not isinstance(k, Node)]

    def walk(self) -> Iterator[Node]:
        yield self
        for k in self.kids:
            if isinstance(k, Node):
                yield from k.walk()

    def contents(self) -> Iterator[tuple[int, int]]:
        """Its marked content and that of the elements under it, in order."""
        for k in self.kids:
            if isinstance(k, Node):
                yield from k.contents()
            else:
                yield k


def join(words: list[tuple[int, str]]) -> str:
    """Words shown by text objects, in order: a new text object (a new line) is a word break where the line's
    own words have none (as a screen reader reads a line break), none after a soft hyphen (U+00AD, a word broken
    there, which a reader reads whole: it is left out)."""
    out = ""
    last = None
    for obj, text in words:
        if out.endswith("\xad"):
            out = out[:-1]
        elif last is not None and obj != last and out and not out[-1].isspace() and not text[:1].isspace():
            out += " "
        out += text
        last = obj
    return out


class Tagged:
    """A tagged PDF opened for reading: its pages' marked content and its structure tree."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.pages = [_read_page(pdf, i) for i in range(len(pdf.pages))]
        self.by_mcid = {(m.page, m.mcid): m for page in self.pages for m in page.marked if m.mcid is not None}
        index = {page.objgen: i for i, page in enumerate(pdf.pages)}
        tree = pdf.Root.get("/StructTreeRoot")
        self.root = _node(tree.K, index, None) if tree is not None else None

    def text(self, node: Node) -> str:
        """The words of an element and of those under it, in structure order."""
        return join(self._words(node))

    def _words(self, node: Node) -> list[tuple[int, str]]:
        """(text object, words) of an element and those under it; an element with an /ActualText is read as that
        (in its first text object), not its glyphs: shaped text, as a screen reader reads it."""
        words: list[tuple[int, str]] = []
        for kid in node.kids:
            if isinstance(kid, Node):
                words += self._words(kid)
                continue
            m = self.by_mcid.get(kid)
            if m is not None:
                words += [(kid[0] * 100_000 + obj, w) for obj, w in m.words]
        if "/ActualText" in node.obj:
            return [(words[0][0] if words else -1, str(node.obj.ActualText))]
        return words

    def blocks(self) -> list[tuple[str, str]]:
        """(type, words) of each element a reader meets as a block, in structure order: headings, paragraphs,
        labels, captions, and figures (by their text alternative)."""
        assert self.root is not None
        out: list[tuple[str, str]] = []
        for node in self.root.walk():
            block = node.kind in ("P", "Lbl", "Caption") or re.fullmatch(r"H\d", node.kind)
            if node.kind == "Figure":
                out.append((node.kind, node.alt))
            elif block and not _inside(node, "Figure"):
                out.append((node.kind, " ".join(self.text(node).split())))
        return out

    def read_aloud(self) -> list[str]:
        """The leaflet as a screen reader announces it, a line per element."""
        assert self.root is not None
        lines: list[str] = []
        self._say(self.root, lines)
        return lines

    def _say(self, node: Node, lines: list[str]) -> None:
        words = " ".join(self.text(node).split())
        if re.fullmatch(r"H\d", node.kind):
            lines.append(f"heading level {node.kind[1]}: {words}")
            return
        if node.kind == "Figure":
            lines.append(f"graphic: {node.alt}")
            return
        if node.kind == "L":
            items = [k for k in node.kids if isinstance(k, Node) and k.kind == "LI"]
            lines.append(f"list of {len(items)} items")
        if node.kind == "LI":
            lines.append("- " + words)
            return
        if node.kind in ("P", "Caption"):
            links = [" ".join(self.text(n).split()) for n in node.walk() if n.kind == "Link"]
            lines.append(words + "".join(f"  [link: {w}]" for w in links))
            return
        for k in node.kids:
            if isinstance(k, Node):
                self._say(k, lines)


def _inside(node: Node, kind: str) -> bool:
    parent = node.obj.get("/P")
    while parent is not None and parent.get("/Type") == "/StructElem":
        if str(parent.S) == "/" + kind:
            return True
        parent = parent.get("/P")
    return False


def _node(obj: pikepdf.Object, pages: dict[tuple[int, int], int], page: int | None) -> Node:
    if "/Pg" in obj:
        page = pages[obj.Pg.objgen]
    node = Node(str(obj.S)[1:], obj)
    kids = obj.get("/K")
    for k in kids if isinstance(kids, pikepdf.Array) else ([kids] if kids is not None else []):
        if isinstance(k, int):
            assert page is not None, "marked content with no page"
            node.kids.append((page, int(k)))
        elif k.get("/Type") == "/MCR":
            node.kids.append((pages[k.Pg.objgen], int(k.MCID)))
        elif k.get("/Type") == "/OBJR":
            node.annotations.append(k.Obj)
        else:
            node.kids.append(_node(k, pages, page))
    return node


def _unicode(font: pikepdf.Dictionary) -> dict[int, str]:
    """A simple font's ToUnicode map: code -> characters (U+0000 entries left out: they map to nothing)."""
    cmap = font.get("/ToUnicode")
    if cmap is None:
        return {}
    out: dict[int, str] = {}
    data = cmap.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, chars in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            text = bytes.fromhex(chars).decode("utf-16-be")
            if text != "\x00":
                out[int(code, 16)] = text
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, start in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(start, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(first + i)
    return out


def _read_page(pdf: pikepdf.Pdf, index: int) -> Page:
    page = pdf.pages[index]
    fonts = {str(name): _unicode(font) for name, font in page.Resources.get("/Font", {}).items()}
    result = Page([], [], [])
    stack: list[Marked] = []
    font = ""
    text_object = 0
    for operands, op in pikepdf.parse_content_stream(page):
        o = str(op)
        if o in ("BDC", "BMC"):
            mcid = None
            if o == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                mcid = int(operands[1].MCID)
            m = Marked(index, str(operands[0])[1:], mcid, len(stack))
            if o == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/ActualText" in operands[1]:
                m.actual = str(operands[1].ActualText)
            stack.append(m)
            result.marked.append(m)
        elif o == "EMC":
            done = stack.pop()
            if done.actual is not None and stack:  # what the glyphs stand for, as a screen reader reads it
                stack[-1].words.append((text_object, done.actual))
        elif o == "BT":
            text_object += 1
        elif o == "Tf":
            font = str(operands[0])
        if o in PAINTS:
            if not stack:
                result.unmarked.append(o)
            else:
                stack[-1].paints += 1
        if o in SHOWS:
            strings = operands[-1] if o != "TJ" else [s for s in operands[0] if isinstance(s, pikepdf.String)]
            codes = b"".join(bytes(s) for s in (strings if isinstance(strings, list) else [strings]))
            table = fonts.get(font, {})
            result.unmapped += [(font, c) for c in codes if c not in table]
            if stack:
                stack[-1].words.append((text_object, "".join(table.get(c, "\ufffd") for c in codes)))
    return result


def main(args: list[str]) -> int:
    """Print a tagged PDF as a screen reader reads it; 1 with a line on standard error when it cannot be read."""
    if args[:1] in (["-h"], ["--help"]):
        print("usage: python tests/tagged.py [FILE.pdf]   (default: out/clearwater-en-gb-trifold-a4-office.pdf)")
        print("prints the leaflet as a screen reader reads it, in structure order")
        return 0
    path = args[0] if args else str(Path("out") / "clearwater-en-gb-trifold-a4-office.pdf")
    if not Path(path).is_file():
        print(f"tagged.py: error: {path} is not a file (hint: build it first: make leaflet)", file=sys.stderr)
        return 1
    try:
        with pikepdf.open(path) as pdf:
            if "/StructTreeRoot" not in pdf.Root:
                print(
                    f"tagged.py: error: {path} is not tagged: it has no structure tree (hint: give an office edition;"
                    " the press edition is not tagged)",
                    file=sys.stderr,
                )
                return 1
            lines = list(Tagged(pdf).read_aloud())
    except (OSError, pikepdf.PdfError) as exc:
        print(f"tagged.py: error: cannot read {path} as a PDF: {exc} (hint: build it again)", file=sys.stderr)
        return 1
    try:
        for line in lines:
            print(line, flush=True)
    except BrokenPipeError:  # (read by `head`, which stopped reading)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
