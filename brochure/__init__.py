"""brochure: content.yaml + a brand kit -> print-ready leaflet PDFs.

The public API (see docs/architecture.md, "Using brochure from Python"):

    from brochure import load, build, Options, Result, Sources

`load(content_path, brand_path)` reads and checks both files; `build(sources, options)` lays out, checks and
renders one leaflet in memory. They are imported on first use, so `import brochure` stays light (no ReportLab).
"""

from __future__ import annotations

import sys
import types

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (mypy and ruff read it so), without importing typing
if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from typing import Any

    from brochure.api import Options, Result, Sources, build, load

__version__ = "0.1.0"
__all__ = ["Options", "Result", "Sources", "__version__", "build", "load"]
_API = frozenset({"Options", "Result", "Sources", "build", "load"})


if not TYPE_CHECKING:  # hidden from mypy, which then reports a misspelt name instead of typing it `object`

    def __getattr__(name: str) -> object:
        """The public API's names, from brochure.api when first asked for (PEP 562)."""
        if name not in _API:
            raise AttributeError(f"module 'brochure' has no attribute {name!r}")
        from brochure import api

        globals().update({n: getattr(api, n) for n in _API})
        return getattr(api, name)


def _fence_reportlab_startup() -> None:
    """Keep ReportLab from running code found outside the tool when it is first imported.

    On import ReportLab executes `reportlab_settings` and `reportlab_mods` modules found on sys.path
    (which holds the current folder under `python -m`), else `~/.reportlab_settings` and
    `~/.reportlab_mods`. A leaflet folder sent by someone else could carry one, and a home-folder
    file would make builds depend on who runs them. Empty stand-ins, put in place once before
    ReportLab is imported, are found instead; nothing else is changed.
    """
    for name in ("reportlab_settings", "reportlab_mods"):
        sys.modules.setdefault(name, types.ModuleType(name))


class _LazyPattern:
    """A regular expression compiled when first used: stands in for one ReportLab compiles on import but a build
    seldom uses (see _LazyPatterns)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)  # (once compiled, `_compiled`: not again when re's own cache has let it go)

    def __getattr__(self, name: str) -> object:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:  # (two threads asking at once compile the same pattern; the first kept)
            import re

            compiled = self.__dict__.setdefault("_compiled", re.compile(*self._args))
        return getattr(compiled, name)


_DEFERRED = {  # module -> how the pattern _LazyPatterns defers there starts
    "reportlab.platypus.paragraph": "(^(?:[a-z0-9\\.\\-\\+]*)://)",
    "reportlab.lib.textsplit": "([\u2e80-\uffff])",
    "yaml.reader": "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff",
    "pikepdf.models.metadata._constants": "(?u)[^\\x09\\x0A\\x0D\\x20-\\U0000D7FF",
    "phonenumbers.phonenumbermatcher": "",  # (every pattern of the module)
    "reportlab.lib.rl_safe_eval": "\\b(?:",
    "reportlab.lib.PyFontify": "#[^\\n]*|",
}


class _LazyPatterns:
    """Import hook for a few modules that compile, on import, a pattern a build seldom or never uses; here each is
    compiled on first use instead (a `_LazyPattern`). Everything else about the modules is as their authors wrote
    it. Each pattern spans most of Unicode, which makes Python's compiler slow:

    - `reportlab.platypus.paragraph`: web addresses, case-insensitive (about 25 ms), used only to hyphenate a word
      that looks like an address (`uriWasteReduce`), which no shipped leaflet does;
    - `reportlab.lib.textsplit`: CJK characters (about 3 ms), used only to wrap Chinese, Japanese or Korean;
    - `yaml.reader`: what YAML cannot hold (about 3.5 ms), used only by PyYAML's pure-Python reader, which reads
      a file only when libyaml's cannot (`inputs/yamltree.py`);
    - `pikepdf.models.metadata._constants`: what XML cannot hold (about 3.5 ms), used only when XMP metadata is
      written through pikepdf's metadata editor (brochure writes its XMP itself);
    - `phonenumbers.phonenumbermatcher`: every pattern (about 2.5 ms), used only to find telephone numbers in running
      text (`PhoneNumberMatcher`), which brochure does not do; the module uses each through its methods only;
    - `reportlab.lib.rl_safe_eval`: the names its safe evaluator refuses (about 0.8 ms), a pattern ReportLab never
      uses;
    - `reportlab.lib.PyFontify`: Python's keywords, strings and comments (about 0.7 ms), used only to colour
      Python source (`PythonPreformatted`), which a leaflet never prints.

    A pattern is deferred only where it starts as `_DEFERRED` says (a release that changes it is left be). The hook
    stays in place for the modules it has not met yet, and does nothing for any other module."""

    def __init__(self) -> None:
        self.waiting = {name for name in _DEFERRED if name not in sys.modules}

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: types.ModuleType | None = None
    ) -> ModuleSpec | None:
        if name not in self.waiting:
            return None
        from contextlib import suppress
        from importlib.util import find_spec

        self.waiting.discard(name)
        if not self.waiting:
            with suppress(ValueError):  # (another thread's import removed it first)
                sys.meta_path.remove(self)

        spec = find_spec(name)
        loader = getattr(spec, "loader", None)
        run = getattr(loader, "exec_module", None)
        if run is None:
            return spec
        prefix = _DEFERRED[name]

        def exec_module(module: types.ModuleType) -> None:
            import re

            compile_now = re.compile

            def compile_later(pattern: object, flags: int = 0) -> object:
                if isinstance(pattern, str) and pattern.startswith(prefix):
                    return _LazyPattern(pattern, flags)
                return compile_now(pattern, flags)  # type: ignore[call-overload]

            re.compile = compile_later  # type: ignore[assignment]
            try:
                run(module)
            finally:
                re.compile = compile_now

        loader.exec_module = exec_module  # type: ignore[union-attr]
        return spec


class _OneModule:
    """An import hook for one module (NAME): it finds the module as Python would, lets `adapt` change how it is
    made, and removes itself once the module is found."""

    NAME = ""

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: types.ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != self.NAME:
            return None
        from contextlib import suppress
        from importlib.util import find_spec

        with suppress(ValueError):  # (another thread's import removed it first)
            sys.meta_path.remove(self)
        spec = find_spec(name)
        if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
            self.adapt(spec)
        return spec

    def adapt(self, spec: ModuleSpec) -> None:
        raise NotImplementedError


class _LazyHarfBuzz(_OneModule):
    """Import hook for `uharfbuzz`, which ReportLab imports on import (for paragraphs styled `shaping`, which
    brochure's are not) and brochure uses only to shape right-to-left words (theme/shaping.py): the module is
    made by `importlib.util.LazyLoader`, so loading HarfBuzz's library (about 7 ms) waits until an attribute of
    it is first read. ReportLab only asks whether it is there (a lazy module is), and theme/shaping.py imports it
    where it shapes, under its lock (LazyLoader's first load is not safe in two threads at once in Python 3.11)."""

    NAME = "uharfbuzz"

    def adapt(self, spec: ModuleSpec) -> None:
        from importlib.util import LazyLoader

        assert spec.loader is not None
        spec.loader = LazyLoader(spec.loader)


class _ReportLabDefaults(_OneModule):
    """Import hook for `reportlab.rl_config`, which sets ReportLab's settings from `RL_<name>` environment variables
    where there are any (`RL_paraFontSizeHeightOffset=0` moves every paragraph's first line; `RL_shapeChecking`,
    `RL_invariant`, `RL_defaultEncoding` and the rest change other things): a leaflet would print otherwise for
    whoever has one set. While the module runs, the `RL_` variables are out of the environment, so it takes
    ReportLab's own defaults; they are put back at once (child processes still see them). A ReportLab imported
    before brochure keeps what it read."""

    NAME = "reportlab.rl_config"

    def adapt(self, spec: ModuleSpec) -> None:
        loader: Any = spec.loader
        run = loader.exec_module

        def exec_module(module: types.ModuleType) -> None:
            import os

            hidden = {key: os.environ.pop(key) for key in [k for k in os.environ if k.startswith("RL_")]}
            try:
                run(module)
            finally:
                os.environ.update(hidden)

        loader.exec_module = exec_module


_fence_reportlab_startup()
if "reportlab.rl_config" not in sys.modules and not any(isinstance(f, _ReportLabDefaults) for f in sys.meta_path):
    sys.meta_path.insert(0, _ReportLabDefaults())
if not any(isinstance(finder, _LazyPatterns) for finder in sys.meta_path):
    _hook = _LazyPatterns()
    if _hook.waiting:
        sys.meta_path.insert(0, _hook)
if "uharfbuzz" not in sys.modules and not any(isinstance(finder, _LazyHarfBuzz) for finder in sys.meta_path):
    sys.meta_path.insert(0, _LazyHarfBuzz())
