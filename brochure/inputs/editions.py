"""editions.yaml (a clinic group's brands, languages, layouts, papers, targets) -> the Editions, or Diagnostics.

    output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
    source: content.yaml              # the words every other content file translates (checked against it)
    layouts: [trifold, bifold, flyer, large-print]
    targets: [office, press]
    brands:
      - kit: assets/brand.yaml
        languages: [content.yaml, translations/es.yaml]
      - kit: assets/brands/maple-main/brand.yaml
        languages:
          - translations/en-US.yaml
          - content: translations/es-US.yaml
            layouts: [bifold, flyer]  # a language's own layouts, papers or targets replace its brand's
        layouts: [trifold]            # a brand's own layouts, papers or targets replace the file's
      - kit: clinics/riverside/brand.yaml
        source: clinics/riverside/content.yaml   # a brand's own words: its other content files translate them
        languages: [clinics/riverside/content.yaml, clinics/riverside/es/content.yaml]

Papers default to each brand's own paper. Paths are relative to editions.yaml and may not leave its folder. A
language that narrows the matrix is a Group of its own (the brand's kit, that one content file); languages named
one after another with their brand's matrix share one Group; the Groups keep the order the file names them in. A
batch reads the file with `alone=True`: a kit, content file or source named that is not a file is then no error of
the file but the reason its editions fail (`Group.unread`), and a content file that is not one has a Group of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path, PureWindowsPath

from brochure.diagnostics import Diagnostic, Location, closest, error, shorten
from brochure.frozen import frozen
from brochure.inputs.files import YAML_ENDINGS, name_problem, near
from brochure.inputs.reader import Reader, W, kind_name, kind_of_file, load_file
from brochure.inputs.yamltree import Node
from brochure.limits import EDITIONS, OUTPUT_FOLDERS
from brochure.vocabulary import LAYOUTS, PAPERS, TARGETS, LayoutName, PaperName, Target

FIELDS = ("brand", "language", "layout", "paper", "target")  # the {names} an output pattern may use
DEFAULT_OUTPUT = "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
_FIELD = re.compile(r"\{([^{}]*)\}")


@frozen
class Seen:
    """What one reading of editions.yaml has found of the files it names: each path resolved, each file's kind."""

    resolve: Callable[[Path], Path]
    kind: Callable[[Path, str], str | None]
    unread: dict[Location, Diagnostic] | None = None  # (alone) each file named that is not one, by where it is
    # named, and what is said of it there; None: such a file is an error of editions.yaml


@frozen
class Group:
    """One brand's part of the matrix: its kit, its content files and what it publishes them as."""

    kit: Path
    contents: tuple[Path, ...]
    content_at: tuple[Location, ...]  # where each content file is named
    layouts: tuple[LayoutName, ...]
    papers: tuple[PaperName, ...]  # () : the brand's own paper
    targets: tuple[Target, ...]
    at: Location
    source: Path | None = None  # the words its content files translate (the brand's `source:`, else the file's)
    unread: tuple[Diagnostic, ...] = ()  # why its editions cannot be built: its content file, kit or source named
    # where there is no file (load_editions(alone=True): a batch fails them, and builds the others)


@frozen
class Editions:
    path: Path
    output: str  # the pattern, relative to editions.yaml's folder
    source: Path | None
    groups: tuple[Group, ...]
    output_at: Location | None = None  # where `output:` is written (None: not written, the default)

    def count(self) -> int:
        """How many editions the file names (a brand's own paper counts once)."""
        return sum(len(g.contents) * len(g.layouts) * max(1, len(g.papers)) * len(g.targets) for g in self.groups)


def load_editions(path: Path, alone: bool = False) -> tuple[Editions | None, list[Diagnostic]]:
    """Read and validate editions.yaml; None when any error was found. `alone` (a batch's reading): a kit, content
    file or source named where there is no file (gone, misspelt, a folder) is held in the Groups that name it
    (`Group.unread`), whose editions fail alone, not an error of the file."""
    return load_file(path, "editions", "pass the path of an editions.yaml", lambda r, root: _read(r, root, path, alone))


def _read(r: Reader, root: Node, path: Path, alone: bool) -> Editions | None:
    top = r.mapping(root, "", ("brands",), ("output", "source", "layouts", "papers", "targets"))
    if top is None:
        return None
    base = path.parent
    seen = Seen(cache(Path.resolve), cache(kind_of_file), {} if alone else None)  # (once per path: a file may
    # name one thousands of times)
    output = _output(r, top.get("output"))
    source = _file(r, top["source"], "source", base, seen) if "source" in top else None
    unread = _unread(seen, r.at(top["source"], "source")) if source is not None else ()
    layouts = _words(r, top.get("layouts"), "layouts", LAYOUTS) or LAYOUTS
    papers = _words(r, top.get("papers"), "papers", PAPERS) or ()
    targets = _words(r, top.get("targets"), "targets", TARGETS) or TARGETS
    groups = []
    for i, node in enumerate(r.seq(top.get("brands"), "brands") or []):
        groups += _group(r, node, f"brands[{i}]", base, seen, (layouts, papers, targets), (source, unread))
    _one_source_each(r, groups, seen, base)
    if unread and not any(unread[0] in g.unread for g in groups):  # (alone, and no edition fails for it)
        r.warn(
            unread[0].location,
            f"{unread[0].message}, and no edition translates it (every brand names its own source, or none is a"
            " translation): it is not read",
            "check the path (relative to editions.yaml), or remove this 'source:'",
        )
    output_at = r.at(top["output"], "output") if "output" in top else None
    editions = Editions(path, output or DEFAULT_OUTPUT, source, tuple(groups), output_at)
    if alone and editions.count() > EDITIONS:  # (a batch's reading: each fails or is built, and listed in the
        # manifest and contact sheet; `build`, `check`, `watch` and `serve` read it for one edition's source and
        # choices, and take a file of any size)
        r.fail(
            r.key_at(top["brands"], "brands"),
            f"the file names {editions.count():,} editions (its brands' languages, layouts, papers and targets): at"
            f" most {EDITIONS:,} are built by one batch",
            "split the group into several editions files, each with its own folder in 'output:'",
        )
    if any(d.is_error for d in r.diags) or output is None:
        return None
    return editions


def _group(
    r: Reader, node: Node, path: str, base: Path, seen: Seen, given: Matrix, words: tuple[Path | None, Unread]
) -> list[Group]:
    """A brand's Groups: its kit, languages and matrix, and the words its content files translate (its own
    `source:`, a clinic's own words, else the file's: `words`, with what is said of it where it is not a file)."""
    m = r.mapping(node, path, ("kit", "languages"), ("layouts", "papers", "targets", "source"))
    if m is None:
        return []
    kit = _file(r, m["kit"], f"{path}.kit", base, seen) if "kit" in m else None
    kit_unread = _unread(seen, r.at(m["kit"], f"{path}.kit")) if kit is not None else ()
    source, source_unread = words
    if "source" in m:
        source = _file(r, m["source"], f"{path}.source", base, seen)
        source_unread = _unread(seen, r.at(m["source"], f"{path}.source")) if source is not None else ()
    items = r.seq(m.get("languages"), f"{path}.languages") or []
    own = _matrix(r, m, path, given)
    languages = [_language(r, n, f"{path}.languages[{j}]", base, seen, own) for j, n in enumerate(items)]
    if kit is None or not languages or any(language is None for language in languages):
        return []
    groups: list[Group] = []
    for content, at, matrix in (language for language in languages if language is not None):
        translated = source is not None and seen.resolve(source) != seen.resolve(content)  # (the source: not checked)
        unread = (*_unread(seen, at), *kit_unread, *(source_unread if translated else ()))  # (its own first)
        last = groups[-1] if groups else None
        if last is not None and (last.layouts, last.papers, last.targets) == matrix == own and last.unread == unread:
            groups[-1] = replace(last, contents=(*last.contents, content), content_at=(*last.content_at, at))
        else:
            groups.append(Group(kit, (content,), (at,), *matrix, r.at(node, path), source, unread))
    return groups


Unread = tuple[Diagnostic, ...]  # what is said of a file named where there is none (one error; none: it is a file)


def _unread(seen: Seen, at: Location) -> Unread:
    """What is said of the file named `at`, where there is no file (alone); () where there is one."""
    said = seen.unread.get(at) if seen.unread is not None else None
    return (said,) if said is not None else ()


def _one_source_each(r: Reader, groups: list[Group], seen: Seen, base: Path) -> None:
    """An error where a kit and content file are named again with another source than before (two entries of one
    kit, one with a `source:` of its own): its editions would be checked against two sources, and `serve` would
    take the first."""
    taken: dict[tuple[Path, Path], Path | None] = {}
    for group in groups:
        source = seen.resolve(group.source) if group.source is not None else None
        for content, at in zip(group.contents, group.content_at, strict=True):
            key = (seen.resolve(group.kit), seen.resolve(content))
            if taken.setdefault(key, source) != source:
                r.fail(
                    at,
                    f"'{content.relative_to(base).as_posix()}' is named for the kit"
                    f" {group.kit.relative_to(base).as_posix()} again with another source",
                    "give the kit's entries the same 'source:' (a brand's own, or the file's)",
                )


Matrix = tuple[tuple[LayoutName, ...], tuple[PaperName, ...], tuple[Target, ...]]  # layouts, papers, targets


def _matrix(r: Reader, m: dict[str, Node], path: str, given: Matrix) -> Matrix:
    """The layouts, papers and targets a brand or language publishes: its own where it names them, else `given`."""
    own_layouts = _words(r, m.get("layouts"), f"{path}.layouts", LAYOUTS)
    own_papers = _words(r, m.get("papers"), f"{path}.papers", PAPERS)
    own_targets = _words(r, m.get("targets"), f"{path}.targets", TARGETS)
    return own_layouts or given[0], own_papers or given[1], own_targets or given[2]


def _language(
    r: Reader, node: Node, path: str, base: Path, seen: Seen, given: Matrix
) -> tuple[Path, Location, Matrix] | None:
    """One of a brand's languages: a content file's path, or `{content: PATH, layouts: [...], ...}` for a language
    published in fewer (or other) layouts, papers or targets than its brand's."""
    if not isinstance(node.value, dict):
        file = _file(r, node, path, base, seen)
        return None if file is None else (file, r.at(node, path), given)
    m = r.mapping(node, path, ("content",), ("layouts", "papers", "targets"))
    if m is None or "content" not in m:
        return None
    matrix = _matrix(r, m, path, given)
    file = _file(r, m["content"], f"{path}.content", base, seen)
    return None if file is None else (file, r.at(m["content"], f"{path}.content"), matrix)


def _output(r: Reader, node: Node | None) -> str | None:
    """The output pattern: a relative path ending .pdf, using only FIELDS, each edition's own (all five)."""
    if node is None:
        return DEFAULT_OUTPUT
    value = r.text(node, "output", printed=False)
    if value is None:
        return None
    names = _FIELD.findall(value)
    unknown = [n for n in names if n not in FIELDS]
    missing = [f for f in FIELDS if f not in names]
    problem = ""
    if unknown:
        meant = closest(unknown[0], FIELDS)
        problem = f"the output pattern has an unknown {{{unknown[0]}}}" + (f": {{{meant}}}?" if meant else "")
    elif missing:
        problem = f"the output pattern leaves out {{{missing[0]}}}: two editions would be written to one file"
    elif "\\" in value:  # (a Windows path's backslashes are part of one file's name here, on Linux and macOS)
        problem = "the output pattern has a '\\': folders are divided by '/' (out/{brand}/...), on Windows too"
    elif ".." in Path(value).parts:
        problem = "the output pattern has '..': write it without (its PDFs go in the editions file's folder or in it)"
    elif value.startswith("/") or PureWindowsPath(value).drive:
        problem = (
            f"the output pattern starts with '{PureWindowsPath(value).drive or '/'}': it is a path from the folder "
            "of the editions file (out/...)"
        )
    elif not value.endswith(".pdf"):
        problem = "the output pattern does not end .pdf (in small letters)"
    elif any(unicodedata.category(ch) == "Cc" for ch in value):
        ch = next(ch for ch in value if unicodedata.category(ch) == "Cc")
        problem = f"the output pattern has a control character (U+{ord(ch):04X}), which breaks file names in scripts"
    elif len(Path(value).parts) > OUTPUT_FOLDERS + 1:
        problem = (
            f"the output pattern nests its PDFs {len(Path(value).parts) - 1} folders deep: at most {OUTPUT_FOLDERS}"
        )
    else:
        try:
            named = value.format(**dict.fromkeys(FIELDS, "x"))
        except (ValueError, KeyError, IndexError, AttributeError):
            problem = "the output pattern has a '{' or '}' that is not part of a {name}"
        else:
            if any(part.startswith(".") for part in Path(named).parts):  # ('.pdf' alone, '.drafts/')
                problem = "the output pattern names a hidden file or folder (a name starting with '.'), which a file "
                problem += "browser does not show"
        if "{{" in value or "}}" in value:  # (a brace of the file's name: its PDFs were never found again, and
            # every edition was built on every run)
            problem = "the output pattern has a '{{' or '}}': braces stand only round a {name}"
    if problem:
        r.fail(
            r.at(node, "output"),
            problem,
            f"use all of {', '.join('{' + f + '}' for f in FIELDS)} in a relative path ending .pdf, e.g. "
            + DEFAULT_OUTPUT,
        )
        return None
    return value


def _file(r: Reader, node: Node, path: str, base: Path, seen: Seen) -> Path | None:
    """A file named relative to editions.yaml, inside its folder, that exists and is not clearly of another kind
    than the one named there (a content file, or a kit's brand.yaml) (`seen`: what this reading has found)."""
    value = r.text(node, path, printed=False)
    if value is None:
        return None
    problem = name_problem(value)
    if problem:
        r.fail(r.at(node, path), f"'{shorten(value, 60)}' cannot name a file: {problem}", "check the path")
        return None
    file = base / value  # as written, from editions.yaml's folder (messages name it so)
    if seen.resolve(base) not in seen.resolve(file).parents:
        r.fail(r.at(node, path), f"'{value}' is outside the folder of editions.yaml", "keep kits and words beside it")
        return None
    if not file.is_file():
        inside = file / ("brand.yaml" if path.endswith(".kit") else "content.yaml")  # (a folder named: its file)
        mean = f"did you mean '{value.rstrip('/')}/{inside.name}'? " if file.is_dir() and inside.is_file() else ""
        said = error(
            r.at(node, path),
            f"'{value}' is not a file",
            (mean or near(value, file, YAML_ENDINGS)) + f"check the path (relative to {Path(r.file).name})",
        )
        if seen.unread is None:
            r.diags.append(said)
            return None
        seen.unread[said.location] = said  # (alone: its editions fail, where they are named)
        return file
    asked = "brand" if path.endswith(".kit") else "content"
    other = seen.kind(seen.resolve(file), asked)
    if other is not None:
        r.fail(r.at(node, path), f"'{value}' is {kind_name(other)}, not {kind_name(asked).split(' (')[0]}", _USE[other])
        return None
    return file


_USE = {  # where each kind of file is named in editions.yaml
    "content": "name a content file under a brand's 'languages:' (or as 'source:', the words the others translate)",
    "brand": "name a kit's brand.yaml as a brand's 'kit:'",
    "editions": "an editions file is given to `brochure batch`, not named in another",
}


def _words(r: Reader, node: Node | None, path: str, words: tuple[W, ...]) -> tuple[W, ...] | None:
    """A list of words of one vocabulary (layouts, papers or targets), each once; None when not given."""
    if node is None:
        return None
    chosen = [r.choice(n, f"{path}[{i}]", words) for i, n in enumerate(r.seq(node, path) or [])]
    return tuple(dict.fromkeys(w for w in chosen if w is not None)) or None
