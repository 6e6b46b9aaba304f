"""Every item-data role of the app's Qt models, in one place so that no two can collide.

A view, a delegate or a test asks any model for the same role by the same number: the entry
list, the grouped trees, the Models table and the search results all answer ``ENTRY_ID_ROLE``
with a "kind/slug" id. A new role gets the next free number here, never one of its own
elsewhere (``tests/ui/test_roles.py`` checks they stay distinct).
"""

from PySide6.QtCore import Qt

_USER = Qt.ItemDataRole.UserRole

ENTRY_ID_ROLE: int = _USER + 1  # "kind/slug"
KIND_ROLE: int = _USER + 2  # EntryKind value, e.g. "model"
HIT_ROLE: int = _USER + 3  # the SearchHit of a search result row
SNIPPET_ROLE: int = _USER + 4  # a search result's plain snippet text
SORT_ROLE: int = _USER + 5  # the raw value a table sorts by: year as int, text lower-cased
BOOKMARK_FOLDER_ROLE: int = _USER + 6  # a folder row's name in the Bookmarks panel

ALL_ROLES: dict[str, int] = {
    "ENTRY_ID_ROLE": ENTRY_ID_ROLE,
    "KIND_ROLE": KIND_ROLE,
    "HIT_ROLE": HIT_ROLE,
    "SNIPPET_ROLE": SNIPPET_ROLE,
    "SORT_ROLE": SORT_ROLE,
    "BOOKMARK_FOLDER_ROLE": BOOKMARK_FOLDER_ROLE,
}
