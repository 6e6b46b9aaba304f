"""The headless command line: a second front end over the same data layer as the GUI.

Each command lives in its own module with ``add_parser(subparsers)``; the module's ``run(args,
atlas)`` returns the exit code. Environment problems and bad arguments exit 2 with one line on
stderr; no traceback reaches the user. Every message that quotes what the user typed passes it
through ``echo`` (escaped, at most ~80 characters). Standard output errors are handled by
``genai_atlas.main`` through ``output.OutputError``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from .. import __version__
from ..data import KnownError, UnknownEntryError, echo, open_atlas
from ..data.model_dataset import load_dataset
from ..main import text_argument
from ..resources import database_path
from . import browse, charts, library, model_data, printing, search

COMMAND_MODULES = [browse, search, printing, library, model_data, charts]
PROG = "genai-atlas"


class CliError(Exception):
    """A one-line message for the user; exits 2."""


# A whole argparse message is cut at this length; the user's part of it is cut at ~80 first.
_MESSAGE_LIMIT = 400


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints the whole usage block; a one-line message is easier to read in scripts.
        # echo() again on the whole: argparse quotes user input in messages not covered below.
        message = echo(message, _MESSAGE_LIMIT)
        self.exit(2, f"{self.prog}: error: {message} (see '{PROG} --help')\n")

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        # argparse's own version lists the unrecognised arguments whole and unescaped.
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {echo(' '.join(extras))}")
        return parsed

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # argparse's message is the value's repr(): not shortened, surrogates spelt as \udcff.
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(f"'{choice}'" for choice in action.choices)
            raise argparse.ArgumentError(
                action, f"invalid choice: '{echo(value)}' (choose from {choices})"
            )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="GenAI Atlas: an offline reference on LLMs and Generative AI. "
        "Run without a command to open the desktop app, or with one word that is not a "
        "command to open it with that search.",
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


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Entry ids and search words that SQLite can take.

    Bytes that are not valid in the locale's encoding reach Python as lone surrogates, which
    SQLite refuses. Such an id names no entry; a search reads them as UTF-8 where they are, and as
    U+FFFD where they are not.
    """
    ids = list(getattr(args, "entry_ids", None) or []) + [getattr(args, "entry_id", None) or ""]
    for entry_id in ids:
        try:
            entry_id.encode("utf-8")
        except UnicodeEncodeError:
            raise UnknownEntryError(entry_id) from None
    if getattr(args, "query", None):
        args.query = [text_argument(word) for word in args.query]


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
        _check_text_arguments(args)
        with open_atlas(database_path()) as atlas:
            # Every command sees imported model data as the app does, read when first needed.
            atlas.set_dataset_loader(load_dataset)
            return int(args.run(args, atlas))
    except KnownError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except UnknownEntryError as error:
        print(f"{PROG}: {error} (try '{PROG} list')", file=sys.stderr)
        return 2
    except CliError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
