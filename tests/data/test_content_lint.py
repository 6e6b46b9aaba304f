"""A lint over the content sources (database/content/*.toml): names, spelling and wording.

It reads the TOML the editors write, not the built database, so a failure names the file, the
entry and the field to fix. Each check prints every spot it found.

What is checked, and where:
- prose (summaries, descriptions, definitions, points, notes): every check;
- titles and labels: names, spelling, apostrophes, "The first of";
- table cells (comparison aspects and cells, category use cases, trend examples and
  initiatives): names, spelling and apostrophes, but not the run-of-words check, since the
  article's table cells may stay as the article has them;
- aliases and Epoch names: nothing (they hold the other spellings on purpose, so that search
  finds them); the titles of cited works (sources.toml `title`) keep their own spelling.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from genai_atlas.data.markup import plain_text

from ..conftest import CONTENT, SEED_ARTICLE

PROSE_FIELDS = {
    "summary",
    "description",
    "definition",
    "text",
    "subtitle",
    "points",
    "impact",
    "release_note",
    "note",
}
TITLE_FIELDS = {"title", "left_label", "right_label", "organisation"}
CELL_FIELDS = {"aspect", "left", "right", "use_cases", "examples", "initiatives"}

# The maker's own spelling of each product, and the other spellings met in the wild. The other
# spellings belong in `aliases` only. "Meta AI" is the name of Meta's lab and of its assistant,
# not a misspelling of Meta, so it is allowed in prose; as a maker (`organisation`) it is not.
CANONICAL_NAMES = {
    "Midjourney": re.compile(r"\bmid\s?journey\b", re.IGNORECASE),
    "DALL·E": re.compile(r"\bdall(?:\s?[-·.‐–]\s?|\s)?e\b", re.IGNORECASE),
    "Runway": re.compile(r"\brunway(?:\s?(?:ml|ai))?\b", re.IGNORECASE),
    "Pika": re.compile(r"\bpika(?:\s?labs)?\b", re.IGNORECASE),
    "Llama": re.compile(r"\bllama\b", re.IGNORECASE),
    "Meta": re.compile(r"\bmeta(?:\s+platforms)?\b", re.IGNORECASE),
}

# British and American forms of a few common words. The content is written in British English;
# the check fails when both conventions appear, whichever is the minority.
SPELLING_VARIANTS = [
    (r"organis\w*", r"organiz\w*"),
    (r"licences?", r"licenses?"),  # the noun; "licensed" is the same in both
    (r"colour\w*", r"color\w*"),
    (r"behaviour\w*", r"behavior\w*"),
    (r"centre[sd]?", r"center(?:s|ed)?"),
    (r"modelling|modelled", r"modeling|modeled"),
    (r"summaris\w*", r"summariz\w*"),
    (r"personalis\w*", r"personaliz\w*"),
    (r"specialis\w*", r"specializ\w*"),
    (r"optimis\w*", r"optimiz\w*"),
    (r"realis(?:e|es|ed|ing|ation)", r"realiz(?:e|es|ed|ing|ation)"),
    (r"recognis\w*", r"recogniz\w*"),
    (r"prioritis\w*", r"prioritiz\w*"),
    (r"minimis\w*", r"minimiz\w*"),
    (r"maximis\w*", r"maximiz\w*"),
    (r"analys(?:e|es|ed|ing)", r"analyz(?:e|es|ed|ing)"),
    (r"categoris\w*", r"categoriz\w*"),
    (r"utilis\w*", r"utiliz\w*"),
]
BRITISH = re.compile(r"\b(?:" + "|".join(b for b, _ in SPELLING_VARIANTS) + r")\b", re.I)
AMERICAN = re.compile(r"\b(?:" + "|".join(a for _, a in SPELLING_VARIANTS) + r")\b", re.I)

# The article's own headings that carry American spelling. They are names (application titles,
# list items of the Use Cases table) and are kept exactly as the article has them.
ARTICLE_NAMES = (
    "Personalized Marketing Campaigns",
    "Medical Documentation & Summarization",
    "AI Tutors & Personalized Learning",
    "Summarization & Explanation",
    "Summarization & Translation",
    "3D Modeling & Animation",
)

STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|(?<=s)'(?=\s)")
CURLY_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)|(?<=s)’(?=\s)")
FIRST_OF = re.compile(r"(?:^|[.!?:;]\s+|\n)The first of\b")
RUN_LENGTH = 12


@dataclass(frozen=True)
class Field:
    """One string of the content, where it comes from and what kind of text it is."""

    file: str
    entry: str
    name: str
    kind: str  # "prose", "title", "cell"
    text: str

    def where(self) -> str:
        return f"{self.file} {self.entry} {self.name}"


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _kind(file: str, name: str) -> str | None:
    if file == "sources.toml" and name == "title":
        return None  # the title of someone else's work, spelled as they spell it
    if name in PROSE_FIELDS:
        return "prose"
    if name in TITLE_FIELDS:
        return "title"
    if name in CELL_FIELDS:
        return "cell"
    return None  # ids, links, urls, enums, aliases, Epoch names


def _fields_of(file: str, entry_id: str, table: dict[str, object]) -> Iterator[Field]:
    for name, value in table.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            # nested tables: comparison rows, a trend's industry impacts
            for index, sub in enumerate(value, start=1):
                yield from _fields_of(file, f"{entry_id} {name}[{index}]", sub)
            continue
        kind = _kind(file, name)
        if kind is None:
            continue
        for text in _strings(value):
            if re.fullmatch(r"[a-z]+/[a-z0-9-]+", text):
                continue  # an entry id (category examples are model ids)
            yield Field(file, entry_id, name, kind, plain_text(text))


def content_fields() -> list[Field]:
    fields: list[Field] = []
    for path in sorted(CONTENT.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entries in data.values():
            for entry in entries:
                fields.extend(_fields_of(path.name, str(entry.get("id", "?")), entry))
    return fields


FIELDS = content_fields()


def _report(found: list[str]) -> str:
    return f"{len(found)} found:\n" + "\n".join(found)


def _mixed(name_a: str, found_a: list[str], name_b: str, found_b: list[str]) -> str:
    """Which of two conventions is the minority, and where it is used (both on a tie)."""
    if len(found_a) == len(found_b):
        return f"{name_a}: {_report(found_a)}\n{name_b}: {_report(found_b)}"
    (major, _), (minor, spots) = sorted(
        [(name_a, found_a), (name_b, found_b)], key=lambda pair: -len(pair[1])
    )
    return f"mostly {major}, but {minor} " + _report(spots)


def test_the_lint_reads_every_content_file() -> None:
    files = {f.file for f in FIELDS}
    assert files == {p.name for p in CONTENT.glob("*.toml")}
    assert {f.kind for f in FIELDS} == {"prose", "title", "cell"}


def test_product_names_are_spelled_as_their_makers_spell_them() -> None:
    found = []
    for field in FIELDS:
        for canonical, pattern in CANONICAL_NAMES.items():
            for match in pattern.finditer(field.text):
                if match.group(0) != canonical:
                    found.append(f"{field.where()}: {match.group(0)!r} (say {canonical!r})")
        if field.name == "organisation" and re.search(r"\bMeta AI\b", field.text):
            found.append(f"{field.where()}: 'Meta AI' as a maker (say 'Meta')")
    assert found == [], _report(found)


def test_one_spelling_convention() -> None:
    british: list[str] = []
    american: list[str] = []
    for field in FIELDS:
        text = field.text
        for name in ARTICLE_NAMES:
            text = text.replace(name, "")
        british += [f"{field.where()}: {m.group(0)!r}" for m in BRITISH.finditer(text)]
        american += [f"{field.where()}: {m.group(0)!r}" for m in AMERICAN.finditer(text)]
    assert british or american  # the check sees the words it is about
    assert not (british and american), _mixed("British", british, "American", american)


def test_one_kind_of_apostrophe() -> None:
    straight: list[str] = []
    curly: list[str] = []
    for field in FIELDS:
        straight += [f"{field.where()}: {field.text!r}"] * bool(
            STRAIGHT_APOSTROPHE.search(field.text)
        )
        curly += [f"{field.where()}: {field.text!r}"] * bool(CURLY_APOSTROPHE.search(field.text))
    assert straight or curly
    assert not (straight and curly), _mixed("straight (')", straight, "curly (’)", curly)


def test_no_sentence_starts_with_the_first_of() -> None:
    found = [f"{f.where()}: {f.text!r}" for f in FIELDS if FIRST_OF.search(f.text)]
    assert found == [], _report(found)


def _words(text: str) -> list[str]:
    """Lower-case words; hyphens and dashes split words, other punctuation is dropped
    ("OpenAI’s text-based" -> "openais", "text", "based")."""
    spaced = re.sub(r"[-‐–—/_]", " ", text.lower())
    return re.sub(r"[^\w\s]", "", spaced).split()


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN_LENGTH]) for i in range(len(words) - RUN_LENGTH + 1)}


@pytest.mark.skipif(not SEED_ARTICLE.is_file(), reason=f"the seed article is not at {SEED_ARTICLE}")
def test_no_prose_repeats_twelve_words_of_the_article() -> None:
    article = _runs(_words(SEED_ARTICLE.read_text(encoding="utf-8")))
    found = []
    for field in FIELDS:
        if field.kind != "prose":
            continue
        shared = [run for run in _runs(_words(field.text)) if run in article]
        if shared:
            found.append(f"{field.where()}: {' '.join(shared[0])!r} in {field.text!r}")
    assert found == [], _report(found)
