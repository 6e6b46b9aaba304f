"""The CLI's command names, importable without argparse or the command modules.

``genai-atlas WORD`` runs a command when WORD is one of these and opens the app with WORD as a
search otherwise; reading only this tiny module keeps the app's startup free of CLI imports.
A test checks that it matches the commands the parser really has.
"""

COMMAND_NAMES = frozenset({"list", "show", "search", "print", "compare"})
