"""Helpers the audit tests share: a data file read as plain YAML, entries with every field present."""
from __future__ import annotations

from pathlib import Path

import yaml
from catalog.models import LINK_KINDS

DATA = Path(__file__).resolve().parents[2] / "data"


def read_data_file(relative: str) -> list[dict]:
    """One data file (relative to data/) as plain YAML data, independent of the other files."""
    return yaml.safe_load((DATA / relative).read_text(encoding="utf-8"))


def as_list(value: object) -> list[str]:
    """A links value (one URL, a list or tuple of URLs, or nothing) as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def normalise(entry: dict) -> dict:
    """An entry with every optional field present, methods and notes as lists, every links kind a list, the venue
    by name."""
    links = entry.get("links") or {}
    defaults = {"short_name": "", "arxiv": "", "venue": "", "abstract": "", "abstract_source": "",
                "secondary_category": "", "methods": (), "notes": ()}
    normal = {**defaults, **entry, "links": {kind: as_list(links.get(kind)) for kind in LINK_KINDS}}
    normal["methods"], normal["notes"] = list(normal["methods"]), list(normal["notes"])
    if isinstance(normal["venue"], dict):  # a loaded paper's Venue: compare by its name, as the file writes it
        normal["venue"] = normal["venue"]["name"]
    elif normal["venue"] is None:
        normal["venue"] = ""
    return normal
