"""Shared fixtures: the real catalog, and one real strict build of the real site per session."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from catalog.load import load_catalog
from catalog.models import Catalog, Paper

from tests import cite_tools

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


def require_tool(found: bool, what: str, make_target: str) -> None:
    """Skip the test when a tool it runs is missing, or fail it when CI=true: CI must run every test."""
    if found:
        return
    message = f"{what} not found (run `make {make_target}`)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def bordering(catalog: Catalog, cat_id: str) -> list[Paper]:
    """Papers filed under another category that border this one, by home category in taxonomy order."""
    return [p for other in catalog.taxonomy.categories if other.id != cat_id
            for p in catalog.in_category(other.id) if p.secondary_category == cat_id]


def listed_on(catalog: Catalog, cat_id: str) -> list[Paper]:
    """The papers a category page lists: its own (by subcategory), then the bordering ones filed elsewhere."""
    category = catalog.taxonomy.category(cat_id)
    own = ([p for s in category.subcategories for p in catalog.in_subcategory(cat_id, s.id)]
           or catalog.in_category(cat_id))
    return own + bordering(catalog, cat_id)


def copy_project(project: Path) -> Path:
    """Copy the parts of the real project the site is built from into `project` (for modified builds)."""
    for name in PROJECT_PARTS:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, project / name)
    return project


def build_site(project: Path, site_dir: Path) -> Path:
    """Build `project` strictly (in-process) into site_dir; raise on any warning."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    build(config)
    return site_dir


@pytest.fixture(name="catalog", scope="session")
def fixture_catalog() -> Catalog:
    """The real catalog, loaded and validated."""
    return load_catalog(ROOT / "data")


@pytest.fixture(name="site", scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The real site, built once with `--strict` semantics."""
    return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(name="hostile_project", scope="session")
def fixture_hostile_project(tmp_path_factory) -> Path:
    """The project copied to tmp with the hostile papers (tests/hostile.py) added."""
    from tests.hostile import add_hostile_papers

    return add_hostile_papers(copy_project(tmp_path_factory.mktemp("escaping")))


@pytest.fixture(name="hostile_site", scope="session")
def fixture_hostile_site(hostile_project: Path) -> Path:
    """The hostile project built strictly (a template tag that ran, or broke, would fail the build)."""
    return build_site(hostile_project, hostile_project / "site")


@pytest.fixture(name="bibtex", scope="session")
def fixture_bibtex():
    """cite_tools.run_bibtex, once TeX Live's bibtex and plain.bst are there."""
    found = (all(shutil.which(tool) for tool in ("bibtex", "kpsewhich"))
             and subprocess.run(["kpsewhich", "plain.bst"], check=False, capture_output=True).returncode == 0)
    require_tool(found, "TeX Live's bibtex with plain.bst", "bibtex")
    return cite_tools.run_bibtex


@pytest.fixture(name="apa", scope="session")
def fixture_apa():
    """cite_tools.render_apa, once node and the npm packages (citeproc, the APA style) are there."""
    require_tool(bool(shutil.which("node")) and cite_tools.CITEPROC.is_dir(), "node with citeproc", "node-tools")
    return cite_tools.render_apa
