"""The `references:` of content.yaml and the [^id] citations in its texts -> frozen References, or Diagnostics."""

from __future__ import annotations

import re
from urllib.parse import quote

from brochure import limits
from brochure.diagnostics import Location, closest, did_you_mean, shorten
from brochure.frozen import frozen
from brochure.inputs.inline import KEY, citations, near_citations
from brochure.inputs.links import web_problem
from brochure.inputs.reader import Reader, one_language
from brochure.inputs.yamltree import Node
from brochure.vocabulary import language_problem


@frozen
class Reference:
    """One source: `id` is what a text cites as [^id]; `text` the full Vancouver reference; `short` the form a
    folded leaflet prints (first author, journal, year, volume and pages); a DOI or a web address; the language
    it is written in, where it is not the leaflet's (a screen reader reads it in that language)."""

    id: str
    text: str
    doi: str | None
    url: str | None
    at: Location
    short: str | None = None
    language: str | None = None  # `language:`, a BCP 47 tag, where it is not the leaflet's (an English source)
    places: tuple[tuple[str, Location], ...] = ()  # where its `doi:` and `url:` are written

    def field_at(self, name: str) -> Location:
        """Where one of its fields (`doi`, `url`) is written (the reference's own place when it is not)."""
        return dict(self.places).get(name, self.at)

    @property
    def doi_url(self) -> str:
        """The DOI as a link to its resolver ('' without a DOI)."""
        return "https://doi.org/" + quote(self.doi, safe="/:;()._-") if self.doi else ""


_DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)


def read_references(r: Reader, node: Node | None) -> tuple[Reference, ...] | None:
    """`references:` as a list of {id, text, doi?, url?}; then every citation in the printed texts is checked
    against the ids (an unknown one is an error at its text), and a reference nothing cites is a warning."""
    items = r.seq(node, "references") if node is not None else []
    if items is None:
        return None
    refs: list[Reference] = []
    ids: dict[str, Location] = {}  # every well-formed id, so one bad field does not make its citations unknown
    ok = True
    for i, item in enumerate(items):
        ref = _read_reference(r, item, f"references[{i}]", ids)
        ok = ok and ref is not None
        if ref is not None:
            refs.append(ref)
    _check_citations(r, ids)
    return tuple(refs) if ok else None


def _read_reference(r: Reader, item: Node, path: str, ids: dict[str, Location]) -> Reference | None:
    if isinstance(item.value, str):
        r.fail(
            r.at(item, path),
            "a reference is now a mapping with an id, not a line of text",
            f"write '- id: {_suggest_id(item.value)}' with the words under it as 'text: ...' (and 'doi: 10....' if it "
            f"has one), then cite it after the claim it supports as [^{_suggest_id(item.value)}]",
        )
        return None
    m = r.mapping(item, path, ("id", "text"), ("short", "doi", "url", "language"))
    if m is None:
        return None
    rid = r.text(m.get("id"), f"{path}.id", printed=False)
    if rid is not None:
        at = r.at(m["id"], f"{path}.id")
        if not re.fullmatch(KEY, rid):
            r.fail(
                at,
                f"reference id '{rid}' has characters other than a-z, 0-9 and '-'",
                f"use lowercase letters, digits and hyphens, e.g. '{_suggest_id(rid)}' (first author and year)",
            )
            rid = None
        elif rid in ids:
            r.fail(at, f"reference id '{rid}' is used twice", f"first used at line {ids[rid].line}; ids must be unique")
            rid = None
        else:
            ids[rid] = r.at(item, path)
    text = _reference_text(r, m, path, "text")
    short = _reference_text(r, m, path, "short") if "short" in m else None
    doi = _read_doi(r, m.get("doi"), f"{path}.doi") if "doi" in m else None
    url = r.text(m.get("url"), f"{path}.url", printed=False) if "url" in m else None
    if url is not None:
        why = web_problem(url)
        if why:
            r.fail(r.at(m["url"], f"{path}.url"), f"the address '{url}' {why}", "write the full https:// address")
            url = None
    if rid is None or text is None or ("doi" in m and doi is None) or ("url" in m and url is None):
        return None
    language = r.text(m.get("language"), f"{path}.language", printed=False) if "language" in m else None
    if language is not None and language_problem(language):
        r.fail(r.at(m["language"], f"{path}.language"), language_problem(language), "e.g. language: en")
        return None
    if ("short" in m and short is None) or ("language" in m and language is None):
        return None
    places = tuple((key, r.at(m[key], f"{path}.{key}")) for key in ("doi", "url") if key in m)
    return Reference(rid, text, doi, url, r.at(item, path), short, language, places)


def _reference_text(r: Reader, m: dict[str, Node], path: str, key: str) -> str | None:
    """A reference's `text` or `short`: printed text that may not itself cite."""
    text = r.text(m.get(key), f"{path}.{key}")
    if one_language(
        r,
        m.get(key),
        f"{path}.{key}",
        text,
        "a reference",
        "it is read as one piece, a link where it has a DOI or address, in its own language",
        "say the source's language with its 'language:' (language: es), and write its words as published",
    ):
        return None
    if text is not None and citations(text):
        r.fail(
            r.at(m[key], f"{path}.{key}"),
            f"a reference cites '[^{citations(text)[0]}]': references cannot cite",
            "remove the [^...] mark from the reference",
        )
        return None
    return text


def _read_doi(r: Reader, node: Node | None, path: str) -> str | None:
    """A DOI as written after 'doi:', e.g. 10.1001/jamadermatol.2013.8687."""
    doi = r.text(node, path, printed=False)
    if doi is None or node is None:
        return None
    bare = _DOI_PREFIX.sub("", doi)
    if bare != doi and _DOI.match(bare):
        r.fail(r.at(node, path), f"'{doi}' has a prefix before the DOI", f"write the DOI alone: {bare}")
        return None
    if not _DOI.match(doi):
        r.fail(
            r.at(node, path),
            f"'{doi}' is not a DOI",
            "a DOI starts with '10.', 4 to 9 digits and '/', e.g. 10.1001/jamadermatol.2013.8687"
            "; for a source without one, use 'url:'",
        )
        return None
    return doi


def _suggest_id(text: str) -> str:
    """An id for a reference written as text: its first word and first year, e.g. 'alam2014'."""
    word = re.sub(r"[^a-z0-9-]", "", (text.split() or ["ref"])[0].lower()) or "ref"
    year = re.search(r"(?:19|20)[0-9]{2}", text)
    return word + (year.group(0) if year else "")


def _check_citations(r: Reader, ids: dict[str, Location]) -> None:
    """Every [^key] in a printed text names a reference (error at the text); every reference is cited (warning).
    At most limits.CITATION_PROBLEMS unknown citations, and marks that only look like one, are named one by one."""
    cited: set[str] = set()
    unknown: list[tuple[str, Location]] = []
    near: list[tuple[str, Location]] = []
    for text, at in list(r.strings):
        if at.key.startswith("references["):
            continue
        keys = citations(text)
        unknown += [(key, at) for key in keys if key not in ids]
        if keys and ".labels." in at.key:
            r.fail(at, "a drawing's label cannot carry a citation", "cite the source in the drawing's caption")
        cited.update(keys)
        near += [(mark, at) for mark in dict.fromkeys(near_citations(text))]
    most = limits.CITATION_PROBLEMS
    for key, at in unknown[:most]:
        hint = _which(key, ids)
        r.fail(at, f"the citation '[^{key}]' names no reference", hint)
    if len(unknown) > most:
        r.fail(
            unknown[most][1],
            f"{len(unknown) - most} more citations name no reference",
            "each [^id] must match an 'id:' under 'references:'",
        )
    for mark, at in near[:most]:
        r.warn(
            at,
            f"'{shorten(mark)}' is not a citation (a reference's id is lowercase letters, digits and hyphens), "
            "so it prints as written",
            "write the id as it is under 'references:', e.g. [^alam2014]",
        )
    if len(near) > most:
        r.warn(near[most][1], f"{len(near) - most} more marks look like citations but are not", "")
    if any(d.is_error for d in r.diags):  # (a text refused is not among the strings: what it cites would be said to
        return  # be cited nowhere; said once the errors are mended)
    for rid, at in ids.items():
        if rid not in cited:
            r.warn(
                at,
                f"reference '{rid}' is not cited anywhere, so no layout prints it",
                f"cite it after the claim it supports as [^{rid}], or remove it",
            )


def _which(key: str, ids: dict[str, Location]) -> str:
    """A hint for a citation of an unknown key: the id it likely means, else how to find or add one."""
    if not ids:
        return f"add a reference with 'id: {key}' under 'references:'"
    if closest(key, ids) or len(ids) <= 8:
        return did_you_mean(key, ids)
    return "each [^id] must match an 'id:' under 'references:'"
