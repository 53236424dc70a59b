"""Editions (editions.yaml) -> the work: each kit and content file read once, the outputs checked for clashes,
each edition stamped with what it depends on, and those that stand as the last run made them settled."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path
from types import MappingProxyType

from brochure import limits
from brochure.batch.manifest import THUMBS, known_of, manifest_path
from brochure.batch.records import (
    UNREAD_PAPER,
    Job,
    Kit,
    Kits,
    Known,
    Loaded,
    Outcome,
    Reached,
    Task,
    digest,
    failed_name,
    files_digest,
    inputs_of,
    kit_digest,
    name_and_output,
    pictures_of,
    reached,
    tool,
    unchanged,
)
from brochure.diagnostics import Diagnostic, Location, error, warning
from brochure.frozen import frozen
from brochure.inputs.brand import Brand, kit_files, kit_identity, load_brand
from brochure.inputs.content import Content, load_content
from brochure.inputs.editions import Editions, Group
from brochure.inputs.files import read_bytes
from brochure.inputs.inline import display_url
from brochure.preflight.dates import check_dates, today
from brochure.vocabulary import PaperName

PICTURE_BYTES = 4 * 2**20  # a page picture the manifest records is never larger (they are 20-60 KB)


def read_contents(editions: Editions) -> Loaded:
    """Every content file the editions name, read once in this process (for the clash check and the stamps)."""
    loaded: Loaded = {}
    resolve = cache(Path.resolve)  # (once per path as written: a file may name one thousands of times, each long)
    for group in editions.groups:
        for content in group.contents:
            if resolve(content) not in loaded:
                loaded[resolve(content)] = load_content(content)[0]
    return loaded


def read_kits(editions: Editions) -> Kits:
    """Every kit the editions name, read once in this process: its id and paper (the outputs' names), the hash of
    its files (the editions' stamps), and its own files (the manifest's inputs)."""
    kits: Kits = {}
    identity = cache(kit_identity)
    for group in editions.groups:
        if identity(group.kit) not in kits:
            brand, _ = load_brand(group.kit, logo=False)  # (its logo is read where it is built)
            kits[identity(group.kit)] = (
                (
                    brand.id,
                    brand.paper,
                    kit_digest(brand),
                    _kit_own_files(group.kit, brand),
                    brand.name,
                    _reached(brand),
                )
                if brand is not None
                else None
            )
    return kits


_CONTACTS = {"address": "address", "phone": "phone number", "email": "email", "website": "website",
             "booking_url": "booking address"}  # fmt: skip


def _reached(brand: Brand) -> Reached:
    """How patients reach the clinic, each line as compared with another kit's."""
    c = brand.contact
    values = {
        "address": " ".join(c.address.casefold().replace(",", " ").split()),
        "phone": c.phone_link or c.phone,
        "email": c.email.casefold(),
        "website": display_url(c.website).casefold(),
        "booking_url": display_url(c.booking_url).casefold(),
    }
    return brand.group or "", tuple((key, values[key], brand.where(f"contact.{key}")) for key in _CONTACTS)


def unchecked_translations(editions: Editions, loaded: Loaded) -> list[Diagnostic]:
    """A warning where editions.yaml names a content file that is a translation (its `document.translation`) with
    no source to check it against (no `source:`, the brand's or the file's): its editions were built unchecked
    (a number changed in translating printed), as `brochure check` says of such a file given alone."""
    out: list[Diagnostic] = []
    said: set[Path] = set()
    resolve = cache(Path.resolve)  # (once per path as written, as read_contents)
    for group in (g for g in editions.groups if g.source is None):
        for content, at in zip(group.contents, group.content_at, strict=True):
            words = loaded.get(resolve(content))
            if words is None or words.document.translation is None:
                continue
            if resolve(content) not in said:
                said.add(resolve(content))
                out.append(
                    warning(
                        at,
                        f"{os.path.relpath(content, editions.path.parent)} is a translation (its"
                        " document.translation), and no source is named for it: its editions are not checked against"
                        " the words it translates (its sections, numbers, links and citations)",
                        "name the content file it translates in editions.yaml: 'source: FILE' at the top, or under"
                        " its brand",
                    )
                )
    return out


def shared_contacts(editions: Editions, kits: Kits) -> list[Diagnostic]:
    """A warning at a kit's contact lines where another kit of the batch, a clinic of another name, gives them all
    (a kit copied to start another clinic's, only its name changed, printed the first clinic's details on the
    second's leaflets), or, the two not of one group (a kit's `group:`, else its own name), its address or two of
    its phone number, email, website and booking address (a group's clinics may share a booking line and site, or
    one hospital's address)."""
    return [said for _, said in kit_warnings(editions, kits)]


def kit_warnings(editions: Editions, kits: Kits) -> list[tuple[str, Diagnostic]]:
    """shared_contacts's warnings, each with the id of the clinic it concerns (the kit whose lines are another's:
    the contact sheet shows it under that clinic)."""
    found: list[tuple[str, Diagnostic]] = []
    seen: list[tuple[Path, Kit]] = []
    holders: dict[tuple[str, str], list[int]] = {}  # a contact line's value -> the kits seen that give it
    for group in editions.groups:
        kit = kits.get(kit_identity(group.kit))
        if kit is None or any(kit is k for _, k in seen):
            continue
        (mine, lines), name = kit[5], kit[4].casefold()
        near = sorted({i for key, value, _ in lines for i in holders.get((key, value), [])})
        for path, other in (seen[i] for i in near):
            if other[4].casefold() == name:
                continue  # (one clinic's kits: another paper, another logo)
            theirs, their_lines = other[5]
            same = [(key, at) for (key, value, at), (_, v, _) in zip(lines, their_lines, strict=True) if value == v]
            keys = [key for key, _ in same]
            copied = len(keys) == len(lines)
            apart = (mine or kit[4]).casefold() != (theirs or other[4]).casefold()  # (a group's own kit: its name)
            if copied or (apart and ("address" in keys or len(keys) >= 2)):
                named = ", ".join(_CONTACTS[k] for k in keys[:-1]) + (" and " if len(keys) > 1 else "")
                hint = f"give {kit[4]} its own contact: lines" + (
                    " (a kit copied to start another clinic's keeps the first clinic's)"
                    if copied
                    else f", or, if the two are clinics of one group, say so in its kit: group: {theirs or other[4]}"
                )
                said = warning(
                    same[0][1],
                    f"{kit[4]} ({group.kit}) gives the same {named}{_CONTACTS[keys[-1]]} as {other[4]} ({path}): "
                    f"its leaflets would send {kit[4]}'s patients to {other[4]}",
                    hint,
                )
                found.append((kit[0], said))
                break
        for key, value, _ in lines:
            holders.setdefault((key, value), []).append(len(seen))
        seen.append((group.kit, kit))
    return found


def collisions(editions: Editions, loaded: Loaded, kits: Kits | None = None) -> list[Diagnostic]:
    """Editions that would be written to one file: a kit and content file named twice, two kits with one id, two
    content files in one language. One error per content file named, where it is named (the first CLASHES_SAID,
    then how many more)."""
    seen: dict[str, str] = {}
    found: list[Diagnostic] = []
    named: dict[tuple[object, Path], set[tuple[str, str, str]]] = {}  # a kit and content file -> its editions
    listed: dict[tuple[object, ...], Location] = {}  # a brand's content file and its editions -> where first named
    kits = read_kits(editions) if kits is None else kits
    identity, resolve = cache(kit_identity), cache(Path.resolve)
    for group in editions.groups:
        kit = kits.get(identity(group.kit))
        paper = kit[1] if kit is not None else UNREAD_PAPER
        jobs = {(lo, pa or paper, ta) for lo in group.layouts for pa in group.papers or (None,) for ta in group.targets}
        for content, at in zip(group.contents, group.content_at, strict=True):
            before = named.setdefault((identity(group.kit), resolve(content)), set())
            again = sorted(before & jobs)
            first = listed.setdefault((group.at, resolve(content), group.layouts, group.papers, group.targets), at)
            if first is not at:  # (twice in one brand's languages, as written or not: './words/./en.yaml')
                found.append(
                    error(
                        at,
                        f"'{content.name}' is named twice under this brand's languages (first at line {first.line}, "
                        f"column {first.column}): each of its editions would be built twice",
                        "remove one of the two",
                    )
                )
                continue
            if again:  # (named twice with editions in common: each would be built twice, to one file)
                shared = ", ".join("/".join(job) for job in again[:JOBS_SAID]) + (
                    f" and {len(again) - JOBS_SAID} more" if len(again) > JOBS_SAID else ""
                )
                found.append(
                    error(
                        at,
                        f"'{content}' is named twice for the kit {group.kit}, with editions in common: {shared}",
                        "narrow one of the two entries' layouts:, papers: or targets: so that they share none, or "
                        "name the file once",
                    )
                )
                continue
            before |= jobs
            words = loaded.get(resolve(content))
            if kit is None or words is None:
                continue  # (its editions fail, each with the reason)
            who = f"{group.kit} with {content}"
            outputs = _outputs(editions, group, kit, words.language)
            clash = next((o for o in outputs if seen.get(o, who) != who), None)
            if clash is not None:
                found.append(error(at, f"two editions would be written to {clash}: {seen[clash]}, and {who}", _TWICE))
                continue
            seen.update(dict.fromkeys(outputs, who))
    if len(found) > CLASHES_SAID:
        more = len(found) - CLASHES_SAID
        said = "1 more kit and content file" if more == 1 else f"{more} more kits and content files"
        found[CLASHES_SAID:] = [
            error(found[CLASHES_SAID].location, f"and {said} named twice or written to one file", _TWICE)
        ]
    return found


CLASHES_SAID = 20  # kits and content files named twice, said one by one; the rest counted
JOBS_SAID = 4  # of the editions a content file named twice shares, those said (layout/paper/target)


_TWICE = "give the kits different ids, and each brand one content file per language, named once"


def _outputs(editions: Editions, group: Group, kit: Kit, language: str) -> list[str]:
    """The output paths (as the pattern gives them, relative to editions.yaml's folder) of a kit's editions in a
    language."""
    return [
        editions.output.format(brand=kit[0], language=language.lower(), layout=lo, paper=pa, target=ta)
        for lo in group.layouts
        for pa in group.papers or (kit[1],)
        for ta in group.targets
    ]


def outputs(editions: Editions, loaded: Loaded, kits: Kits) -> list[Path]:
    """Every edition's output file (of the kits and content files that load)."""
    found: list[Path] = []
    identity, resolve = cache(kit_identity), cache(Path.resolve)
    for group in editions.groups:
        kit = kits.get(identity(group.kit))
        for content in group.contents:
            words = loaded.get(resolve(content))
            if kit is not None and words is not None:
                found += [editions.path.parent / o for o in _outputs(editions, group, kit, words.language)]
    return found


def tasks(
    editions: Editions, previous: dict[str, dict[str, object]], loaded: Loaded, kits: Kits | None = None
) -> list[Task]:
    """The work, grouped by kit and content file, each edition stamped with what it depends on (`kits`: as
    read_kits reads them, if the caller has them already)."""
    known = [k for k in (known_of(e) for e in previous.values()) if k is not None]
    thumbs = (manifest_path(editions).parent / THUMBS).relative_to(editions.path.parent).as_posix()
    root = "" if editions.path.is_absolute() else str(Path.cwd())
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    kits = read_kits(editions) if kits is None else kits
    out: list[Task] = []
    for group in editions.groups:
        read = kits.get(kit_identity(group.kit))
        kit = read[2] if read is not None else ""  # ('': a worker reads the kit again and says what is wrong)
        own = read[1] if read is not None else None  # (its paper: an edition on it is one, named or not)
        for content, at in zip(group.contents, group.content_at, strict=True):
            same = group.source is not None and group.source.resolve() == content.resolve()
            source = None if same else group.source
            inputs = (content, *((source,) if source else ()), *pictures_of(loaded.get(content.resolve())))
            words, named = files_digest(inputs), _named(editions, content, source)
            dated = _dated(loaded.get(content.resolve()))
            jobs = tuple(
                Job(
                    layout,
                    paper,
                    target,
                    digest(f"{tool()}|{kit}|{words}|{named}|{dated}|{epoch}|{layout}|{paper or own}|{target}".encode()),
                )
                for layout in group.layouts
                for paper in (group.papers or (None,))
                for target in group.targets
            )
            present = _present(known, {j.stamp for j in jobs}, editions)
            base, pattern = editions.path.parent, editions.output
            others = (*(read[3] if read is not None else ()), *pictures_of(loaded.get(content.resolve())))
            task = Task(
                group.kit,
                content,
                source,
                base,
                pattern,
                jobs,
                present,
                thumbs,
                root,
                tool(),
                epoch,
                kit,
                words,
                others,
                named_at=at.prefix(),
                unread=tuple(d.format() for d in group.unread),
            )
            out.append(task)
    return out


def _named(editions: Editions, content: Path, source: Path | None) -> str:
    """Where the content file and its source are, from editions.yaml's folder: a part of the stamps, as their
    findings name them (a source moved to a file of the same bytes kept its editions' findings at the old path)."""
    base = editions.path.parent
    return "|".join(os.path.relpath(p, base) for p in (content, *((source,) if source is not None else ())))


def _kit_own_files(kit: Path, brand: Brand) -> tuple[Path, ...]:
    """The files in a kit's folder it is read from besides its brand file (its logo, fonts and colour profile), as
    the editions file names the kit: what the manifest lists of the kit with their hashes (the installed font
    families are the tool's, in every edition's stamp)."""
    folder = kit.parent.resolve()
    found = [path for _, path in kit_files(brand)[1:] if path.resolve().is_relative_to(folder)]
    return tuple(kit.parent / path.resolve().relative_to(folder) for path in dict.fromkeys(found))


def _dated(words: Content | None) -> str:
    """What today's date makes of the leaflet's dates (a review date near or passed, a publication date to come),
    as a part of its editions' stamps: an edition made before its review date came near is made again, and
    reports it, not left as it was. Nothing when the dates are fine (or the words or the date cannot be read:
    the build reports those)."""
    if words is None:
        return ""
    try:
        day = today(os.environ)
    except ValueError:
        return ""
    return "; ".join(d.format() for d in check_dates(words.document, day))


def _present(known: list[Known], stamps: set[str], editions: Editions) -> tuple[Known, ...]:
    """The editions of these stamps the last manifest records whose PDF is still the one it made, and whose page
    pictures are still there (read here, where the outputs are: a worker may not see them). Only a path the output
    pattern can give is read."""
    shape = re.compile(r"[^/\\]+".join(re.escape(piece) for piece in re.split(r"\{[a-z]+\}", editions.output)))
    base = editions.path.parent
    folder = (manifest_path(editions).parent / THUMBS).relative_to(base).as_posix() + "/"
    out = []
    for was in known:
        if was.stamp not in stamps or not shape.fullmatch(was.output) or ".." in Path(was.output).parts:
            continue
        if not all(_could_be_picture(t, folder) for t in was.thumbs):  # (read only where the batch writes them)
            continue
        pictures = zip(was.thumbs, was.thumbs_sha256, strict=True)  # (the contact sheet shows them)
        if _same(base / was.output, was.size, was.sha256) and all(_same(base / t, -1, h) for t, h in pictures):
            out.append(was)
    return tuple(out)


def _could_be_picture(path: str, folder: str) -> bool:
    """Whether a path a manifest records could be one of the batch's page pictures (in its folder of pictures)."""
    return path.startswith(folder) and path.endswith(".png") and ".." not in Path(path).parts and path.isprintable()


def _same(path: Path, size: int, sha: str) -> bool:
    """Whether the file is a regular file of that size (-1: at most PICTURE_BYTES) and SHA-256: its size is
    looked at before it is read (a file put in an output's place may be of any size)."""
    try:
        st = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or (st.st_size != size if size >= 0 else st.st_size > PICTURE_BYTES):
        return False
    data, _ = read_bytes(path, size if size >= 0 else PICTURE_BYTES)  # (not opened if it turned into a pipe since)
    return data is not None and digest(data) == sha


def settle(
    task: Task, kit: tuple[str, PaperName] | None, words: Content | None, memo: dict[Path, str] | None = None
) -> tuple[list[Outcome], Task]:
    """The task's editions that stand as the last run made them (stamp and output the same, the file in place:
    `Task.known`), as outcomes, and the task with the rest of its editions and the hashes of its inputs as read
    now (`Task.seen`, which a worker's must match; `memo`: inputs_of's). Nothing is settled for a kit or content
    file with errors, nor for one that can no longer be read: a worker reports them. Every edition of a task whose
    content file, kit or source editions.yaml names where there is no file (`Task.unread`) is settled failed, with
    what editions.yaml says of it, named as a worker names a failed edition: no worker is given them."""
    inputs = inputs_of(task, memo)  # (read again: a file removed since is left to a worker, which says so)
    task = replace(task, seen=inputs)
    if task.unread:
        failed = [
            Outcome(failed_name(task, j), "", "failed", 0.0, j.stamp, task.unread, inputs=inputs) for j in task.jobs
        ]
        return failed, replace(task, jobs=())
    if not task.known or kit is None or words is None or not all(sha for _, sha in inputs):
        return [], task
    known = {k.stamp: k for k in task.known}
    done: list[Outcome] = []
    rest: list[Job] = []
    for job in task.jobs:
        name, output = name_and_output(task, job, kit, words.language)
        was = known.get(job.stamp)
        if was is not None and was.output == output:
            done.append(unchanged(name, output, job, was, inputs))
        else:
            rest.append(job)
    return done, replace(task, jobs=tuple(rest))


@frozen
class Held:
    """Every file a batch reads, by its entry in its folder (the folder's real path, links followed, and the
    file's name), with its path as the batch names it: no edition's PDF or page picture is written over one (a
    content's picture in the folder of page pictures, named as an edition's page: a batch wrote its thumbnail over
    it, and read it back next time). An output takes its path's entry (written beside it, then renamed into
    place): a hard link or a link elsewhere to an input is left as it was, and is not refused."""

    entries: Mapping[tuple[str, str], str]

    def which(self, path: Path) -> str:
        """The input whose entry `path` is, as the batch names it ('' when it is none)."""
        return self.entries.get(_entry(path), "")


def _entry(path: Path) -> tuple[str, str]:
    """A path's entry: its folder's real path and its name."""
    try:
        return os.path.realpath(path.parent), path.name
    except (OSError, ValueError):
        return str(path.parent), path.name


def held(editions: Editions, work: list[Task], loaded: Loaded) -> Held:
    """The files the batch reads: editions.yaml, and each task's words, kit, source and the other files its
    editions are made of (and the pictures a content file that does not load names: `_named_pictures`)."""
    named = {editions.path: str(editions.path)}
    for task in work:
        failed = loaded.get(task.content.resolve()) is None
        more = _named_pictures(reached(task, task.content)) if failed else []
        for path in (task.content, task.kit, *((task.source,) if task.source else ()), *task.others, *more):
            at = reached(task, path)
            named.setdefault(at, Path(os.path.relpath(at, reached(task, task.base))).as_posix())  # (as inputs_of)
    return Held(MappingProxyType({_entry(path): name for path, name in reversed(named.items())}))


_SOURCE = re.compile(r"""\bsrc\s*:\s*(?:"([^"\n]+)"|'([^'\n]+)'|([^\s"'#,}\]][^\n#,}\]]*))""")


def _named_pictures(content: Path) -> list[Path]:
    """(A guard.) The pictures a content file that does not load names, its `src:` values read from its text as
    they stand (its errors may be anywhere): a page picture is not written over one of them either, the words
    failing for a typo elsewhere (the photo was replaced, and read back as the photo once the typo was mended)."""
    data, _ = read_bytes(content, limits.YAML_BYTES)
    if data is None:
        return []
    text = data.decode("utf-8", "replace")
    found = (next(g for g in m.groups() if g is not None).strip() for m in _SOURCE.finditer(text))
    return [content.parent / src for src in found if src and "\x00" not in src]
