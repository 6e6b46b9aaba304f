"""Issue 9: at QT_SCALE_FACTOR=2 search snippets and long titles end in an ellipsis, and nothing
is cut: no half letter at the right edge, no line cut at the bottom of its row.

Runs in its own process (the scale factor is read when the QApplication starts), offscreen, with
the results panel as narrow as a docked panel can be; it reads the painted pixels back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from genai_atlas.data import open_atlas
from genai_atlas.data.search import search
from genai_atlas.ui.search_model import SearchResultsModel
from genai_atlas.ui.result_rows import ELLIPSIS
from genai_atlas.ui.search_results import SearchResultsPanel

app = QApplication([])
atlas = open_atlas(sys.argv[1])
model = SearchResultsModel()
panel = SearchResultsPanel(model)
panel.resize(240, 700)
panel.show()
# Long titles ("Key Differences Between LLMs & Generative AI") and long snippets.
model.set_results(search(atlas, sys.argv[2]))
app.processEvents()
view = panel.list_view
delegate = view.itemDelegate()
image = view.viewport().grab().toImage()
scale = image.devicePixelRatio()
report = {"scale": scale, "rows": []}
for row in range(model.rowCount()):
    index = model.index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    if not view.viewport().rect().contains(option.rect):
        break  # only rows wholly on show
    selected = view.currentIndex() == index
    ground = QColor(delegate.theme.selection_background if selected else
                    view.palette().color(view.viewport().backgroundRole()))
    width = option.rect.width()
    ellipsis = QFontMetrics(option.font).horizontalAdvance(ELLIPSIS)
    lines = []
    for line in delegate.row_layout(option, index, selected).lines:
        top = option.rect.top() + line.rect.top()
        bottom = min(option.rect.top() + line.rect.bottom(), option.rect.bottom())

        def inked(x0, x1):
            # Any pixel in device pixels [x0, x1) x [top, bottom] not the row's background.
            for y in range(int(top * scale), int(bottom * scale)):
                for x in range(int(x0 * scale), int(x1 * scale)):
                    if QColor(image.pixel(x, y)).rgb() != ground.rgb():
                        return True
            return False

        after = line.rect.right() + 1 + ellipsis + 1
        lines.append({
            "text": line.text,
            "overflows": line.overflows,
            "ellipsis_inked": line.overflows and inked(line.rect.right() + 1, after),
            "inked_past_ellipsis": line.overflows and inked(after, width),
            "inside_row": line.rect.bottom() <= option.rect.height(),
        })
    report["rows"].append({"title": model.hit_at(row).title, "lines": lines})
print(json.dumps(report))
"""


def _paint(atlas_db_path: Path, tmp_path: Path, text: str) -> dict:  # type: ignore[type-arg]
    script = tmp_path / "high_dpi.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    result = subprocess.run(
        [sys.executable, str(script), str(atlas_db_path), text],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_cut_snippets_and_titles_end_in_an_ellipsis_at_twice_the_scale(
    atlas_db_path: Path, tmp_path: Path
) -> None:
    report = _paint(atlas_db_path, tmp_path, "generative")
    assert report["scale"] == 2
    rows = report["rows"]
    assert len(rows) >= 3
    lines = [line for row in rows for line in row["lines"]]
    cut = [line for line in lines if line["overflows"]]
    # Titles too: the comparison's title is wider than the panel.
    assert any(line["text"].startswith("Comparison") for line in cut)
    assert len(cut) >= 3
    for line in cut:
        assert line["text"].endswith("\u2026"), line
        assert not line["text"].endswith(" \u2026"), line  # no space before the ellipsis
        assert line["ellipsis_inked"], line  # the ellipsis was painted…
        assert not line["inked_past_ellipsis"], line  # …and nothing after it: no half letter
    assert all(line["inside_row"] for line in lines)  # no line cut at the bottom
