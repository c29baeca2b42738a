"""The catalog for the site being built, loaded once and reloaded only when data/ changes.

`mkdocs serve` rebuilds on every edit; keying the cache on each file's mtime and size means
an edit to data/ is picked up while an unchanged tree is not parsed twice in one build.
"""
from __future__ import annotations

from pathlib import Path

from .load import load_catalog
from .models import Catalog

_cache: dict[str, tuple[tuple, Catalog]] = {}


def data_fingerprint(data_dir: Path) -> tuple:
    """(path, mtime, size) of every file under data_dir, sorted."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.rglob("*") if p.is_file()))


def current_catalog(data_dir: Path | str) -> Catalog:
    """The validated catalog of data_dir (raises CatalogError like load_catalog)."""
    data_dir = Path(data_dir).resolve()
    key = str(data_dir)
    fingerprint = data_fingerprint(data_dir)
    cached = _cache.get(key)
    if cached and cached[0] == fingerprint:
        return cached[1]
    catalog = load_catalog(data_dir)
    _cache[key] = (fingerprint, catalog)
    return catalog
