"""The loader on valid data, and how it finds the line, entry and field of a place in a file."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from catalog.check import line_at, locate
from catalog.load import load_catalog
from catalog.models import Links
from catalog.yaml_io import RefusedYaml, parse_yaml

from tests.unit.bad_data import build_tree

PAPERS = """\
- id: vgr
  title: 'VGR: Visual Grounded Reasoning'
  category: multimodal
  date: 2025-06
  arxiv: '2506.11991'
  methods: [sft]
  links:
    paper: https://arxiv.org/abs/2506.11991
    code:
      - https://github.com/BytedanceDouyinContent/VGR
      - https://example.org/vgr-mirror
  authors: [Jiacong Wang, Zijian Kang]
  authors_source: a test
"""
TAXONOMY = """\
standard_reasoning: One pass.
categories:
  - id: multimodal
    subcategories: []
  - id: multi-agent
    subcategories:
      - id: debate
        title: Debate
"""


def test_base_tree_loads_clean(tmp_path: Path) -> None:
    """The corpus's base tree is valid: every id the real taxonomy names, newest first."""
    catalog = load_catalog(build_tree(tmp_path))
    named = {ex for c in catalog.taxonomy.categories for ex in c.examples} | {b.example for b in catalog.taxonomy.boundaries}
    assert {p.id for p in catalog.papers} == named
    assert [p.date for p in catalog.papers] == sorted((p.date for p in catalog.papers), reverse=True)


def test_valid_entry_becomes_a_paper(tmp_path: Path) -> None:
    """A valid entry beside the base tree is modelled field by field, with its file and line."""
    catalog = load_catalog(build_tree(tmp_path, {"data/papers/multimodal.yaml": PAPERS}))
    paper = catalog.paper("vgr")
    assert (paper.title, paper.category, paper.date, paper.arxiv, paper.methods) == (
        "VGR: Visual Grounded Reasoning", "multimodal", "2025-06", "2506.11991", ("sft",))
    assert paper.links == Links(paper=("https://arxiv.org/abs/2506.11991",),
                                code=("https://github.com/BytedanceDouyinContent/VGR", "https://example.org/vgr-mirror"))
    assert (paper.source_file, paper.source_line) == ("data/papers/multimodal.yaml", 1)


def test_parse_yaml_records_entry_key_and_item_lines() -> None:
    """Mappings know their own line and each key's; lists know each item's; dates stay strings."""
    entry = parse_yaml(PAPERS)[0]
    assert (entry.line, entry.line_of("links"), entry["links"].line_of("code")) == (1, 7, 9)
    assert entry["links"]["code"].item_lines == [10, 11]
    assert entry["date"] == "2025-06"


def test_duplicate_key_is_recorded_and_the_first_value_kept() -> None:
    """A key given twice is not an error while parsing: the repeat's line is kept for the report."""
    entry = parse_yaml("- id: vgr\n  date: 2025-06\n  date: 2025-05\n")[0]
    assert (entry["date"], entry.key_lines["date"], entry.duplicate_keys) == ("2025-06", 2, {"date": 3})


@pytest.mark.parametrize(("text", "refused"), [
    ("- &base {id: a, title: T}\n- <<: *base\n  id: b\n", "line 1: sets the YAML anchor &base"),
    ("- id: a\n  links: *x\n", "line 2: uses the YAML alias *x"),
    ("- id: a\n  date: !!timestamp 2025-06-01\n", "line 2: has the explicit YAML tag !!timestamp"),
    ("- id: a\n  title: !custom T\n", "line 2: has the explicit YAML tag !custom"),
    ("- id: a\n  title: ! T\n", "line 2: has the explicit YAML tag !"),
    ("- " + "[" * 6 + "]" * 6 + "\n", "line 1: nests lists and mappings more than 6 deep"),
])
def test_anchors_aliases_tags_and_deep_nesting_are_refused(text: str, refused: str) -> None:
    """What catalog data never needs is refused while reading, with the line of the value."""
    with pytest.raises(RefusedYaml) as caught:
        parse_yaml(text)
    assert str(caught.value).startswith(refused)


def test_nesting_as_deep_as_the_data_has_is_read() -> None:
    """Six levels (the taxonomy's subcategories are five) read as usual."""
    assert parse_yaml("- " + "[" * 5 + "1" + "]" * 5 + "\n") == [[[[[[1]]]]]]


def test_a_second_document_is_a_yaml_error() -> None:
    """A data file is one document; a second one after '---' is a syntax error, not silently dropped."""
    with pytest.raises(yaml.YAMLError, match="but found another document"):
        parse_yaml("- id: a\n---\n- id: b\n")


def test_list_used_as_key_is_a_yaml_error() -> None:
    """A list as a key cannot be hashed, so it is a YAML error (reported with its line), not a TypeError."""
    with pytest.raises(yaml.YAMLError, match="a key must be a single value"):
        parse_yaml("[links, paper]: https://example.org\n")


@pytest.mark.parametrize(("path", "line"), [
    ((0, "links", "code"), 9),
    ((0, "links", "code", 1), 11),
    ((0, "links", "project"), 7),
    ((0, "title"), 2),
    ((), 1),
], ids=["nested-key", "list-item", "missing-key-gives-parent", "top-key", "document"])
def test_line_at_finds_the_deepest_present_part(path: tuple, line: int) -> None:
    """The line of a path is that of its deepest key or item present in the file."""
    assert line_at(parse_yaml(PAPERS), path) == line


@pytest.mark.parametrize(("text", "path", "where"), [
    (PAPERS, (0, "links", "code", 1), (11, "vgr", "links.code")),
    (PAPERS, (0, "links", "paper"), (8, "vgr", "links.paper")),
    (TAXONOMY, ("categories", 1, "subcategories", 0, "title"), (8, "multi-agent", "subcategories.title")),
    (TAXONOMY, ("standard_reasoning",), (1, "", "standard_reasoning")),
    ("- [a, b]\n- title: T\n", (1, "id"), (2, "#2", "id")),
], ids=["papers-list-item", "papers-nested-key", "taxonomy-nested", "taxonomy-top-level", "entry-without-id"])
def test_locate_names_the_entry_and_field(text: str, path: tuple, where: tuple) -> None:
    """The first list position on a path picks the entry (by id, else #position); the keys after it are the field."""
    problem = locate("f.yaml", parse_yaml(text), path, "msg")
    assert (problem.line, problem.entry, problem.field) == where
