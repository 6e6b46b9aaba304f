"""The bundle's entry script: the same ``main`` as the ``genai-atlas`` console script, so the
bundle has the same signal handling, output checks and display check.

With ``GENAI_ATLAS_STARTUP_PROBE=1`` in the environment it also prints ``shown <ns>`` (the
``time.monotonic_ns()`` clock, shared by every process on the machine) once the main window is
first exposed and painted, then quits. ``bench/startup.py`` uses it to time the bundled app and
the app run from source through the same code path, and times its bare PySide6 window with the
same ``install_startup_probe``; nothing else sets the variable.
"""

from __future__ import annotations

import os
import sys
import time

TYPE_CHECKING = False  # as in genai_atlas/main.py: `typing` is not loaded for this
if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

PROBE_ENV = "GENAI_ATLAS_STARTUP_PROBE"


def install_startup_probe(app: QApplication) -> None:
    """Print ``shown <ns>`` once the first QMainWindow has been exposed and painted, then quit.

    The probe watches as little as it can, because an event filter written in Python costs a
    call into Python for every event it sees: on the whole application, that was every event
    of every widget the main window builds (about 1,600, some 20 ms), a cost the app does not
    have when nobody measures it. So the filter moves in three steps: on the application only
    until the first event reaches a QMainWindow (its construction has begun), then on that
    window alone until it is shown (its native window exists then), then on its native window
    until that is exposed. The clock stops after the expose event has been handled, i.e. once
    the window has painted.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QMainWindow

    def report() -> None:
        print(f"shown {time.monotonic_ns()}", flush=True)
        app.quit()

    class Probe(QObject):
        on_application = True

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if isinstance(watched, QWindow):
                if event.type() == QEvent.Type.Expose and watched.isExposed():
                    watched.removeEventFilter(self)
                    # After the expose event is handled, i.e. once the window has painted.
                    QTimer.singleShot(0, report)
            elif isinstance(watched, QMainWindow):
                if self.on_application:
                    self.on_application = False
                    app.removeEventFilter(self)
                    watched.installEventFilter(self)
                elif event.type() == QEvent.Type.Show:
                    # Its native window exists now; it is exposed later, from the event loop.
                    watched.removeEventFilter(self)
                    handle = watched.windowHandle()
                    if handle is not None:
                        handle.installEventFilter(self)
            return False

    app.installEventFilter(Probe(app))


if __name__ == "__main__":
    # main() installs these too (a second call does nothing); here they also cover the probe.
    from genai_atlas.main import install_signal_handlers, main

    install_signal_handlers()
    if os.environ.get(PROBE_ENV) == "1":
        from genai_atlas.app import application

        install_startup_probe(application())
    sys.exit(main())
