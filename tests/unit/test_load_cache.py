"""The catalog cache: an unchanged tree is served from .cache/, any change or problem is re-checked."""
from __future__ import annotations

from pathlib import Path

import pytest
from catalog import load_cache
from catalog.load import load_catalog, load_catalog_uncached
from catalog.problems import CatalogError

from tests.unit.bad_data import build_tree

EXTRA = """\
- id: vgr
  title: 'VGR: Visual Grounded Reasoning'
  category: multimodal
  date: 2025-06
  arxiv: '2506.11991'
  links:
    paper: https://arxiv.org/abs/2506.11991
  authors: [Jiacong Wang, Zijian Kang]
  authors_source: a test
"""


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(tmp_path: Path) -> None:
    data = build_tree(tmp_path)
    first = load_catalog(data)
    assert load_cache.cache_path(data).exists()
    cached = load_cache.read(data, load_cache.content_key(data))
    assert cached == first == load_catalog(data) == load_catalog_uncached(data)


def test_a_changed_file_is_loaded_again(tmp_path: Path) -> None:
    data = build_tree(tmp_path)
    load_catalog(data)
    (data / "papers" / "multimodal.yaml").write_text(EXTRA, encoding="utf-8")
    assert load_catalog(data).paper("vgr") is not None


def test_a_broken_tree_is_never_served_from_the_cache(tmp_path: Path) -> None:
    data = build_tree(tmp_path)
    load_catalog(data)
    (data / "papers" / "multimodal.yaml").write_text(EXTRA.replace("2025-06", "2025-13"), encoding="utf-8")
    with pytest.raises(CatalogError):
        load_catalog(data)
    with pytest.raises(CatalogError):  # the problem is reported again, not hidden by the earlier good load
        load_catalog(data)


def test_an_unreadable_cache_is_a_miss(tmp_path: Path) -> None:
    data = build_tree(tmp_path)
    expected = load_catalog(data)
    load_cache.cache_path(data).write_bytes(b"not a pickle")
    assert load_catalog(data) == expected


def test_the_switch_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(load_cache.ENV_SWITCH, "0")
    load_catalog(build_tree(tmp_path))
    assert not load_cache.cache_path(tmp_path / "data").exists()


def test_a_derived_value_is_computed_once_for_an_unchanged_tree(tmp_path: Path) -> None:
    data = build_tree(tmp_path)
    calls = []

    def compute() -> list[str]:
        calls.append(1)
        return [p.id for p in load_catalog(data).papers]

    first = load_cache.remember(data, "ids", compute)
    assert load_cache.remember(data, "ids", compute) == first and len(calls) == 1
    assert load_cache.cache_path(data, "ids.pickle").exists()
    (data / "papers" / "multimodal.yaml").write_text(EXTRA, encoding="utf-8")
    assert "vgr" in load_cache.remember(data, "ids", compute) and len(calls) == 2


def test_the_switch_turns_the_derived_values_off_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(load_cache.ENV_SWITCH, "0")
    data = build_tree(tmp_path)
    assert load_cache.remember(data, "answer", lambda: 42) == 42
    assert not load_cache.cache_path(data, "answer.pickle").exists()


def test_the_key_changes_with_any_module_of_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change to a module of a subpackage (render/paper.py sets how many related papers a page shows) is a new key."""
    package = tmp_path / "catalog"
    (package / "render").mkdir(parents=True)
    (package / "load.py").write_text("", encoding="utf-8")
    (package / "render" / "paper.py").write_text("RELATED_COUNT = 5\n", encoding="utf-8")
    monkeypatch.setattr(load_cache, "PACKAGE_DIR", package)
    data = build_tree(tmp_path)
    before = load_cache.content_key(data)
    (package / "render" / "paper.py").write_text("RELATED_COUNT = 6\n", encoding="utf-8")
    assert load_cache.content_key(data) != before
