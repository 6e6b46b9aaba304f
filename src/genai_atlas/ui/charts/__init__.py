"""Charts of the imported model data (pyqtgraph).

Nothing here is imported at startup: ``ui/charts_feature.py`` loads these modules, and so
pyqtgraph and numpy, when the first chart is opened or exported. ``colours`` and ``chart_page``
need Qt only; ``plot`` and ``chart_widget`` need pyqtgraph.
"""
