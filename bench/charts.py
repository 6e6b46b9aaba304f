"""The compute chart with every model drawn: first paint, and redraw after a filter change.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/charts.py [--rounds N]

Data: Epoch AI's real file from ../shared when it is there (read with the app's own reader, never
copied), and a synthetic set ten times its size (the real rows repeated with shifted dates and
values, or invented models when the file is absent).

For each set it times, at 1000 × 620 pixels:

* first paint: a ``ChartWidget`` made, given the data, and painted (``grab()``) — what opening
  the chart costs once pyqtgraph is loaded;
* redraw after a filter change: ``set_filter`` (Language only, then all models again) and a paint.

The floor, measured in the same run: a bare pyqtgraph ``PlotWidget`` with one ``ScatterPlotItem``
of the same points (log10 values), made and painted; and for the redraw, ``setData`` of the same
subset and a paint. Prints medians in ms and the ratio. Goal: under 100 ms.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from genai_atlas.data.model_facts import EntryFacts  # noqa: E402

EPOCH_CSV = ROOT.parent / "shared" / "data" / "epoch-ai" / "notable-ai-models.csv"
SIZE = (1000, 620)
DOMAINS = ("Language", "Vision", "Games", "Biology", "Speech", "Multimodal")


# The charts' facts of a model, as the app gives them (curated: False).
BenchModel = EntryFacts


def real_models() -> list[BenchModel]:
    from genai_atlas.data.epoch_csv import read_epoch_csv

    rows = read_epoch_csv(EPOCH_CSV).rows
    return [
        BenchModel(
            f"model/real-{i}",
            row.name,
            row.organisations,
            row.publication_date,
            row.domains,
            row.parameters,
            row.training_compute_flop,
            row.accessibility,
        )
        for i, row in enumerate(rows)
    ]


def tenfold(models: Sequence[BenchModel]) -> list[BenchModel]:
    """Ten copies, each shifted a little in date and value so no two points coincide."""
    rng = random.Random(11)
    copies = []
    for copy in range(10):
        for i, m in enumerate(models):
            scale = 10 ** rng.uniform(-0.3, 0.3)
            year = int(m.publication_date[:4]) if m.publication_date else None
            date = f"{year}-{1 + (copy + i) % 12:02d}-{1 + copy * 2:02d}" if year else None
            copies.append(
                BenchModel(
                    f"model/copy-{copy}-{i}",
                    f"{m.name} ({copy})",
                    m.organisations,
                    date,
                    m.domains,
                    m.parameters * scale if m.parameters else None,
                    m.training_compute_flop * scale if m.training_compute_flop else None,
                    m.accessibility,
                )
            )
    return copies


def invented_models(count: int) -> list[BenchModel]:
    rng = random.Random(7)
    models = []
    for i in range(count):
        year = rng.randint(1985, 2025)
        compute = 10 ** (10 + (year - 1985) * 0.35 + rng.uniform(-2, 2))
        models.append(
            BenchModel(
                f"model/invented-{i}",
                f"Invented Model {i}",
                (f"Lab {i % 40}",),
                f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                (DOMAINS[i % len(DOMAINS)],),
                10 ** rng.uniform(6, 12),
                compute if rng.random() > 0.45 else None,
                "API access",
            )
        )
    return models


def median_ms(work: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench(label: str, models: Sequence[BenchModel], rounds: int) -> None:
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from genai_atlas.data.chart_data import (
        ChartDataset,
        Metric,
        ModelFilter,
        scatter_series,
    )
    from genai_atlas.ui.charts.chart_widget import ChartWidget

    curated = frozenset(m.entry_id for m in models[:: max(1, len(models) // 19)][:19])
    dataset = ChartDataset(tuple(models), curated, "Data: Epoch AI (benchmark)", "bench", "")
    language = ModelFilter(domain="Language")
    everything = scatter_series(models, Metric.TRAINING_COMPUTE).points
    subset = scatter_series(models, Metric.TRAINING_COMPUTE, language).points
    xs, ys = np.array([p.x for p in everything]), np.array([math.log10(p.y) for p in everything])
    sub_x = np.array([p.x for p in subset])
    sub_y = np.array([math.log10(p.y) for p in subset])
    app = QApplication.instance()
    widgets: list[object] = []

    def first_paint() -> None:
        widget = ChartWidget(dataset)
        widget.resize(*SIZE)
        widget.grab()
        widgets.append(widget)

    def floor_first_paint() -> None:
        plot = pg.PlotWidget()
        plot.addItem(pg.ScatterPlotItem(x=xs, y=ys, size=7))
        plot.getPlotItem().getAxis("left").setLogMode(True)
        plot.resize(*SIZE)
        plot.grab()
        widgets.append(plot)

    chart = ChartWidget(dataset)
    chart.resize(*SIZE)
    chart.grab()
    filters = [language, ModelFilter()]

    def redraw() -> None:
        filters.reverse()
        chart.set_filter(filters[0])
        chart.grab()

    floor_plot = pg.PlotWidget()
    floor_plot.getPlotItem().getAxis("left").setLogMode(True)
    floor_scatter = pg.ScatterPlotItem(x=xs, y=ys, size=7)
    floor_plot.addItem(floor_scatter)
    floor_plot.resize(*SIZE)
    floor_plot.grab()
    data = [(sub_x, sub_y), (xs, ys)]

    def floor_redraw() -> None:
        data.reverse()
        floor_scatter.setData(x=data[0][0], y=data[0][1], size=7)
        floor_plot.grab()

    results = []
    for name, work, floor in (
        ("first paint", first_paint, floor_first_paint),
        ("redraw after a filter change", redraw, floor_redraw),
    ):
        # Alternate the two so that a noisy moment on a shared machine hits both alike.
        ours, bare = [], []
        for _ in range(rounds):
            ours.append(median_ms(work, 1))
            bare.append(median_ms(floor, 1))
            if len(widgets) > 4:
                for widget in widgets:
                    widget.deleteLater()  # type: ignore[attr-defined]
                widgets.clear()
                app.processEvents()  # type: ignore[union-attr]
        results.append((name, statistics.median(ours), statistics.median(bare)))
    print(f"{label}: {len(models):,} models, {len(everything):,} points drawn")
    for name, ours_ms, bare_ms in results:
        verdict = "under" if ours_ms < 100 else "OVER"
        print(
            f"  {name:<30} {ours_ms:7.1f} ms   floor (bare PlotWidget + ScatterPlotItem) "
            f"{bare_ms:7.1f} ms   ratio {ours_ms / bare_ms:4.2f}x   ({verdict} the 100 ms goal)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    start = time.perf_counter()
    import pyqtgraph  # noqa: F401  (the first chart pays this once)

    print(f"importing pyqtgraph (and numpy): {(time.perf_counter() - start) * 1000:.0f} ms")
    if EPOCH_CSV.exists():
        real = real_models()
        bench("real file", real, args.rounds)
        bench("synthetic 10x (real rows, shifted)", tenfold(real), args.rounds)
    else:
        print(f"the real dataset is not at {EPOCH_CSV}: synthetic data only")
        bench("synthetic 10x (invented)", invented_models(9760), args.rounds)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
