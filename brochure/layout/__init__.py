"""Layouts by name: each module declares its sheet's regions as a Plan; the engine does the rest."""

from brochure.layout import bifold, flyer, largeprint, trifold
from brochure.layout.engine import PlanFor
from brochure.theme.styles import LARGE_PRINT, Scale
from brochure.vocabulary import LayoutName

PLANS: dict[LayoutName, PlanFor] = {
    "trifold": trifold.plans,
    "bifold": bifold.plans,
    "flyer": flyer.plans,
    "large-print": largeprint.plans,
}
SCALES: dict[LayoutName, Scale] = {"large-print": LARGE_PRINT}  # type sizes other than the folded leaflets'
