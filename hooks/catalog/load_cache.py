"""A cache of the validated catalog, keyed on the bytes of every data file and of this package.

Parsing and checking 10,000 papers takes seconds; unpickling the models they became takes tens of
milliseconds. `load_catalog` asks here first: the key is a BLAKE2 hash of every file under data/
(path and contents), of the catalog package's own source (a changed check invalidates it) and of the
Python version. Only a catalog without problems is stored, so a broken file is always re-checked and
reported in full. The cache is one file, <project>/.cache/catalog.pickle (git-ignored), written
atomically; any error reading or writing it means a normal load. AIR_CATALOG_CACHE=0 turns it off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .models import Catalog

CACHE_DIR = ".cache"
CACHE_FILE = "catalog.pickle"
ENV_SWITCH = "AIR_CATALOG_CACHE"
PACKAGE_DIR = Path(__file__).resolve().parent


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1") != "0"


def cache_path(data_dir: Path) -> Path:
    """.cache/catalog.pickle beside data/."""
    return data_dir.parent / CACHE_DIR / CACHE_FILE


def content_key(data_dir: Path) -> str:
    """Hash of the Python version, this package's source and every file under data_dir."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(sys.version.encode())
    trees = ((PACKAGE_DIR, sorted(PACKAGE_DIR.glob("*.py"))), (data_dir, sorted(data_dir.rglob("*"))))
    for root, paths in trees:
        for path in paths:
            if path.is_file():
                digest.update(str(path.relative_to(root)).encode() + b"\0")
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()


def read(data_dir: Path, key: str) -> Catalog | None:
    """The cached catalog if it was stored under this key, else None."""
    try:
        with cache_path(data_dir).open("rb") as file:
            stored_key, catalog = pickle.load(file)
    except Exception:  # noqa: BLE001 - a missing, stale or unreadable cache is a cache miss
        return None
    return catalog if stored_key == key and isinstance(catalog, Catalog) else None


def write(data_dir: Path, key: str, catalog: Catalog) -> None:
    """Store the catalog under key (atomically); a read-only tree is not an error."""
    path = cache_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".catalog-", delete=False) as file:
            pickle.dump((key, catalog), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)
    except OSError:
        return
