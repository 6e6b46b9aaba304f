"""Searching the imported models by name and organisation, beside the atlas's own index (no Qt).

The atlas's full-text index is built with the database and holds only its own entries; models
that only an imported dataset lists are searched here, in memory. Every word must start a word
of the model's name or of one of its organisations ("lla 2" finds "Llama 2"), as in the
atlas's search; a single mistyped word of four letters or more finds the names closest to it
(rapidfuzz), so "mistrall" still finds the Mistral models. The hits join the atlas's in the
same ``SearchResults``, counted under Models.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .records import EntryKind, Model
from .search import SearchHit, SearchResults
from .search_text import Span, highlight_spans, normalise

_WORD = re.compile(r"[^\W_]+")
_FUZZY_MIN_CHARS = 4
_FUZZY_SCORE = 84  # rapidfuzz ratio out of 100: one slip in a short word, two in a long one
# Hits of the dataset rank by these, under an atlas entry whose name is the query (4000+).
_NAME_EQUAL, _NAME_WORDS, _ORGANISATION, _FUZZY = 3500.0, 990.0, 400.0, 100.0


@dataclass(frozen=True, slots=True)
class _Indexed:
    model: Model
    name: str  # folded, words joined by single spaces
    name_words: tuple[str, ...]
    organisation_words: tuple[str, ...]


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalise(text).casefold()))


class DatasetSearch:
    """The imported models of one ``ModelDataset``, indexed once."""

    def __init__(self, models: Sequence[Model]) -> None:
        self._models = [
            _Indexed(
                model,
                " ".join(_words(model.title)),
                _words(model.title),
                tuple(
                    word
                    for organisation in (model.figures.organisations if model.figures else ())
                    for word in _words(organisation)
                ),
            )
            for model in models
        ]
        self._names = [indexed.name for indexed in self._models]

    def hits(self, query: str) -> list[SearchHit]:
        words = _words(query)
        if not words:
            return []
        joined = " ".join(words)
        hits: list[SearchHit] = []
        for indexed in self._models:
            score = _score(indexed, words, joined)
            if score:
                hits.append(_hit(indexed.model, score, words))
        if not hits and len(words) == 1 and len(words[0]) >= _FUZZY_MIN_CHARS:
            hits = self._fuzzy(words[0])
        hits.sort(key=lambda hit: (-hit.score, hit.title.casefold()))
        return hits

    def _fuzzy(self, word: str) -> list[SearchHit]:
        from rapidfuzz import fuzz, process

        found = process.extract(
            word, self._names, scorer=fuzz.partial_ratio, score_cutoff=_FUZZY_SCORE, limit=20
        )
        return [
            _hit(self._models[index].model, _FUZZY + score / 100, (word,))
            for _name, score, index in found
        ]


def _starts(words: Sequence[str], within: Sequence[str]) -> bool:
    return all(any(token.startswith(word) for token in within) for word in words)


def _score(indexed: _Indexed, words: Sequence[str], joined: str) -> float:
    if indexed.name == joined:
        return _NAME_EQUAL
    if _starts(words, indexed.name_words):
        # A shorter name that the words cover is the better match: "llama 2" over "llama 2 70b".
        return _NAME_WORDS - len(indexed.name_words)
    if _starts(words, indexed.name_words + indexed.organisation_words):
        return _ORGANISATION - len(indexed.name_words)
    return 0.0


def _hit(model: Model, score: float, words: Sequence[str]) -> SearchHit:
    figures = model.figures
    facts = []
    if figures is not None:
        facts = [
            ", ".join(figures.organisations),
            figures.publication_date or "",
            ", ".join(figures.domains),
        ]
    snippet = " · ".join(fact for fact in facts if fact) + " — Epoch AI's dataset"
    return SearchHit(
        kind=EntryKind.MODEL,
        id=model.id,
        title=model.title,
        snippet=(Span(snippet),),
        score=score,
        title_spans=highlight_spans(model.title, tuple(words)),
    )


def merge(
    results: SearchResults, hits: Sequence[SearchHit], limit: int, kinds: Sequence[EntryKind]
) -> SearchResults:
    """``results`` with the dataset's ``hits`` added: counted under Models, ranked among the
    atlas's hits, cut to ``limit``; a kind filter without Models shows none of them."""
    if not hits:
        return results
    if results.did_you_mean is not None and any(hit.score > _FUZZY + 1 for hit in hits):
        # The dataset has the very words; the atlas's hits were for a corrected spelling.
        results = SearchResults(text=results.text, kinds=results.kinds)
    counts = dict(results.counts)
    counts[EntryKind.MODEL] = counts.get(EntryKind.MODEL, 0) + len(hits)
    shown = list(results.hits)
    if not kinds or EntryKind.MODEL in kinds:
        shown += hits
        shown.sort(key=lambda hit: -hit.score)
    ordered = tuple((kind, counts[kind]) for kind in EntryKind if kind in counts)
    terms = results.terms or tuple(_words(results.text))
    return replace(
        results,
        hits=tuple(shown[:limit]),
        counts=ordered,
        terms=terms,
        suggestions=() if results.did_you_mean is None else results.suggestions,
    )
