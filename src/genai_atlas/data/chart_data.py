"""What the charts draw, as plain data: points over time and models per year (no Qt here).

The charts, the Models tab's filter bar and the command line all start from a sequence of model
facts (``ModelFacts``: imported models satisfy it as they are) and one ``ModelFilter``. This
module turns them into series; the widgets only draw what it returns.

Decisions worth knowing:

- x is the fractional year of the publication date (``2020-07-02`` is about 2020.50). A date
  given only as ``YYYY-MM`` stands for the first of that month, a bare ``YYYY`` for mid-year.
- A log axis cannot show zero, a negative number or NaN, so such a value counts as no value.
  A model left out of a scatter chart is counted (``without_value``, ``without_date``), and the
  chart says "n models without a value" rather than hiding them silently.
- Models per year by domain count each model once, so a stack's height is the number of models:
  a model with one domain is counted under it; one with several under "Multimodal" when the
  dataset lists that among them (Epoch AI tags its multimodal models so), else under "Several
  domains". The groups beyond the largest ``MAX_GROUPS - 1`` are merged into "Other".
- A model without an accessibility is counted as "Not stated".
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from .figures_text import format_count, format_power_of_ten
from .model_filter import ACCESSIBILITY_ORDER, ModelFacts, ModelFilter, publication_year
from .model_records import EPOCH_ATTRIBUTION

if TYPE_CHECKING:
    from .atlas import Atlas
    from .model_records import DatasetInfo, ImportedModel

MULTIMODAL = "Multimodal"
SEVERAL_DOMAINS = "Several domains"
OTHER_GROUP = "Other"
NOT_STATED = "Not stated"
MAX_GROUPS = 9  # stacked groups shown; the rest are summed into OTHER_GROUP

# --- dates and numbers ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=16_384)
def fractional_year(date: str | None) -> float | None:
    """``2020-07-02`` → 2020.5; ``YYYY-MM`` → the first of that month; ``YYYY`` → mid-year."""
    # Cached, and without date.timetuple(): that imports the time module on every call, which
    # PySide6's import hook makes slow (a third of drawing 5,000 points went there).
    year = publication_year(date)
    if year is None or date is None:
        return None
    try:
        if len(date) == 4:
            return year + 0.5
        if len(date) == 7:
            day = _dt.date(year, int(date[5:7]), 1)
        else:
            day = _dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    days_before = day.toordinal() - _dt.date(year, 1, 1).toordinal()
    return year + days_before / (366 if calendar.isleap(year) else 365)


def _positive(value: float | None) -> float | None:
    if value is None or not math.isfinite(value) or value <= 0:
        return None
    return value


def format_flop(value: float) -> str:
    """A training compute: '3.1 × 10²³ FLOP'."""
    return f"{format_power_of_ten(value)} FLOP"


def format_parameters(value: float) -> str:
    """A parameter count: '175 B parameters'."""
    return f"{format_count(value)} parameters"


# --- scatter charts -------------------------------------------------------------------------------


class Metric(Enum):
    """A value plotted over time on a log axis: (label, axis title, short unit)."""

    TRAINING_COMPUTE = ("Training compute", "Training compute (FLOP)")
    PARAMETERS = ("Parameters", "Parameters")

    @property
    def label(self) -> str:
        return self.value[0]

    @property
    def axis_title(self) -> str:
        return self.value[1]

    def value_of(self, model: ModelFacts) -> float | None:
        if self is Metric.TRAINING_COMPUTE:
            return model.training_compute_flop
        return model.parameters

    def format(self, value: float) -> str:
        if self is Metric.TRAINING_COMPUTE:
            return format_flop(value)
        return format_parameters(value)


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One model on a scatter chart."""

    entry_id: str
    name: str
    organisation: str  # the organisations joined with ", "
    date: str
    x: float  # fractional year
    y: float  # the value itself (the axis is logarithmic)
    curated: bool  # one of the atlas's own models

    def tooltip(self, metric: Metric) -> str:
        lines = [self.name]
        if self.organisation:
            lines.append(self.organisation)
        lines.append(f"{self.date} · {metric.format(self.y)}")
        if self.curated:
            lines.append("Described in this atlas")
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ScatterSeries:
    """The points of one chart metric, ready to plot."""

    metric: Metric
    points: tuple[ChartPoint, ...]
    """Sorted by x; the curated models among them have ``curated`` set."""
    considered: int
    """Models that passed the filter."""
    without_value: int
    without_date: int

    @property
    def left_out(self) -> int:
        return self.without_value + self.without_date

    def left_out_text(self) -> str:
        """'n models without a value' (and without a date), or '' when every model is drawn."""
        parts = []
        if self.without_value:
            noun = "model" if self.without_value == 1 else "models"
            parts.append(f"{self.without_value:,} {noun} without a value")
        if self.without_date:
            noun = "model" if self.without_date == 1 else "models"
            parts.append(f"{self.without_date:,} {noun} without a date")
        return "; ".join(parts) + (" (not drawn)" if parts else "")


def scatter_series(
    models: Iterable[ModelFacts],
    metric: Metric,
    model_filter: ModelFilter | None = None,
    curated_ids: Collection[str] = (),
) -> ScatterSeries:
    """The models that pass ``model_filter`` as points of ``metric`` over time."""
    points: list[ChartPoint] = []
    considered = without_value = without_date = 0
    for model in models:
        if model_filter is not None and not model_filter.matches(model):
            continue
        considered += 1
        value = _positive(metric.value_of(model))
        if value is None:
            without_value += 1
            continue
        x = fractional_year(model.publication_date)
        if x is None or model.publication_date is None:
            without_date += 1
            continue
        points.append(
            ChartPoint(
                entry_id=model.entry_id,
                name=model.name,
                organisation=", ".join(model.organisations),
                date=model.publication_date,
                x=x,
                y=value,
                curated=model.entry_id in curated_ids,
            )
        )
    points.sort(key=lambda p: (p.x, p.name))
    return ScatterSeries(metric, tuple(points), considered, without_value, without_date)


# --- models per year ------------------------------------------------------------------------------


class Grouping(Enum):
    DOMAIN = "domain"
    ACCESSIBILITY = "accessibility"

    @property
    def label(self) -> str:
        return "Domain" if self is Grouping.DOMAIN else "Accessibility"


def domain_group(domains: Sequence[str]) -> str:
    """The one group a model is counted under by domain (see the module docstring)."""
    unique = list(dict.fromkeys(d.strip() for d in domains if d.strip()))
    if not unique:
        return NOT_STATED
    if len(unique) == 1:
        return unique[0]
    return MULTIMODAL if MULTIMODAL in unique else SEVERAL_DOMAINS


def _group_of(model: ModelFacts, grouping: Grouping) -> str:
    if grouping is Grouping.DOMAIN:
        return domain_group(model.domains)
    return model.accessibility.strip() or NOT_STATED


@dataclass(frozen=True, slots=True)
class YearCounts:
    """Models per publication year, stacked by group."""

    grouping: Grouping
    years: tuple[int, ...]
    """Every year from the first to the last that has a model (gaps as zeros)."""
    groups: tuple[str, ...]
    """Bottom of the stack first: largest groups first, "Other" and "Not stated" last."""
    counts: tuple[tuple[int, ...], ...]
    """``counts[g][y]``: models of ``groups[g]`` in ``years[y]``."""
    without_date: int

    def total(self, year_index: int) -> int:
        return sum(row[year_index] for row in self.counts)

    @property
    def model_count(self) -> int:
        return sum(sum(row) for row in self.counts)

    def tooltip(self, group_index: int, year_index: int) -> str:
        year, count = self.years[year_index], self.counts[group_index][year_index]
        noun = "model" if count == 1 else "models"
        return (
            f"{year}: {count:,} {noun} — {self.groups[group_index]}\n"
            f"{self.total(year_index):,} in {year} in all"
        )


def _order_groups(totals: Counter[str], grouping: Grouping) -> list[str]:
    if grouping is Grouping.ACCESSIBILITY:
        known = [name for name in ACCESSIBILITY_ORDER if name in totals]
        rest = sorted(name for name in totals if name not in ACCESSIBILITY_ORDER)
        rest = [name for name in rest if name != NOT_STATED]
        return known + rest + ([NOT_STATED] if NOT_STATED in totals else [])
    last = [name for name in (OTHER_GROUP, NOT_STATED) if name in totals]
    ranked = sorted((name for name in totals if name not in last), key=lambda n: (-totals[n], n))
    return ranked + last


def models_per_year(
    models: Iterable[ModelFacts],
    grouping: Grouping,
    model_filter: ModelFilter | None = None,
    max_groups: int = MAX_GROUPS,
) -> YearCounts:
    """The models that pass ``model_filter``, counted by publication year and ``grouping``."""
    per_model: list[tuple[int, str]] = []
    without_date = 0
    for model in models:
        if model_filter is not None and not model_filter.matches(model):
            continue
        year = publication_year(model.publication_date)
        if year is None:
            without_date += 1
            continue
        per_model.append((year, _group_of(model, grouping)))
    totals = Counter(group for _, group in per_model)
    if grouping is Grouping.DOMAIN and len(totals) > max_groups:
        keep = {name for name, _ in totals.most_common(max_groups - 1) if name != OTHER_GROUP}
        per_model = [(y, g if g in keep else OTHER_GROUP) for y, g in per_model]
        totals = Counter(group for _, group in per_model)
    groups = _order_groups(totals, grouping)
    if not per_model:
        return YearCounts(grouping, (), tuple(groups), (), without_date)
    first, last = min(y for y, _ in per_model), max(y for y, _ in per_model)
    years = tuple(range(first, last + 1))
    index = {name: i for i, name in enumerate(groups)}
    table = [[0] * len(years) for _ in groups]
    for year, group in per_model:
        table[index[group]][year - first] += 1
    return YearCounts(grouping, years, tuple(groups), tuple(map(tuple, table)), without_date)


# --- the charts there are -----------------------------------------------------------------------


class ChartKind(Enum):
    """Each chart: (slug, title). The slug names it in links (``atlas:chart/compute``) and in the
    command line (``genai-atlas chart compute``; ``per-year --by accessibility``)."""

    COMPUTE = ("compute", "Training compute over time")
    PARAMETERS = ("parameters", "Parameters over time")
    PER_YEAR_DOMAIN = ("per-year", "Models per year, by domain")
    PER_YEAR_ACCESSIBILITY = ("per-year-accessibility", "Models per year, by accessibility")

    @property
    def slug(self) -> str:
        return self.value[0]

    @property
    def title(self) -> str:
        return self.value[1]

    @property
    def link_id(self) -> str:
        """The id an ``atlas:`` link uses for this chart: ``chart/compute``."""
        return f"{CHART_LINK_KIND}/{self.slug}"

    @property
    def metric(self) -> Metric | None:
        """The value a scatter chart plots; None for the per-year charts."""
        return {
            ChartKind.COMPUTE: Metric.TRAINING_COMPUTE,
            ChartKind.PARAMETERS: Metric.PARAMETERS,
        }.get(self)

    @property
    def grouping(self) -> Grouping | None:
        return {
            ChartKind.PER_YEAR_DOMAIN: Grouping.DOMAIN,
            ChartKind.PER_YEAR_ACCESSIBILITY: Grouping.ACCESSIBILITY,
        }.get(self)

    @classmethod
    def from_link(cls, link_id: str) -> ChartKind | None:
        """The chart a ``chart/<slug>`` id names, or None."""
        kind, _, slug = link_id.partition("/")
        if kind != CHART_LINK_KIND:
            return None
        return next((chart for chart in cls if chart.slug == slug), None)


CHART_LINK_KIND = "chart"


# --- what a chart is drawn from, and the lines under it -----------------------------------------


@dataclass(frozen=True, slots=True)
class ChartDataset:
    """Everything a chart needs: the imported models and where they came from.

    ``curated_ids`` are the atlas's own model ids: a point with one of them is highlighted.
    ``attribution`` is the publisher's line that travels with the data; ``file_date`` the date
    of the file that was imported ("" when unknown).
    """

    models: tuple[ModelFacts, ...]
    curated_ids: frozenset[str]
    attribution: str
    file_name: str = ""
    file_date: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.models


def caption_lines(dataset: ChartDataset, model_filter: ModelFilter, note: str = "") -> list[str]:
    """The lines printed under a chart: the attribution first, then the file, filter and note."""
    details: list[str] = []
    if dataset.file_name or dataset.file_date:
        dated = f", dated {dataset.file_date}" if dataset.file_date else ""
        details.append(f"File: {dataset.file_name or 'imported data'}{dated}")
    if not model_filter.is_empty:
        details.append(f"Filter: {model_filter.describe()}")
    if note:
        details.append(note)
    lines = [dataset.attribution]
    if details:
        lines.append(" · ".join(details))
    return lines


def imported_dataset(
    models: Sequence[ImportedModel],
    info: DatasetInfo | None,
    curated_ids: Collection[str] | None = None,
) -> ChartDataset:
    """The charts' view of the imported model data: a model the atlas describes too is
    highlighted (``curated_ids``; by default the rows that ``ModelData`` marked ``curated``)."""
    if curated_ids is None:
        curated_ids = [model.entry_id for model in models if model.curated]
    return ChartDataset(
        models=tuple(models),
        curated_ids=frozenset(curated_ids),
        attribution=EPOCH_ATTRIBUTION,
        file_name=info.file_name if info is not None else "",
        file_date=info.file_date if info is not None else "",
    )


def read_imported_dataset(atlas: Atlas) -> ChartDataset:
    """The imported model data the atlas shows (read from the data folder's store the first
    time); empty when nothing was imported. The atlas's own models among it are highlighted."""
    dataset = atlas.dataset
    if dataset is None:
        return imported_dataset((), None)
    curated = [model.id for model in atlas.models() if model.curated and model.figures]
    return imported_dataset(dataset.rows, dataset.info, curated)
