"""A cache of the validated catalog, keyed on the bytes of every data file and of this package.

Parsing and checking 10,000 papers takes seconds; unpickling the models they became takes tens of
milliseconds. `load_catalog` asks here first: the key is a BLAKE2 hash of every file under data/
(path and contents), of the catalog package's own source, subpackages too (a changed check or count
invalidates it) and of the Python version. Only a catalog without problems is stored, so a broken file
is always re-checked and reported in full. The cache is one file, <project>/.cache/catalog.pickle (git-ignored), written
atomically; any error reading or writing it means a normal load. AIR_CATALOG_CACHE=0 turns it off.

What the build derives from the catalog alone and pays for on every build (the related papers: 2 s at 10,000
papers) is kept the same way under the same key (`remember`), one file a value: .cache/<name>.pickle.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

CACHE_DIR = ".cache"
CACHE_FILE = "catalog.pickle"
ENV_SWITCH = "AIR_CATALOG_CACHE"
PACKAGE_DIR = Path(__file__).resolve().parent


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1") != "0"


def cache_path(data_dir: Path, file_name: str = CACHE_FILE) -> Path:
    """.cache/catalog.pickle (or another of the cache's files) beside data/."""
    return data_dir.parent / CACHE_DIR / file_name


def content_key(data_dir: Path) -> str:
    """Hash of the Python version, this package's source and every file under data_dir."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(sys.version.encode())
    trees = ((PACKAGE_DIR, sorted(PACKAGE_DIR.rglob("*.py"))), (data_dir, sorted(data_dir.rglob("*"))))
    for root, paths in trees:
        for path in paths:
            if path.is_file():
                digest.update(str(path.relative_to(root)).encode() + b"\0")
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()


def read(data_dir: Path, key: str, file_name: str = CACHE_FILE) -> object | None:
    """What was stored in the file under this key (the catalog, by default), else None."""
    try:
        with cache_path(data_dir, file_name).open("rb") as file:
            stored_key, value = pickle.load(file)
    except Exception:  # noqa: BLE001 - a missing, stale or unreadable cache is a cache miss
        return None
    return value if stored_key == key else None


def write(data_dir: Path, key: str, value: object, file_name: str = CACHE_FILE) -> None:
    """Store the value (the catalog, by default) under key, atomically; a read-only tree is not an error."""
    path = cache_path(data_dir, file_name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".cache-", delete=False) as file:
            pickle.dump((key, value), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)
    except OSError:
        return


def remember(data_dir: Path, name: str, compute: Callable[[], T]) -> T:
    """compute(), a value derived from the catalog of data_dir alone, kept in .cache/<name>.pickle under the
    catalog's key. It must not hold the catalog's objects (their copies would be unpickled): ids, not papers."""
    if not enabled():
        return compute()
    data_dir = Path(data_dir).resolve()
    key, file_name = content_key(data_dir), f"{name}.pickle"
    value = read(data_dir, key, file_name)
    if value is None:
        value = compute()
        write(data_dir, key, value, file_name)
    return value
