"""`mkdocs build --strict` on broken data fails with the loader's own report, line for line."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from catalog.load import load_catalog
from catalog.problems import CatalogError

from tests.conftest import copy_project
from tests.unit.bad_data import CASES, read_case

# Corpus cases applied over the real project: a broken taxonomy, broken activities, two broken papers files.
BUILD_CASES = ("taxonomy-schema-errors", "activity-names-unknown-paper", "three-problems-in-two-files")
BUILD_TIMEOUT = 300  # seconds; a build takes a few


def write_files(project: Path, files: dict[str, str | None]) -> None:
    """A case's files written over the project (its null files are base-tree files it drops: kept here)."""
    for relative, content in files.items():
        if content is not None:
            (project / relative).write_bytes(content.encode("utf-8", "surrogateescape"))


@pytest.mark.parametrize("case_name", BUILD_CASES, ids=BUILD_CASES)
def test_strict_build_fails_with_the_loader_report(case_name: str, tmp_path: Path) -> None:
    """The build exits non-zero and prints every line of the loader's report, the case's own lines among them."""
    case = read_case(next(path for path in CASES if path.stem == case_name))
    copy_project(tmp_path)
    write_files(tmp_path, case["files"])
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path / "data")
    report = [str(problem) for problem in caught.value.problems]
    assert set(case["expected"]) <= set(report)
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], cwd=tmp_path, check=False,
        capture_output=True, text=True, timeout=BUILD_TIMEOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode != 0
    output = build.stdout + build.stderr
    assert str(caught.value).splitlines()[0] in output
    assert [line for line in report if line not in output.splitlines()] == []
