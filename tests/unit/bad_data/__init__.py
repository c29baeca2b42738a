"""The bad-data corpus: broken data trees and the exact report the loader must give for each.

Each file of cases/ is one case: a comment saying what is wrong, `expected` (the report's problem
lines, exactly) and `files` (paths under the project mapped to their content, or null to delete
a file of the base tree). The base tree is the real data/taxonomy.yaml and data/schema/ plus
base/taxonomy-examples.yaml, one small valid papers file holding every id the taxonomy names.
Content is written as UTF-8 with Python's surrogateescape, so "\\uDCE9" in a case stands for the
raw byte 0xE9.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
CASES = sorted((HERE / "cases").glob("*.yaml"))
BASE_PAPERS = HERE / "base" / "taxonomy-examples.yaml"


def read_case(path: Path) -> dict:
    """A case as {'expected': [lines], 'files': {path: str | None}}."""
    case = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)  # pure-Python: keeps lone surrogates
    return {"expected": case["expected"].splitlines(), "files": case["files"]}


def build_tree(project: Path, files: dict[str, str | None] | None = None) -> Path:
    """The base data tree under project/data with files written (or deleted) over it; returns the data dir."""
    data = project / "data"
    shutil.copytree(ROOT / "data" / "schema", data / "schema")
    shutil.copy(ROOT / "data" / "taxonomy.yaml", data / "taxonomy.yaml")
    (data / "papers").mkdir()
    shutil.copy(BASE_PAPERS, data / "papers" / BASE_PAPERS.name)
    for relative, content in (files or {}).items():
        target = project / relative
        if content is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8", "surrogateescape"))
    return data
