"""Entry ids for imported models: ``model/<slug>``, stable, unique, never a curated model's id
unless the row is that curated model.

A slug comes from the name alone (ASCII, lowercase, hyphens): "GPT-4 (Mar 2023)" is
``gpt-4-mar-2023``. A name with no Latin letters or digits gets ``model-<8 hex digits of its
SHA-1>``. A slug already taken gets ``-2``, ``-3``… in the order the file lists the models. Once
given, an id is kept in the store: a re-import finds it there and keeps it, whatever else the
new file adds.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping

from .epoch_csv import normalise_name

KIND_PREFIX = "model/"
MAX_SLUG_CHARS = 80
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """The slug for a model name (see the module docstring)."""
    ascii_name = (
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    )
    slug = _NOT_SLUG.sub("-", ascii_name).strip("-")
    if len(slug) > MAX_SLUG_CHARS:
        slug = slug[:MAX_SLUG_CHARS].rsplit("-", 1)[0] or slug[:MAX_SLUG_CHARS]
    if not slug:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        slug = f"model-{digest}"
    return slug


def curated_by_name(curated: Mapping[str, str]) -> dict[str, str]:
    """``{epoch name: curated id}`` from ``{curated id: epoch_name}`` ("" = none)."""
    found: dict[str, str] = {}
    for entry_id, epoch_name in sorted(curated.items()):
        name = normalise_name(epoch_name)
        if name:
            found.setdefault(name, entry_id)
    return found


def assign_ids(
    names: Iterable[str], stored: Mapping[str, str], curated: Mapping[str, str]
) -> dict[str, str]:
    """The entry id of every name in ``names`` (file order) and in ``stored``.

    ``stored`` is ``{name: id}`` as kept in the store; ``curated`` is ``{curated id:
    epoch_name}`` of the atlas's models. A name a curated model claims gets that model's id. A
    stored id is kept unless a curated model now has it. Every other name gets a new slug.
    """
    by_name = curated_by_name(curated)
    reserved = set(curated)
    every_name = list(dict.fromkeys([*names, *stored]))
    ids: dict[str, str] = {name: by_name[name] for name in every_name if name in by_name}
    taken = set(ids.values())
    for name, entry_id in stored.items():
        if name not in ids and entry_id not in reserved and entry_id not in taken:
            ids[name] = entry_id
            taken.add(entry_id)
    blocked = reserved | taken
    for name in every_name:
        if name in ids:
            continue
        base = KIND_PREFIX + slugify(name)
        candidate, number = base, 2
        while candidate in blocked:
            candidate = f"{base}-{number}"
            number += 1
        ids[name] = candidate
        blocked.add(candidate)
    return ids
