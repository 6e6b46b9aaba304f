"""``genai-atlas print`` and ``genai-atlas compare`` as a user runs them: files, exit codes and
one-line messages."""

from __future__ import annotations

import csv
import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from tests.cli_process import cli_env, run_cli
from tests.export.odd_files import (
    KIND_WORDS,
    MAKERS,
    TEST_KIND,
    fill,
    leftovers,
    snapshot,
    tiny_disk,
)


def run_cli_bytes(*args: str, db: Path) -> subprocess.CompletedProcess[bytes]:
    """The command with its standard output as bytes (a PDF), through a pipe."""
    return run_cli(*args, db=db, text=False)


def assert_one_line_exit_2(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stderr.endswith("\n")
    assert result.stderr.startswith("genai-atlas: ") and message in result.stderr
    assert result.stdout == ""


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """An empty folder for output files (tmp_path also holds the test's database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_print_comparison_writes_a_pdf(atlas_db_path: Path, out_dir: Path) -> None:
    target = out_dir / "overview.pdf"
    result = run_cli("print", "comparison/overview", "--pdf", str(target), db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = pdf_text(target)
    assert "Overview" in text and "Primary Focus" in text and "page 1 of 1" in text
    assert os.listdir(out_dir) == ["overview.pdf"]


def test_print_takes_page_size_and_landscape(atlas_db_path: Path, out_dir: Path) -> None:
    target = out_dir / "uses.pdf"
    result = run_cli(
        "print",
        "comparison/use-cases",
        "--pdf",
        str(target),
        "--page-size",
        "Letter",
        "--landscape",
        db=atlas_db_path,
    )
    assert result.returncode == 0, result.stderr
    box = pypdf.PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)


def test_compare_replaces_an_existing_file(atlas_db_path: Path, out_dir: Path) -> None:
    target = out_dir / "models.pdf"
    target.write_bytes(b"old contents")
    result = run_cli(
        "compare",
        "model/gpt-4",
        "model/claude",
        "model/dall-e",
        "model/llama",
        "--pdf",
        str(target),
        db=atlas_db_path,
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(target)
    for name in ("GPT-4", "Claude", "DALL·E", "Llama", "Organisation", "Anthropic"):
        assert name in text
    assert os.listdir(out_dir) == ["models.pdf"]


def test_compare_to_csv_and_markdown(atlas_db_path: Path, out_dir: Path) -> None:
    ids = ("category/text-generation", "category/image-generation")
    result = run_cli("compare", *ids, "--csv", str(out_dir / "c.csv"), db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO((out_dir / "c.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["Field", "Text Generation", "Image Generation"]
    result = run_cli("compare", *ids, "--markdown", str(out_dir / "c.md"), db=atlas_db_path)
    assert result.returncode == 0
    assert "| Field | Text Generation | Image Generation |" in (out_dir / "c.md").read_text()


BAD_COMPARES = [
    (["compare", "model/gpt-4", "term/gan"], "different kinds"),
    (["compare", "model/gpt-4"], "2 to 4 entries"),
    (
        ["compare", "model/gpt-4", "model/claude", "model/llama", "model/bert", "model/palm"],
        "2 to 4 entries",
    ),
    (["compare", "model/gpt-4", "model/nonesuch"], "no entry with id 'model/nonesuch'"),
]
BAD_REQUESTS = [
    (args + [option], message)
    for args, message in BAD_COMPARES
    for option in ("--pdf", "--csv", "--markdown")
] + [(["print", "comparison/nonesuch", "--pdf"], "no entry with id 'comparison/nonesuch'")]


@pytest.mark.parametrize("args, message", BAD_REQUESTS)
def test_bad_requests_exit_2_with_one_line_and_touch_nothing(
    atlas_db_path: Path, out_dir: Path, args: list[str], message: str
) -> None:
    target = out_dir / "out.file"
    target.write_text("keep me")
    result = run_cli(*args, str(target), db=atlas_db_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert target.read_text() == "keep me"
    assert os.listdir(out_dir) == ["out.file"]


@pytest.mark.parametrize(
    "where, message",
    [("missing-folder/out.pdf", "does not exist"), ("a-file.txt/out.pdf", "is not a folder")],
)
def test_a_missing_folder_exits_2(
    atlas_db_path: Path, out_dir: Path, where: str, message: str
) -> None:
    (out_dir / "a-file.txt").write_text("x")
    result = run_cli(
        "print", "comparison/overview", "--pdf", str(out_dir / where), db=atlas_db_path
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(os.listdir(out_dir)) == ["a-file.txt"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_folder_exits_2(atlas_db_path: Path, out_dir: Path) -> None:
    locked = out_dir / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run_cli(
            "compare", "term/gan", "term/vae", "--csv", str(locked / "x.csv"), db=atlas_db_path
        )
    finally:
        locked.chmod(0o700)
    assert result.returncode == 2
    assert "not writable" in result.stderr
    assert os.listdir(locked) == []


def test_a_failed_write_leaves_no_temporary_file(atlas_db_path: Path, out_dir: Path) -> None:
    # A folder where the file should go: the check refuses it before anything is written.
    (out_dir / "out.pdf").mkdir()
    result = run_cli(
        "print", "comparison/overview", "--pdf", str(out_dir / "out.pdf"), db=atlas_db_path
    )
    assert result.returncode == 2
    assert "it is a folder" in result.stderr
    assert os.listdir(out_dir) == ["out.pdf"]


def test_list_stays_free_of_qt(atlas_db_path: Path) -> None:
    code = (
        "import sys; from genai_atlas.cli import run; run(['list']); "
        "print('PySide6' in sys.modules, file=sys.stderr)"
    )
    env = dict(os.environ, GENAI_ATLAS_DB=str(atlas_db_path))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.stderr.strip() == "False"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_even_root_cannot_write_exits_2(atlas_db_path: Path) -> None:
    # /proc accepts no new files, whoever asks: the write itself fails (CI runs as root, where
    # the permission check above passes), and the user still gets one line and exit 2.
    target = Path("/proc/genai-atlas-test.csv")
    result = run_cli("compare", "term/gan", "term/vae", "--csv", str(target), db=atlas_db_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"genai-atlas: cannot write {target}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not target.exists()


# --- what a target may be (issue 8: exports replaced devices, FIFOs and links) ----------------

WRITE_COMMANDS = {
    "print --pdf": ["print", "comparison/overview", "--pdf"],
    "compare --pdf": ["compare", "term/gan", "term/vae", "--pdf"],
    "compare --csv": ["compare", "term/gan", "term/vae", "--csv"],
    "compare --markdown": ["compare", "term/gan", "term/vae", "--markdown"],
}


@pytest.mark.parametrize("kind", sorted(MAKERS))
@pytest.mark.parametrize("command", sorted(WRITE_COMMANDS))
def test_a_target_that_is_not_a_regular_file_exits_2_and_is_left_alone(
    atlas_db_path: Path, out_dir: Path, command: str, kind: str
) -> None:
    # A FIFO opened for writing would block until a reader came: the timeout would show it.
    target = MAKERS[kind](out_dir / "target")
    before = snapshot(target)
    result = run_cli(*WRITE_COMMANDS[command], str(target), db=atlas_db_path)
    assert_one_line_exit_2(
        result, f"cannot write {target}: it is {KIND_WORDS[kind]}, not a regular file"
    )
    assert "choose a file name" in result.stderr
    assert snapshot(target) == before and TEST_KIND[kind](os.lstat(target).st_mode)
    assert os.listdir(out_dir) == ["target"]


@pytest.mark.parametrize("kind", ["fifo", "character device"])
@pytest.mark.parametrize("command", ["print --pdf", "compare --csv"])
def test_a_link_to_a_fifo_or_device_exits_2(
    atlas_db_path: Path, out_dir: Path, command: str, kind: str
) -> None:
    target = MAKERS[kind](out_dir / "target")
    (out_dir / "link").symlink_to("target")
    before = snapshot(target)
    result = run_cli(*WRITE_COMMANDS[command], str(out_dir / "link"), db=atlas_db_path)
    assert_one_line_exit_2(result, f"it points to {target}, {KIND_WORDS[kind]}, not a regular")
    assert snapshot(target) == before
    assert (out_dir / "link").is_symlink() and os.readlink(out_dir / "link") == "target"


def test_a_link_gets_its_file_written_and_stays_a_link(atlas_db_path: Path, out_dir: Path) -> None:
    (out_dir / "sheets").mkdir()
    (out_dir / "sheets" / "overview.pdf").write_bytes(b"old")
    (out_dir / "latest.pdf").symlink_to("sheets/overview.pdf")
    result = run_cli(
        "print", "comparison/overview", "--pdf", str(out_dir / "latest.pdf"), db=atlas_db_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {out_dir / 'latest.pdf'}\n"
    assert "Primary Focus" in pdf_text(out_dir / "sheets" / "overview.pdf")
    assert os.readlink(out_dir / "latest.pdf") == "sheets/overview.pdf"
    assert os.listdir(out_dir / "sheets") == ["overview.pdf"]


def test_the_longest_name_the_file_system_takes_works(atlas_db_path: Path, out_dir: Path) -> None:
    name = "o" * 251 + ".pdf"  # 255 bytes: the temporary file's name must not grow from it
    result = run_cli("print", "comparison/overview", "--pdf", str(out_dir / name), db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    assert "Overview" in pdf_text(out_dir / name)
    assert os.listdir(out_dir) == [name]


@pytest.mark.parametrize("command", sorted(WRITE_COMMANDS))
def test_a_name_too_long_exits_2_with_one_line(
    atlas_db_path: Path, out_dir: Path, command: str
) -> None:
    result = run_cli(*WRITE_COMMANDS[command], str(out_dir / ("o" * 300)), db=atlas_db_path)
    assert_one_line_exit_2(result, "the name is too long for the file system")
    assert "o" * 200 not in result.stderr  # the name is shortened in the message
    assert os.listdir(out_dir) == []


@pytest.mark.parametrize("command", ["print --pdf", "compare --markdown"])
def test_an_empty_file_name_exits_2(atlas_db_path: Path, out_dir: Path, command: str) -> None:
    result = run_cli(*WRITE_COMMANDS[command], "", db=atlas_db_path)
    assert_one_line_exit_2(result, "no output file given; name a file")
    assert os.listdir(out_dir) == []


def test_a_full_disk_exits_2_and_keeps_the_old_file(atlas_db_path: Path, tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk", "64k") as disk:
        (disk / "models.pdf").write_bytes(b"old")
        fill(disk)
        result = run_cli(
            *WRITE_COMMANDS["compare --pdf"], str(disk / "models.pdf"), db=atlas_db_path
        )
        assert_one_line_exit_2(result, "the disk is full; free some space")
        assert (disk / "models.pdf").read_bytes() == b"old"
        assert leftovers(disk, "filler") == ["models.pdf"]


# --- "-": standard output ----------------------------------------------------------------------


@pytest.mark.parametrize("option, suffix", [("--csv", "csv"), ("--markdown", "md")])
def test_a_table_goes_to_standard_output_and_nothing_else(
    atlas_db_path: Path, out_dir: Path, option: str, suffix: str
) -> None:
    ids = ("model/gpt-4", "model/claude")
    piped = run_cli_bytes("compare", *ids, option, "-", db=atlas_db_path)
    assert piped.returncode == 0 and piped.stderr == b""
    written = run_cli("compare", *ids, option, str(out_dir / f"t.{suffix}"), db=atlas_db_path)
    assert written.returncode == 0
    assert piped.stdout == (out_dir / f"t.{suffix}").read_bytes()  # no "wrote" line mixed in
    assert b"Claude" in piped.stdout
    assert os.listdir(out_dir) == [f"t.{suffix}"]  # no file named "-"


@pytest.mark.parametrize("command", ["print --pdf", "compare --pdf"])
def test_a_pdf_goes_to_a_pipe(atlas_db_path: Path, out_dir: Path, command: str) -> None:
    result = run_cli_bytes(*WRITE_COMMANDS[command], "-", db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert result.stdout.startswith(b"%PDF-") and result.stdout.rstrip().endswith(b"%%EOF")
    reader = pypdf.PdfReader(io.BytesIO(result.stdout))
    assert "page 1 of 1" in " ".join(reader.pages[0].extract_text().split())
    assert os.listdir(out_dir) == []


@pytest.mark.parametrize("command", ["print --pdf", "compare --pdf"])
def test_a_pdf_is_not_written_to_a_terminal(atlas_db_path: Path, command: str) -> None:
    main, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "genai_atlas", *WRITE_COMMANDS[command], "-"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(atlas_db_path),
            timeout=120,
        )
    finally:
        os.close(terminal)
    shown = b""
    try:
        while select.select([main], [], [], 0)[0]:
            chunk = os.read(main, 65536)
            if not chunk:
                break
            shown += chunk
    except OSError:  # EIO: the terminal's other end is closed and nothing is left
        pass
    finally:
        os.close(main)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert "will not write a PDF to the terminal; redirect standard output" in result.stderr
    assert "or name a file" in result.stderr
    assert shown == b""
