"""Vector artwork drawn in code in brand colours: icons, the skin cross-section, the cover field."""

from brochure.art.cover import cover_field
from brochure.art.icons import icon
from brochure.art.skin import skin_section
from brochure.vocabulary import ICON_NAMES

__all__ = ["ICON_NAMES", "cover_field", "icon", "skin_section"]
