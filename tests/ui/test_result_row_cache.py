"""Result rows are laid out once for what they show, not on every repaint or every search that
brings them back (issue 9: key to pixels)."""

from __future__ import annotations

from dataclasses import replace

from genai_atlas.ui.result_rows import HitDelegate
from genai_atlas.ui.search_box import SearchBox


def test_rows_are_laid_out_once_for_what_they_show(  # type: ignore[no-untyped-def]
    qtbot, atlas, settings, monkeypatch
) -> None:
    built: list[str] = []
    original = HitDelegate._lay_out

    def counting(self, hit, note, font, width, selected):  # type: ignore[no-untyped-def]
        built.append(hit.id)
        return original(self, hit, note, font, width, selected)

    monkeypatch.setattr(HitDelegate, "_lay_out", counting)
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
    box.start_search("diffusion ")  # a space: the same hits, the same words highlighted
    qtbot.wait(20)
    viewport.repaint()
    assert len(built) == first
    box.start_search("transformer")  # other hits: laid out
    qtbot.waitUntil(lambda: len(built) > first, timeout=3000)
    qtbot.wait(20)
    assert "term/transformer" in built[first:]
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
