"""Safe writing: check the target first, write a temporary file beside it, then rename it in.

Only a regular file is ever written. A symbolic link (or a chain of them) is followed, so the
file it points to gets the new content and the link stays a link; a device, FIFO, socket or
folder is refused without being opened (opening a FIFO for writing would block until a reader
comes). A reader never sees a half-written file: the bytes go to ``.genai-atlas-XXXXXXXX.tmp``
in the real file's folder, are synced, and the temporary file is renamed over the target. A
failed export leaves the old file untouched and no temporary file behind, and so does Ctrl+C:
the temporary files being written are listed here for ``remove_pending_files``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import threading
from pathlib import Path

from ..data import KnownError, echo

# Linux gives up after 40 links in a row (MAXSYMLINKS); a loop ends the same way.
MAX_LINKS = 40
TEMPORARY_PREFIX = ".genai-atlas-"
TEMPORARY_SUFFIX = ".tmp"
PATH_ECHO_LIMIT = 160

# Temporary files created and not yet renamed into place or removed. Each name is listed before
# its file is created, so whoever calls remove_pending_files sees every file that may exist.
_pending: set[str] = set()
# Held while a temporary file is created (its name listed first) and while it is renamed into
# place: the two moments a write changes what is in the folder. remove_pending_files takes it
# and keeps it, so a writer in another thread stops at its next change instead of creating a
# file after the clean-up, or failing (and saying so) because its file was removed. The
# command line's signal handler may run in such another thread (it watches set_wakeup_fd while
# Qt runs C++ code). Reentrant, because a Python-level handler runs in the writing thread
# itself, between two bytecodes, where the file either exists and is listed or does not exist.
_changing = threading.RLock()
# How long remove_pending_files waits for another thread to finish such a change.
_CHANGE_WAIT_SECONDS = 2.0


class ExportError(KnownError, OSError):
    """The file cannot be written; ``str(error)`` names it, says why and what to do, in one line.

    An OSError too, so code that catches OSError around a write (the GUI's export actions)
    shows this message as it is.
    """


def remove_pending_files() -> None:
    """Delete every temporary file a write has not finished with, right before the process
    ends (``os._exit``): nothing after it may start another one.

    Safe in a signal handler, in the writing thread or in another: it waits at most a moment
    for a thread that is creating a temporary file, ignores every error (a file already renamed
    into place is simply not found), and keeps any other thread from creating a new one.
    """
    # Never released: the process is about to end, and a writer in another thread must not
    # change anything after this. The same thread may still take it (it is reentrant).
    _changing.acquire(timeout=_CHANGE_WAIT_SECONDS)
    for _ in range(3):
        try:
            names = tuple(_pending)
        except RuntimeError:  # another thread changed the set while it was copied
            continue
        for name in names:
            try:
                os.unlink(name)
            except OSError:
                pass
            _pending.discard(name)
        return


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

_REASONS = {
    errno.ENOSPC: "the disk is full; free some space or choose another place",
    errno.EDQUOT: "the disk quota is used up; free some space or choose another place",
    errno.EACCES: "permission denied; choose a place you can write to",
    errno.EPERM: "the operation is not permitted; choose a place you can write to",
    errno.EROFS: "the file system is read-only; choose another place",
    errno.ENAMETOOLONG: "the name is too long for the file system; choose a shorter name",
    errno.ELOOP: "too many symbolic links in a row (a loop?); choose a file name",
    errno.EINVAL: "the file system does not accept this name; choose another name",
    errno.EILSEQ: "the file system does not accept this name; choose another name",
    errno.EISDIR: "it is a folder; choose a file name",
    errno.ENOTDIR: "a part of the path is not a folder; choose another place",
    errno.EFBIG: "the file is too large for this file system; choose another place",
    errno.EIO: "the disk reported an input/output error; check it or choose another place",
}


def _echo(path: str) -> str:
    # Escaped like any user input, but cut later than the usual 80 characters: a file's name
    # is at the end of its path, and a message that loses it does not say which file.
    return echo(path, limit=PATH_ECHO_LIMIT)


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a special file"


def _reason(error: OSError) -> str:
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error) or type(error).__name__).rstrip(".")


def _refuse(shown: str, reason: str) -> ExportError:
    return ExportError(f"cannot write {shown}: {reason}")


def _absolute(name: str) -> str:
    """``name`` made absolute without normalising it: ``link/..`` must go where the kernel
    goes, which is not where os.path.normpath would go."""
    if os.path.isabs(name):
        return name
    try:
        return os.path.join(os.getcwd(), name)
    except OSError:  # the current folder was deleted: the kernel resolves the name or fails
        return name


def _check_folder(folder: str, shown: str) -> None:
    """``folder`` exists and this process may create files in it."""
    try:
        info = os.stat(folder)
    except (OSError, ValueError):
        info = None
    if info is None:
        raise _refuse(
            shown, f"the folder {_echo(folder)} does not exist; create it or choose another"
        )
    if not stat.S_ISDIR(info.st_mode):
        raise _refuse(shown, f"{_echo(folder)} is not a folder; choose another place")
    # os.access says yes to root everywhere; the real write still reports EACCES or EROFS.
    if not os.access(folder, os.W_OK | os.X_OK):
        try:
            read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
        except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
            read_only = False
        if read_only:
            raise _refuse(shown, _REASONS[errno.EROFS])
        raise _refuse(
            shown, f"the folder {_echo(folder)} is not writable; choose a place you can write to"
        )


def _resolve(path: str | os.PathLike[str]) -> tuple[str, str]:
    """The regular file (existing or to be created) that writing ``path`` means, and ``path``
    as it is shown in messages. ExportError if it is anything else."""
    name = os.fspath(path)
    shown = _echo(name)
    if not name.strip():
        raise ExportError("no output file given; name a file")
    start = current = _absolute(name)
    for _ in range(MAX_LINKS + 1):
        base = os.path.basename(current)
        if base in ("", ".", ".."):
            raise _refuse(shown, "it names a folder, not a file; choose a file name")
        try:
            info = os.lstat(current)
        except (FileNotFoundError, NotADirectoryError) as error:
            # A new file: its folder must exist (ENOTDIR: a file stands where a folder should).
            _check_folder(os.path.dirname(current), shown)
            if isinstance(error, NotADirectoryError):
                raise _refuse(shown, _reason(error)) from None
            return current, shown
        except OSError as error:
            raise _refuse(shown, _reason(error)) from None
        except ValueError:  # a NUL character, or text the file system encoding cannot hold
            raise _refuse(shown, _REASONS[errno.EINVAL]) from None
        if stat.S_ISLNK(info.st_mode):
            try:
                link = os.readlink(current)
            except OSError as error:
                raise _refuse(shown, _reason(error)) from None
            current = os.path.join(os.path.dirname(current), link)
            continue
        if not stat.S_ISREG(info.st_mode):
            kind = _kind(info.st_mode)
            if current != start:
                kind = f"it points to {_echo(current)}, {kind}"
            else:
                kind = f"it is {kind}"
            raise _refuse(shown, f"{kind}, not a regular file; choose a file name")
        _check_folder(os.path.dirname(current), shown)
        if not os.access(current, os.W_OK):
            raise _refuse(shown, "the file is read-only; make it writable or choose another name")
        return current, shown
    raise _refuse(shown, _REASONS[errno.ELOOP])


def check_target(path: str | os.PathLike[str]) -> Path:
    """The regular file that writing ``path`` would replace or create (symbolic links
    followed); ExportError, naming ``path`` and the reason, if it cannot be written.

    Nothing is opened: a FIFO or device is told apart by ``lstat`` alone.
    """
    return Path(_resolve(path)[0])


def _create_temporary(folder: str) -> tuple[int, str]:
    """A new, empty temporary file in ``folder``: its descriptor and name, listed as pending.

    The name is short and fixed in length, so any target name the file system accepts (up to
    255 bytes) can be written: a name built from the target's would be too long for it.
    """
    for _ in range(100):
        name = os.path.join(folder, f"{TEMPORARY_PREFIX}{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        with _changing:
            # Listed before it exists, so that Ctrl+C right after the open still removes it.
            _pending.add(name)
            try:
                # 0o666 less the umask, as any new file; an old file's mode is copied later.
                return os.open(name, flags, 0o666), name
            except FileExistsError:
                _pending.discard(name)
            except BaseException:
                _pending.discard(name)
                raise
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file")


def _still_writable(target: str, shown: str) -> None:
    """Right before the rename: the target is still absent or a regular file (something may
    have been put there while the data was written)."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISREG(info.st_mode):
        return
    kind = "a symbolic link" if stat.S_ISLNK(info.st_mode) else _kind(info.st_mode)
    raise _refuse(shown, f"it became {kind} while it was written; try again")


def _sync_folder(folder: str) -> None:
    # The rename is durable once the folder is synced; a file system that cannot sync a
    # folder still has the new file, so failing here is not an error.
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def atomic_write(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` to the regular file ``path`` names: a temporary file in that file's
    folder, synced, then renamed over it. Returns the file written (links followed)."""
    target, shown = _resolve(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = os.path.dirname(target)
    try:
        old: os.stat_result | None = os.stat(target)
    except OSError:
        old = None
    try:
        handle, temporary = _create_temporary(folder)
    except OSError as error:
        raise _refuse(shown, _reason(error)) from None
    try:
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(handle, view) :]
            if old is not None:
                # Keep the old file's owner (when allowed) and mode; chown first, as it may
                # clear the set-id bits that chmod then restores.
                with contextlib.suppress(OSError, AttributeError):  # no fchown on Windows
                    os.fchown(handle, old.st_uid, old.st_gid)
                with contextlib.suppress(OSError, AttributeError):
                    os.fchmod(handle, stat.S_IMODE(old.st_mode))
            os.fsync(handle)
        finally:
            os.close(handle)
        with _changing:
            _still_writable(target, shown)
            os.replace(temporary, target)
            _pending.discard(temporary)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        _pending.discard(temporary)
        if isinstance(error, OSError) and not isinstance(error, ExportError):
            raise _refuse(shown, _reason(error)) from None
        raise
    _sync_folder(folder)
    return Path(target)
