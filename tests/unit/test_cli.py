"""The `catalog` command on temporary copies of a small catalog: every subcommand, refusals and exit codes."""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import bibtexparser
import pytest
from catalog.cli import main
from catalog.edit import insert_block
from catalog.export_markdown import export_markdown
from catalog.load import load_catalog
from catalog.problems import CatalogError
from catalog.yaml_io import parse_yaml

from tests.fixtures.catalog_data import ARGUS_UNREAD, FIXTURES, INTERLEAVING_SEED, MULTIMODAL_SEED, ROOT, make_data_dir

TODAY = date.today().isoformat()
SUMMARY = "ok: 19 papers in 4 categories, 2 standard-reasoning examples\n"
NEW_PAPER = ["--title", "Thinking in Code: Videos", "--arxiv", "2505.99999", "--category", "multi-round-acting",
             "--subcategory", "code", "--short-name", "VidCoder", "--methods", "SFT+rl",
             "--authors", "Ada Lovelace,  Charles Babbage", "--authors-source", "arXiv abstract page",
             "--code", "https://github.com/example/vidcoder"]
AUTHORS = ["--authors", "Ada Lovelace", "--authors-source", "arXiv abstract page"]
NEW_BLOCK = f"""- id: vidcoder
  short_name: VidCoder
  title: 'Thinking in Code: Videos'
  authors:
  - Ada Lovelace
  - Charles Babbage
  authors_source: arXiv abstract page
  category: multi-round-acting
  subcategory: code
  date: 2025-05
  arxiv: '2505.99999'
  methods:
  - sft
  - rl
  links:
    paper: https://arxiv.org/abs/2505.99999
    code: https://github.com/example/vidcoder
  added: '{TODAY}'
"""


@pytest.fixture(name="data_dir")
def fixture_data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh copy of the fixture catalog at tmp_path/data, with tmp_path as the working directory."""
    monkeypatch.chdir(tmp_path)
    return make_data_dir(tmp_path)


def run(capsys, *argv: object) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `catalog argv...`."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def entry_line(path: Path, entry_id: str) -> int:
    """1-based line of '- id: <entry_id>' in a YAML file."""
    return path.read_text(encoding="utf-8").splitlines().index(f"- id: {entry_id}") + 1


def break_date(data_dir: Path) -> None:
    """Give deepeyes an impossible month."""
    path = data_dir / "papers" / "multimodal.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: deepeyes")
    path.write_text(text[:start] + text[start:].replace("date: 2025-05", "date: 2025-13", 1), encoding="utf-8")


class FakeTerminal:
    """A stdin that says it is a terminal (input() itself is patched)."""

    def isatty(self) -> bool:
        """Always a terminal."""
        return True


# help


@pytest.mark.parametrize("command", ["validate", "add", "import", "export", "stats"])
def test_every_subcommand_has_help(capsys, command):
    """`catalog <command> --help` exits 0 and shows that command's usage."""
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert out.startswith(f"usage: catalog {command} ")


def test_no_command_is_a_usage_error(capsys):
    """Without a subcommand the exit code is 2 and the usage names the commands."""
    code, _, err = run(capsys)
    assert code == 2
    assert "the following arguments are required: COMMAND" in err


# validate


def test_validate_clean_catalog(capsys, data_dir):
    """A clean catalog: exit 0 and a one-line summary."""
    assert run(capsys, "validate", data_dir) == (0, SUMMARY, "")


def test_validate_defaults_to_data(capsys, data_dir):
    """Without a path, ./data is validated."""
    assert run(capsys, "validate") == (0, SUMMARY, "")


def test_validate_lists_every_problem(capsys, data_dir):
    """Problems: exit 1 and the loader's full report, one 'file:line: entry: field: message' a line."""
    break_date(data_dir)
    text = (data_dir / "papers" / "multimodal.yaml").read_text(encoding="utf-8")
    line = text[: text.index("date: 2025-13")].count("\n") + 1
    with pytest.raises(CatalogError) as report:
        load_catalog(data_dir)
    code, out, err = run(capsys, "validate", data_dir)
    assert (code, out, err) == (1, "", f"{report.value}\n")
    assert f"data/papers/multimodal.yaml:{line}: entry deepeyes: date: '2025-13' is not a month in YYYY-MM form" \
        in err.splitlines()


def test_validate_files_reports_only_their_problems(capsys, data_dir):
    """Given files, only their problems count; a clean file in a broken catalog passes, saying so."""
    break_date(data_dir)
    code, out, err = run(capsys, "validate", data_dir / "papers" / "multi-agent.yaml")
    assert (code, err) == (0, "")
    assert out.startswith("ok: data/papers/multi-agent.yaml (")
    code, out, err = run(capsys, "validate", data_dir / "papers" / "multimodal.yaml")
    assert (code, out) == (1, "")
    assert all(line.startswith("data/papers/multimodal.yaml:") for line in err.splitlines())


def test_validate_missing_path_is_a_usage_error(capsys, data_dir):
    """A path that does not exist: exit 2 with the reason."""
    code, _, err = run(capsys, "validate", "nope")
    assert code == 2
    assert err.endswith("catalog validate: error: nope: no such file or directory\n")


def test_validate_file_outside_a_data_dir(capsys, tmp_path, data_dir):
    """A file with no taxonomy.yaml above it: exit 2."""
    stray = tmp_path / "stray.yaml"
    stray.write_text("[]\n", encoding="utf-8")
    code, _, err = run(capsys, "validate", stray)
    assert code == 2
    assert err.endswith(f"catalog validate: error: {stray} is not inside a data directory (no taxonomy.yaml above it)\n")


# add


def test_add_inserts_the_entry_and_nothing_else(capsys, data_dir):
    """The new entry goes into its subcategory group by date; every other byte of the file is unchanged."""
    path = data_dir / "papers" / "multi-round-acting.yaml"
    before = path.read_text(encoding="utf-8")
    at = before.index("- id: retool")  # the code group's newest entry (2025-04) is older than 2025-05
    code, out, err = run(capsys, "add", *NEW_PAPER)
    line = before[:at].count("\n") + 1
    assert (code, out, err) == (0, f"added 'vidcoder' at data/papers/multi-round-acting.yaml:{line}\n", "")
    assert path.read_text(encoding="utf-8") == before[:at] + NEW_BLOCK + "\n" + before[at:]
    paper = load_catalog(data_dir).paper("vidcoder")
    assert (paper.date, paper.methods, paper.added) == ("2025-05", ("sft", "rl"), TODAY)
    assert ([a.name for a in paper.authors], paper.authors_source) == (["Ada Lovelace", "Charles Babbage"],
                                                                       "arXiv abstract page")


@pytest.mark.parametrize(("subcategory", "arxiv", "after"), [
    ("search", "2503.00001", "search-r1"),  # same month as search-r1: after it, before the older deep-research
    ("others", "2501.00001", "react"),  # an empty group: after complex-acting, the group before it
])
def test_add_places_by_group_and_date(capsys, data_dir, subcategory, arxiv, after):
    """Within a group, after entries as new or newer; an empty group goes where the taxonomy orders it."""
    code, _, _ = run(capsys, "add", "--title", "A New Paper", "--arxiv", arxiv, "--category", "multi-round-acting",
                     "--subcategory", subcategory, *AUTHORS)
    assert code == 0
    ids = [e["id"] for e in parse_yaml((data_dir / "papers" / "multi-round-acting.yaml").read_text(encoding="utf-8"))]
    assert ids[ids.index(after) + 1] == "a-new-paper"


def test_add_accepts_an_arxiv_link(capsys, data_dir):
    """An arxiv.org link with a version gives the bare id, the date and the canonical abstract link."""
    code, _, _ = run(capsys, "add", "--title", "Linked", "--arxiv", "https://arxiv.org/pdf/2504.00002v3",
                     "--category", "multimodal", *AUTHORS)
    paper = load_catalog(data_dir).paper("linked")
    assert (code, paper.arxiv, paper.date, paper.links.paper) == (0, "2504.00002", "2025-04",
                                                                   ("https://arxiv.org/abs/2504.00002",))


@pytest.mark.parametrize(("options", "reason"), [
    (["--arxiv", "2505.14362", "--title", "Something Else Entirely"], "same arXiv id 2505.14362"),
    (["--arxiv", "2506.11111", "--title", "Another Thing", "--short-name", "DeepEyes"], "same id 'deepeyes'"),
    (["--arxiv", "2506.11111", "--title", "DeepEyes: Incentivising Thinking with Images through Reinforcement Learning"],
     """near-identical title 'DeepEyes: Incentivizing "Thinking with Images" via Reinforcement Learning' (similarity 0.92)"""),
])
def test_add_refuses_duplicates(capsys, data_dir, options, reason):
    """Same id, same arXiv id or a near-identical title: refused, naming the existing entry and file."""
    path = data_dir / "papers" / "multimodal.yaml"
    before = path.read_text(encoding="utf-8")
    code, out, err = run(capsys, "add", "--category", "multimodal", *options, *AUTHORS)
    assert (code, out) == (1, "")
    assert err.splitlines()[1] == f"duplicate of entry 'deepeyes' at data/papers/multimodal.yaml:" \
                                  f"{entry_line(path, 'deepeyes')}: {reason}"
    assert path.read_text(encoding="utf-8") == before


def test_add_refuses_an_entry_that_fails_validation(capsys, data_dir):
    """The catalog is validated with the entry first; a problem means refusal with the report, nothing written."""
    path = data_dir / "papers" / "multi-round-acting.yaml"
    before = path.read_text(encoding="utf-8")
    code, out, err = run(capsys, "add", "--title", "No Group", "--arxiv", "2505.99998", "--category",
                         "multi-round-acting", *AUTHORS)
    assert (code, out) == (1, "")
    assert err == ("refused to add 'no-group':\n1 problem in the catalog data:\n"
                   "data/papers/multi-round-acting.yaml:5: entry no-group: subcategory: missing; "
                   "multi-round-acting papers sit in one of: search, code, ui, complex-acting, others\n")
    assert path.read_text(encoding="utf-8") == before


def test_add_refuses_a_bad_link(capsys, data_dir):
    """A code link that is not a URL is caught by the validation before anything is written."""
    code, _, err = run(capsys, "add", *NEW_PAPER[:-1], "not-a-url")
    assert code == 1
    assert err.splitlines()[-1].endswith("entry vidcoder: links.code: 'not-a-url' is not an absolute http(s) URL")


@pytest.mark.parametrize(("options", "message"), [
    (["--arxiv", "2505.99999", "--category", "multimodal"],
     "missing --title (stdin is not a terminal, so it cannot be asked for)"),
    (["--title", "T", "--arxiv", "abc", "--category", "multimodal"],
     "--arxiv: 'abc' is not an arXiv id like 2505.14362 or an arxiv.org link"),
    (["--title", "T", "--arxiv", "2505.99999", "--category", "vision"],
     "--category: 'vision' is not a category (multimodal, multi-round-acting, multi-agent, unified-generation)"),
    (["--title", "T", "--arxiv", "2505.99999", "--category", "multimodal", "--methods", "sft,dpo"],
     "'dpo' is not a method (pretrain, sft, rl, prompt, position, survey)"),
    (["--title", "思考", "--arxiv", "2505.99999", "--category", "multimodal"],
     "cannot make an id from '思考' (no letters or digits in ASCII)"),
])
def test_add_usage_errors(capsys, data_dir, options, message):
    """Missing or malformed options: exit 2 with the reason, nothing written."""
    code, _, err = run(capsys, "add", *options)
    assert code == 2
    assert err.endswith(f"catalog add: error: {message}\n")


def test_add_asks_for_missing_values_in_a_terminal(capsys, data_dir, monkeypatch):
    """In a terminal, every value not given is asked for, with the choices where there are some."""
    answers = iter(["Asked Paper", "2505.99997", "multi-agent", "debate", "", "prompt", "Ada Lovelace, Alan Turing",
                    "the paper's first page", "", "https://example.org/p"])
    prompts = []
    monkeypatch.setattr(sys, "stdin", FakeTerminal())
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or next(answers))
    code, out, _ = run(capsys, "add")
    assert prompts == ["title: ", "arxiv: ", "category (multimodal, multi-round-acting, multi-agent, unified-generation): ",
                       "subcategory (debate, coordination) [optional, Enter to skip]: ",
                       "short-name [optional, Enter to skip]: ", "methods [optional, Enter to skip]: ",
                       "authors: ", "authors-source: ",
                       "code [optional, Enter to skip]: ", "project [optional, Enter to skip]: "]
    assert (code, out.split(" at ")[0]) == (0, "added 'asked-paper'")
    paper = load_catalog(data_dir).paper("asked-paper")
    assert (paper.subcategory, paper.methods, paper.links.project) == ("debate", ("prompt",), ("https://example.org/p",))
    assert [a.name for a in paper.authors] == ["Ada Lovelace", "Alan Turing"]


def test_add_dry_run_writes_nothing(capsys, data_dir):
    """--dry-run checks the entry and shows it, but leaves the file alone."""
    path = data_dir / "papers" / "multi-round-acting.yaml"
    before = path.read_text(encoding="utf-8")
    line = before[: before.index("- id: retool")].count("\n") + 1
    code, out, _ = run(capsys, "add", *NEW_PAPER, "--dry-run")
    assert (code, out) == (0, f"would add 'vidcoder' at data/papers/multi-round-acting.yaml:{line}:\n\n{NEW_BLOCK}")
    assert path.read_text(encoding="utf-8") == before


# import


def test_import_interleaving_seed(capsys, data_dir, tmp_path):
    """Seed 000: counts per section, one YAML file per category; ARGUS is imported and its broken project link
    reported, and since no entry was lost the import succeeds."""
    out_dir = tmp_path / "imported"
    code, out, err = run(capsys, "import", INTERLEAVING_SEED, "--out", out_dir)
    assert code == 0
    assert out.splitlines()[:11] == [
        f"read 117 entries from {INTERLEAVING_SEED} (awesome-interleaving-reasoning format):",
        "  standard-reasoning: 5", "  multimodal: 24", "  multi-round-acting/search: 21", "  multi-round-acting/code: 15",
        "  multi-round-acting/ui: 13", "  multi-round-acting/complex-acting: 8", "  multi-agent/debate: 8",
        "  multi-agent/coordination: 14", "  unified-generation/generation: 9",
        f"wrote {out_dir / 'standard-reasoning.yaml'} (5 entries)"]
    assert err.splitlines() == ["imported, but could not read 1 part of their lines (left out):", ARGUS_UNREAD]
    sizes = {p.name: len(parse_yaml(p.read_text(encoding="utf-8"))) for p in out_dir.iterdir()}
    assert sizes == {"standard-reasoning.yaml": 5, "multimodal.yaml": 24, "multi-round-acting.yaml": 57,
                     "multi-agent.yaml": 22, "unified-generation.yaml": 9}


def test_import_multimodal_seed(capsys, data_dir, tmp_path):
    """Seed 001: sections shown with their target, unmapped lines listed, unreadable lines reported (exit 1)."""
    out_dir = tmp_path / "imported"
    code, out, err = run(capsys, "import", MULTIMODAL_SEED, "--out", out_dir)
    assert code == 1
    lines = out.splitlines()
    assert lines[:12] == [
        f"read 71 entries from {MULTIMODAL_SEED} (awesome-deep-multimodal-reasoning format):",
        "  Surveys -> multimodal: 1", "  Visual Understanding -> multimodal: 27", "  Visual Reasoning -> multimodal: 20",
        "  Robotics/Spatial -> multimodal: 8", "  Medical -> multimodal: 8", "  Audio -> multimodal: 3",
        "  Generation -> unified-generation/generation: 4", "  Benchmarks -> unmapped: 4", "  Datasets -> unmapped: 2",
        "  Infra -> unmapped: 5", "  Related Collections -> unmapped: 6"]
    assert "17 lines in sections no catalog category fits (not written):" in lines
    assert err.splitlines()[0] == "could not read 7 lines:"
    assert sorted(p.name for p in out_dir.iterdir()) == ["multimodal.yaml", "unified-generation.yaml"]


def test_import_multimodal_line_with_a_broken_link(capsys, data_dir, tmp_path):
    """Seed 001's format: a bullet whose code link is never closed is imported with its paper link, the link is
    reported by line with its text, and the import succeeds; a bullet whose only paper link is broken is lost
    (exit 1)."""
    readme = tmp_path / "README.md"
    readme.write_text("#### Visual Reasoning\n"
                      "- X: a title [[paper]](https://arxiv.org/abs/2501.00001) [[code]](https://github.com/x/y\n",
                      encoding="utf-8")
    code, out, err = run(capsys, "import", readme, "--out", tmp_path / "one")
    assert code == 0
    assert out.splitlines()[:2] == [f"read 1 entries from {readme} (awesome-deep-multimodal-reasoning format):",
                                   "  Visual Reasoning -> multimodal: 1"]
    assert err.splitlines() == ["imported, but could not read 1 part of their lines (left out):",
                                "line 2: entry x: not imported: unclosed '(' at column 66: [[code]](https://github.com/x/y"]
    readme.write_text("#### Visual Reasoning\n- X: a title [[paper]](https://arxiv.org/abs/2501.00001\n", encoding="utf-8")
    code, out, err = run(capsys, "import", readme, "--out", tmp_path / "none")
    assert code == 1
    assert err.splitlines() == ["could not read 1 line:", ("line 2: no paper link (only code, data or other links): "
                                "- X: a title [[paper]](https://arxiv.org/abs/2501.00001")]


def test_import_exported_markdown_reads_every_line(capsys, data_dir, tmp_path):
    """The exported list imports with nothing unread: exit 0."""
    exported = tmp_path / "README.md"
    exported.write_text(export_markdown(load_catalog(data_dir)), encoding="utf-8")
    code, out, err = run(capsys, "import", exported, "--out", tmp_path / "back")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"read 21 entries from {exported} (awesome-interleaving-reasoning format):"


def test_import_missing_file_is_a_usage_error(capsys, data_dir):
    """A file that does not exist: exit 2."""
    code, _, err = run(capsys, "import", "missing.md")
    assert code == 2
    assert err.endswith("catalog import: error: missing.md: no such file\n")


def test_import_unknown_format(capsys, data_dir, tmp_path):
    """A README in neither format: exit 1 with the reason, nothing written."""
    other = tmp_path / "other.md"
    other.write_text("# Other list\n\n- [x](https://example.org)\n", encoding="utf-8")
    code, _, err = run(capsys, "import", other, "--out", tmp_path / "none")
    assert code == 1
    assert err == (f"{other}: not an awesome list this importer knows (neither the Awesome Interleaving Reasoning "
                   "nor the awesome-deep-multimodal-reasoning format)\n")
    assert not (tmp_path / "none").exists()


# Files given on the command line

UNREADABLE = {  # name -> (bytes, the message after 'FILE:')
    "latin-1": (b"A title\nThinking caf\xe9 au lait\n",
                "2: file is not valid UTF-8 (invalid continuation byte at byte 20); save it as UTF-8"),
    "utf-16": ("A title\n".encode("utf-16"),
               "1: file is not valid UTF-8 (invalid start byte at byte 0; it looks like UTF-16); save it as UTF-8"),
    "utf-16-without-bom": (b"A title\n" + "B title\n".encode("utf-16-le"),
                           "2: file is not text (a NUL byte at byte 9: binary, or UTF-16); save it as UTF-8 text"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00", "1: file is not valid UTF-8 (invalid start byte at byte 0); save it as UTF-8"),
}


@pytest.mark.parametrize("command", ["triage", "import"])
@pytest.mark.parametrize(("raw", "message"), UNREADABLE.values(), ids=UNREADABLE)
def test_a_file_that_is_not_utf8_text_is_named_with_its_line_and_byte(capsys, data_dir, tmp_path, command, raw,
                                                                       message):
    """A listing or README that is not UTF-8 text: exit 1, one line naming the file, line and byte; nothing written."""
    listing = tmp_path / "listing.txt"
    listing.write_bytes(raw)
    code, out, err = run(capsys, command, listing, "--out", tmp_path / "out")
    assert (code, out, err) == (1, "", f"{listing}:{message}\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("listing", ["ids.txt", "papers.bib", "hf-daily-papers.txt"])
def test_a_listing_saved_with_a_byte_order_mark_reads_as_without(capsys, data_dir, tmp_path, listing):
    """A UTF-8 byte-order mark (Windows editors save one) does not change what triage reads: an id list whose first
    id carried the mark lost every paper."""
    plain = FIXTURES / "listings" / listing
    marked = tmp_path / listing
    marked.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    without = run(capsys, "triage", plain, "--out", tmp_path / "plain.yaml")
    with_mark = run(capsys, "triage", marked, "--out", tmp_path / "marked.yaml")
    assert with_mark[0] == without[0] == 0 and "read 0 papers" not in with_mark[1]
    assert with_mark[1].replace(str(marked), "LISTING").replace("marked.yaml", "OUT") == \
        without[1].replace(str(plain), "LISTING").replace("plain.yaml", "OUT")


@pytest.mark.parametrize("command", ["triage", "import", "add --from-triage"])
def test_a_directory_given_as_a_file_is_a_usage_error(capsys, data_dir, command):
    """A directory where a file belongs: exit 2, saying so."""
    code, _, err = run(capsys, *command.split(), data_dir / "papers", *(["x"] if "add" in command else []))
    assert code == 2
    assert err.endswith(f"error: {data_dir / 'papers'}: is a directory, not a file\n")


@pytest.mark.parametrize(("command", "message"), [
    (["export", "--format", "json", "--out", "papers"], "papers: Is a directory"),
    (["import", INTERLEAVING_SEED, "--out", "taxonomy.yaml"], "taxonomy.yaml: File exists"),
], ids=["export-into-a-directory", "import-into-a-file"])
def test_an_output_that_cannot_be_written_is_a_usage_error(capsys, data_dir, monkeypatch, command, message):
    """An --out the command cannot write: exit 2 with the file and the system's reason, no traceback."""
    monkeypatch.chdir(data_dir)
    code, _, err = run(capsys, *command, "--data-dir", ".")
    assert code == 2
    assert err.endswith(f"error: {message}\n")


def test_add_from_a_triage_file_that_is_not_utf8(capsys, data_dir):
    """A triage file in Latin-1: exit 1, its line and byte named, nothing added."""
    triage = data_dir / "triage" / "latin1.yaml"
    triage.parent.mkdir(exist_ok=True)
    triage.write_bytes(b"- title: Caf\xe9\n  decision: added\n")
    code, _, err = run(capsys, "add", "--from-triage", triage, "x")
    assert code == 1
    assert err.splitlines()[1:] == [
        "data/triage/latin1.yaml:1: file is not valid UTF-8 (invalid continuation byte at byte 12); save it as UTF-8"]


# export


def test_export_json_to_stdout(capsys, data_dir):
    """--format json writes the papers array to standard output."""
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == [p.id for p in load_catalog(data_dir).papers]


def test_export_bibtex_to_file(capsys, data_dir, tmp_path):
    """--out writes the file and says so; the BibTeX parses with one entry per paper."""
    target = tmp_path / "papers.bib"
    code, out, _ = run(capsys, "export", "--format", "bibtex", "--out", target)
    assert (code, out) == (0, f"wrote {target} (bibtex)\n")
    assert len(bibtexparser.loads(target.read_text(encoding="utf-8")).entries) == 19


def test_export_ris_and_csl_json(capsys, data_dir):
    """--format ris and --format csl-json write one record, one item, per paper."""
    papers = load_catalog(data_dir).papers
    code, out, _ = run(capsys, "export", "--format", "ris")
    assert (code, out.count("TY  - "), out.count("ER  - \r\n")) == (0, len(papers), len(papers))
    code, out, _ = run(capsys, "export", "--format", "csl-json")
    assert (code, [item["id"] for item in json.loads(out)]) == (0, [p.id for p in papers])


def test_export_markdown(capsys, data_dir):
    """--format markdown writes the awesome-list README."""
    code, out, _ = run(capsys, "export", "--format", "markdown")
    assert (code, out) == (0, export_markdown(load_catalog(data_dir)))


def test_export_refuses_an_invalid_catalog(capsys, data_dir):
    """Nothing is exported from invalid data: exit 1 with the report."""
    break_date(data_dir)
    code, out, err = run(capsys, "export", "--format", "json")
    assert (code, out) == (1, "")
    assert err.startswith("2 problems in the catalog data:\n")


def test_export_unknown_format_is_a_usage_error(capsys, data_dir):
    """Only json, bibtex, ris, csl-json and markdown are formats."""
    code, _, err = run(capsys, "export", "--format", "csv")
    assert code == 2
    assert "argument --format: invalid choice: 'csv' (choose from 'bibtex', 'csl-json', 'json', 'markdown', 'ris')" in err


# stats


def test_stats_tables(capsys, data_dir):
    """Counts per category and subcategory, method and year, as aligned tables."""
    code, out, _ = run(capsys, "stats")
    assert code == 0
    assert out == """19 papers in 4 categories, 2 standard-reasoning examples

Category            Papers
------------------  ------
Multimodal               5
Multi-Round Acting       6
  Search                 3
  Code                   1
  UI                     1
  Complex acting         1
  Others                 0
Multi-Agent              4
  Debate                 1
  Coordination           3
Unified Generation       4
  Generation             4
  Understanding          0

Method          Papers
--------------  ------
Pretrain             2
SFT                  6
RL                   8
Prompt               4
Position paper       0
Survey paper         0
(none given)         5

Year  Papers
----  ------
2025      14
2023       2
2022       1
2021       1
1986       1
"""


# CONTRIBUTING.md


def test_contributing_example_entry_is_valid(data_dir):
    """The complete entry CONTRIBUTING.md shows passes every check when added to a catalog."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(- id: .*?)```", text, re.DOTALL).group(1)
    path = data_dir / "papers" / "multi-round-acting.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + example, encoding="utf-8")
    paper = load_catalog(data_dir).paper("vtool-r1")
    assert (paper.subcategory, paper.secondary_category, paper.links.code) == (
        "code", "multimodal", ("https://github.com/VTool-R1/VTool-R1",))


# Splicing an entry into a file


def test_insert_block_keeps_an_entrys_comment_with_it():
    """Comment lines directly above the following entry stay above it; the new block goes before them."""
    text = "# header\n\n- id: a\n\n# about b\n- id: b\n"
    assert insert_block(text, "- id: new\n", 6) == "# header\n\n- id: a\n\n- id: new\n\n# about b\n- id: b\n"


def test_insert_block_leaves_the_file_header_on_top():
    """A comment block running up to the first line is the file's header: the entry goes below it."""
    assert insert_block("# header\n- id: a\n", "- id: new\n", 2) == "# header\n- id: new\n\n- id: a\n"


def test_insert_block_appends_after_one_blank_line():
    """At the end, exactly one blank line separates the new block, however the file ended."""
    assert insert_block("- id: a\n", "- id: new\n", None) == "- id: a\n\n- id: new\n"
    assert insert_block("- id: a\n\n", "- id: new\n", None) == "- id: a\n\n- id: new\n"
    assert insert_block("- id: a", "- id: new\n", None) == "- id: a\n\n- id: new\n"
