"""brochure: content.yaml + a brand kit -> print-ready leaflet PDFs.

The public API (see docs/architecture.md, "Using brochure from Python"):

    from brochure import load, build, Options, Result, Sources

`load(content_path, brand_path)` reads and checks both files; `build(sources, options)` lays out, checks and
renders one leaflet in memory. They are imported on first use, so `import brochure` stays light (no ReportLab).
"""

import sys
import types

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (mypy and ruff read it so), without importing typing
if TYPE_CHECKING:
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


_fence_reportlab_startup()
