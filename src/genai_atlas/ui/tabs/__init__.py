"""One module per tab; TAB_CLASSES is the order the main window shows them in."""

from .base import EntryTab
from .categories import CategoriesTab
from .comparisons import ComparisonsTab
from .glossary import GlossaryTab
from .industries import IndustriesTab
from .models import ModelsTab
from .trends import TrendsTab

TAB_CLASSES: tuple[type[EntryTab], ...] = (
    ComparisonsTab,
    CategoriesTab,
    IndustriesTab,
    TrendsTab,
    ModelsTab,
    GlossaryTab,
)

__all__ = [
    "TAB_CLASSES",
    "CategoriesTab",
    "ComparisonsTab",
    "EntryTab",
    "GlossaryTab",
    "IndustriesTab",
    "ModelsTab",
    "TrendsTab",
]
