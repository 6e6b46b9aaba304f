"""Entry point of ``genai-atlas``: a command runs the CLI, anything else opens the desktop app.

The process never ends in a traceback that the user did not cause by a bug: Ctrl+C, SIGTERM and
SIGHUP end it at once with one line (no partial file is left), a closed standard stream is held
open on the null device so that no file the program opens takes its number, and a word that is
not a command is either a search for the app or, when it looks like a typo, an error.
"""

from __future__ import annotations

# Only built-in modules load before main() has put its signal handlers in place: until then a
# Ctrl+C gets Python's own KeyboardInterrupt traceback. `signal` (it loads `enum`), `threading`
# and `collections.abc` took about 20 ms of a start, and most Ctrl+C tracebacks came from there.
import _signal  # type: ignore[import-not-found]  # the C half of `signal`: no stubs
import _thread
import os
import sys

TYPE_CHECKING = False  # `typing` itself takes milliseconds to load; type checkers read this name
if TYPE_CHECKING:
    from collections.abc import Sequence

PROG = "genai-atlas"

# signal -> (exit code, what the line on stderr says); 128 + the signal's number, as shells do.
_ENDING_SIGNALS = {
    "SIGINT": (130, "interrupted"),
    "SIGTERM": (143, "terminated"),
    "SIGHUP": (129, "hung up"),
}
_ending = _thread.allocate_lock()
_handled_signals: set[int] = set()


def _end_on_signal(signum: int) -> None:
    """Remove files being written, say one line and end the process now.

    It runs in whichever thread sees the signal first (see ``_watch_signals``); the other one
    blocks on the lock until the process is gone. No exception is raised: a KeyboardInterrupt
    raised inside Qt's C++ code ends in "Fatal Python error" (an abort), or in a traceback.
    """
    _ending.acquire()
    name = next((n for n in _ENDING_SIGNALS if getattr(_signal, n, None) == signum), "")
    code, what = _ENDING_SIGNALS.get(name, (128 + signum, "stopped"))
    # Only files of a module that was imported can be pending; importing here could deadlock.
    files = sys.modules.get("genai_atlas.export.files")
    remove_pending_files = getattr(files, "remove_pending_files", None)
    if remove_pending_files is not None:
        try:
            remove_pending_files()
        except Exception:  # noqa: BLE001 - ending anyway; an error here must not stop that
            pass
    try:
        os.write(2, f"{PROG}: {what}\n".encode())
    except OSError:
        pass
    os._exit(code)


def _python_handler(signum: int, _frame: object) -> None:
    _end_on_signal(signum)


def _watch_signals(read_fd: int) -> None:
    # Python runs signal handlers in the main thread between bytecodes, so a handler waits while
    # Qt's event loop runs C++ code; this thread wakes on the signal itself (set_wakeup_fd).
    while True:
        try:
            data = os.read(read_fd, 64)
        except OSError:
            return
        if not data:
            return
        for signum in data:
            if signum in _handled_signals:
                _end_on_signal(signum)


def install_signal_handlers() -> None:
    """Make SIGINT, SIGTERM and SIGHUP end the process with one line; in the main thread only."""
    if _handled_signals:
        return
    for name in _ENDING_SIGNALS:
        number = getattr(_signal, name, None)
        if number is None:
            continue
        try:
            _signal.signal(number, _python_handler)
        except ValueError:  # not the main thread: the signals stay as they are
            return
        _handled_signals.add(number)
    if sys.platform == "win32":
        return
    import threading  # only now: the handlers above must not wait for it to load

    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    _signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    threading.Thread(target=_watch_signals, args=(read_fd,), name="signals", daemon=True).start()


def _hold_standard_fds() -> None:
    """Open the null device on any of fds 0, 1 and 2 that the caller closed (``list >&-``).

    Otherwise the next file opened (the database, a PDF being written) gets that number and
    output meant for the terminal goes into it. Fd 1 is opened read-only, so that writing to it
    still fails as a closed standard output should ("Bad file descriptor").
    """
    for fd, mode in ((0, os.O_RDONLY), (1, os.O_RDONLY), (2, os.O_WRONLY)):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        try:
            null = os.open(os.devnull, mode)
        except OSError:
            return
        if null != fd:
            os.dup2(null, fd)
            os.close(null)


def say(line: str) -> None:
    """Write ``genai-atlas: line`` to stderr, escaped for its encoding, ignoring a broken stderr."""
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    try:
        os.write(2, f"{PROG}: {line}\n".encode(encoding, "backslashreplace"))
    except (OSError, LookupError):
        pass


def text_argument(text: str) -> str:
    """Command-line text as the user typed it: bytes that the locale could not decode are read as
    UTF-8 when they are, and replaced when they are not (Qt and SQLite take no lone surrogates)."""
    try:
        return os.fsencode(text).decode("utf-8", "replace")
    except UnicodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def _word_error(args: list[str]) -> str | None:
    """The message for a first word that is not a command, or None if it is a search for the app."""
    from .command_names import near_command
    from .data.echo import echo

    word = args[0]
    typo_of = near_command(word)
    if typo_of is not None:
        # A real search word can be this close too ("research"): say how to search for it.
        return (
            f"unknown command '{echo(word)}' (did you mean '{typo_of}'?); "
            f"to search for a word, use '{PROG} search WORD'"
        )
    if len(args) > 1:
        return (
            f"unknown command '{echo(word)}'; to search for several words, put them in quotes "
            f"or use '{PROG} search WORDS'"
        )
    return None


def _run_command(args: list[str]) -> int:
    from .cli.output import OutputError, discard_standard_output, guard_standard_streams

    guard_standard_streams()
    try:
        try:
            from .cli import run

            code = run(args)
        except SystemExit as stop:  # argparse after --help, --version or a usage error
            code = _exit_code(stop)
        sys.stdout.flush()
    except OutputError as error:
        say(f"cannot write to standard output: {error}")
        discard_standard_output()
        return 1
    return code


def _exit_code(stop: SystemExit) -> int:
    if stop.code is None:
        return 0
    if isinstance(stop.code, int):
        return stop.code
    say(str(stop.code))
    return 1


def _open_app(search_text: str) -> int:
    from .display_check import no_display_reason

    reason = no_display_reason()
    if reason is not None:
        say(
            f"no display to open a window on ({reason}); the command line works without one: "
            f"try '{PROG} --help'"
        )
        return 2
    from .app import run_app

    return run_app(search_text=text_argument(search_text))


def _ignore_ending_signals() -> None:
    # The work is done and its output complete. Python puts the default handlers back while it
    # shuts down (and Qt's teardown can take a while), so a late Ctrl+C would kill the process
    # with no word said and an exit code that hides the command's real result.
    for number in _handled_signals:
        _signal.signal(number, _signal.SIG_IGN)


def main(argv: Sequence[str] | None = None) -> int:
    install_signal_handlers()
    try:
        return _main(argv)
    finally:
        _ignore_ending_signals()


def _main(argv: Sequence[str] | None) -> int:
    _hold_standard_fds()
    args = list(sys.argv[1:] if argv is None else argv)
    from .command_names import COMMAND_NAMES

    if args and (args[0].startswith("-") or args[0] in COMMAND_NAMES):
        return _run_command(args)
    if args:
        message = _word_error(args)
        if message is not None:
            say(message)
            return 2
    # `genai-atlas diffusion` (or `genai-atlas "large language"`) opens the app with that search.
    return _open_app(" ".join(args))


if __name__ == "__main__":
    sys.exit(main())
