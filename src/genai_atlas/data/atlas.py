"""Read-only access to the bundled atlas database, returning typed records (no Qt here)."""

from __future__ import annotations

import builtins
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atlas_file import (
    ENVIRONMENT_CODES,
    REBUILD,
    RESTART,
    FileIdentity,
    check_file,
    damaged,
    shown,
)
from .atlas_file import identity as file_identity
from .errors import AtlasError, UnknownEntryError
from .records import (
    AnyEntry,
    Application,
    AtlasInfo,
    Category,
    Comparison,
    ComparisonRow,
    EntryKind,
    EntryRef,
    Industry,
    IndustryImpact,
    LinkedEntry,
    Model,
    Source,
    Takeaway,
    Term,
    Trend,
    kind_of,
)
from .schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from .model_dataset import ModelDataset


def open_atlas(path: str | Path) -> Atlas:
    """Open the database at ``path`` read-only and check it; raise AtlasError if it is unusable.

    The message names the real cause: missing, a folder, permission denied, not an atlas or
    damaged, or another schema version.
    """
    path = Path(path)
    check_file(path)
    identity = file_identity(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as error:
        raise damaged(path, str(error)) from None
    try:
        conn.row_factory = sqlite3.Row
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_entries = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entry'"
        ).fetchone()
        if has_entries:
            conn.execute("SELECT count(*) FROM entry").fetchone()
    except sqlite3.DatabaseError as error:
        conn.close()
        raise damaged(path, str(error)) from None
    if not has_entries:
        conn.close()
        raise damaged(path, "it has no table of entries")
    if version != SCHEMA_VERSION:
        conn.close()
        advice = (
            "Update GenAI Atlas, or rebuild the database with 'make db'."
            if version > SCHEMA_VERSION
            else REBUILD
        )
        raise AtlasError(
            f"The atlas database {shown(path)} has schema version {version}, but this version "
            f"of GenAI Atlas reads version {SCHEMA_VERSION}. {advice}",
            str(path),
        )
    return Atlas(conn, path, identity)


class Atlas:
    """The open database. Every method returns frozen records; nothing here mutates the file."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path, identity: FileIdentity | None = None
    ) -> None:
        self._conn = connection
        self.path = path
        # The file as it was when opened: a failed read from a file that has changed since is the
        # environment's doing (someone emptied or replaced it), not a bug.
        self._identity = identity if identity is not None else file_identity(path)
        self._sources: dict[str, Source] | None = None
        self._titles: dict[str, EntryRef] | None = None
        self._dataset: ModelDataset | None = None
        self._dataset_loader: Callable[[], ModelDataset | None] | None = None
        self._all_refs: dict[str, EntryRef] | None = None  # the atlas's and the dataset's

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Atlas:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The read-only connection, for the search module of the data layer."""
        return self._conn

    def _query(self, sql: str, params: Iterable[Any] = ()) -> builtins.list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as error:
            code = getattr(error, "sqlite_errorcode", None)
            if (code is not None and code & 0xFF in ENVIRONMENT_CODES) or self._file_changed():
                raise self._unreadable(str(error)) from None
            raise  # the file is as it was: the query itself is wrong, a bug

    def _one(self, sql: str, params: Iterable[Any]) -> sqlite3.Row:
        """The first row of a query that must find one in a sound file."""
        rows = self._query(sql, params)
        if not rows:
            raise self._unreadable("a row the atlas needs is missing")
        return rows[0]

    def _file_changed(self) -> bool:
        return file_identity(self.path) != self._identity

    def _unreadable(self, detail: str) -> AtlasError:
        """The error for a database that stopped working while open, naming what happened."""
        name = shown(self.path)
        try:
            os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):
            what = f"The atlas database {name} was deleted while GenAI Atlas was running."
        except PermissionError:
            what = f"The atlas database {name} can no longer be read: permission denied."
        except OSError as error:
            what = f"The atlas database {name} can no longer be read ({error.strerror})."
        else:
            if os.path.getsize(self.path) == 0:
                what = f"The atlas database {name} was emptied while GenAI Atlas was running."
            elif self._file_changed():
                what = (
                    f"The atlas database {name} was changed or replaced while GenAI Atlas was "
                    f"running ({detail})."
                )
            else:
                what = f"The atlas database {name} can no longer be read ({detail})."
        return AtlasError(f"{what} {RESTART}", str(self.path))

    # --- facts about the database -------------------------------------------------------------

    def info(self) -> AtlasInfo:
        meta = {row["key"]: row["value"] for row in self._query("SELECT key, value FROM meta")}
        return AtlasInfo(
            path=str(self.path),
            schema_version=SCHEMA_VERSION,
            data_version=meta.get("data_version", ""),
            sources=tuple(self.sources().values()),
        )

    def quick_check(self) -> str:
        """SQLite's ``PRAGMA quick_check`` result: ``"ok"`` for a sound file."""
        if self._file_changed():
            # An emptied file checks "ok"; it is not the file that was opened any more.
            raise self._unreadable("the file changed after it was opened")
        return "; ".join(str(row[0]) for row in self._query("PRAGMA quick_check"))

    def sources(self) -> dict[str, Source]:
        if self._sources is None:
            rows = self._query("SELECT id, title, url, licence, note FROM source ORDER BY rowid")
            self._sources = {row["id"]: Source(*row) for row in rows}
        return self._sources

    # --- lists ------------------------------------------------------------------------------

    # --- imported model data ------------------------------------------------------------------

    def set_dataset(self, dataset: ModelDataset | None) -> None:
        """Show an imported dataset's models with the atlas's own (None: show none).

        A dataset row with a curated model's id adds its figures to that entry; every other row
        is an entry of kind ``model`` of its own (see ``model_dataset``).
        """
        self._dataset_loader = None
        self._dataset = dataset if dataset else None
        self._all_refs = None

    def set_dataset_loader(self, loader: Callable[[], ModelDataset | None]) -> None:
        """Read the dataset with ``loader`` the first time a model needs it, not at startup."""
        self._dataset_loader = loader
        self._dataset = None
        self._all_refs = None

    @property
    def dataset(self) -> ModelDataset | None:
        if self._dataset_loader is not None:
            loader, self._dataset_loader = self._dataset_loader, None
            dataset = loader()
            self._dataset = dataset if dataset else None
        return self._dataset

    def dataset_models(self) -> builtins.list[Model]:
        """The models only the imported dataset lists (not the curated ones it has figures for)."""
        return builtins.list(self._dataset_entries().values())

    def _dataset_entries(self) -> dict[str, Model]:
        dataset = self.dataset
        if dataset is None:
            return {}
        from .model_dataset import EPOCH_SOURCE_ID

        cited = self.sources().get(EPOCH_SOURCE_ID)
        return dataset.entries(self._atlas_refs(), (cited,) if cited else ())

    def _atlas_refs(self) -> dict[str, EntryRef]:
        if self._titles is None:
            rows = self._query("SELECT id, kind, title FROM entry")
            self._titles = {
                r["id"]: EntryRef(r["id"], EntryKind(r["kind"]), r["title"]) for r in rows
            }
        return self._titles

    def _refs(self) -> dict[str, EntryRef]:
        if self._all_refs is None:
            refs = dict(self._atlas_refs())
            refs.update((i, model.ref) for i, model in self._dataset_entries().items())
            self._all_refs = refs
        return self._all_refs

    def ref(self, entry_id: str) -> EntryRef:
        # The atlas's own first: looking up a curated entry never reads the imported dataset.
        ref = self._atlas_refs().get(entry_id) or self._refs().get(entry_id)
        if ref is None:
            raise UnknownEntryError(entry_id)
        return ref

    def has(self, entry_id: str) -> bool:
        return entry_id in self._atlas_refs() or entry_id in self._refs()

    def list(self, kind: EntryKind | None = None) -> builtins.list[EntryRef]:
        """Entries in reading order: by kind (in EntryKind order), then by position."""
        order = {k.value: i for i, k in enumerate(EntryKind)}
        rows = self._query(
            "SELECT id, kind, title, position FROM entry" + (" WHERE kind = ?" if kind else ""),
            [kind.value] if kind else [],
        )
        rows = sorted(rows, key=lambda r: (order[r["kind"]], r["position"], r["title"]))
        refs = [EntryRef(r["id"], EntryKind(r["kind"]), r["title"]) for r in rows]
        if kind in (None, EntryKind.MODEL) and self.dataset is not None:
            # After the curated models: the dataset's own, newest first.
            imported = [model.ref for model in self.dataset_models()]
            at = max((i + 1 for i, r in enumerate(refs) if r.kind == EntryKind.MODEL), default=0)
            refs[at:at] = imported
        return refs

    def models(self) -> builtins.list[Model]:
        """Every model: the curated ones (with the dataset's figures), then the dataset's own."""
        curated = [
            self._curated_model(r["id"])
            for r in self._query("SELECT id FROM entry WHERE kind = 'model' ORDER BY position")
        ]
        return curated + self.dataset_models()

    # --- single entries -----------------------------------------------------------------------

    def get(self, entry_id: str) -> AnyEntry:
        """The full record of any entry; UnknownEntryError if there is none."""
        try:
            kind = kind_of(entry_id)
        except ValueError:
            raise UnknownEntryError(entry_id) from None
        getters: dict[EntryKind, Callable[[str], AnyEntry]] = {
            EntryKind.COMPARISON: self.comparison,
            EntryKind.CATEGORY: self.category,
            EntryKind.INDUSTRY: self.industry,
            EntryKind.APPLICATION: self.application,
            EntryKind.TREND: self.trend,
            EntryKind.MODEL: self.model,
            EntryKind.TERM: self.term,
            EntryKind.TAKEAWAY: self.takeaway,
        }
        return getters[kind](entry_id)

    def _common(self, entry_id: str, kind: EntryKind) -> dict[str, Any]:
        rows = self._query(
            "SELECT id, kind, title, summary, position FROM entry WHERE id = ? AND kind = ?",
            [entry_id, kind.value],
        )
        if not rows:
            raise UnknownEntryError(entry_id)
        row = rows[0]
        sources = self.sources()
        return {
            "id": row["id"],
            "kind": kind,
            "title": row["title"],
            "summary": row["summary"],
            "aliases": tuple(
                r["alias"]
                for r in self._query(
                    "SELECT alias FROM entry_alias WHERE entry_id = ? ORDER BY position", [entry_id]
                )
            ),
            "sources": tuple(
                sources[r["source_id"]]
                for r in self._query(
                    "SELECT source_id FROM entry_source WHERE entry_id = ? ORDER BY position",
                    [entry_id],
                )
            ),
            "links": self._links("from_id", "to_id", entry_id),
            "backlinks": self._links("to_id", "from_id", entry_id),
        }

    def _links(self, this_end: str, other_end: str, entry_id: str) -> tuple[LinkedEntry, ...]:
        rows = self._query(
            f"SELECT {other_end} AS other, relation FROM link WHERE {this_end} = ? "
            "ORDER BY from_id, position",
            [entry_id],
        )
        refs = self._refs()
        if any(r["other"] not in refs for r in rows):
            raise self._unreadable("a link points to an entry that is not there")
        return tuple(LinkedEntry(refs[r["other"]], r["relation"]) for r in rows)

    def comparison(self, entry_id: str) -> Comparison:
        common = self._common(entry_id, EntryKind.COMPARISON)
        row = self._one(
            "SELECT subtitle, left_label, right_label FROM comparison WHERE id = ?", [entry_id]
        )
        rows = self._query(
            "SELECT aspect, left, right FROM comparison_row WHERE comparison_id = ? "
            "ORDER BY position",
            [entry_id],
        )
        return Comparison(
            **common,
            subtitle=row["subtitle"],
            left_label=row["left_label"],
            right_label=row["right_label"],
            rows=tuple(ComparisonRow(r["aspect"], r["left"], r["right"]) for r in rows),
        )

    def category(self, entry_id: str) -> Category:
        common = self._common(entry_id, EntryKind.CATEGORY)
        row = self._one("SELECT use_cases FROM category WHERE id = ?", [entry_id])
        links = common["links"]
        return Category(
            **common,
            use_cases=tuple(json.loads(row["use_cases"])),
            examples=tuple(link.entry for link in links if link.relation == "example"),
            techniques=tuple(link.entry for link in links if link.relation == "technique"),
        )

    def application(self, entry_id: str) -> Application:
        common = self._common(entry_id, EntryKind.APPLICATION)
        row = self._one(
            "SELECT industry_id, scope, description FROM application WHERE id = ?", [entry_id]
        )
        links = common["links"]
        return Application(
            **common,
            industry=self.ref(row["industry_id"]),
            scope=row["scope"],
            description=row["description"],
            categories=tuple(link.entry for link in links if link.relation == "category"),
            models=tuple(link.entry for link in links if link.relation == "model"),
            see_also=tuple(link.entry for link in links if link.relation == "see-also"),
        )

    def industry(self, entry_id: str) -> Industry:
        common = self._common(entry_id, EntryKind.INDUSTRY)
        rows = self._query(
            "SELECT a.id FROM application a JOIN entry e ON e.id = a.id "
            "WHERE a.industry_id = ? ORDER BY e.position",
            [entry_id],
        )
        return Industry(**common, applications=tuple(self.application(r["id"]) for r in rows))

    def trend(self, entry_id: str) -> Trend:
        common = self._common(entry_id, EntryKind.TREND)
        row = self._one(
            "SELECT t.section, e.position FROM trend t JOIN entry e ON e.id = t.id WHERE t.id = ?",
            [entry_id],
        )
        items = self._query(
            "SELECT part, text, industry_id FROM trend_item WHERE trend_id = ? "
            "ORDER BY part, position",
            [entry_id],
        )

        def part(name: str) -> tuple[str, ...]:
            return tuple(item["text"] for item in items if item["part"] == name)

        return Trend(
            **common,
            section=row["section"],
            position=row["position"],
            points=part("points"),
            examples=part("examples"),
            impact=part("impact"),
            initiatives=part("initiatives"),
            industry_impacts=tuple(
                IndustryImpact(self.ref(item["industry_id"]), item["text"])
                for item in items
                if item["part"] == "industry_impacts"
            ),
        )

    def model(self, entry_id: str) -> Model:
        imported = self._dataset_entries().get(entry_id)
        if imported is not None:
            return imported
        return self._curated_model(entry_id)

    def _curated_model(self, entry_id: str) -> Model:
        common = self._common(entry_id, EntryKind.MODEL)
        dataset = self.dataset
        figures = dataset.figures(entry_id) if dataset is not None else None
        if dataset is not None and figures is not None:
            from dataclasses import replace

            from .model_dataset import glossary_links

            figures = replace(figures, curated=True)  # the row the atlas describes itself
            common["links"] += glossary_links(figures, self._atlas_refs())
        row = self._one("SELECT * FROM model WHERE id = ?", [entry_id])
        return Model(
            **common,
            organisation=row["organisation"],
            year=row["year"],
            modality=tuple(json.loads(row["modality"])),
            model_type=row["model_type"],
            access=tuple(json.loads(row["access"])),
            website=row["website"],
            release_note=row["release_note"] or "",
            epoch_name=row["epoch_name"] or "",
            date_kind=row["date_kind"],
            date_source=row["date_source"] or "",
            date_approximate=bool(row["date_approximate"]),
            as_of=row["as_of"] or "",
            availability=row["availability"],
            access_note=row["access_note"] or "",
            figures=figures,
            dataset_attribution=dataset.attribution if dataset is not None and figures else "",
        )

    def term(self, entry_id: str) -> Term:
        common = self._common(entry_id, EntryKind.TERM)
        row = self._one("SELECT definition FROM term WHERE id = ?", [entry_id])
        return Term(**common, definition=row["definition"])

    def takeaway(self, entry_id: str) -> Takeaway:
        common = self._common(entry_id, EntryKind.TAKEAWAY)
        row = self._one("SELECT group_name, text FROM takeaway WHERE id = ?", [entry_id])
        return Takeaway(**common, group=row["group_name"], text=row["text"])
