"""The charts' data: points over time, models per year, the filter, readable numbers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from genai_atlas.data.chart_data import (
    ChartKind,
    Grouping,
    Metric,
    caption_lines,
    domain_group,
    format_flop,
    format_parameters,
    fractional_year,
    models_per_year,
    scatter_series,
)
from genai_atlas.data.model_filter import ModelFilter
from tests.chart_models import ATTRIBUTION, CURATED, SAMPLE, fake, sample_dataset


def test_compute_series_leaves_out_and_counts_models_without_a_value_or_date() -> None:
    series = scatter_series(SAMPLE, Metric.TRAINING_COMPUTE, curated_ids=CURATED)
    assert [p.name for p in series.points] == [
        "Heron One",
        "Marten Vision",
        "Heron Two",
        "Osprey Multi",
    ]
    assert series.considered == 6
    assert (series.without_value, series.without_date) == (1, 1)
    assert series.left_out_text() == ("1 model without a value; 1 model without a date (not drawn)")
    assert [p.curated for p in series.points] == [False, False, True, False]


def test_parameters_series_and_tooltip_read_as_a_person_would() -> None:
    series = scatter_series(SAMPLE, Metric.PARAMETERS, curated_ids=CURATED)
    heron = next(p for p in series.points if p.name == "Heron Two")
    assert heron.tooltip(Metric.PARAMETERS) == (
        "Heron Two\nQuill Labs\n2022-11-30 · 175 B parameters\nDescribed in this atlas"
    )
    compute = scatter_series(SAMPLE, Metric.TRAINING_COMPUTE)
    marten = next(p for p in compute.points if p.name == "Marten Vision")
    assert marten.tooltip(Metric.TRAINING_COMPUTE) == (
        "Marten Vision\nPellucid AI, Quill Labs\n2020-07-02 · 4.5 × 10²¹ FLOP"
    )


@pytest.mark.parametrize("bad", [0.0, -5.0, float("nan"), float("inf")])
def test_values_a_log_axis_cannot_show_count_as_missing(bad: float) -> None:
    series = scatter_series([fake("Odd Value", training_compute_flop=bad)], Metric.TRAINING_COMPUTE)
    assert series.points == ()
    assert series.without_value == 1


@pytest.mark.parametrize(
    ("date", "year"),
    [
        ("2020-01-01", 2020.0),
        ("2020-07-02", 2020 + 183 / 366),
        ("2021-12-31", 2021 + 364 / 365),
        ("2021-04", 2021 + 90 / 365),
        ("2019", 2019.5),
        (None, None),
        ("", None),
        ("soon", None),
        ("2021-02-30", None),
    ],
)
def test_fractional_year(date: str | None, year: float | None) -> None:
    assert fractional_year(date) == (pytest.approx(year) if year is not None else None)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.14e23, "3.1 × 10²³ FLOP"),
        (9.96e23, "1.0 × 10²⁴ FLOP"),
        (1e18, "1.0 × 10¹⁸ FLOP"),
        (2.5e-3, "2.5 × 10⁻³ FLOP"),
        (950, "950 FLOP"),
    ],
)
def test_format_flop(value: float, text: str) -> None:
    assert format_flop(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.75e11, "175 B parameters"),
        (7e9, "7 B parameters"),
        (1.3e9, "1.3 B parameters"),
        (1.6e12, "1.6 T parameters"),
        (6.6e5, "660 K parameters"),
        (60, "60 parameters"),
    ],
)
def test_format_parameters(value: float, text: str) -> None:
    assert format_parameters(value) == text


def test_filter_parts_combine_with_and() -> None:
    both = ModelFilter(organisation="pellucid ai", domain="vision")
    assert [m.name for m in both.apply(SAMPLE)] == ["Marten Vision", "Osprey Multi"]
    narrowed = ModelFilter(organisation="Pellucid AI", domain="Vision", year_from=2023)
    assert [m.name for m in narrowed.apply(SAMPLE)] == ["Osprey Multi"]
    assert ModelFilter(accessibility="unreleased").apply(SAMPLE) == [SAMPLE[3]]
    assert ModelFilter(domain="Robotics").apply(SAMPLE) == []


def test_filter_text_needs_every_word_in_name_or_organisation() -> None:
    assert [m.name for m in ModelFilter(text="heron").apply(SAMPLE)] == ["Heron One", "Heron Two"]
    assert [m.name for m in ModelFilter(text="  HERON   quill ").apply(SAMPLE)] == [
        "Heron One",
        "Heron Two",
    ]
    assert [m.name for m in ModelFilter(text="pellucid vision").apply(SAMPLE)] == ["Marten Vision"]
    # Search text is data: characters with a meaning elsewhere match only themselves.
    assert ModelFilter(text="% _ * ( [").apply(SAMPLE) == []


def test_year_range_includes_both_ends_and_leaves_out_undated_models() -> None:
    in_range = ModelFilter(year_from=2020, year_to=2022).apply(SAMPLE)
    assert [m.name for m in in_range] == ["Marten Vision", "Heron Two"]
    assert all(m.publication_date for m in ModelFilter(year_to=2100).apply(SAMPLE))
    assert len(ModelFilter().apply(SAMPLE)) == len(SAMPLE)


def test_filter_description() -> None:
    assert ModelFilter().describe() == ""
    assert ModelFilter(domain="Language", year_from=2020).describe() == "Language · since 2020"
    assert (
        ModelFilter(text=" big  model", organisation="Quill Labs", year_from=2019, year_to=2021)
    ).describe() == "“big model” · Quill Labs · 2019–2021"
    assert ModelFilter(year_from=2022, year_to=2022).describe() == "2022"
    assert ModelFilter(year_to=2010).describe() == "until 2010"


def test_filtered_series_counts_only_the_models_that_pass() -> None:
    series = scatter_series(SAMPLE, Metric.TRAINING_COMPUTE, ModelFilter(text="heron"))
    assert [p.name for p in series.points] == ["Heron One", "Heron Two"]
    assert series.considered == 2
    assert series.left_out_text() == ""


def test_domain_group_counts_each_model_once() -> None:
    assert domain_group(("Vision",)) == "Vision"
    assert domain_group(("Language", "Language")) == "Language"
    assert domain_group(("Language", "Multimodal", "Vision")) == "Multimodal"
    assert domain_group(("Video", "Vision")) == "Several domains"
    assert domain_group(()) == "Not stated"


def test_models_per_year_by_domain_fills_the_gaps() -> None:
    counts = models_per_year(SAMPLE, Grouping.DOMAIN)
    assert counts.years == (2018, 2019, 2020, 2021, 2022, 2023)
    assert counts.groups == ("Language", "Multimodal", "Vision")
    by_group = dict(zip(counts.groups, counts.counts, strict=True))
    assert by_group["Language"] == (1, 0, 0, 0, 1, 1)
    assert by_group["Multimodal"] == (0, 0, 0, 0, 0, 1)
    assert counts.without_date == 1
    assert counts.model_count == 5
    assert counts.tooltip(0, 5) == "2023: 1 model — Language\n2 in 2023 in all"


def test_models_per_year_by_accessibility_in_openness_order() -> None:
    counts = models_per_year(SAMPLE, Grouping.ACCESSIBILITY)
    assert counts.groups == (
        "Open weights (unrestricted)",
        "API access",
        "Unreleased",
        "Not stated",
    )
    assert sum(counts.total(i) for i in range(len(counts.years))) == 5


def test_small_domains_are_merged_into_other() -> None:
    models = [
        fake(f"Model {i} {j}", domains=(f"Domain {i}",), publication_date="2020-01-01")
        for i in range(12)
        for j in range(12 - i)
    ]
    counts = models_per_year(models, Grouping.DOMAIN, max_groups=4)
    assert counts.groups == ("Domain 0", "Domain 1", "Domain 2", "Other")
    assert counts.counts[-1] == (sum(12 - i for i in range(3, 12)),)
    assert counts.model_count == len(models)


def test_no_models_gives_an_empty_chart() -> None:
    counts = models_per_year([], Grouping.DOMAIN)
    assert (counts.years, counts.model_count) == ((), 0)
    assert scatter_series([], Metric.PARAMETERS).points == ()


def test_caption_starts_with_the_attribution_and_names_the_file_date() -> None:
    lines = caption_lines(
        sample_dataset(), ModelFilter(domain="Language"), "3 models without a value (not drawn)"
    )
    assert lines == [
        ATTRIBUTION,
        "File: notable-ai-models.csv, dated 2026-01-26 · Filter: Language · "
        "3 models without a value (not drawn)",
    ]


def test_chart_data_imports_no_qt() -> None:
    code = (
        "import sys, genai_atlas.data.chart_data; "
        "sys.exit(any(m.startswith(('PySide6', 'pyqtgraph', 'numpy')) for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_chart_kinds_are_named_by_links() -> None:
    assert ChartKind.COMPUTE.link_id == "chart/compute"
    assert ChartKind.from_link("chart/compute") is ChartKind.COMPUTE
    assert ChartKind.from_link("chart/per-year-accessibility") is ChartKind.PER_YEAR_ACCESSIBILITY
    assert ChartKind.from_link("chart/nothing") is None
    assert ChartKind.from_link("model/compute") is None
    assert ChartKind.PARAMETERS.metric is Metric.PARAMETERS
    assert ChartKind.PER_YEAR_DOMAIN.grouping is Grouping.DOMAIN
