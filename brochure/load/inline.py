"""Content text with **bold**, *italic* and [label](url) -> Runs; Runs -> escaped ReportLab markup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from brochure.load.links import link_problem

_TOKEN = re.compile(
    r"\*\*(?P<bold>(?=\S)(?:[^*]|\*(?!\*))+?(?<=\S))\*\*"
    r"|\*(?P<ital>(?=[^\s*])[^*]+?(?<=\S))\*"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\)"  # one level of (...) in a URL
)


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style; href set for a link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


def parse(text: str) -> tuple[Run, ...]:
    """Split text into runs. A lone '*' or an unmatched bracket is printed as written."""
    runs: list[Run] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()]))
        if m.group("bold") is not None:
            runs.extend(_nested_italic(m.group("bold")))
        elif m.group("ital") is not None:
            runs.append(Run(m.group("ital"), italic=True))
        else:
            href = m.group("url")
            runs.extend(Run(r.text, r.bold, r.italic, href) for r in parse(m.group("label")))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return tuple(runs)


def _nested_italic(text: str) -> list[Run]:
    out: list[Run] = []
    pos = 0
    for m in re.finditer(r"\*(?=[^\s*])([^*]+?)(?<=\S)\*", text):
        if m.start() > pos:
            out.append(Run(text[pos : m.start()], bold=True))
        out.append(Run(m.group(1), bold=True, italic=True))
        pos = m.end()
    if pos < len(text):
        out.append(Run(text[pos:], bold=True))
    return out


def links(text: str) -> list[str]:
    """The link targets written in text, each once, in order."""
    return list(dict.fromkeys(r.href for r in parse(text) if r.href))


def bad_links(text: str) -> list[str]:
    """The link targets in text that are not safe http(s), mailto: or tel: addresses."""
    return [href for href in links(text) if link_problem(href)]


def plain(text: str) -> str:
    """The characters that will be printed (marks removed)."""
    return "".join(r.text for r in parse(text))


def upper(text: str) -> str:
    """The printed characters in capitals, as a capitalised line (the cover's kicker) prints them: 'ß' -> 'SS'."""
    return "".join(r.text.upper() for r in parse(text))


def escape_text(text: str) -> str:
    """Plain text as ReportLab paragraph markup: every character printed as written ('&', '<', '>', quotes)."""
    return escape(text, {'"': "&quot;", "'": "&#39;"})


def link_markup(label_markup: str, url: str, color: str = "", live: bool = True) -> str:
    """Already-escaped label markup as a link to url; a url that is not a safe link prints the label alone."""
    if not live or link_problem(url):
        return label_markup
    shade = f" color={quoteattr(color)}" if color else ""
    return f"<a href={quoteattr(url)}{shade}>{label_markup}</a>"


def display_url(url: str) -> str:
    """A web address as printed: no 'https://', no query or fragment, no trailing '/'."""
    rest = url.split("://", 1)[1] if "://" in url else url
    return rest.split("#", 1)[0].split("?", 1)[0].rstrip("/")


def to_markup(text: str, link_color: str = "", links: bool = True, capitals: bool = False) -> str:
    """Escaped ReportLab paragraph markup: only our marks become tags, '&' and '<' stay text.

    `capitals` prints the runs upper-cased (the marks still apply); links go to their targets as written."""
    parts: list[str] = []
    for run in parse(text):
        s = escape_text(run.text.upper() if capitals else run.text)
        if run.italic:
            s = f"<i>{s}</i>"
        if run.bold:
            s = f"<b>{s}</b>"
        if run.href:
            s = link_markup(s, run.href, link_color, links)
        parts.append(s)
    return "".join(parts)
