"""``genai-atlas print`` and ``genai-atlas compare`` as a user runs them: files, exit codes and
one-line messages."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest


def run_cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GENAI_ATLAS_DB=str(db))
    env.pop("QT_QPA_PLATFORM", None)  # the CLI must choose off-screen rendering by itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "genai_atlas", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


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
    for name in ("GPT-4", "Claude", "DALL·E", "LLaMA", "Organisation", "Anthropic"):
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
