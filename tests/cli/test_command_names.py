"""Which first words are commands, typos of commands or searches; and that the README's command
list, ``genai-atlas --help`` and the parser agree."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from genai_atlas.command_names import COMMAND_NAMES, edit_distance, near_command

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize(
    "first, second, distance",
    [
        ("list", "list", 0),
        ("lst", "list", 1),  # a dropped letter
        ("lisst", "list", 1),  # a doubled one
        ("lsit", "list", 1),  # two letters swapped
        ("lizt", "list", 1),  # a wrong one
        ("serch", "search", 1),
        ("research", "search", 2),
        ("", "show", 4),
        ("diffusion", "list", 7),
    ],
)
def test_edit_distance(first: str, second: str, distance: int) -> None:
    assert edit_distance(first, second) == distance
    assert edit_distance(second, first) == distance


@pytest.mark.parametrize(
    "word, meant",
    [
        ("lst", "list"),
        ("LIST", "list"),
        ("shwo", "show"),
        ("serch", "search"),
        ("prnt", "print"),
        ("comapre", "compare"),
        ("compar", "compare"),
    ],
)
def test_typos_of_commands(word: str, meant: str) -> None:
    assert near_command(word) == meant


@pytest.mark.parametrize(
    "word", ["list", "diffusion", "transformer", "GAN", "llama", "", "x" * 10_000, "lissttt"]
)
def test_commands_and_search_words_are_not_typos(word: str) -> None:
    assert near_command(word) is None


def _readme_commands() -> set[str]:
    """The first word after ``genai-atlas`` on each line of the README's command list."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\s+genai-atlas +([^#\s]\S*)", section, flags=re.MULTILINE))


def _help_commands() -> set[str]:
    result = subprocess.run(
        [sys.executable, "-m", "genai_atlas", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    options = set(re.findall(r"^  (--[a-z-]+)", result.stdout, flags=re.MULTILINE)) - {"--help"}
    # argparse puts a long name (export-library) on a line of its own, its help on the next line.
    commands = set(re.findall(r"^    ([a-z][a-z-]*)(?: |$)", result.stdout, flags=re.MULTILINE))
    return options | commands


def test_help_and_readme_list_the_same_commands() -> None:
    readme = _readme_commands()
    shown = _help_commands()
    assert COMMAND_NAMES <= shown, "a command is missing from --help"
    assert shown <= readme, f"not in the README's command list: {sorted(shown - readme)}"
    # Anything else the README shows after `genai-atlas` is the example of a search for the app.
    searches = readme - shown
    assert searches == {"diffusion"}, f"not a command of --help: {sorted(searches)}"
    assert all(near_command(word) is None for word in searches)
