"""The text side of search: spans, highlighting, and words as the index sees them (no Qt here).

Shared by the search itself, the results list and the detail pane, so that all three cut,
normalise and highlight words the same way. ``search`` re-exports these names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MAX_QUERY_CHARS = 200  # a 100,000-character paste is cut to this before any work is done
MAX_WORD_CHARS = 48

_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_AMPERSAND = re.compile(r"\s*&\s*")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text; ``highlighted`` when it is a word the search matched."""

    text: str
    highlighted: bool = False


# --- helpers ------------------------------------------------------


def marked_text(spans: Iterable[Span], open_mark: str = "[[", close_mark: str = "]]") -> str:
    """Spans as one string, highlighted parts wrapped in the given marks."""
    return "".join(f"{open_mark}{s.text}{close_mark}" if s.highlighted else s.text for s in spans)


def highlight_spans(text: str, terms: Sequence[str]) -> tuple[Span, ...]:
    """``text`` split into spans, with every word that starts like one of ``terms`` highlighted.

    A term of several words matches them in order with any separators between them. Used for
    titles in the results list and for the detail pane, so both highlight the same words.
    """
    pattern = terms_pattern(tuple(terms))
    if pattern is None or not text:
        return (Span(text),) if text else ()
    spans: list[Span] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            spans.append(Span(text[position : match.start()]))
        spans.append(Span(match.group(0), True))
        position = match.end()
    if position < len(text):
        spans.append(Span(text[position:]))
    return tuple(spans)


_PATTERNS: OrderedDict[tuple[str, ...], re.Pattern[str] | None] = OrderedDict()


def terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """A case-insensitive pattern for the words that start like ``terms`` ("gan" marks "GANs",
    not the "gan" inside "organisation"); None when there is nothing to highlight."""
    if terms in _PATTERNS:
        _PATTERNS.move_to_end(terms)
        return _PATTERNS[terms]
    alternatives = []
    for term in sorted(set(terms), key=len, reverse=True):
        words = _WORD.findall(term)
        if words:
            alternatives.append(r"\W+".join(re.escape(word) for word in words) + r"[^\W_]*")
    pattern = (
        re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")", re.IGNORECASE)
        if alternatives
        else None
    )
    _PATTERNS[terms] = pattern
    if len(_PATTERNS) > 64:
        _PATTERNS.popitem(last=False)
    return pattern


def normalise(text: str) -> str:
    """Text as search sees it: no control characters, at most MAX_QUERY_CHARS, trimmed."""
    return _CONTROL.sub(" ", text[: MAX_QUERY_CHARS * 2])[:MAX_QUERY_CHARS].strip()


def words_of(text: str) -> list[str]:
    """The words of ``text`` as the index tokenizer sees them: lower case, without accents."""
    text = _AMPERSAND.sub(" and ", text)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return [word.lower()[:MAX_WORD_CHARS] for word in _WORD.findall(stripped)]
