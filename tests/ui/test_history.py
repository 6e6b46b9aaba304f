"""The navigation history on its own (plain Python, no Qt)."""

from genai_atlas.ui.history import History


def test_back_forward_and_branching() -> None:
    history = History()
    assert not history.can_go_back() and history.back() == ""
    for entry_id in ("comparison/overview", "model/gpt-4", "model/gpt-4", "term/gan"):
        history.visit(entry_id)
    assert len(history) == 3  # a repeat of the current entry is not recorded
    assert history.back() == "model/gpt-4"
    assert history.back() == "comparison/overview"
    assert not history.can_go_back()
    assert history.forward() == "model/gpt-4"
    history.visit("industry/healthcare")  # a new visit drops the forward part
    assert not history.can_go_forward() and history.forward() == ""
    assert history.current == "industry/healthcare"


def test_limit_drops_the_oldest() -> None:
    history = History(limit=3)
    for number in range(5):
        history.visit(f"model/m{number}")
    assert len(history) == 3
    assert history.back() == "model/m3" and history.back() == "model/m2"
    assert not history.can_go_back()
