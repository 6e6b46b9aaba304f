"""Result rows are laid out once per search, not on every repaint (issue 9: key to pixels)."""

from __future__ import annotations

from dataclasses import replace

from genai_atlas.ui.search_box import SearchBox
from genai_atlas.ui.search_results import HitDelegate


def test_a_repaint_reuses_the_rows_laid_out_and_a_new_search_does_not(  # type: ignore[no-untyped-def]
    qtbot, atlas, settings, monkeypatch
) -> None:
    built: list[int] = []
    original = HitDelegate._document

    def counting(self, option, index, width, selected=False):  # type: ignore[no-untyped-def]
        built.append(index.row())
        return original(self, option, index, width, selected)

    monkeypatch.setattr(HitDelegate, "_document", counting)
    box = SearchBox(atlas, settings.store)
    qtbot.addWidget(box)
    box.results_panel.resize(400, 500)
    box.results_panel.show()
    qtbot.waitExposed(box.results_panel)
    box.start_search("diffusion")
    viewport = box.results_panel.list_view.viewport()
    qtbot.waitUntil(lambda: len(built) > 0, timeout=3000)  # the view lays out, then paints
    qtbot.wait(20)
    first = len(built)
    viewport.repaint()  # the same rows again: nothing is laid out anew
    viewport.repaint()
    assert len(built) == first
    box.start_search("transformer")  # new results: laid out again
    qtbot.waitUntil(lambda: len(built) > first, timeout=3000)
    qtbot.wait(20)
    again = len(built)
    delegate = box.results_panel.list_view.itemDelegate()
    assert isinstance(delegate, HitDelegate)
    delegate.theme = replace(delegate.theme, text="#000001")  # a theme change lays out anew
    viewport.repaint()
    assert len(built) > again
    # the panel goes before the box that owns its model, as in the window's teardown
    box.results_panel.close()
    box.results_panel.deleteLater()
    qtbot.wait(10)
