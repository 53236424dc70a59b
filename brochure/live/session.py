"""A choice of inputs + saves and switches -> rebuilds in this warm process: the PDF first, then the page pictures.

One builder thread does the work, in order: read the inputs, build, write the PDF (atomically), print one line;
then, when a page is served, picture both sides and the folded mock-up and publish them. A save or a switch that
arrives meanwhile supersedes the build under way: it stops at its next stage, what it made is dropped, and the
newest inputs are built next, so a burst of saves costs one rebuild more at most. When the inputs have errors the
last pages stay on offer, marked out of date; when preflight finds errors the pages are drawn anyway (never
written) so that each finding can be shown where it is.

What the page is told is one snapshot, as JSON (live/view.py makes its parts), replaced as a whole and numbered;
`wait` hands the next one to each listener.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from brochure import api
from brochure.diagnostics import Diagnostic, Location, error
from brochure.frozen import frozen
from brochure.inputs.brand import kit_files, kit_identity
from brochure.live import view
from brochure.live.choices import Choice, Choices, offered
from brochure.live.watcher import Stamp, Watched, stamp, watched
from brochure.output.files import PDF, Refused, same_file, target_problem, write_atomic
from brochure.vocabulary import is_layout, is_paper, is_target

SWITCHES = ("kit", "content", "layout", "paper", "target")  # what a page may switch (POST /choose)
KEPT = 3  # sets of page pictures kept for pages still loading an earlier one
GRACE_S = 0.15  # inputs with errors are reported only if no other save follows within this long


@frozen
class Settings:
    """What stays the same while watching."""

    output: Path | None = None  # -o: where the PDF goes (None: out/NAME.pdf, by the choice)
    source: Path | None = None  # --source: the content file the chosen one translates
    allow_expired: bool = False
    pictures: bool = False  # make page pictures (a page is served)
    dpi: float = view.DPI
    editions: Path | None = None  # the editions file the kits and languages on offer come from (read again when
    # it is saved)
    offered: tuple[Path, Path] | None = None  # the kit and content file always on offer beside its clinics


def _abs(path: Path | None) -> set[str]:
    return {os.path.abspath(path)} if path is not None else set()


def _first_ticket() -> int:
    """The number of a session's first build, and of its page pictures (/pages/NUMBER/page1.jpg, which a browser
    keeps for good): a random one, so that a session started again on the same port (or another project's) never
    serves a number a browser has kept the pictures of from an earlier session (each started at 1 and showed the
    last session's pages). Room is left below the 12 digits the address allows."""
    return 1 + int.from_bytes(os.urandom(5)) % 10**11


class Live:
    """The watched inputs, the builds and what the page is shown; thread-safe."""

    def __init__(
        self,
        choices: Choices,
        first: Choice,
        settings: Settings,
        say: Callable[[str], None],
        complain: Callable[[str], None],
        editions_found: Sequence[Diagnostic] = (),
    ) -> None:
        self.choices = choices
        self.settings = settings
        self._first = first  # the edition -o names (another chosen on the page is written under its own name)
        self._say, self._complain = say, complain
        self._cond = threading.Condition()
        self._choice = first
        ticket = _first_ticket()  # the first build is asked for
        self._asked, self._done, self._asked_at = ticket, ticket - 1, time.perf_counter()
        self._stopping = False
        self._busy = False
        self._version = 0
        self._result: dict[str, object] = {}
        self._findings: list[dict[str, object]] = []
        self._pictures: list[view.Pictures] = []
        self._stale = False
        self._kit_paper = ""
        self._papers: dict[Path, str] = {}  # each kit's paper as it last loaded (the builder's only)
        self._printed: tuple[str, ...] = ()
        self._watched = self._fallback_watch(first, None)
        self._kits: dict[Path, tuple[tuple[Path, ...], tuple[Stamp, ...], api.Kit]] = {}  # the builder's only
        self._read: set[str] = set()  # the files the last build that loaded read (the builder's only)
        self._taken: tuple[api.Kit | None, str | None, Path, list[Diagnostic]] = (None, None, Path(), [])  # (the
        # kit read, the paper and file asked for, and another clinic's id error for them: the builder's only)
        self.on_watch_change: Callable[[], None] = lambda: None  # set by whoever watches the files
        self._editions = (stamp(settings.editions) if settings.editions else None, list(editions_found))  # (its
        # stamp as last read, and what reading it found: the builder's only)

    # --- asked from other threads -------------------------------------------------------------------------

    def changed(self, paths: frozenset[Path]) -> None:
        """Files the leaflet is made from were saved: build again (superseding a build under way)."""
        self._ask()

    def choose(self, fields: dict[str, str]) -> str:
        """Switch layout, paper, target, kit or content file (by their keys on the page); '' or what is wrong."""
        unknown = sorted(set(fields) - set(SWITCHES))
        if unknown:
            return f"{unknown[0]!r} is not a switch (the switches: {', '.join(SWITCHES)})"
        with self._cond:
            choice = self._choice
            kit_key = fields.get("kit")
            if kit_key is not None and kit_key != str(choice.kit):
                kit = next((k for k in self.choices.kits if str(k.path) == kit_key), None)
                if kit is None:
                    return f"no brand kit {kit_key!r} is on offer"
                choice = self.choices.switch_kit(choice, kit)
            content = fields.get("content")  # (with a kit: that kit's content file; it was left unread)
            if content is not None and content != str(choice.content):
                words = self.choices.kit(choice.kit)
                found = next((w for w in words.languages if str(w.path) == content), None) if words else None
                if found is None:
                    return f"no content file {content!r} is on offer for this kit"
                choice = replace(choice, content=found.path)
            layout, paper, target = fields.get("layout"), fields.get("paper"), fields.get("target")
            if layout is not None:
                if not is_layout(layout):
                    return f"{layout!r} is not a layout"
                choice = replace(choice, layout=layout)
            if paper is not None:
                if paper and not is_paper(paper):
                    return f"{paper!r} is not a paper"
                choice = replace(choice, paper=paper if is_paper(paper) else None)
            if target is not None:
                if not is_target(target):
                    return f"{target!r} is not a target"
                choice = replace(choice, target=target)
            if choice != self._choice:
                self._choice = choice
                self._ask_locked()
        return ""

    def stop(self) -> None:
        """End the builder and every listener (a build under way stops at its next stage)."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()

    @property
    def stopping(self) -> bool:
        return self._stopping

    def watching(self) -> Watched:
        with self._cond:
            return self._watched

    def wait(self, after: int, timeout: float) -> tuple[int, bytes] | None:
        """The state as JSON once its number is past `after` (at once if it is), or None after `timeout` seconds
        or when stopping."""
        with self._cond:
            self._cond.wait_for(lambda: self._version > after or self._stopping, timeout)
            if self._stopping or self._version <= after:
                return None
            return self._version, self._state_json()

    def state(self) -> bytes:
        with self._cond:
            return self._state_json()

    def picture(self, pictures_id: int, name: str) -> bytes | None:
        """A page picture (JPEG) of a recent set, by name ('page1'); None when it is gone or never was."""
        with self._cond:
            for p in self._pictures:
                if p.id == pictures_id:
                    return next((jpeg for n, jpeg in p.jpegs if n == name), None)
        return None

    # --- the builder thread ------------------------------------------------------------------------------

    def run(self, bug: Callable[[BaseException], None]) -> None:
        """Build whenever asked, until stopped; a bug in one build is reported and the next save tried."""
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._asked != self._done or self._stopping)
                if self._stopping:
                    return
                ticket, choice, asked_at = self._asked, self._choice, self._asked_at
                self._busy = True
                self._publish()
            try:
                self._build(ticket, choice, asked_at)
            except Exception as exc:
                bug(exc)
            with self._cond:
                self._done = ticket
                self._busy = self._asked != ticket
                self._publish()

    def _build(self, ticket: int, choice: Choice, asked_at: float) -> None:
        choice = self._offer_again(choice)
        source = self._source(choice)
        known = self._fallback_watch(choice, source).files | self.watching().files
        before = {f: stamp(f) for f in known}  # before reading: a save made while reading is seen as one
        kit = self._kit(choice.kit)
        sources, diags = api.load_with(choice.content, kit)
        if sources is not None and source is not None:
            diags += api.check_translation(source, sources.content)
        diags = [self._gone(d) for d in diags]
        if sources is not None:
            self._read = {os.path.abspath(p) for _, p in api.input_files(sources)} | _abs(source)
        self._watch(choice, sources, source, before, diags)
        if self._superseded(ticket):
            return
        if kit[0] is not None:  # (the kit's paper, its words loaded or not)
            self._papers[kit_identity(choice.kit)] = kit[0][0].paper
        self._kit_paper = self._papers.get(kit_identity(choice.kit), "")  # (a kit that fails to load: its paper as
        # it last loaded, if it did; it was told with the last kit's, another's)
        if sources is None or any(d.is_error for d in diags):
            self._failed(ticket, choice, diags, asked_at)
            return
        options = api.Options(choice.layout, choice.paper, choice.target, allow_expired=self.settings.allow_expired)
        own = Path("out") / f"{api.edition_name(sources, options)}.pdf"
        given = self.settings.output  # (-o names the edition asked for at the start: a switch on the page to
        pdf_path = given if given is not None and _same_edition(choice, self._first) else own  # another wrote that
        # one into it, the wrong PDF under the name given)
        taken = self._other_clinics(kit, sources, options, own) if pdf_path == own else []
        if taken:  # (another clinic's PDF by its name: not replaced)
            self._failed(ticket, choice, [*diags, *taken], asked_at)
            return
        result = api.build(sources, options)
        if self._superseded(ticket):
            return
        found = [*diags, *result.diagnostics]
        inputs = api.input_files(sources) + ([("the source content (--source)", source)] if source else [])
        written = result.ok and result.pdf is not None and self._write(pdf_path, result.pdf, inputs, found)
        pdf_ms = (time.perf_counter() - asked_at) * 1000
        self._report(choice, found, pdf_path if written else None, pdf_ms)
        pictures = None
        if self.settings.pictures and result.layout is not None:
            pdf = result.pdf if result.pdf is not None else api.draft(sources, options, result.layout)
            shown = view.Shown(ticket, view.label(sources, options), draft=not written)
            pictures = view.picture(pdf, result.layout, self.settings.dpi, shown, lambda: self._superseded(ticket))
            if pictures is None:
                return  # superseded
        page_ms = (time.perf_counter() - asked_at) * 1000
        findings = view.findings([*self._editions[1], *found])
        # built; errors: not written, but the pages are drawn; failed: no pages (the words do not fit)
        status = "built" if written else "errors" if result.layout is not None else "failed"
        with self._cond:
            if self._superseded(ticket):
                return
            self._result = view.result(status, pdf_path if written else None, pdf_ms, page_ms if pictures else None)
            self._findings = findings
            if pictures is not None:
                self._pictures = [*self._pictures[-(KEPT - 1) :], pictures]
                self._stale = False
            elif result.layout is None:
                self._stale = bool(self._pictures)
            self._publish()

    def _failed(self, ticket: int, choice: Choice, diags: list[Diagnostic], asked_at: float) -> None:
        """The inputs have errors: say so, unless a save comes within GRACE_S (a file read while an editor was still
        writing it, or between vim's moving it aside and writing it anew); the last pages stay, out of date."""
        with self._cond:
            if self._cond.wait_for(lambda: self._superseded(ticket), GRACE_S):
                return
        self._report(choice, diags, None, (time.perf_counter() - asked_at) * 1000)
        findings = view.findings([*self._editions[1], *diags])
        with self._cond:
            if self._superseded(ticket):
                return
            self._result = view.result("failed", None, None, None)
            self._findings = findings
            self._stale = bool(self._pictures)
            self._publish()

    def _write(self, path: Path, pdf: bytes, inputs: list[tuple[str, Path]], found: list[Diagnostic]) -> bool:
        """Write the PDF atomically unless it would land on an input or on something that is not a PDF; False (and
        an error among the findings) when it is not written."""
        problem = next((f"it is {what}" for what, p in inputs if same_file(path, p)), "")
        problem = problem or target_problem(path, PDF)
        if not problem:
            try:
                write_atomic(path, pdf, PDF)
                return True
            except Refused as exc:
                problem = exc.strerror or str(exc)
            except OSError as exc:
                problem = f"cannot write it: {exc.strerror or exc}"
        command = "serve" if self.settings.pictures else "watch"  # (serve makes the page pictures; watch does not)
        hint = f"give {command} another -o; any earlier file there is untouched"
        found.append(error(Location(str(path)), f"the PDF was not written: {problem}", hint))
        return False

    # --- helpers ----------------------------------------------------------------------------------------------

    def _ask(self) -> None:
        with self._cond:
            self._ask_locked()

    def _ask_locked(self) -> None:
        self._asked += 1
        self._asked_at = time.perf_counter()
        self._cond.notify_all()
        self._publish()

    def _superseded(self, ticket: int) -> bool:
        return self._asked != ticket or self._stopping

    def _kit(self, path: Path) -> api.Kit:
        """The brand kit, read again only when one of its files changed since it was last read (the builder's
        own cache: a save of the words alone costs no kit reading)."""
        key = kit_identity(path)
        known = self._kits.get(key)
        if known is not None and tuple(map(stamp, known[0])) == known[1]:
            return known[2]
        before = {f: stamp(f) for f in (path, *(known[0] if known else ()))}  # a save while reading is not missed
        kit = api.load_kit(path)
        loaded = kit[0]
        if loaded is not None:
            files = tuple(p for _, p in kit_files(loaded[0]))
            self._kits[key] = (files, tuple(before[f] if f in before else stamp(f) for f in files), kit)
        return kit

    def _other_clinics(self, kit: api.Kit, sources: api.Sources, options: api.Options, own: Path) -> list[Diagnostic]:
        """api.other_clinics_file, asked again only when the kit was read again or another paper or file is asked
        for (it reads every kit of the project: about 0.5 ms each, on every save of the words otherwise)."""
        was, paper, path, found = self._taken
        if was is not kit or paper != options.paper or path != own:
            found = api.other_clinics_file(sources, options, own)
            self._taken = (kit, options.paper, own, found)
        return found

    def _gone(self, d: Diagnostic) -> Diagnostic:
        """A file the last build read that is not found now (deleted, or moved aside) is told so: put it back and
        the leaflet is built again, not how to name a file on the command line."""
        file = d.awaits or ("" if d.location.line else d.location.file)  # (a logo or font: named at its kit's line)
        if not d.is_error or not file or os.path.abspath(file) not in self._read or os.path.lexists(file):
            return d
        hint = f"{file} was read for the last build and is gone now: put it back (undo its deletion or move, or "
        return replace(d, hint=hint + "restore it from your copy); the leaflet is built again when it is back")

    def _offer_again(self, choice: Choice) -> Choice:
        """The editions file read again when it was saved since it was last read: its kits and languages on offer
        from now on (the choice moved to the kit and content file always offered when the file no longer names
        them); with errors, those on offer stay. What reading it found is printed once and shown on the page with
        every build's findings, until it is saved again."""
        path, (was, _) = self.settings.editions, self._editions
        if path is None or self.settings.offered is None or stamp(path) == was:
            return choice
        from brochure.inputs.editions import load_editions

        now = stamp(path)
        editions, found = load_editions(path)
        self._editions = (now, found)
        for d in found:
            self._complain(d.format())
        if editions is None:
            self._say(f"{time.strftime('%H:%M:%S')} {path} has errors: the clinics on offer stay as they were")
            return choice
        choices = offered(editions, *self.settings.offered)
        moved = ""
        with self._cond:
            self.choices = choices
            gone = self._choice
            if choices.words(gone.kit, gone.content) is None:  # (no longer on offer: the edition started with,
                first = self._first  # else the kit and words given)
                there = choices.words(first.kit, first.content) is not None
                kit, content = (first.kit, first.content) if there else self.settings.offered
                self._choice = replace(gone, kit=kit, content=content)
                moved = f"; {gone.kit} with {gone.content} is not, building {kit} with {content}"
            choice = replace(choice, kit=self._choice.kit, content=self._choice.content)
        kits = len(choices.kits)
        on_offer = f"{kits} clinic{'s' if kits != 1 else ''} on offer"
        self._say(f"{time.strftime('%H:%M:%S')} read {path} again: {on_offer}{moved}")
        return choice

    def _source(self, choice: Choice) -> Path | None:
        """The content file the chosen one translates: --source, else editions.yaml's for a content file it names
        for the kit (the brand's `source:`, else the file's; not for one given with --content alone: build and
        check do not take it for a translation either)."""
        source = self.settings.source
        if source is not None:
            return None if same_file(source, choice.content) else source
        return self.choices.source_of(choice.kit, choice.content)

    def _fallback_watch(self, choice: Choice, source: Path | None) -> Watched:
        editions = [self.settings.editions] if self.settings.editions else []
        files = [choice.content, choice.kit, *([source] if source else []), *editions]
        return watched(files, choice.kit.parent, [self.settings.output] if self.settings.output else [])

    def _watch(
        self,
        choice: Choice,
        sources: api.Sources | None,
        source: Path | None,
        before: dict[Path, Stamp],
        diags: list[Diagnostic],
    ) -> None:
        """What to watch now that the inputs were read: the files they name (a picture added is watched from now
        on) or, when they could not be read, the files chosen and those watched already, and the files they name
        that were not found (a picture named before it was copied in: its coming rebuilds); with each file's stamp
        as read. The watcher starts again when the folders changed."""
        now = self._fallback_watch(choice, source)
        if sources is not None:
            named = [p for _, p in api.input_files(sources)]
            now = replace(now, files=now.files | watched(named, choice.kit.parent, []).files)
        else:  # (a picture being saved can be unreadable for a moment: it stays watched)
            awaited = watched([], choice.kit.parent, [], [Path(d.awaits) for d in diags if d.awaits]).awaited
            now = replace(now, files=now.files | self.watching().files, awaited=awaited)
        stamps = tuple((f, before[f] if f in before else stamp(f)) for f in sorted(now.files))
        now = replace(now, stamps=stamps)
        with self._cond:
            moved = now.folders() != self._watched.folders()
            self._watched = now
        if moved:
            self.on_watch_change()

    def _report(self, choice: Choice, found: list[Diagnostic], pdf: Path | None, ms: float) -> None:
        """One line per rebuild; the findings below it when they differ from the last ones printed."""
        errors = sum(d.is_error for d in found)
        warnings = len(found) - errors
        counts = ", ".join(
            f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((errors, "error"), (warnings, "warning")) if n
        )
        lines = tuple(d.format() for d in found)
        again = bool(lines) and lines == self._printed
        paper = choice.paper or self._kit_paper or "the kit's paper"
        what = f"{choice.layout}, {paper}, {choice.target}"
        stamp = time.strftime("%H:%M:%S")
        if pdf is not None:
            tail = f": {counts}{' (as before)' if again else ''}" if counts else ": no findings"
            self._say(f"{stamp} wrote {pdf} in {ms:.0f} ms ({what}){tail}")
        else:
            self._say(f"{stamp} not written ({what}): {counts or 'stopped'}{' (as before)' if again else ''}")
        if not again:
            for line in lines:
                self._complain(line)
        self._printed = lines

    def _publish(self) -> None:
        """A new state for the listeners (the lock is held)."""
        self._version += 1
        self._cond.notify_all()

    def _state_json(self) -> bytes:
        choice = self._choice
        state = {
            "version": self._version,
            "busy": self._busy or self._asked != self._done,
            "choice": {
                "kit": str(choice.kit),
                "content": str(choice.content),
                "layout": choice.layout,
                "paper": choice.paper or "",
                "target": choice.target,
            },
            "offer": view.offer(self.choices, choice, self._kit_paper),
            "result": self._result,
            "findings": self._findings,
            "pages": self._pictures[-1].describe(self._stale) if self._pictures else None,
        }
        # (ASCII: a file name that is not UTF-8 travels as an escape and comes back as the same key)
        return json.dumps(state).encode("ascii")


def _same_edition(a: Choice, b: Choice) -> bool:
    """Whether two choices build the same edition (their kit and content file the same files, however named)."""
    return (a.layout, a.paper, a.target) == (b.layout, b.paper, b.target) and all(
        x == y or same_file(x, y) for x, y in ((a.kit, b.kit), (a.content, b.content))
    )
