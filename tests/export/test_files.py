"""``atomic_write`` and ``check_target`` on every kind of target a user can point at: what ends
up on disk, what is left alone, and the one-line message (the CLI tests check the exit codes)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from genai_atlas.export import files
from genai_atlas.export.files import ExportError, atomic_write, check_target

from .odd_files import KIND_WORDS, MAKERS, TEST_KIND, fill, leftovers, snapshot, tiny_disk


def refusal(path: Path | str, data: bytes | str = "new") -> str:
    """The message atomic_write refuses ``path`` with (it must refuse)."""
    with pytest.raises(ExportError) as caught:
        atomic_write(path, data)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("cannot write ")
    return message


def test_a_new_file_gets_the_data_and_the_usual_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        written = atomic_write(tmp_path / "new.csv", "a,b\r\n")
    finally:
        os.umask(umask)
    assert written == tmp_path / "new.csv"
    assert (tmp_path / "new.csv").read_bytes() == b"a,b\r\n"
    assert stat.S_IMODE(os.stat(tmp_path / "new.csv").st_mode) == 0o644
    assert os.listdir(tmp_path) == ["new.csv"]


def test_an_existing_file_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "old.md"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["old.md"]


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_a_target_that_is_not_a_regular_file_is_refused_and_left_alone(
    tmp_path: Path, kind: str
) -> None:
    target = MAKERS[kind](tmp_path / "target")
    before = snapshot(target)
    message = refusal(target)
    assert f"it is {KIND_WORDS[kind]}, not a regular file; choose a file name" in message
    assert snapshot(target) == before and TEST_KIND[kind](os.lstat(target).st_mode)
    assert os.listdir(tmp_path) == ["target"]


@pytest.mark.parametrize("kind", ["fifo", "character device", "folder"])
def test_a_link_to_something_not_a_regular_file_is_refused(tmp_path: Path, kind: str) -> None:
    target = MAKERS[kind](tmp_path / "target")
    (tmp_path / "link").symlink_to("target")
    before = snapshot(target)
    message = refusal(tmp_path / "link")
    assert f"it points to {tmp_path / 'target'}, {KIND_WORDS[kind]}, not a regular" in message
    assert snapshot(target) == before
    assert os.readlink(tmp_path / "link") == "target"
    assert sorted(os.listdir(tmp_path)) == ["link", "target"]


def test_a_chain_of_links_writes_the_file_at_its_end_and_the_links_stay(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "sheet.csv").write_text("old")
    (tmp_path / "first").symlink_to("second")
    (tmp_path / "second").symlink_to("real/sheet.csv")
    assert atomic_write(tmp_path / "first", "new") == tmp_path / "real" / "sheet.csv"
    assert (tmp_path / "real" / "sheet.csv").read_text() == "new"
    assert (tmp_path / "first").is_symlink() and (tmp_path / "second").is_symlink()
    assert os.readlink(tmp_path / "first") == "second"
    assert sorted(os.listdir(tmp_path)) == ["first", "real", "second"]
    assert os.listdir(tmp_path / "real") == ["sheet.csv"]


def test_a_relative_link_is_read_from_its_own_folder(tmp_path: Path) -> None:
    (tmp_path / "links").mkdir()
    (tmp_path / "data.md").write_text("old")
    (tmp_path / "links" / "data.md").symlink_to("../data.md")
    atomic_write(tmp_path / "links" / "data.md", "new")
    assert (tmp_path / "data.md").read_text() == "new"
    assert (tmp_path / "links" / "data.md").is_symlink()


def test_a_dangling_link_creates_the_file_it_points_to(tmp_path: Path) -> None:
    (tmp_path / "link.csv").symlink_to("made.csv")
    atomic_write(tmp_path / "link.csv", "new")
    assert (tmp_path / "made.csv").read_text() == "new"
    assert os.readlink(tmp_path / "link.csv") == "made.csv"


def test_a_dangling_link_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "link.csv").symlink_to("gone/made.csv")
    message = refusal(tmp_path / "link.csv")
    assert f"the folder {tmp_path / 'gone'} does not exist; create it" in message
    assert os.listdir(tmp_path) == ["link.csv"]


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    assert "too many symbolic links" in refusal(tmp_path / "a")
    assert sorted(os.listdir(tmp_path)) == ["a", "b"]


def test_a_link_to_another_file_system_is_written_there(tmp_path: Path) -> None:
    # The temporary file must sit beside the real file: a rename cannot cross file systems.
    with tiny_disk(tmp_path / "disk", "1m") as disk:
        (disk / "sheet.md").write_text("old")
        (tmp_path / "link.md").symlink_to(disk / "sheet.md")
        atomic_write(tmp_path / "link.md", "new")
        assert (disk / "sheet.md").read_text() == "new"
        assert os.listdir(disk) == ["sheet.md"]
    assert (tmp_path / "link.md").is_symlink()


def test_the_longest_name_the_file_system_takes_works(tmp_path: Path) -> None:
    name = "n" * 251 + ".csv"  # 255 bytes, the limit of ext4, tmpfs, btrfs, xfs
    atomic_write(tmp_path / name, "new")
    assert (tmp_path / name).read_text() == "new"
    assert os.listdir(tmp_path) == [name]


def test_a_name_too_long_is_one_line_naming_it(tmp_path: Path) -> None:
    message = refusal(tmp_path / ("n" * 300))
    assert "the name is too long for the file system; choose a shorter name" in message
    assert "(3" in message and "characters)" in message  # shortened, with its length
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("name", ["", "   "])
def test_no_name_is_refused(name: str) -> None:
    with pytest.raises(ExportError, match="no output file given"):
        check_target(name)


def test_control_characters_in_the_name_are_escaped_in_the_message(tmp_path: Path) -> None:
    message = refusal(tmp_path / "\x1b[2J" / "out.csv")
    assert "\x1b" not in message and "\\x1b[2J" in message


def test_a_file_in_place_of_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    message = refusal(tmp_path / "file.txt" / "out.csv")
    assert f"{tmp_path / 'file.txt'} is not a folder" in message
    assert (tmp_path / "file.txt").read_text() == "x"


def test_something_put_in_place_during_the_write_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A FIFO made at the target after the check and before the rename must not be replaced.
    target = tmp_path / "out.csv"
    real_fsync = os.fsync

    def fsync_then_fifo(handle: int) -> None:
        real_fsync(handle)
        if not target.exists():
            os.mkfifo(target)

    monkeypatch.setattr(files.os, "fsync", fsync_then_fifo)
    message = refusal(target)
    assert "it became a FIFO (named pipe) while it was written; try again" in message
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert os.listdir(tmp_path) == ["out.csv"]


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk", "64k") as disk:
        (disk / "sheet.csv").write_text("old")
        message = refusal(disk / "sheet.csv", b"x" * (256 * 1024))
        assert message.endswith("the disk is full; free some space or choose another place")
        assert (disk / "sheet.csv").read_text() == "old"
        assert os.listdir(disk) == ["sheet.csv"]
        fill(disk)  # now not even a small file fits
        assert "the disk is full" in refusal(disk / "sheet.csv", "new")
        assert leftovers(disk, "filler") == ["sheet.csv"]


def test_a_read_only_file_system_is_named(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk", "64k", read_only=True) as disk:
        message = refusal(disk / "sheet.csv")
        assert message.endswith("the file system is read-only; choose another place")
        assert os.listdir(disk) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file")
def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").write_text("old")
    (tmp_path / "sheet.csv").chmod(0o444)
    assert "the file is read-only" in refusal(tmp_path / "sheet.csv")
    assert (tmp_path / "sheet.csv").read_text() == "old"


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sheet.csv"
    target.write_text("old")

    def interrupted(handle: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["sheet.csv"]


def test_remove_pending_files_removes_a_write_in_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a SIGINT handler does before os._exit: the half-written temporary file goes.
    target = tmp_path / "sheet.csv"
    target.write_text("old")
    seen: list[list[str]] = []

    def signal_arrives(handle: int) -> None:
        seen.append(leftovers(tmp_path, "sheet.csv"))
        files.remove_pending_files()
        seen.append(leftovers(tmp_path, "sheet.csv"))
        raise KeyboardInterrupt  # stands for os._exit: nothing after the handler runs

    monkeypatch.setattr(files.os, "fsync", signal_arrives)
    # remove_pending_files keeps its lock for good (the process is ending): use a spare one.
    monkeypatch.setattr(files, "_changing", threading.RLock())
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new")
    assert len(seen[0]) == 1 and seen[0][0].startswith(".genai-atlas-")
    assert seen[1] == []
    assert target.read_text() == "old"


SIGINT_CHILD = """
import os, signal, sys
from genai_atlas.export.files import atomic_write, remove_pending_files

def stop(signum, frame):  # what the command line's handler does
    remove_pending_files()
    os._exit(130)

signal.signal(signal.SIGINT, stop)
payload = b"n" * (2 << 20)
print("ready", flush=True)
while True:
    atomic_write(sys.argv[1], payload)
"""


def test_sigint_at_any_moment_leaves_a_whole_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    for trial in range(12):
        target.write_bytes(b"old")
        child = subprocess.Popen(
            [sys.executable, "-c", SIGINT_CHILD, str(target)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(trial * 0.007)  # spread the signal over the write loop, not a timing check
        child.send_signal(signal.SIGINT)
        assert child.wait(timeout=60) == 130
        child.stdout.close()
        assert target.read_bytes() in (b"old", b"n" * (2 << 20))
        assert os.listdir(tmp_path) == ["sheet.pdf"]


THREAD_CHILD = """
import os, sys, threading, time
from genai_atlas.export.files import atomic_write, remove_pending_files

def end_soon():  # what the command line's signal-watching thread does on Ctrl+C
    time.sleep(float(sys.argv[2]))
    remove_pending_files()
    time.sleep(0.05)  # saying "interrupted" on a slow terminal: the writer runs on meanwhile
    os._exit(130)

threading.Thread(target=end_soon, daemon=True).start()
payload = b"n" * (256 << 10)
while True:
    atomic_write(sys.argv[1], payload)
"""


def test_ending_from_another_thread_leaves_no_temporary(tmp_path: Path) -> None:
    # The writer must neither start a temporary file after the clean-up nor fail (exit 2, a
    # message) because its file was removed: it stops, and the process ends with 130.
    target = tmp_path / "sheet.csv"
    for trial in range(12):
        target.write_bytes(b"old")
        result = subprocess.run(
            [sys.executable, "-c", THREAD_CHILD, str(target), str(0.02 + trial * 0.004)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 130, result.stderr
        assert result.stderr == ""
        assert target.read_bytes() in (b"old", b"n" * (256 << 10))
        assert os.listdir(tmp_path) == ["sheet.csv"]
