"""The CLI's command names, importable without argparse or the command modules.

``genai-atlas WORD`` runs a command when WORD is one of these. A single other word opens the app
with it as a search, unless it is within two edits of a command name: then it is taken for a typo
(``genai-atlas lst``) and is an error. Reading only this tiny module keeps the app's startup free
of CLI imports. A test checks that it matches the commands the parser really has.
"""

from __future__ import annotations

COMMAND_NAMES = frozenset({"list", "show", "search", "print", "compare"})

# Two edits catch the usual slips (a dropped, doubled, swapped or wrong letter) in names of 4 to 7
# letters, and still leave almost every search word to the app.
MAX_TYPO_EDITS = 2


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
    scored = sorted((edit_distance(lowered, name), name) for name in COMMAND_NAMES)
    distance, name = scored[0]
    return name if distance <= MAX_TYPO_EDITS else None
