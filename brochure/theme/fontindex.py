"""A search word -> the installable fontpkg-* families it matches, each static (a kit can use it) or not.

brochure ships a list of the fontpkg families (data/fontpkg-families.json, made by scripts/make_font_catalogue.py
from fontpkg's own catalogue and checked against the wheels on PyPI): each family's package, its static upright
weights, whether it has italics, whether it comes only as a variable font, and whether it was on PyPI when the
list was made. Searching it needs no network. PyPI is asked (with a short deadline, never with --offline) only
what the list cannot answer: whether a family it has not seen published is on PyPI now, and, for a word that
names no family in it, whether a package `fontpkg-WORD` exists; that one's newest wheel is then judged from its
metadata.json, read with HTTP range requests (a few kilobytes of a wheel of several megabytes).
"""

from __future__ import annotations

import io
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

from packaging.version import InvalidVersion, Version

from brochure.frozen import frozen, mutable
from brochure.inputs.names import slug
from brochure.theme.catalog import family_problem

INDEX = "https://pypi.org/simple/"  # PyPI's simple API (PEP 691 JSON); BROCHURE_INDEX_URL points elsewhere
SECONDS = 5.0  # the most a search waits for PyPI, all questions together
ASKED = 8  # the most families a search asks PyPI about (the list answers for the rest)
METADATA_BYTES = 1 << 20  # a wheel's metadata.json is a few kilobytes; more is not a fontpkg wheel
_BLOCK = 1 << 16
KINDS = {
    "SANS_SERIF": "sans-serif",
    "SERIF": "serif",
    "DISPLAY": "display",
    "HANDWRITING": "handwriting",
    "MONOSPACE": "monospace",
}


@frozen
class Installable:
    """One fontpkg family as pip would install it, and whether a brand kit can use it."""

    name: str
    package: str  # fontpkg-lato
    version: str  # the font's version, as the package gives it (pip's pin: `pin`)
    weights: tuple[int, ...]  # static upright weights (none: variable-only)
    italic: bool  # has static italics
    variable: bool  # ships (also) as a variable font
    kinds: tuple[str, ...]  # sans-serif, serif, display, handwriting, monospace
    on_pypi: bool | None  # published (None: not known: PyPI could not be asked)
    asked: bool = False  # on_pypi is PyPI's answer now, not the list's

    @property
    def problem(self) -> str:
        """Why a kit cannot use it ('' if it can)."""
        return family_problem(self.weights, self.variable)

    @property
    def pin(self) -> str:
        """The line for requirements.txt: fontpkg-lato==2.15 (the version as pip writes it)."""
        try:
            return f"{self.package}=={Version(self.version)}"
        except InvalidVersion:
            return self.package


@frozen
class Listing:
    """brochure's list: when it was made, from what, and its families."""

    made: str
    source: str
    families: tuple[Installable, ...]


@frozen
class Found:
    """What a search found: the families matched, and what PyPI said (or why it could not be asked)."""

    word: str
    families: tuple[Installable, ...]
    listing: Listing
    network: str  # '' when PyPI answered every question asked (or none was needed); else why it did not


def listing() -> Listing:
    """The list shipped with brochure."""
    return _listing(resources.files("brochure").joinpath("data/fontpkg-families.json").read_text(encoding="utf-8"))


@cache
def _listing(text: str) -> Listing:
    data = json.loads(text)
    rows = tuple(
        Installable(name, package, version, tuple(weights), italic, variable, tuple(kinds), on_pypi)
        for name, package, version, weights, italic, variable, kinds, on_pypi in data["families"]
    )
    return Listing(str(data["made"]), str(data["source"]), rows)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def searched(word: str) -> str:
    """A search word as package names write it: lower-case words joined by hyphens, accents dropped (ñandú is
    nandu: dropping the letters left 'and'), a package's prefix left out (fontpkg-lato is lato)."""
    return slug(re.sub(r"^\s*fontpkg[-_ ]", "", word, flags=re.IGNORECASE))


def package_for(word: str) -> str:
    """The package a search word would name ('' for a word with no letter or digit to name one by)."""
    words = searched(word)
    return f"fontpkg-{words}" if words else ""


def matches(word: str, families: Iterable[Installable]) -> list[Installable]:
    """The families whose name or package has the word (spaces, hyphens and case aside), or whose kind starts
    with it ('sans', 'serif', 'hand'); usable ones first, then by name."""
    key = _squash(searched(word))
    if not key:
        return []
    found = [
        f
        for f in families
        if key in _squash(f.name)
        or key in _squash(f.package.removeprefix("fontpkg-"))
        or any(_squash(kind).startswith(key) for kind in f.kinds)
    ]
    return sorted(found, key=lambda f: (bool(f.problem), f.name.lower()))


def search(word: str, *, offline: bool = False, index: str | None = None) -> Found:
    """The families matching a word; PyPI is asked what the list cannot say (unless offline)."""
    shipped = listing()
    found = matches(word, shipped.families)
    if offline:
        return Found(word, tuple(found), shipped, "")
    pypi = Index(index or os.environ.get("BROCHURE_INDEX_URL") or INDEX)
    package = package_for(word)
    if not found and package:
        try:
            wheel = pypi.newest_wheel(package)
            fam = judge_wheel(pypi, wheel, package) if wheel else None
        except IndexProblem as exc:
            return Found(word, (), shipped, str(exc))
        return Found(word, (fam,) if fam else (), shipped, "")
    unseen = [f for f in found if not f.on_pypi][:ASKED]
    answers: dict[str, bool | None] = {}
    network = ""
    for fam in unseen:
        try:
            answers[fam.package] = pypi.newest_wheel(fam.package) is not None
        except IndexProblem as exc:
            network = str(exc)
            break
    now = [
        replace(f, on_pypi=answers[f.package], asked=True) if answers.get(f.package) is not None else f for f in found
    ]
    return Found(word, tuple(now), shipped, network)


class IndexProblem(Exception):
    """PyPI could not be asked (offline, slow, or an answer that makes no sense); the message says which."""


@mutable
class Index:
    """A package index's simple API (PEP 691 JSON) and its files, asked within one deadline."""

    url: str
    seconds: float = SECONDS
    started: float = 0.0

    def _left(self) -> float:
        if not self.started:
            self.started = time.monotonic()
        left = self.seconds - (time.monotonic() - self.started)
        if left <= 0:
            raise IndexProblem(f"PyPI did not answer within {self.seconds:g} s")
        return left

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> tuple[int, bytes]:
        """(status, body) of one GET; 404 is an answer (no such package), other failures are IndexProblem. Only
        web addresses are asked: an index's answer naming a file:// or ftp:// address is not opened."""
        if urllib.parse.urlsplit(url).scheme not in ("https", "http"):
            raise IndexProblem(f"PyPI's answer names an address that is not a web address: {_shown(url)}")
        request = urllib.request.Request(url, headers={"User-Agent": "brochure-fonts", **(headers or {})})
        try:
            with _web_only().open(request, timeout=self._left()) as response:
                status = response.status
                if not isinstance(status, int):
                    raise IndexProblem(f"PyPI's answer for {_shown(url)} is not a web page's")
                return status, response.read(METADATA_BYTES + _BLOCK)
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return 404, b""
            raise IndexProblem(f"PyPI answered {exc.code} for {url}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise IndexProblem(f"PyPI could not be reached ({reason})") from None

    def newest_wheel(self, package: str) -> dict[str, Any] | None:
        """The newest wheel's file entry ({filename, url, size}) of a project, or None when there is none."""
        status, body = self.get(
            self.url.rstrip("/") + f"/{package}/", {"Accept": "application/vnd.pypi.simple.v1+json"}
        )
        if status == 404:
            return None
        try:
            files = json.loads(body)["files"]
        except (ValueError, KeyError, TypeError, RecursionError):
            files = None
        if not isinstance(files, list):
            raise IndexProblem(f"PyPI's answer about {package} is not the JSON simple API")
        wheels = [f for f in files if isinstance(f, dict) and str(f.get("filename", "")).endswith(".whl")]
        wheels = [f for f in wheels if not f.get("yanked")]
        page = self.url.rstrip("/") + f"/{package}/"  # (a file's address may be relative to the project's page)
        newest = max(wheels, key=lambda f: _wheel_version(str(f["filename"])), default=None)
        return {**newest, "url": urllib.parse.urljoin(page, str(newest.get("url", "")))} if newest else None

    def ranged(self, url: str, size: int) -> _Ranged:
        return _Ranged(self, url, size)


class _WebRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect to a web address only: an index's answer redirecting to ftp:// or file:// is refused."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme not in ("https", "http"):
            raise IndexProblem(f"PyPI's answer redirects to an address that is not a web address: {_shown(newurl)}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _web_only() -> urllib.request.OpenerDirector:
    """An opener of web addresses alone (urllib's own also opens ftp:// and file:// addresses), through the
    environment's proxies as urllib's would."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _WebRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener


def _wheel_version(filename: str) -> Version:
    try:
        return Version(filename.split("-")[1])
    except (IndexError, InvalidVersion):
        return Version("0")


class _Ranged(io.RawIOBase):
    """A remote file read in 64 KiB blocks by HTTP range requests, for zipfile (which reads the end first)."""

    def __init__(self, index: Index, url: str, size: int) -> None:
        super().__init__()
        self.index, self.url, self.size, self.pos = index, url, size, 0
        self.blocks: dict[int, bytes] = {}

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.pos, io.SEEK_END: self.size}[whence]
        self.pos = max(0, min(self.size, base + offset))
        return self.pos

    def read(self, n: int | None = -1) -> bytes:
        end = self.size if n is None or n < 0 else min(self.size, self.pos + n)
        out = b"".join(self._block(b)[max(0, self.pos - b) : end - b] for b in range(self._start(), end, _BLOCK))
        self.pos = end
        return out

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _start(self) -> int:
        return self.pos - self.pos % _BLOCK

    def _block(self, start: int) -> bytes:
        if start not in self.blocks:
            if len(self.blocks) >= 16:
                raise IndexProblem("the wheel's metadata is spread over too much of it")
            last = min(self.size, start + _BLOCK) - 1
            status, body = self.index.get(self.url, {"Range": f"bytes={start}-{last}"})
            if status == 200 and len(body) >= last + 1:  # a server that ignores Range sends the whole file
                body = body[start : last + 1]
            if len(body) != last + 1 - start:
                raise IndexProblem("PyPI's file server did not send the part of the wheel asked for")
            self.blocks[start] = body
        return self.blocks[start]


def judge_wheel(index: Index, wheel: Mapping[str, Any], package: str) -> Installable:
    """A fontpkg wheel judged from its metadata.json, read by range requests."""
    size = wheel.get("size")
    url = str(wheel.get("url", ""))
    if not isinstance(size, int) or size <= 0 or not url:
        raise IndexProblem(f"PyPI's answer about {package} gives no size or address for its wheel")
    module = package.replace("-", "_")
    try:
        with zipfile.ZipFile(index.ranged(url, size)) as z:
            info = z.getinfo(f"{module}/metadata.json")
            if info.file_size > METADATA_BYTES:
                raise IndexProblem(f"{package}'s metadata.json is too large to be a fontpkg family's")
            meta = json.loads(z.read(info))
    # (a damaged wheel: bad compressed data, a compression or encryption zipfile does not know)
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
        raise IndexProblem(f"{package}'s wheel has no readable fontpkg metadata.json ({_shown(str(exc))})") from None
    except RecursionError:
        raise IndexProblem(f"{package}'s metadata.json is not a fontpkg family's") from None
    try:
        return from_metadata(meta, package, on_pypi=True)
    except (ValueError, TypeError, AttributeError, OverflowError):
        raise IndexProblem(f"{package}'s metadata.json is not a fontpkg family's") from None


def _shown(text: str) -> str:
    """Text from the network as a message may show it: printable, at most 120 characters."""
    return "".join(ch if ch.isprintable() else "?" for ch in text[:120])


def from_metadata(meta: Mapping[str, Any], package: str, on_pypi: bool | None) -> Installable:
    """A family judged from a fontpkg metadata.json: its static upright weights, italics, variable files."""
    if not isinstance(meta, Mapping):
        raise TypeError("metadata.json is not an object")
    files = [f for f in meta.get("files", []) if isinstance(f, dict)]
    static = [f for f in files if not f.get("variable")]
    weights = sorted({int(f["weight"]) for f in static if f.get("style") == "normal" and f.get("weight") is not None})
    italic = any(f.get("style") == "italic" for f in static)
    kinds = tuple(KINDS.get(str(c), str(c).lower()) for c in meta.get("category", []))
    name, version = str(meta.get("family", package)), str(meta.get("version", ""))
    if not all(text.isprintable() and len(text) <= 100 for text in (name, version, *kinds)):
        raise ValueError("a family name, version or kind that cannot be printed as it is")
    return Installable(
        name,
        package,
        version,
        tuple(weights),
        italic,
        any(f.get("variable") for f in files),
        kinds,
        on_pypi,
        asked=on_pypi is not None,
    )
