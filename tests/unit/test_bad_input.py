"""The loader on broken data: the exact report for every case of tests/unit/bad_data/, and nothing else."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from catalog.load import load_catalog
from catalog.problems import CatalogError, Problem

from tests.unit.bad_data import CASES, build_tree, read_case

CASE_IDS = [path.stem for path in CASES]
TITLE_LIMIT = 300  # maxLength of a title in data/schema/paper.schema.json
ENORMOUS_TITLE = ("Thinking with images " * 500)[:10_000]


def report_of(data_dir: Path) -> list[str]:
    """The loader's problem lines for data_dir (fails the test if it loads cleanly)."""
    with pytest.raises(CatalogError) as caught:
        load_catalog(data_dir)
    return [str(problem) for problem in caught.value.problems]


def snapshot(data_dir: Path) -> dict[str, bytes]:
    """Every file under data_dir with its bytes."""
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case_file", CASES, ids=CASE_IDS)
def test_report_is_exactly_the_expected_lines(case_file: Path, tmp_path: Path) -> None:
    """The whole report of a case is its expected lines: none missing, none extra, each exact."""
    case = read_case(case_file)
    assert report_of(build_tree(tmp_path, case["files"])) == case["expected"]


@pytest.mark.parametrize("case_file", CASES, ids=CASE_IDS)
def test_loading_leaves_every_file_untouched(case_file: Path, tmp_path: Path) -> None:
    """Loading broken data never rewrites a file, good entries included: bytes are identical afterwards."""
    data_dir = build_tree(tmp_path, read_case(case_file)["files"])
    before = snapshot(data_dir)
    report_of(data_dir)
    assert snapshot(data_dir) == before


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    """Three independent problems in two files give three lines in one report."""
    case = read_case(next(path for path in CASES if path.stem == "three-problems-in-two-files"))
    report = report_of(build_tree(tmp_path, case["files"]))
    assert len(report) == 3
    assert {line.split(":")[0] for line in report} == {"data/papers/multimodal.yaml", "data/papers/multi-agent.yaml"}


def test_enormous_title_gives_its_length_not_its_text(tmp_path: Path) -> None:
    """A 10,000-character title is reported by length and limit; the report does not repeat it."""
    entry = (f"- id: huge\n  title: {ENORMOUS_TITLE}\n  category: multimodal\n  date: 2025-06\n"
             "  authors: [Ada Lovelace]\n  authors_source: a test\n  links:\n    paper: https://example.org/huge\n")
    assert len(ENORMOUS_TITLE) == 10_000
    assert report_of(build_tree(tmp_path, {"data/papers/multimodal.yaml": entry})) == [
        f"data/papers/multimodal.yaml:2: entry huge: title: is 10000 characters long; at most {TITLE_LIMIT} allowed"]


def test_error_text_is_a_header_then_one_problem_a_line(tmp_path: Path) -> None:
    """str(CatalogError) is the count, then every problem line in order."""
    case = read_case(next(path for path in CASES if path.stem == "three-problems-in-two-files"))
    with pytest.raises(CatalogError) as caught:
        load_catalog(build_tree(tmp_path, case["files"]))
    assert str(caught.value) == "\n".join(["3 problems in the catalog data:", *case["expected"]])


@pytest.mark.parametrize(("problem", "text"), [
    (Problem("data/papers/a.yaml", 4, "vgr", "links.code", "bad"), "data/papers/a.yaml:4: entry vgr: links.code: bad"),
    (Problem("data/papers/a.yaml", 4, "#2", "", "bad"), "data/papers/a.yaml:4: entry #2: bad"),
    (Problem("data/papers/a.yaml", 1, "", "", "bad"), "data/papers/a.yaml:1: bad"),
    (Problem("data/taxonomy.yaml", 0, "", "", "file is missing"), "data/taxonomy.yaml: file is missing"),
], ids=["full", "no-field", "file-only", "no-line"])
def test_problem_text_leaves_out_what_it_lacks(problem: Problem, text: str) -> None:
    """A problem reads file:line: entry <id>: field: message, dropping the parts it has not got."""
    assert str(problem) == text


def test_error_header_counts_one_problem_in_the_singular() -> None:
    """One problem is '1 problem', not '1 problems'."""
    error = CatalogError([Problem("data/taxonomy.yaml", 0, "", "", "file is missing")])
    assert str(error) == "1 problem in the catalog data:\ndata/taxonomy.yaml: file is missing"


# Hostile YAML at full size, in a separate process: without the refusals the first hangs (memory grows
# without bound) and the second dies of a segmentation fault, printing nothing.
HOSTILE_TIMEOUT = 20  # seconds; the refusal itself takes well under one
BILLION_LAUGHS = "".join(
    ["- id: lol\n  category: multimodal\n  date: 2025-06\n  links: {paper: 'https://example.org/lol'}\n  title:\n",
     '    - &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    + [f"    - &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi")])
DEEP_TITLE = ("- id: deep\n  category: multimodal\n  date: 2025-06\n  links: {paper: 'https://example.org/deep'}\n"
              f"  title: {'[' * 50_000}deep{']' * 50_000}\n")


@pytest.mark.parametrize(("text", "message"), [
    (BILLION_LAUGHS, ("data/papers/multimodal.yaml:6: entry lol: title: sets the YAML anchor &a; "
                     "remove it (catalog data takes no anchors or aliases)")),
    (DEEP_TITLE, ("data/papers/multimodal.yaml:5: entry deep: title: nests lists and mappings more than 6 deep; "
                 "no catalog field is that deep")),
], ids=["billion-laughs", "50000-nested-brackets"])
def test_hostile_yaml_is_refused_quickly_by_catalog_validate(tmp_path: Path, text: str, message: str) -> None:
    """`catalog validate` refuses the file with one located problem, exit 1, in a bounded time."""
    data_dir = build_tree(tmp_path, {"data/papers/multimodal.yaml": text})
    validate = subprocess.run([sys.executable, "-m", "catalog.cli", "validate", str(data_dir)],
                              capture_output=True, text=True, timeout=HOSTILE_TIMEOUT, cwd=tmp_path, check=False)
    assert validate.returncode == 1, validate.stderr
    assert message in (validate.stdout + validate.stderr).splitlines()


@pytest.mark.parametrize("case_file", CASES, ids=CASE_IDS)
def test_the_fast_schema_check_and_jsonschema_agree(case_file: Path, tmp_path: Path, monkeypatch) -> None:
    """The loader asks jsonschema-rs whether a file is valid and jsonschema only for the problems of one that is
    not: the two must give the same verdict on every file of every case, or a problem would go unreported."""
    from catalog import load

    verdicts, fast_check = [], load.fast_schema_check

    def checked(schema_dir: str, schema_file: str):
        fast, full = fast_check(schema_dir, schema_file), load.schema_validator(schema_dir, schema_file)
        return lambda document: verdicts.append((schema_file, fast(document), full.is_valid(document))) or fast(document)

    monkeypatch.setattr(load, "fast_schema_check", checked)
    report_of(build_tree(tmp_path, read_case(case_file)["files"]))
    assert verdicts and all(fast == full for _, fast, full in verdicts), verdicts
