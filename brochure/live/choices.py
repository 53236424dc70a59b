"""editions.yaml (or the files given) -> the brand kits and content files a live preview can switch between.

A kit is offered with the content files (languages) editions.yaml lists for it; the kit and content file given on
the command line are always offered, with or without editions.yaml. `--language es` and `--edition
clearwater/es/bifold` pick among them, as `brochure batch` names its editions (brand/language/layout/paper/target).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from brochure.frozen import frozen
from brochure.inputs.brand import kit_identity, load_brand
from brochure.inputs.content import load_content
from brochure.inputs.editions import Editions
from brochure.output.files import same_file
from brochure.vocabulary import (
    LAYOUTS,
    PAPERS,
    TARGETS,
    LayoutName,
    PaperName,
    Target,
    is_layout,
    is_paper,
    is_target,
    language_base,
)


@frozen
class Words:
    """One content file: its path and the language it says it is in (its file name when it cannot be read)."""

    path: Path
    language: str


@frozen
class Kit:
    """One brand kit and the content files it publishes."""

    path: Path
    name: str  # the clinic's name (the file's folder when the kit cannot be read)
    id: str
    languages: tuple[Words, ...]


@frozen
class Choice:
    """What is built and shown: one kit, one content file, a layout, a paper (None: the kit's) and a target."""

    kit: Path
    content: Path
    layout: LayoutName = "trifold"
    paper: PaperName | None = None
    target: Target = "office"


@frozen
class Choices:
    """Every kit and content file on offer, and the source the other content files editions.yaml names translate
    (if known)."""

    kits: tuple[Kit, ...]
    sources: tuple[tuple[Path, Path, Path], ...] = ()  # each kit and content file editions.yaml names, and the
    # words they translate (a brand's `source:`, else the file's)

    def source_of(self, kit: Path, content: Path) -> Path | None:
        """The content file `content` translates for the kit, by editions.yaml: its source, when editions.yaml
        names `content` for the kit and it is not the source itself; else None (a file given with --content alone
        is no translation)."""
        return next(
            (
                source
                for named_kit, named, source in self.sources
                if kit_identity(named_kit) == kit_identity(kit)
                and same_file(named, content)
                and not same_file(source, content)
            ),
            None,
        )

    def kit(self, path: Path) -> Kit | None:
        return next((k for k in self.kits if kit_identity(k.path) == kit_identity(path)), None)

    def words(self, kit: Path, content: Path) -> Words | None:
        found = self.kit(kit)
        return next((w for w in found.languages if same_file(w.path, content)), None) if found else None

    def switch_kit(self, choice: Choice, kit: Kit) -> Choice:
        """The choice moved to another kit: the same content file if the kit publishes it, else one in the same
        language, else one in a form of it (Spanish, es, to the US kit's es-US), else the kit's first."""
        now = self.words(choice.kit, choice.content)
        language = now.language.lower() if now else ""
        same = next((w for w in kit.languages if same_file(w.path, choice.content)), None)
        alike = next((w for w in kit.languages if w.language.lower() == language), None)
        base = language_base(language) if language else ""
        kin = next((w for w in kit.languages if base and language_base(w.language.lower()) == base), None)
        content = (same or alike or kin or kit.languages[0]).path
        return replace(choice, kit=kit.path, content=content)


def offered(editions: Editions | None, brand: Path, content: Path) -> Choices:
    """The kits and content files on offer: editions.yaml's (each file read once for its name and language),
    with the given kit and content file first."""
    pairs: list[tuple[Path, list[Path]]] = [(brand, [content])]
    for group in editions.groups if editions else ():
        kit = next((files for path, files in pairs if kit_identity(path) == kit_identity(group.kit)), None)
        if kit is None:
            pairs.append((group.kit, list(group.contents)))
        else:
            kit += [c for c in group.contents if not any(same_file(c, known) for known in kit)]
    languages: dict[Path, Words] = {}
    kits = []
    for path, files in pairs:
        words = []
        for file in files:
            key = file.resolve()
            if key not in languages:
                loaded, _ = load_content(file)
                languages[key] = Words(file, loaded.language if loaded else file.stem)
            words.append(replace(languages[key], path=file))
        loaded_kit, _ = load_brand(path)
        name, kit_id = (loaded_kit.name, loaded_kit.id) if loaded_kit else (path.parent.name, path.parent.name)
        kits.append(Kit(path, name, kit_id, tuple(words)))
    groups = editions.groups if editions else ()
    sources = tuple((g.kit, c, g.source) for g in groups if g.source is not None for c in g.contents)
    return Choices(tuple(kits), sources)


def pick_language(choices: Choices, choice: Choice, language: str) -> Choice | str:
    """The choice moved to the kit's content file in `language` (a tag, or its first part: 'es', 'en-US'), or why
    there is none."""
    kit = choices.kit(choice.kit)
    assert kit is not None
    found = _in_language(kit, language)
    if len(found) != 1:
        have = ", ".join(w.language for w in kit.languages)
        many = "more than one content file is" if found else "no content file is"
        said = f"--language {language}: {many} in that language for {kit.path} (offered: {have})"
        other = next((k for k in choices.kits if k.path != kit.path and len(_in_language(k, language)) == 1), None)
        if not found:  # (the README's `watch --language es`, run without the clinic's kit: no hint followed)
            hint = f"the kit {other.path} has one: --brand {other.path}" if other else "give --content FILE"
            said += f" (hint: {hint})"
        return said
    return replace(choice, content=found[0].path)


def _in_language(kit: Kit, language: str) -> list[Words]:
    """The kit's content files in `language` (a tag, or its first part): those of the very tag, else of its
    language."""
    want = language.lower()
    exact = [w for w in kit.languages if w.language.lower() == want]
    return exact or [w for w in kit.languages if w.language.lower().split("-")[0] == want.split("-")[0]]


def pick_edition(choices: Choices, choice: Choice, name: str) -> Choice | str:
    """The choice moved to the edition named as `brochure batch` names it, brand/language[/layout[/paper[/target]]]
    (e.g. 'clearwater/es/bifold/a4/office'; what the name leaves out stays as chosen), or why there is none."""
    parts = name.strip("/").split("/")
    if not 2 <= len(parts) <= 5:
        return f"--edition {name}: name it as BRAND/LANGUAGE[/LAYOUT[/PAPER[/TARGET]]], e.g. clearwater/es/trifold"
    brand, language, *rest = parts
    kit = next((k for k in choices.kits if k.id == brand), None)
    if kit is None:
        return f"--edition {name}: no brand '{brand}' (offered: {', '.join(k.id for k in choices.kits)})"
    words = next((w for w in kit.languages if w.language.lower() == language.lower()), None)
    if words is None:
        have = ", ".join(w.language.lower() for w in kit.languages)
        return f"--edition {name}: {brand} has no content file in '{language}' (offered: {have})"
    choice = replace(choice, kit=kit.path, content=words.path)
    for word, valid, what in zip(rest, (LAYOUTS, PAPERS, TARGETS), ("layout", "paper", "target"), strict=False):
        if word not in valid:
            return f"--edition {name}: '{word}' is not a {what} (valid: {', '.join(valid)})"
        if is_layout(word):
            choice = replace(choice, layout=word)
        elif is_paper(word):
            choice = replace(choice, paper=word)
        elif is_target(word):
            choice = replace(choice, target=word)
    return choice
