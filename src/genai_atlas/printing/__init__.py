"""Printing and PDF export of sheets (Qt). Loaded only when something is printed.

``layout`` places a ``CompareTable`` on pages with QPainter (header row on every page, whole rows,
a footer with "page N of M"); ``pdf`` renders it to PDF bytes and files; ``pages`` picks the page
size and orientation; ``app`` makes sure a QGuiApplication exists for headless use.
"""
