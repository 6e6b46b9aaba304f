"""The headless command line: a second front end over the same data layer as the GUI.

Each command lives in its own module with ``add_parser(subparsers)``; the module's ``run(args,
atlas)`` returns the exit code. Environment problems and bad arguments exit 2 with one line on
stderr; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from .. import __version__
from ..data import AtlasError, UnknownEntryError, open_atlas
from ..resources import database_path
from . import browse, printing, search

COMMAND_MODULES = [browse, search, printing]
PROG = "genai-atlas"


class CliError(Exception):
    """A one-line message for the user; exits 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints the whole usage block; a one-line message is easier to read in scripts.
        self.exit(2, f"{self.prog}: error: {message} (see '{PROG} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="GenAI Atlas: an offline reference on LLMs and Generative AI. "
        "Run without a command to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the installation headlessly and print one line per check",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.add_parser(subparsers)
    return parser


def command_names() -> set[str]:
    return {name for module in COMMAND_MODULES for name in module.COMMANDS}


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.self_test:
        from ..self_test import run_self_test

        return run_self_test()
    if not args.command:
        parser.print_help()
        return 0
    try:
        with open_atlas(database_path()) as atlas:
            return int(args.run(args, atlas))
    except AtlasError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except UnknownEntryError as error:
        print(f"{PROG}: {error} (try '{PROG} list')", file=sys.stderr)
        return 2
    except CliError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
