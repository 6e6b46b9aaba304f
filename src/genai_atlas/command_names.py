"""The CLI's command names, importable without argparse or the command modules.

``genai-atlas WORD`` runs a command when WORD is one of these. A single other word opens the app
with it as a search, unless it is within an edit or two of a command name (see
``allowed_edits``): then it is taken for a typo (``genai-atlas lst``) and is an error. Reading
only this tiny module keeps the app's startup free of CLI imports. A test checks that it matches
the commands the parser really has.
"""

from __future__ import annotations

COMMAND_NAMES = frozenset(
    {
        "list",
        "show",
        "search",
        "print",
        "compare",
        "bookmark",
        "bookmarks",
        "note",
        "notes",
        "history",
        "export-library",
        "import-library",
        "import-epoch",
        "chart",
    }
)

# Two edits catch the usual slips (a dropped, doubled, swapped or wrong letter) in names of 6
# letters or more, and still leave almost every search word to the app. A short name takes one:
# two edits from "note" are a great many words ("code", "both", "tone"), each a fair search.
MAX_TYPO_EDITS = 2
SHORT_NAME_LETTERS = 5


def edit_distance(first: str, second: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    neighbouring characters each count one edit ("lsit" is one edit from "list")."""
    # rapidfuzz has this too, but it takes longer to import than the app needs here.
    rows = len(first) + 1
    columns = len(second) + 1
    table = [[0] * columns for _ in range(rows)]
    for i in range(rows):
        table[i][0] = i
    for j in range(columns):
        table[0][j] = j
    for i in range(1, rows):
        for j in range(1, columns):
            cost = 0 if first[i - 1] == second[j - 1] else 1
            table[i][j] = min(
                table[i - 1][j] + 1,
                table[i][j - 1] + 1,
                table[i - 1][j - 1] + cost,
            )
            if i > 1 and j > 1 and first[i - 1] == second[j - 2] and first[i - 2] == second[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


def near_command(word: str) -> str | None:
    """The command name ``word`` is most likely a typo of, or None if it is not close to one.

    Case is ignored: ``LIST`` is meant as ``list``. An exact command name is not a typo (None).
    """
    lowered = word.lower()
    # Words much longer than any name cannot be within two edits; skip the table for them.
    if word in COMMAND_NAMES or len(lowered) > max(map(len, COMMAND_NAMES)) + MAX_TYPO_EDITS:
        return None
    scored = sorted(
        (distance, name)
        for name in COMMAND_NAMES
        if (distance := edit_distance(lowered, name)) <= allowed_edits(name)
    )
    return scored[0][1] if scored else None


def allowed_edits(name: str) -> int:
    """How many edits from ``name`` a word may be and still be taken for a typo of it."""
    return 1 if len(name) <= SHORT_NAME_LETTERS else MAX_TYPO_EDITS
