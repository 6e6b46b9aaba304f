"""The command line as a careless or hostile user drives it: odd bytes in argv, an ASCII locale, a
full, closed or broken standard output, typos of command names. Whatever happens, the user sees
one line and an exit code, never a traceback. Real processes throughout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genai_atlas.data import EntryKind
from tests.cli_process import cli_env
from tests.cli_process import run_cli as run_cli_process

FULL_ERROR = "genai-atlas: cannot write to standard output: No space left on device\n"
CLOSED_ERROR = "genai-atlas: cannot write to standard output: Bad file descriptor\n"
BROKEN_ERROR = "genai-atlas: cannot write to standard output: Broken pipe\n"
NEVER_SHOWN = (b"Traceback", b"Fatal Python error", b"Exception ignored", b"\x1b")
# Commands that write to standard output, each run with an output that cannot take it.
WRITERS = [
    ["list"],
    ["show", "comparison/key-differences"],
    ["search", "diffusion"],
    ["--self-test"],
    ["--help"],
    ["--version"],
]


def run_cli(
    args: Sequence[str | bytes],
    db: Path,
    *,
    cwd: Path | str | None = None,
    stdout: int = subprocess.PIPE,
    **extra: str,
) -> subprocess.CompletedProcess[bytes]:
    """``args`` as raw argv (bytes allowed), with no display and ``extra`` in the environment."""
    return run_cli_process(
        *args, env=cli_env(db, **extra), text=False, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd
    )


def assert_clean(result: subprocess.CompletedProcess[bytes]) -> None:
    shown = (result.stdout or b"") + result.stderr
    for text in NEVER_SHOWN:
        assert text not in shown, f"{text!r} shown for {result.args[3:]!r}:\n{shown[-3000:]!r}"


# --- argv the locale cannot decode, control characters, very long input -------------------


@pytest.mark.parametrize(
    "args",
    [
        ["show", b"model/\xff"],
        ["compare", b"model/\xff", "model/gpt-4", "--csv", "out.csv"],
        ["print", b"model/\xff\xfe", "--pdf", "out.pdf"],
    ],
)
def test_undecodable_id_is_an_unknown_entry(
    args: list[str | bytes], atlas_db_path: Path, tmp_path: Path
) -> None:
    workdir = tmp_path / "out"
    workdir.mkdir()
    result = run_cli(args, atlas_db_path, cwd=workdir)
    assert_clean(result)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("genai-atlas: no entry with id 'model/\\xff")
    assert len(result.stderr.splitlines()) == 1
    assert list(workdir.iterdir()) == [], "nothing is written for an unknown entry"


def test_escape_sequences_in_an_id_are_shown_escaped(atlas_db_path: Path) -> None:
    result = run_cli(["show", "\x1b[2J\x1b[31mred"], atlas_db_path)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "genai-atlas: no entry with id '\\x1b[2J\\x1b[31mred' (try 'genai-atlas list')\n"
    )


def test_a_huge_id_is_echoed_shortened(atlas_db_path: Path) -> None:
    result = run_cli(["show", "x" * 100_000], atlas_db_path)
    assert result.returncode == 2
    line = result.stderr.decode()
    assert len(line) < 200
    assert "(100,000 characters)" in line


@pytest.mark.parametrize(
    "args, quoted",
    [
        (["list", "\x1b[2J" + "k" * 500], "'\\x1b[2Jkkk"),
        (["search", "--kind", "\x07bell", "x"], "'\\x07bell'"),
        (["search", "--limit", "\x1b[31m", "x"], "'\\x1b[31m' is not a whole number"),
        (["list", "--json", "--\x1b[2J" + "z" * 500], "unrecognized arguments: --\\x1b[2Jzz"),
        (["--\x1b[2J"], "unrecognized arguments: --\\x1b[2J"),
    ],
)
def test_argparse_messages_echo_input_escaped_and_short(
    args: list[str], quoted: str, atlas_db_path: Path
) -> None:
    result = run_cli(args, atlas_db_path)
    assert_clean(result)
    assert result.returncode == 2
    message = result.stderr.decode()
    assert quoted in message
    assert len(message.splitlines()) == 1
    assert len(message) < 400


def test_search_that_matches_nothing_echoes_the_query_short(atlas_db_path: Path) -> None:
    result = run_cli(["search", "qzqzqzqz" * 50], atlas_db_path)
    assert result.returncode == 0
    first = result.stdout.decode().splitlines()[0]
    assert first.startswith("No entries match 'qzqzqz")
    assert first.endswith(" characters)'.")
    assert len(first) < 200


def test_search_reads_undecodable_bytes_as_replacement_characters(atlas_db_path: Path) -> None:
    result = run_cli(["search", b"diff\xffusion"], atlas_db_path)
    assert_clean(result)
    assert result.returncode == 0


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
    ],
    ids=["PYTHONIOENCODING=ascii", "LC_ALL=C"],
)
def test_an_ascii_output_gets_escapes_instead_of_a_crash(
    extra: dict[str, str], atlas_db_path: Path
) -> None:
    result = run_cli(["show", "comparison/key-differences"], atlas_db_path, **extra)
    assert_clean(result)
    assert result.returncode == 0
    text = result.stdout.decode("ascii")  # nothing but ASCII reached the output
    assert "title: LLMs vs Generative AI" in text
    assert "DALL\\xb7E" in text  # a non-ASCII name comes out escaped


def test_an_ascii_locale_still_reads_utf8_ids(atlas_db_path: Path) -> None:
    result = run_cli(["show", "model/caf\u00e9"], atlas_db_path, LC_ALL="C", PYTHONUTF8="0")
    assert result.returncode == 2
    assert "'model/caf" in result.stderr.decode("ascii")


# --- standard output full, closed, broken ----------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_full_stdout_is_one_line_and_exit_1(args: list[str], atlas_db_path: Path) -> None:
    # /dev/full is only opened as the child's standard output (as `> /dev/full` does); no file
    # is created or changed.
    with open("/dev/full", "wb") as full:
        result = run_cli(args, atlas_db_path, stdout=full.fileno())
    assert result.stderr.decode() == FULL_ERROR
    assert result.returncode == 1


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_closed_stdout_is_one_line_and_exit_1(args: list[str], atlas_db_path: Path) -> None:
    # `genai-atlas list >&-`: the shell starts the program with fd 1 closed.
    result = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "genai_atlas", *args],
        capture_output=True,
        env=cli_env(atlas_db_path),
        timeout=120,
    )
    assert result.stderr.decode() == CLOSED_ERROR
    assert result.returncode == 1


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_pipe_whose_reader_quit_is_one_line_and_exit_1(
    args: list[str], atlas_db_path: Path
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte is written
    try:
        result = run_cli(args, atlas_db_path, stdout=write_end)
    finally:
        os.close(write_end)
    assert result.stderr.decode() == BROKEN_ERROR
    assert result.returncode == 1


def test_a_reader_that_quits_halfway_gets_the_same_line(atlas_db_path: Path) -> None:
    # `genai-atlas list | head -1`: some output went through before the pipe broke.
    process = subprocess.Popen(
        [sys.executable, "-m", "genai_atlas", "search", "model", "--limit", "100", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(atlas_db_path),
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read()
    process.stderr.close()  # an open pipe left for the collector is a ResourceWarning
    process.wait(timeout=60)
    assert first.startswith(b'{"kind"')
    assert process.returncode in (0, 1)  # 0 if everything fitted into the pipe at once
    if process.returncode == 1:
        assert error.decode() == BROKEN_ERROR
    else:
        assert error == b""


# --- words that are not commands ------------------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (["lst"], "unknown command 'lst' (did you mean 'list'?)"),
        (["LIST"], "unknown command 'LIST' (did you mean 'list'?)"),
        (["shwo", "model/gpt-4"], "unknown command 'shwo' (did you mean 'show'?)"),
        (["serch", "diffusion"], "unknown command 'serch' (did you mean 'search'?)"),
        (["comapre"], "unknown command 'comapre' (did you mean 'compare'?)"),
        (
            ["large", "language"],
            "unknown command 'large'; to search for several words, put them in quotes "
            "or use 'genai-atlas search WORDS'",
        ),
    ],
)
def test_unknown_commands_are_errors(args: list[str], message: str, atlas_db_path: Path) -> None:
    result = run_cli(args, atlas_db_path)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"genai-atlas: {message}")
    assert result.stdout == b""


@pytest.mark.parametrize("args", [["diffusion"], ["large language"], [b"\xff\x1b[2J"]])
def test_a_single_other_word_is_a_search_for_the_app(
    args: list[str | bytes], atlas_db_path: Path
) -> None:
    # With no display the app cannot open, and says so: proof that it was the app's turn.
    result = run_cli(args, atlas_db_path)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("genai-atlas: no display to open a window on")


# --- the fuzz ---------------------------------------------------------------------------------

KINDS = [kind.value for kind in EntryKind]
REAL_IDS = ["comparison/overview", "model/gpt-4", "model/claude", "category/text-generation"]
OPTIONS = [
    "--json",
    "--kind",
    "--limit",
    "--pdf",
    "--csv",
    "--markdown",
    "--page-size",
    "A4",
    "--landscape",
    "--only-differences",
    "--help",
    "--",
    "-",
    "",
    "diffusion",
    "model",
    "lst",
]
# No "/" in free text: a path then stays inside the example's own folder (the working directory).
free_text = st.text(st.characters(exclude_characters="\0/", exclude_categories=["Cs"]), max_size=30)
free_bytes = st.binary(max_size=30).map(lambda raw: raw.replace(b"\0", b"").replace(b"/", b""))
words = st.one_of(free_text.map(str.encode), free_bytes)
tokens = st.one_of(
    words,
    st.tuples(st.sampled_from(KINDS), words).map(lambda pair: pair[0].encode() + b"/" + pair[1]),
    st.sampled_from(OPTIONS + REAL_IDS).map(str.encode),
    st.integers(250, 300).map(lambda length: b"n" * length),
)
COMMANDS = [["list"], ["show"], ["search"], ["print"], ["compare"], ["--self-test"], []]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(command=st.sampled_from(COMMANDS), rest=st.lists(tokens, max_size=5))
def test_any_argv_ends_without_a_traceback(
    command: list[str], rest: list[bytes], atlas_db_path: Path, tmp_path: Path
) -> None:
    args = [word.encode() for word in command] + rest
    with tempfile.TemporaryDirectory(dir=tmp_path) as workdir:
        result = run_cli(args, atlas_db_path, cwd=workdir)
        leftovers = [name for name in os.listdir(workdir) if name.startswith(".genai-atlas-")]
    assert_clean(result)
    assert result.returncode in (0, 1, 2, 130), (args, result.stderr[-2000:])
    assert not leftovers, f"temporary files left behind: {leftovers}"
