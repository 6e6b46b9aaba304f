"""The bundle's entry script: the same ``main`` as the ``genai-atlas`` console script, so the
bundle has the same signal handling, output checks and display check.

With ``GENAI_ATLAS_STARTUP_PROBE=1`` in the environment it also prints ``shown <ns>`` (the
``time.monotonic_ns()`` clock, shared by every process on the machine) once the main window is
first exposed and painted, then quits. ``bench/startup.py`` uses it to time the bundled app and
the app run from source through the same code path; nothing else sets the variable.
"""

import os
import sys
import time

PROBE_ENV = "GENAI_ATLAS_STARTUP_PROBE"


def install_startup_probe() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication, QMainWindow

    from genai_atlas.app import application

    app = application()

    def report() -> None:
        print(f"shown {time.monotonic_ns()}", flush=True)
        app.quit()

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Expose
                and isinstance(watched, QWindow)
                and watched.isExposed()
                and any(
                    isinstance(widget, QMainWindow) and widget.windowHandle() is watched
                    for widget in QApplication.topLevelWidgets()
                )
            ):
                app.removeEventFilter(self)
                # After the expose event is handled, i.e. once the window has painted.
                QTimer.singleShot(0, report)
            return False

    app.installEventFilter(Probe(app))


if __name__ == "__main__":
    # main() installs these too (a second call does nothing); here they also cover the probe.
    from genai_atlas.main import install_signal_handlers, main

    install_signal_handlers()
    if os.environ.get(PROBE_ENV) == "1":
        install_startup_probe()
    sys.exit(main())
