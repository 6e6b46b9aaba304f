"""Echoed user input: what a message shows of an id, a path or a search the user typed."""

from __future__ import annotations

from genai_atlas.data import AtlasError, KnownError, UnknownEntryError, echo


def test_escape_sequences_are_shown_not_obeyed() -> None:
    assert echo("\x1b[2J\x1b[31mred") == "\\x1b[2J\\x1b[31mred"


def test_undecodable_bytes_from_argv_show_as_hex() -> None:
    assert echo("model/\udcff") == "model/\\xff"


def test_long_input_is_cut_and_its_length_given() -> None:
    shown = echo("x" * 100_000)
    assert shown == "x" * 80 + "… (100,000 characters)"


def test_plain_text_is_unchanged() -> None:
    assert echo("model/gpt-4 — “Generative”") == "model/gpt-4 — “Generative”"


def test_bidi_override_is_escaped() -> None:
    assert echo("a\u202eb") == "a\\u202eb"


def test_unknown_entry_message_echoes_safely() -> None:
    assert str(UnknownEntryError("\x1b[2J" + "y" * 200)).startswith("no entry with id '\\x1b[2Jy")
    assert len(str(UnknownEntryError("y" * 100_000))) < 140


def test_atlas_error_is_a_known_error() -> None:
    assert isinstance(AtlasError("gone"), KnownError)
