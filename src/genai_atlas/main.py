"""Entry point of ``genai-atlas``: a command runs the CLI, anything else opens the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from .command_names import COMMAND_NAMES

    if args and (args[0].startswith("-") or args[0] in COMMAND_NAMES):
        from .cli import run

        return run(args)
    from .app import run_app

    # Anything else is a search term: `genai-atlas diffusion` opens the app with that search.
    return run_app(search_text=" ".join(args))


if __name__ == "__main__":
    sys.exit(main())
