"""The reader's notes in the global search: note hits merged into the atlas's results.

A pure function of data objects (no Qt), so the order and the counts are testable as values.
An entry whose note matches is listed once: beside its atlas hit when the atlas found it too,
else as a hit of its own. Those come after the hits whose title matched and before the ones
found only in a body: a person's own words about an entry say more than a passing mention,
less than the entry's name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from ..data import Atlas, EntryKind, UnknownEntryError
from ..data.search import SearchHit, SearchResults
from ..data.search_text import Span, highlight_spans, normalise, words_of

NOTE_LABEL = "Your note:"


class NoteMatch(Protocol):
    """What the search needs of ``data.library.NoteHit``."""

    @property
    def entry_id(self) -> str: ...
    @property
    def snippet(self) -> str: ...


NoteSnippets = dict[str, tuple[Span, ...]]


def note_terms(text: str) -> tuple[str, ...]:
    """The words a note search matched, for highlighting them in its snippet."""
    return tuple(dict.fromkeys(words_of(normalise(text))))


def merge_note_hits(
    results: SearchResults, text: str, matches: Sequence[NoteMatch], atlas: Atlas
) -> tuple[SearchResults, NoteSnippets]:
    """``results`` with the entries whose note matched ``text`` added, and each such entry's
    note snippet (matched words highlighted), by entry id.

    A note on an entry the atlas no longer has is left out: the hit could not be opened (the
    note itself is kept, and shown in the notes list). When the atlas found nothing but a
    correction ("did you mean"), and notes match what was typed, the notes win: the search
    says nothing about a correction of a word the reader's own notes contain.
    """
    if not matches:
        return results, {}
    terms = note_terms(text)
    corrected = bool(results.did_you_mean)
    # A correction's hits are for another word than the one the notes matched.
    hits = [] if corrected else list(results.hits)
    listed = {hit.id for hit in hits}
    wanted = set(results.kinds)
    snippets: NoteSnippets = {}
    added: list[SearchHit] = []
    extra: Counter[EntryKind] = Counter()
    for match in matches:
        if match.entry_id in snippets:
            continue
        try:
            ref = atlas.ref(match.entry_id)
        except UnknownEntryError:
            continue
        snippets[ref.id] = highlight_spans(match.snippet, terms)
        if ref.id in listed:
            continue
        extra[ref.kind] += 1
        if wanted and ref.kind not in wanted:
            continue
        added.append(
            SearchHit(
                kind=ref.kind,
                id=ref.id,
                title=ref.title,
                snippet=(),
                score=0.0,
                title_spans=highlight_spans(ref.title, terms),
            )
        )
    if not snippets or corrected and not added:
        return results, {} if corrected else snippets
    base = {} if corrected else dict(results.counts)
    counts = tuple(
        (kind, base.get(kind, 0) + extra.get(kind, 0))
        for kind in EntryKind
        if base.get(kind, 0) + extra.get(kind, 0)
    )
    # After the hits whose title matched: those are the entries the words name.
    at = next(
        (i for i, hit in enumerate(hits) if not any(s.highlighted for s in hit.title_spans)),
        len(hits),
    )
    hits[at:at] = added
    merged = replace(
        results,
        hits=tuple(hits),
        counts=counts,
        did_you_mean=None,
        terms=terms if corrected or not results.terms else results.terms,
        suggestions=(),
    )
    return merged, snippets
