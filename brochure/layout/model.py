"""The layout's output as data: pages -> placed flowables, links and bookmarks, in sheet coordinates."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.platypus import Flowable

from brochure.geometry.sheet import Rect, Sheet, Side


@dataclass(frozen=True)
class Placed:
    """A measured flowable at its place; `text` marks items that must keep to the safe zone."""

    flowable: Flowable
    box: Rect
    region: str
    section: str = ""
    text: bool = True
    bookmark: str = ""  # set on a section's heading: the outline entry that points here

    def moved(self, dy: float) -> Placed:
        return replace(self, box=Rect(self.box.x, self.box.y + dy, self.box.w, self.box.h))


@dataclass(frozen=True)
class Link:
    url: str
    box: Rect


@dataclass(frozen=True)
class Bookmark:
    title: str
    key: str
    top: float


@dataclass(frozen=True)
class Page:
    side: Side
    items: tuple[Placed, ...]
    links: tuple[Link, ...]
    bookmarks: tuple[Bookmark, ...]


@dataclass(frozen=True)
class Layout:
    """Everything the renderer draws; nothing here touches a canvas."""

    sheet: Sheet
    pages: tuple[Page, ...]
    outline: tuple[tuple[str, str], ...]  # (title, bookmark key) in reading order
    qr: QrPlacement | None = None
    views: tuple[tuple[tuple[int, str], ...], ...] = ()  # (page, panel) seen at each reading step
    body_size: float = 0.0  # the body type size the words were fitted at


@dataclass(frozen=True)
class QrPlacement:
    """Where the QR code sits (page index, box including its quiet zone) and what it must decode to."""

    url: str
    page: int
    box: Rect
    modules: int
    quiet_modules: int
