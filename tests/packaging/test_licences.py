"""The licence notices that the bundle carries."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LICENSES = ROOT / "packaging" / "licenses"


def test_data_sources_carry_the_epoch_ai_attribution_and_no_data() -> None:
    text = (LICENSES / "DATA-SOURCES.txt").read_text(encoding="utf-8")
    assert 'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0' in text
    # The article the content restates is named by its title, as a reader would cite it.
    assert 'the article "LLMs vs Generative AI"' in text and "seed" not in text


def test_qt_notice_names_the_lgpl_and_the_texts_shipped_with_it() -> None:
    text = (LICENSES / "QT-PYSIDE6-NOTICE.txt").read_text(encoding="utf-8")
    assert "LGPL-3.0-only" in text
    assert "LGPL-3.txt" in text and "GPL-3.txt" in text


def test_every_notice_is_listed_in_the_readme() -> None:
    readme = (LICENSES / "README.txt").read_text(encoding="utf-8")
    for notice in LICENSES.glob("*.txt"):
        if notice.name != "README.txt":
            assert notice.name in readme
