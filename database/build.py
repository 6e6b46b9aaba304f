"""Build ``atlas.db`` from the TOML sources in ``database/content`` with sqlite-utils.

Runs at build time only (``make db`` or the hatch build hook); the app never imports it.
Bad sources stop the build with a message that names the file and the entry.

    python database/build.py [--content DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from genai_atlas.data.markup import is_entry_id, iter_links  # noqa: E402
from genai_atlas.data.schema import SCHEMA_VERSION  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from open_data import add_open_data  # noqa: E402
from search_index import build_search_index  # noqa: E402

DEFAULT_CONTENT = ROOT / "database" / "content"
DEFAULT_OUTPUT = ROOT / "src" / "genai_atlas" / "assets" / "atlas.db"


class SourceError(Exception):
    """A content source is wrong; the message names the file and the entry."""


@dataclass(frozen=True)
class Field:
    type: str  # str | int | bool | month | strings | id | ids | rows | impacts | enum | enums
    required: bool = True
    kind: str | None = None  # for id/ids: the kind the target must have
    choices: tuple[str, ...] = ()


def _f(type_: str, required: bool = True, kind: str | None = None, *choices: str) -> Field:
    return Field(type_, required, kind, tuple(choices))


COMMON = {
    "id": _f("str"),
    "title": _f("str"),
    "source": _f("ids", True, "source"),
    "aliases": _f("strings", False),
}

DATE_KINDS = ("release", "announced", "paper")
AVAILABILITIES = ("available", "retired", "unreleased")

# file name -> (table key in the TOML, entry kind, fields besides COMMON)
FILES: dict[str, tuple[str, str, dict[str, Field]]] = {
    "comparisons.toml": (
        "comparison",
        "comparison",
        {
            "subtitle": _f("str"),
            "left_label": _f("str"),
            "right_label": _f("str"),
            "summary": _f("str"),
            "position": _f("int"),
            "rows": _f("rows"),
        },
    ),
    "categories.toml": (
        "category",
        "category",
        {
            "position": _f("int"),
            "summary": _f("str"),
            "examples": _f("ids", True, "model"),
            "use_cases": _f("strings"),
            "techniques": _f("ids", False, "term"),
        },
    ),
    "industries.toml": (
        "industry",
        "industry",
        {"position": _f("int"), "summary": _f("str")},
    ),
    "models.toml": (
        "model",
        "model",
        {
            "organisation": _f("str"),
            "year": _f("int"),
            # what the year is the year of, and the source that states it
            "date_kind": _f("enum", True, None, *DATE_KINDS),
            "date_source": _f("id", False, "source"),
            "date_approximate": _f("bool", False),
            "modality": _f("enums", True, None, "text", "image", "audio", "video", "code"),
            "model_type": _f("enum", True, None, "llm", "generative"),
            "access": _f("enums", True, None, "api", "open-weights", "hosted-app", "none"),
            # access, modality and availability change: when they were last stated
            "as_of": _f("month"),
            "availability": _f("enum", True, None, *AVAILABILITIES),
            "access_note": _f("str", False),
            "website": _f("str"),
            "summary": _f("str"),
            "release_note": _f("str", False),
            "epoch_name": _f("str", False),
        },
    ),
    "glossary.toml": (
        "term",
        "term",
        {"definition": _f("str"), "related": _f("ids")},
    ),
    "takeaways.toml": (
        "takeaway",
        "takeaway",
        {
            "text": _f("str"),
            "group": _f("enum", True, None, "applications", "conclusion"),
            "position": _f("int"),
            "related": _f("ids", False),
        },
    ),
    "trends.toml": (
        "trend",
        "trend",
        {
            "position": _f("int"),
            "section": _f("enum", True, None, "future", "responsible-ai", "outlook"),
            "summary": _f("str"),
            "points": _f("strings"),
            "examples": _f("strings"),
            "impact": _f("strings"),
            "initiatives": _f("strings"),
            "related": _f("ids", False),
            "industry_impacts": _f("impacts", False),
        },
    ),
}
APPLICATION_FIELDS = {
    "industry": _f("id", True, "industry"),
    "position": _f("int"),
    "scope": _f("enum", True, None, "llm", "generative-ai", "ai"),
    "description": _f("str"),
    "categories": _f("ids", True, "category"),
    "models": _f("ids", False, "model"),
    # Models the atlas links to although the article names none for this application: the
    # atlas's own editorial links, shown apart and never credited to the article.
    "see_also": _f("ids", False, "model"),
}
SOURCE_FIELDS = {
    "id": _f("str"),
    "title": _f("str"),
    "url": _f("str", False),
    "licence": _f("str", False),
    "note": _f("str", False),
}
# prose fields whose [text](kind/slug) links are followed
PROSE_FIELDS = ("summary", "description", "definition", "text", "subtitle")
LIST_PROSE_FIELDS = ("use_cases", "points", "examples", "impact", "initiatives")


@dataclass
class Entry:
    file: str
    kind: str
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data["id"])

    def where(self) -> str:
        return f"{self.file}: {self.id}"


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise SourceError(f"{path.name}: file is missing from {path.parent}") from None
    except tomllib.TOMLDecodeError as error:
        raise SourceError(f"{path.name}: not valid TOML ({error})") from None


def _check_fields(where: str, data: dict[str, Any], fields: dict[str, Field]) -> None:
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise SourceError(f"{where}: unknown field(s) {', '.join(unknown)}")
    for name, spec in fields.items():
        if name not in data:
            if spec.required:
                raise SourceError(f"{where}: missing required field '{name}'")
            continue
        value = data[name]
        ok = {
            "str": lambda v: isinstance(v, str) and v.strip() != "",
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "bool": lambda v: isinstance(v, bool),
            "month": lambda v: isinstance(v, str) and _is_month(v),
            "strings": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
            "id": lambda v: isinstance(v, str),
            "ids": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
            "enum": lambda v, spec=spec: v in spec.choices,
            "enums": lambda v, spec=spec: (
                isinstance(v, list) and v and all(x in spec.choices for x in v)
            ),
            "rows": lambda v: isinstance(v, list) and len(v) > 0,
            "impacts": lambda v: isinstance(v, list),
        }[spec.type](value)
        if not ok:
            expected = {
                "str": "non-empty text",
                "int": "a whole number",
                "bool": "true or false",
                "month": "a month as YYYY-MM (or a year as YYYY)",
                "strings": "a list of text",
                "id": "an entry id",
                "ids": "a list of entry ids",
                "enum": "one of " + ", ".join(spec.choices),
                "enums": "a non-empty list of " + ", ".join(spec.choices),
                "rows": "a non-empty list of rows",
                "impacts": "a list of industry impacts",
            }[spec.type]
            raise SourceError(f"{where}: field '{name}' must be {expected}, not {value!r}")
        if spec.type == "rows":
            for number, row in enumerate(value, 1):
                _check_fields(
                    f"{where} row {number}",
                    row,
                    {"aspect": _f("str"), "left": _f("str"), "right": _f("str")},
                )
        if spec.type == "impacts":
            for number, impact in enumerate(value, 1):
                _check_fields(
                    f"{where} industry impact {number}",
                    impact,
                    {"industry": _f("id", True, "industry"), "text": _f("str")},
                )


def _is_month(value: str) -> bool:
    parts = value.split("-")
    if len(parts) > 2 or not (len(parts[0]) == 4 and parts[0].isdigit()):
        return False
    return len(parts) == 1 or (
        len(parts[1]) == 2 and parts[1].isdigit() and "01" <= parts[1] <= "12"
    )


def _check_model(where: str, data: dict[str, Any]) -> None:
    """Rules between a model's fields: dates cite a source, past states say they are past."""
    if "date_source" in data and data["date_source"] not in data["source"]:
        raise SourceError(
            f"{where}: date_source '{data['date_source']}' must also be in the entry's source list"
        )
    if "date_source" not in data and not data.get("date_approximate", False):
        raise SourceError(
            f"{where}: the {data['date_kind']} year needs a date_source, "
            "or date_approximate = true where no source states it"
        )
    access = data["access"]
    if "none" in access and len(access) > 1:
        raise SourceError(f"{where}: access 'none' cannot be combined with other access")
    unreleased = data["availability"] == "unreleased"
    if unreleased != (access == ["none"]):
        raise SourceError(
            f"{where}: availability 'unreleased' goes with access = [\"none\"], and only with it"
        )
    if data["availability"] != "available" and "access_note" not in data:
        raise SourceError(
            f"{where}: a {data['availability']} model needs an access_note that says "
            "how it was available and when that ended"
        )


def load_content(content_dir: Path) -> tuple[list[dict[str, Any]], list[Entry]]:
    """Read and check every source file; return (sources, entries) in file order."""
    sources_doc = _load_toml(content_dir / "sources.toml")
    sources: list[dict[str, Any]] = []
    for item in sources_doc.get("source", []):
        where = f"sources.toml: {item.get('id', '<entry without id>')}"
        _check_fields(where, item, SOURCE_FIELDS)
        sources.append(item)
    entries: list[Entry] = []
    for file_name, (key, kind, fields) in FILES.items():
        doc = _load_toml(content_dir / file_name)
        tables = {key: (kind, fields)}
        if file_name == "industries.toml":
            tables["application"] = ("application", APPLICATION_FIELDS)
        unknown_tables = sorted(set(doc) - set(tables))
        if unknown_tables:
            raise SourceError(f"{file_name}: unknown table(s) {', '.join(unknown_tables)}")
        for table, (table_kind, table_fields) in tables.items():
            for item in doc.get(table, []):
                where = f"{file_name}: {item.get('id', '<entry without id>')}"
                _check_fields(where, item, {**COMMON, **table_fields})
                if table_kind == "model":
                    _check_model(where, item)
                entries.append(Entry(file_name, table_kind, item))
    _check_ids_and_links(sources, entries)
    return sources, entries


def _check_ids_and_links(sources: list[dict[str, Any]], entries: list[Entry]) -> None:
    seen: dict[str, str] = {}
    for source in sources:
        if source["id"] in seen:
            raise SourceError(f"sources.toml: {source['id']}: duplicate id")
        if not source["id"].startswith("source/"):
            raise SourceError(f"sources.toml: {source['id']}: a source id starts with 'source/'")
        seen[source["id"]] = "sources.toml"
    kinds: dict[str, str] = {}
    for entry in entries:
        if entry.id in seen:
            raise SourceError(f"{entry.where()}: duplicate id (also in {seen[entry.id]})")
        if not is_entry_id(entry.id) or entry.id.split("/")[0] != entry.kind:
            raise SourceError(f"{entry.where()}: id must look like '{entry.kind}/lower-case-slug'")
        seen[entry.id] = entry.file
        kinds[entry.id] = entry.kind
    source_ids = {source["id"] for source in sources}
    for entry in entries:
        fields = {**COMMON, **_fields_of(entry.kind)}
        for name, spec in fields.items():
            if spec.type not in ("id", "ids") or name not in entry.data:
                continue
            targets = [entry.data[name]] if spec.type == "id" else entry.data[name]
            for target in targets:
                if spec.kind == "source":
                    if target not in source_ids:
                        raise SourceError(f"{entry.where()}: unknown source '{target}'")
                    continue
                if target not in kinds:
                    raise SourceError(
                        f"{entry.where()}: field '{name}' links to unknown '{target}'"
                    )
                if spec.kind and kinds[target] != spec.kind:
                    raise SourceError(
                        f"{entry.where()}: field '{name}' needs a {spec.kind}, "
                        f"but '{target}' is a {kinds[target]}"
                    )
        for text in _prose_of(entry):
            for link in iter_links(text):
                if link.target not in kinds:
                    raise SourceError(f"{entry.where()}: text links to unknown '{link.target}'")


def _fields_of(kind: str) -> dict[str, Field]:
    if kind == "application":
        return APPLICATION_FIELDS
    return next(fields for (_, file_kind, fields) in FILES.values() if file_kind == kind)


def _prose_of(entry: Entry) -> list[str]:
    data = entry.data
    texts = [data[name] for name in PROSE_FIELDS if isinstance(data.get(name), str)]
    for name in LIST_PROSE_FIELDS:
        texts.extend(data.get(name, []))
    for row in data.get("rows", []):
        texts.extend([row["aspect"], row["left"], row["right"]])
    for impact in data.get("industry_impacts", []):
        texts.append(impact["text"])
    return texts


def _links_of(entry: Entry) -> list[tuple[str, str]]:
    """(target id, relation) for every cross-link of an entry, in order, without repeats."""
    data = entry.data
    found: list[tuple[str, str]] = []
    relation_of = {
        "examples": "example",
        "techniques": "technique",
        "categories": "category",
        "models": "model",
        "see_also": "see-also",
        "related": "related",
    }
    for name, relation in relation_of.items():
        if entry.kind == "trend" and name == "examples":
            continue  # a trend's examples are prose, not ids
        for target in data.get(name, []):
            found.append((target, relation))
    if entry.kind == "application":
        found.append((data["industry"], "industry"))
    for impact in data.get("industry_impacts", []):
        found.append((impact["industry"], "industry"))
    for text in _prose_of(entry):
        for link in iter_links(text):
            found.append((link.target, "mentions"))
    unique: list[tuple[str, str]] = []
    seen: set[str] = set()
    for target, relation in found:
        if target != entry.id and target not in seen:
            seen.add(target)
            unique.append((target, relation))
    return unique


def _content_hash(content_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(content_dir.glob("*.toml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _summary_of(entry: Entry) -> str:
    data = entry.data
    for name in ("summary", "description", "definition", "text"):
        if name in data:
            return str(data[name])
    return ""


def write_database(
    sources: list[dict[str, Any]], entries: list[Entry], output: Path, data_version: str
) -> None:
    """Write a fresh database to ``output`` (via a temporary file renamed into place)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".atlas-", suffix=".db", dir=output.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        _fill(sqlite_utils.Database(temp), sources, entries, data_version)
        # mkstemp makes the file private (0600); the shipped database is read by every user.
        temp.chmod(0o644)
        os.replace(temp, output)
    finally:
        temp.unlink(missing_ok=True)


def _fill(
    db: sqlite_utils.Database,
    sources: list[dict[str, Any]],
    entries: list[Entry],
    data_version: str,
) -> None:
    db["meta"].insert_all(
        [{"key": "data_version", "value": data_version}, {"key": "schema", "value": "atlas"}],
        pk="key",
    )
    db["source"].insert_all(
        [
            {
                "id": s["id"],
                "title": s["title"],
                "url": s.get("url", ""),
                "licence": s.get("licence", ""),
                "note": s.get("note", ""),
            }
            for s in sources
        ],
        pk="id",
        columns={"id": str, "title": str, "url": str, "licence": str, "note": str},
    )
    db["entry"].insert_all(
        [
            {
                "id": e.id,
                "kind": e.kind,
                "slug": e.id.split("/", 1)[1],
                "title": e.data["title"],
                "summary": _summary_of(e),
                "position": e.data.get("position", index),
            }
            for index, e in enumerate(entries)
        ],
        pk="id",
        columns={
            "id": str,
            "kind": str,
            "slug": str,
            "title": str,
            "summary": str,
            "position": int,
        },
    )
    db["entry"].create_index(["kind", "position"])
    fk_entry = [("entry_id", "entry", "id")]
    db["entry_alias"].insert_all(
        [
            {"entry_id": e.id, "position": i, "alias": alias}
            for e in entries
            for i, alias in enumerate(e.data.get("aliases", []))
        ],
        columns={"entry_id": str, "position": int, "alias": str},
        foreign_keys=fk_entry,
    )
    db["entry_source"].insert_all(
        [
            {"entry_id": e.id, "position": i, "source_id": source}
            for e in entries
            for i, source in enumerate(e.data["source"])
        ],
        columns={"entry_id": str, "position": int, "source_id": str},
        foreign_keys=[*fk_entry, ("source_id", "source", "id")],
    )
    db["link"].insert_all(
        [
            {"from_id": e.id, "position": i, "to_id": target, "relation": relation}
            for e in entries
            for i, (target, relation) in enumerate(_links_of(e))
        ],
        columns={"from_id": str, "position": int, "to_id": str, "relation": str},
        foreign_keys=[("from_id", "entry", "id"), ("to_id", "entry", "id")],
    )
    db["link"].create_index(["to_id"])
    db["link"].create_index(["from_id", "position"])
    by_kind: dict[str, list[Entry]] = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry)
    _fill_kinds(db, by_kind)
    for table in ("entry_alias", "entry_source"):
        db[table].create_index(["entry_id", "position"])
    build_search_index(db)
    add_open_data(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.conn.commit()
    db.execute("VACUUM")


def _fill_kinds(db: sqlite_utils.Database, by_kind: dict[str, list[Entry]]) -> None:
    fk = [("id", "entry", "id")]
    db["comparison"].insert_all(
        [
            {k: e.data[k] for k in ("id", "subtitle", "left_label", "right_label")}
            for e in by_kind.get("comparison", [])
        ],
        pk="id",
        foreign_keys=fk,
    )
    db["comparison_row"].insert_all(
        [
            {"comparison_id": e.id, "position": i, **row}
            for e in by_kind.get("comparison", [])
            for i, row in enumerate(e.data["rows"])
        ],
        pk=("comparison_id", "position"),
        foreign_keys=[("comparison_id", "comparison", "id")],
    )
    db["category"].insert_all(
        [{"id": e.id, "use_cases": e.data["use_cases"]} for e in by_kind.get("category", [])],
        pk="id",
        foreign_keys=fk,
    )
    db["industry"].insert_all(
        [{"id": e.id} for e in by_kind.get("industry", [])], pk="id", foreign_keys=fk
    )
    db["application"].insert_all(
        [
            {
                "id": e.id,
                "industry_id": e.data["industry"],
                "scope": e.data["scope"],
                "description": e.data["description"],
            }
            for e in by_kind.get("application", [])
        ],
        pk="id",
        foreign_keys=[*fk, ("industry_id", "industry", "id")],
    )
    db["application"].create_index(["industry_id"])
    db["trend"].insert_all(
        [{"id": e.id, "section": e.data["section"]} for e in by_kind.get("trend", [])],
        pk="id",
        foreign_keys=fk,
    )
    trend_items = []
    for e in by_kind.get("trend", []):
        for part in ("points", "examples", "impact", "initiatives"):
            for i, text in enumerate(e.data[part]):
                trend_items.append(
                    {
                        "trend_id": e.id,
                        "part": part,
                        "position": i,
                        "text": text,
                        "industry_id": None,
                    }
                )
        for i, impact in enumerate(e.data.get("industry_impacts", [])):
            trend_items.append(
                {
                    "trend_id": e.id,
                    "part": "industry_impacts",
                    "position": i,
                    "text": impact["text"],
                    "industry_id": impact["industry"],
                }
            )
    db["trend_item"].insert_all(
        trend_items,
        columns={"trend_id": str, "part": str, "position": int, "text": str, "industry_id": str},
        foreign_keys=[("trend_id", "trend", "id"), ("industry_id", "industry", "id")],
    )
    db["trend_item"].create_index(["trend_id", "part", "position"])
    db["model"].insert_all(
        [
            {
                "id": e.id,
                "organisation": e.data["organisation"],
                "year": e.data["year"],
                "date_kind": e.data["date_kind"],
                "date_source": e.data.get("date_source", ""),
                "date_approximate": int(e.data.get("date_approximate", False)),
                "modality": e.data["modality"],
                "model_type": e.data["model_type"],
                "access": e.data["access"],
                "as_of": e.data["as_of"],
                "availability": e.data["availability"],
                "access_note": e.data.get("access_note", ""),
                "website": e.data["website"],
                "release_note": e.data.get("release_note", ""),
                "epoch_name": e.data.get("epoch_name", ""),
            }
            for e in by_kind.get("model", [])
        ],
        pk="id",
        foreign_keys=fk,
    )
    db["term"].insert_all(
        [{"id": e.id, "definition": e.data["definition"]} for e in by_kind.get("term", [])],
        pk="id",
        foreign_keys=fk,
    )
    db["takeaway"].insert_all(
        [
            {"id": e.id, "group_name": e.data["group"], "text": e.data["text"]}
            for e in by_kind.get("takeaway", [])
        ],
        pk="id",
        foreign_keys=fk,
    )


def build_database(content_dir: Path = DEFAULT_CONTENT, output: Path = DEFAULT_OUTPUT) -> Path:
    """Check the sources and write the database. Raises SourceError on bad sources."""
    sources, entries = load_content(content_dir)
    write_database(sources, entries, output, _content_hash(content_dir))
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build atlas.db from database/content.")
    parser.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    try:
        path = build_database(args.content, args.output)
    except SourceError as error:
        print(f"build: error: {error}", file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error) as error:
        print(f"build: cannot write {args.output}: {error}", file=sys.stderr)
        return 2
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM entry").fetchone()[0]
    print(f"build: wrote {path} ({count} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
