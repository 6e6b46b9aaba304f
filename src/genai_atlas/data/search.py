"""Full-text search over every entry of the atlas, as you type (plain Python + sqlite3, no Qt).

The GUI's search box and ``genai-atlas search`` both call :func:`search`. What it does with the
text a person types:

* The text is data, never FTS5 syntax. It is cut to :data:`MAX_QUERY_CHARS`, split into words the
  way the index tokenizer splits them, and every word is double-quoted before it reaches FTS5, so
  quotes, ``*``, ``NEAR(``, ``AND``/``OR``/``NOT``, SQL, control characters or emoji cannot change
  the query or make it fail.
* Every word must match (several words narrow); the last word is a prefix while it is being typed
  ("diffu" finds diffusion). ``&`` and ``and`` are the same word (the index stores "&" as "and").
* Aliases of glossary terms, models and categories are synonyms both ways: "GAN" also searches for
  "generative adversarial network" and the other way round.
* Ranking: an exact word in the title (or an alias) beats a prefix in the title, which beats a
  match in the body only; inside a tier, FTS5's bm25 with the title weighted most. A title equal to
  the whole query comes first.
* When nothing matches, unknown words are corrected against the index's own vocabulary
  (``search_vocab``, an fts5vocab table) with rapidfuzz, and the corrected search is run with a
  "did you mean"; if that finds nothing either, the nearest entry names are offered instead.
"""

from __future__ import annotations

import bisect
import re
import sqlite3
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .atlas import Atlas
from .errors import AtlasError
from .records import KIND_ORDER, EntryKind, kind_at, kind_number
from .search_text import (
    Span,
    highlight_spans,
    marked_text,
    normalise,
    words_of,
)

MAX_WORDS = 12
DEFAULT_LIMIT = 50
MAX_LIMIT = 500

_OPEN, _CLOSE = "\x02", "\x03"  # snippet markers; the build strips control characters from text
_WORD = re.compile(r"[^\W_]+")
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_SYNONYM_KINDS = ("term", "model", "category")
_MAX_SYNONYM_WORDS = 6
_MAX_ALTERNATIVES = 8  # names one word may stand for; many entries may share an alias
# bm25 weights per column: entry_id, kind, row_position, label, title, aliases, body
_BM25 = "bm25(search, 0.0, 0.0, 0.0, 0.0, 10.0, 6.0, 1.0)"
_BODY_COLUMN = 6
# Each search rowid carries its entry's kind: kind_number(kind) << KIND_SHIFT, plus a counter within
# the kind. Counting and filtering hits by kind then reads no stored row. The build writes rowids
# with search_rowid() below, so the index and this reader cannot disagree on the order of kinds.
KIND_SHIFT = 32


def search_rowid(kind: EntryKind | str, counter: int) -> int:
    """The rowid of the ``counter``-th search document of a kind (counter from 1)."""
    if not 0 < counter < 1 << KIND_SHIFT:
        raise ValueError(f"search document counter {counter} is out of range")
    return (kind_number(kind) << KIND_SHIFT) + counter


def kind_of_rowid(rowid: int) -> EntryKind:
    """The kind of the entry a search rowid belongs to."""
    return kind_at(rowid >> KIND_SHIFT)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One entry found by a search, with its snippet and matched spans."""

    kind: EntryKind
    id: str  # the entry to open: a comparison row's hit opens its comparison
    title: str
    snippet: tuple[Span, ...]
    score: float  # larger is better
    title_spans: tuple[Span, ...] = ()
    row: int | None = None  # position of the comparison row, for row hits

    def snippet_text(self, open_mark: str = "[[", close_mark: str = "]]") -> str:
        return marked_text(self.snippet, open_mark, close_mark)


@dataclass(frozen=True, slots=True)
class SearchResults:
    """The hits of one search, with its counts by kind and any correction."""

    text: str  # the query as searched (control characters removed, cut to MAX_QUERY_CHARS)
    hits: tuple[SearchHit, ...] = ()
    counts: tuple[tuple[EntryKind, int], ...] = ()  # matches per kind, for every kind
    did_you_mean: str | None = None  # the corrected text, when the hits are for it
    terms: tuple[str, ...] = ()  # words and phrases to highlight in a detail pane
    suggestions: tuple[str, ...] = ()  # nearest entry names, offered when nothing matched
    kinds: tuple[EntryKind, ...] = ()  # the kind filter applied to ``hits`` (empty: all)

    def count(self, kind: EntryKind | None = None) -> int:
        if kind is None:
            return self.total
        return dict(self.counts).get(kind, 0)

    @property
    def total(self) -> int:
        return sum(number for _, number in self.counts)

    @property
    def is_empty_query(self) -> bool:
        return not self.terms


# --- the query ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Phrase:
    """Words of a query that must stand together; the last may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self, allow_prefix: bool = True) -> str:
        quoted = '"' + " ".join(self.words).replace('"', '""') + '"'
        return quoted + ("*" if self.prefix and allow_prefix else "")


_Clause = tuple[_Phrase, ...]  # alternatives; a document must match one of them


def _expression(clauses: Sequence[_Clause], allow_prefix: bool = True) -> str:
    return " AND ".join(
        "(" + " OR ".join(phrase.fts(allow_prefix) for phrase in clause) + ")" for clause in clauses
    )


@dataclass
class _Vocabulary:
    """The words of the search index with their counts, sorted for prefix lookups."""

    counts: dict[str, int]
    sorted_words: list[str]

    def knows(self, word: str, prefix: bool) -> bool:
        if word in self.counts:
            return True
        if not prefix:
            return False
        index = bisect.bisect_left(self.sorted_words, word)
        return index < len(self.sorted_words) and self.sorted_words[index].startswith(word)


@dataclass
class SearchEngine:
    """Search over one open database; caches the vocabulary, synonyms and recent results."""

    connection: sqlite3.Connection
    path: str = ""
    _vocabulary: _Vocabulary | None = None
    _synonyms: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] | None = None
    _names: list[str] | None = None
    _entry_names: dict[tuple[str, ...], frozenset[str]] | None = None
    _cache: OrderedDict[tuple[object, ...], SearchResults] = field(default_factory=OrderedDict)

    # --- public -----------------------------------------------------------------------------

    def search(
        self,
        text: str,
        kinds: Iterable[EntryKind | str] | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> SearchResults:
        query = normalise(text)
        wanted = tuple(sorted({EntryKind(kind) for kind in kinds or ()}))
        limit = max(1, min(int(limit), MAX_LIMIT))
        key = (query, wanted, limit)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        results = self._search(query, wanted, limit)
        self._cache[key] = results
        if len(self._cache) > 128:
            self._cache.popitem(last=False)
        return results

    # --- steps ------------------------------------------------------------------------------

    def _search(self, query: str, kinds: tuple[EntryKind, ...], limit: int) -> SearchResults:
        words = words_of(query)[:MAX_WORDS]
        if len(words) > 1:
            # "and" (or "&") joins words; every word must match anyway, so it adds nothing.
            words = [word for word in words if word != "and"] or words
        if not words:
            return SearchResults(text=query, kinds=kinds)
        # The last word is always a prefix, even after a space: the person may be pausing, and an
        # exact word still ranks above a longer one (see _run).
        typing = True
        results = self._run(query, words, typing, kinds, limit)
        if results.total:
            return results
        corrected = self._corrected(words, typing)
        if corrected != words:
            fixed = self._run(query, corrected, typing, kinds, limit)
            if fixed.total:
                return _replace(fixed, did_you_mean=" ".join(corrected))
        return _replace(results, suggestions=self._nearest_names(query))

    def _run(
        self,
        query: str,
        words: list[str],
        typing: bool,
        kinds: tuple[EntryKind, ...],
        limit: int,
    ) -> SearchResults:
        clauses = self._clauses(words, typing)
        terms = tuple(dict.fromkeys(" ".join(p.words) for clause in clauses for p in clause))
        match = _expression(clauses)
        title_exact = "{title aliases} : (" + _expression(clauses, allow_prefix=False) + ")"
        title_any = "{title aliases} : (" + match + ")"
        counts_rows = self._query(
            f"SELECT rowid >> {KIND_SHIFT}, count(*) FROM search WHERE search MATCH ? GROUP BY 1",
            [match],
        )
        by_number = dict(counts_rows)
        counts = tuple(
            (kind, int(by_number[kind_number(kind)]))
            for kind in KIND_ORDER
            if kind_number(kind) in by_number
        )
        ranked = self._ranked(match, title_exact, title_any, kinds, limit)
        details = (
            {
                row[0]: row[1:]
                for row in self._query(
                    "SELECT rowid, entry_id, kind, row_position, label, "
                    f"snippet(search, {_BODY_COLUMN}, char(2), char(3), '…', 14) "
                    "FROM search WHERE search MATCH ? AND +rowid IN ("
                    + ",".join("?" * len(ranked))
                    + ")",
                    [match, *(row[0] for row in ranked)],
                )
            }
            if ranked
            else {}
        )
        rows = [(*details[rowid], exact, prefix, bm) for rowid, exact, prefix, bm in ranked]
        named = self._names_map().get(tuple(words), frozenset())
        hits = []
        for entry_id, kind, row, label, snip, exact, prefix, bm in rows:
            equal = row is None and entry_id in named
            score = 4000.0 * equal + 2000.0 * exact + 1000.0 * prefix - bm
            hits.append(
                SearchHit(
                    kind=EntryKind(kind),
                    id=entry_id,
                    title=label,
                    snippet=_snippet_spans(snip),
                    score=round(score, 4),
                    title_spans=highlight_spans(label, terms),
                    row=row,
                )
            )
        hits.sort(key=lambda hit: -hit.score)
        return SearchResults(text=query, hits=tuple(hits), counts=counts, terms=terms, kinds=kinds)

    def _ranked(
        self,
        match: str,
        title_exact: str,
        title_any: str,
        kinds: tuple[EntryKind, ...],
        limit: int,
    ) -> list[tuple[Any, ...]]:
        """The best ``limit`` matches as (rowid, exact, prefix, bm25): title words first, then
        bm25 (computed for ``match`` always, so a tier's order is the same however it is found).

        Rank first, then build snippets for the few rows shown (see _run): SQLite computes every
        selected column before sorting, and a snippet for each of thousands of matches is slow.
        """
        kind_filter = ""
        kind_params: list[object] = []
        if kinds:
            kind_filter = " AND (" + " OR ".join(f"rowid >> {KIND_SHIFT} = ?" for _ in kinds) + ")"
            kind_params = [kind_number(kind) for kind in kinds]
        # When a title tier alone fills the page, only its rows need bm25: the first letter of a
        # query matches most of the index, and bm25 for every match was most of its time.
        in_titles = self._query(
            f"SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ?{kind_filter} "
            "LIMIT ?)",
            [title_any, *kind_params, limit],
        )[0][0]
        titled = "SELECT rowid FROM search WHERE search MATCH ?"
        if in_titles >= limit:
            prefix, select_params = "1", [title_exact]
            kind_filter = f" AND +rowid IN ({titled})" + kind_filter
            kind_params.insert(0, title_any)
        else:
            prefix, select_params = f"rowid IN ({titled})", [title_exact, title_any]
        return self._query(
            f"SELECT rowid, rowid IN ({titled}) AS exact, {prefix} AS prefix, {_BM25} AS bm "
            f"FROM search WHERE search MATCH ?{kind_filter} "
            "ORDER BY exact DESC, prefix DESC, bm LIMIT ?",
            [*select_params, match, *kind_params, limit],
        )

    def _clauses(self, words: list[str], typing: bool) -> list[_Clause]:
        """One clause per word, or per run of words that is a known name with synonyms."""
        synonyms = self._synonym_map()
        clauses: list[_Clause] = []
        index = 0
        last = len(words) - 1
        while index < len(words):
            for size in range(min(_MAX_SYNONYM_WORDS, len(words) - index), 0, -1):
                span = tuple(words[index : index + size])
                prefix = typing and index + size - 1 == last
                if span in synonyms:
                    others = tuple(_Phrase(other) for other in synonyms[span] if other != span)
                    clauses.append((_Phrase(span, prefix), *others))
                    index += size
                    break
                if size == 1:
                    clauses.append((_Phrase(span, prefix),))
                    index += 1
        return clauses

    def _corrected(self, words: list[str], typing: bool) -> list[str]:
        """``words`` with each word the index does not know replaced by its nearest known word."""
        vocabulary = self._vocab()
        corrected = []
        for position, word in enumerate(words):
            prefix = typing and position == len(words) - 1
            if len(word) < 3 or word.isdigit() or vocabulary.knows(word, prefix):
                corrected.append(word)
                continue
            corrected.append(_nearest_word(word, vocabulary) or word)
        return corrected

    def _nearest_names(self, query: str) -> tuple[str, ...]:
        from rapidfuzz import fuzz, process

        if self._names is None:
            rows = self._query("SELECT title FROM entry UNION SELECT alias FROM entry_alias", [])
            self._names = sorted({str(title) for (title,) in rows})
        found = process.extract(
            query.lower(),
            self._names,
            scorer=fuzz.WRatio,
            processor=str.lower,
            limit=5,
            score_cutoff=60,
        )
        return tuple(name for name, _score, _index in found)

    # --- cached tables ----------------------------------------------------------------------

    def _vocab(self) -> _Vocabulary:
        if self._vocabulary is None:
            rows = self._query("SELECT term, doc FROM search_vocab", [])
            counts = {str(term): int(doc) for term, doc in rows}
            self._vocabulary = _Vocabulary(counts, sorted(counts))
        return self._vocabulary

    def _names_map(self) -> dict[tuple[str, ...], frozenset[str]]:
        """The words of every title and alias -> the entries it names (for "equal" hits)."""
        if self._entry_names is None:
            rows = self._query(
                "SELECT id, title FROM entry UNION ALL SELECT entry_id, alias FROM entry_alias", []
            )
            found: dict[tuple[str, ...], set[str]] = {}
            for entry_id, name in rows:
                found.setdefault(tuple(words_of(str(name))), set()).add(str(entry_id))
            self._entry_names = {key: frozenset(value) for key, value in found.items()}
        return self._entry_names

    def _synonym_map(self) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """Every name of a glossary term, model or category -> all names of that entry."""
        if self._synonyms is None:
            kinds = ",".join("?" * len(_SYNONYM_KINDS))
            rows = self._query(
                "SELECT e.id, e.title, a.alias FROM entry e "
                f"JOIN entry_alias a ON a.entry_id = e.id WHERE e.kind IN ({kinds}) "
                "ORDER BY e.id, a.position",
                list(_SYNONYM_KINDS),
            )
            groups: dict[str, list[tuple[str, ...]]] = {}
            for entry_id, title, alias in rows:
                names = groups.setdefault(entry_id, [])
                if not names:
                    main = _PARENTHESES.sub("", title)
                    names.append(tuple(words_of(main)))
                    names.extend(tuple(words_of(p)) for p in _PARENTHESES.findall(title))
                names.append(tuple(words_of(alias)))
            synonyms: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
            for names in groups.values():
                unique = tuple(dict.fromkeys(name for name in names if name))
                for name in unique:
                    merged = dict.fromkeys(synonyms.get(name, ()) + unique)
                    synonyms[name] = tuple(merged)[:_MAX_ALTERNATIVES]
            self._synonyms = synonyms
        return self._synonyms

    def _query(self, sql: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
        try:
            return [tuple(row) for row in self.connection.execute(sql, tuple(params))]
        except sqlite3.DatabaseError as error:
            raise AtlasError(
                f"The search index of the atlas database {self.path} cannot be read ({error}). "
                "Reinstall GenAI Atlas, or rebuild the database with 'make db'.",
                self.path,
            ) from None


def _nearest_word(word: str, vocabulary: _Vocabulary) -> str | None:
    from rapidfuzz import fuzz, process

    cutoff = 80.0 if len(word) <= 4 else 75.0
    found = process.extract(
        word, vocabulary.sorted_words, scorer=fuzz.ratio, limit=5, score_cutoff=cutoff
    )
    if not found:
        return None
    best = max(found, key=lambda item: (item[1], vocabulary.counts[item[0]]))
    return str(best[0])


def _snippet_spans(snippet: object) -> tuple[Span, ...]:
    spans: list[Span] = []
    for index, part in enumerate(re.split(f"[{_OPEN}{_CLOSE}]", str(snippet or ""))):
        if part:
            spans.append(Span(part, index % 2 == 1))
    return tuple(spans)


def _replace(results: SearchResults, **changes: object) -> SearchResults:
    from dataclasses import replace

    return replace(results, **changes)  # type: ignore[arg-type]


# --- the entry point -----------------------------------------------------------------------------

_ENGINES: weakref.WeakKeyDictionary[Atlas, SearchEngine] = weakref.WeakKeyDictionary()


def engine_for(atlas: Atlas) -> SearchEngine:
    engine = _ENGINES.get(atlas)
    if engine is None:
        engine = SearchEngine(atlas.connection, str(atlas.path))
        _ENGINES[atlas] = engine
    return engine


def search(
    atlas: Atlas,
    text: str,
    kinds: Iterable[EntryKind | str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> SearchResults:
    """Search every entry for ``text``; never raises for any text (only AtlasError for a bad file).

    ``kinds`` filters the hits; ``counts`` always covers every kind so filter chips can show them.
    """
    results = engine_for(atlas).search(text, kinds, limit)
    dataset = atlas.dataset
    if dataset is None:
        return results
    # Models only an imported dataset lists are not in the built index: searched in memory.
    from .dataset_search import DatasetSearch, merge

    cached = _DATASET_INDEX.get(atlas)
    if cached is None or cached[0] is not dataset:
        cached = (dataset, DatasetSearch(atlas.dataset_models()))
        _DATASET_INDEX[atlas] = cached
    wanted = tuple(EntryKind(kind) for kind in kinds or ())
    return merge(results, cached[1].hits(results.text), max(1, min(int(limit), MAX_LIMIT)), wanted)


_DATASET_INDEX: weakref.WeakKeyDictionary[Atlas, tuple[object, Any]] = weakref.WeakKeyDictionary()
