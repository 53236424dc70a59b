"""Layouts by name: each module declares its sheet's regions as a Plan; the engine does the rest."""

from brochure.layout import bifold, flyer, trifold
from brochure.layout.engine import PlanFor
from brochure.vocabulary import LayoutName

PLANS: dict[LayoutName, PlanFor] = {"trifold": trifold.plans, "bifold": bifold.plans, "flyer": flyer.plans}
