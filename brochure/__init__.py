"""brochure: content.yaml + a brand kit -> print-ready leaflet PDFs."""

import sys
import types

__version__ = "0.1.0"


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
