"""`catalog triage` on listings in every form maintainers paste: what is read, what is already present, the
draft it writes (valid by the schema and the checker), `catalog add --from-triage`, and the evaluation."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from catalog.cli import main
from catalog.edit import normalise_title
from catalog.listings import read_listing
from catalog.load import load_catalog, load_triage
from catalog.models import Catalog, TriageRecord
from catalog.triage import assess_all, evaluate, roc_auc
from catalog.yaml_io import parse_yaml

from tests.fixtures.catalog_data import FIXTURES, MULTIMODAL_SEED, ROOT, make_data_dir

LISTINGS = FIXTURES / "listings"
HF_PAGE = LISTINGS / "hf-daily-papers.txt"  # seed 003: a Hugging Face daily-papers page copied as text
ABSTRACTS = LISTINGS / "abstracts.txt"  # seed 002: ten 'Abstract:' blocks, no titles, no ids
ARXIV_TEXT = LISTINGS / "arxiv-abstracts.txt"  # seed 004: ten abstracts, each followed by its arXiv id
BIBTEX = LISTINGS / "papers.bib"
ID_LIST = LISTINGS / "ids.txt"
DRAFT = f"draft-{date.today().isoformat()}.yaml"
THINKING_WITH_VIDEO = "Thinking with Video: Video Generation as a Promising Multimodal Reasoning Paradigm"


@pytest.fixture(name="records", scope="module")
def fixture_records() -> tuple[TriageRecord, ...]:
    """The real triage records."""
    records, problems = load_triage(ROOT / "data")
    assert problems == []
    return records


def read(path: Path, catalog: Catalog):
    """(form, candidates) of a listing file."""
    return read_listing(path.read_text(encoding="utf-8"), path.name, catalog.taxonomy)


def run(capsys, *argv: object) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `catalog argv...`."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# Reading listings


def test_hugging_face_page_gives_every_title_and_abstract(catalog: Catalog, records) -> None:
    """Seed 003: 71 papers with their titles (those the triage records give, in order) and abstracts; no ids."""
    form, candidates = read(HF_PAGE, catalog)
    decided = [r for r in records if r.seed == "003"]
    assert (form, len(candidates)) == ("text", 71)
    assert [normalise_title(c.title) for c in candidates] == [normalise_title(r.title) for r in decided]
    assert all(len(c.abstract) > 250 and not c.arxiv for c in candidates)
    assert candidates[0].abstract.startswith("Generative LLMs typically improve Named Entity Recognition")
    assert candidates[0].line == 13


def test_abstract_blocks_give_ten_untitled_papers(catalog: Catalog) -> None:
    """Seed 002: ten 'Abstract:' blocks, some on consecutive lines, each one paper without title or id."""
    form, candidates = read(ABSTRACTS, catalog)
    assert (form, len(candidates)) == ("text", 10)
    assert all(not c.title and not c.arxiv for c in candidates)
    assert candidates[0].abstract.startswith("Deep search has become a crucial capability")
    assert not any(c.abstract.startswith("Abstract") for c in candidates)


def test_arxiv_text_gives_each_abstract_its_id(catalog: Catalog, records) -> None:
    """Seed 004: each abstract gets the id that follows it (over comment lines such as 'Working in progress')."""
    form, candidates = read(ARXIV_TEXT, catalog)
    assert (form, len(candidates)) == ("text", 10)
    assert [c.arxiv for c in candidates] == [r.arxiv for r in records if r.seed == "004"]
    assert not any(c.title for c in candidates)


def test_arxiv_listing_form_gives_the_id_to_the_next_entry(catalog: Catalog) -> None:
    """arXiv's own listing (id, then Title:, Authors:, Abstract:) gives each entry the id above it."""
    text = ("arXiv:2505.14362 [pdf, other]\nTitle: DeepEyes: Incentivizing Thinking with Images\n"
            "Authors: Ziwei Zheng\nAbstract: Large vision-language models reason in text. We let them think with "
            "images instead, zooming into regions as they go. It is trained end to end with reinforcement learning, "
            "and grounds every step in the image it inspects.\n\n"
            "arXiv:2505.15436\nTitle: Chain-of-Focus\nAbstract: Focus on regions and zoom, step after step.\n")
    _, candidates = read_listing(text, "listing.txt", catalog.taxonomy)
    assert [(c.arxiv, c.title) for c in candidates] == [("2505.14362", "DeepEyes: Incentivizing Thinking with Images"),
                                                         ("2505.15436", "Chain-of-Focus")]


def test_bibtex_gives_titles_ids_and_abstracts(catalog: Catalog) -> None:
    """BibTeX: the id from 'arXiv:ID' in a field, an arxiv.org URL or eprint; braces off; @comment skipped."""
    form, candidates = read(BIBTEX, catalog)
    assert form == "BibTeX"
    assert [(c.title, c.arxiv) for c in candidates] == [
        ('DeepEyes: Incentivizing "Thinking with Images" via Reinforcement Learning', "2505.14362"),
        ("Chain-of-Focus: Adaptive Visual Search and Zooming for Multimodal Reasoning via RL", "2505.15436"),
        ("LensAgent: Zooming and Cropping Image Regions while Reasoning", "2612.00001")]
    assert candidates[2].abstract.startswith("A made-up paper for the tests. The model reasons over an image")
    assert [c.line for c in candidates] == [3, 10, 16]


def test_id_list_gives_ids_and_titles_after_them(catalog: Catalog) -> None:
    """A list of ids or arxiv.org links, one a line; what follows an id is its title."""
    form, candidates = read(ID_LIST, catalog)
    assert form == "arXiv ids"
    assert [(c.arxiv, c.title) for c in candidates] == [
        ("2505.14362", ""), ("2511.04570", THINKING_WITH_VIDEO),
        ("2510.17354", ""), ("2612.00002", "A made-up paper for the tests")]


def test_an_awesome_list_is_read_by_the_importer(catalog: Catalog) -> None:
    """An awesome list `catalog import` knows gives its entries (seed 001: 71 in mapped sections)."""
    form, candidates = read(MULTIMODAL_SEED, catalog)
    assert (form, len(candidates)) == ("awesome-deep-multimodal-reasoning", 71)
    assert candidates[0].title and candidates[0].arxiv


# Already present


def test_presence_by_arxiv_id(catalog: Catalog, records) -> None:
    """Seed 004: the six added papers are in the catalog and in the triage file; the four rejected only there."""
    assessed = assess_all(catalog, records, read(ARXIV_TEXT, catalog)[1])
    in_catalog = sorted(p for a in assessed for p in a.present if p.startswith("in the catalog"))
    assert in_catalog == ["in the catalog as aepo", "in the catalog as arpo", "in the catalog as deepagent",
                          "in the catalog as tool-light", "in the catalog as toolscope", "in the catalog as v-thinker"]
    assert all(any(p.startswith("in data/triage/seeds-002-004.yaml:") for p in a.present) for a in assessed)
    assert sum("(rejected)" in p for a in assessed for p in a.present) == 4


def test_presence_by_title(catalog: Catalog, records) -> None:
    """Seed 003 has no ids: each of its 71 papers is found in the triage file by its folded title, each added one
    in the catalog too, and none is taken for a catalog paper it is not."""
    assessed = assess_all(catalog, records, read(HF_PAGE, catalog)[1])
    assert all(any(p.startswith("in data/triage/seed-003.yaml:") for p in a.present) for a in assessed)
    added = {r.id for r in records if r.seed == "003" and r.decision == "added"}
    found = {p.removeprefix("in the catalog as ") for a in assessed for p in a.present if p.startswith("in the catalog")}
    assert found == added


def test_presence_of_an_untitled_abstract(catalog: Catalog, records) -> None:
    """Seed 002 gives abstracts only: the six that were added are found by their near-identical abstracts; the
    four rejected ones, whose records keep no abstract, cannot be found and are new."""
    assessed = assess_all(catalog, records, read(ABSTRACTS, catalog)[1])
    present = sorted(p for a in assessed for p in a.present if p.startswith("in the catalog"))
    assert present == [f"in the catalog as {i} (the same abstract)" for i in
                       ("adatooler-v", "agent-rrm", "gen-searcher", "opensearch-vl", "unify-agent", "vilasr")]
    assert sum(not a.present for a in assessed) == 4


def test_new_paper_ranks_by_fit_with_evidence(catalog: Catalog, records) -> None:
    """The made-up zooming paper is new, fits best, is suggested for multimodal, and its three nearest papers
    are catalog papers that share its words."""
    assessed = assess_all(catalog, records, read(BIBTEX, catalog)[1])
    best = assessed[0]
    assert best.candidate.arxiv == "2612.00001" and not best.present
    assert [a.fit for a in assessed] == sorted((a.fit for a in assessed), reverse=True)
    assert best.category == "multimodal" and best.fit > 0
    assert len(best.nearest) == 3 and all(n.shared for n in best.nearest)
    assert {"zooming", "cropping"} & {w for n in best.nearest for w in n.shared}
    present = next(a for a in assessed if a.candidate.arxiv == "2505.15436")
    assert "cof" not in [n.paper.id for n in present.nearest]  # a paper already present is not its own evidence


# The command and its draft


@pytest.fixture(name="data_dir")
def fixture_data_dir(tmp_path, monkeypatch) -> Path:
    """A copy of the real data directory at tmp_path/data, with tmp_path as the working directory."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def test_triage_writes_a_draft_of_the_new_papers(capsys, data_dir) -> None:
    """Every form at once: the report ranks all 98 papers; the draft holds the new ones as suggestions and
    validates, by the loader and by `catalog validate`."""
    code, out, err = run(capsys, "triage", HF_PAGE, ABSTRACTS, ARXIV_TEXT, BIBTEX, ID_LIST)
    assert (code, err) == (0, "")
    assert "read 71 papers from" in out and "read 3 papers from" in out and "(BibTeX)" in out
    assert out.count(" fit ") == 71 + 10 + 10 + 3 + 4
    draft = data_dir / "triage" / DRAFT
    assert f"wrote {draft.relative_to(data_dir.parent)}: 6 new papers to decide, 92 already present left out" in out
    records, problems = load_triage(data_dir, [draft])
    assert problems == []
    assert [r.arxiv for r in records if r.arxiv] == ["2612.00001", "2612.00002"]
    assert all(r.decision == "suggested" and r.fit is not None and not r.reason for r in records)
    lens = next(r for r in records if r.arxiv == "2612.00001")
    assert (lens.category, lens.id, len(lens.nearest)) == ("multimodal", "lensagent", 3)
    assert lens.abstract.startswith("A made-up paper for the tests.")
    text = draft.read_text(encoding="utf-8")
    assert "# Left out, already present: Chain-of-Focus: Adaptive Visual Search" in text
    summary = "ok: 150 papers in 4 categories, 5 standard-reasoning examples, 97 triage records\n"
    assert run(capsys, "validate")[:2] == (0, summary)


def test_triage_refuses_to_overwrite_a_draft(capsys, data_dir) -> None:
    """A draft under review is never overwritten."""
    (data_dir / "triage" / DRAFT).write_text("[]\n", encoding="utf-8")
    code, _, err = run(capsys, "triage", BIBTEX)
    assert code == 2 and f"{DRAFT} exists; review it, or give another --out" in err


def test_a_draft_with_only_present_papers_is_an_empty_list(capsys, data_dir, tmp_path) -> None:
    """All of seed 004 is present: the draft holds no record and still validates."""
    assert run(capsys, "triage", ARXIV_TEXT, "--out", data_dir / "triage" / "seed-004.yaml")[0] == 0
    assert parse_yaml((data_dir / "triage" / "seed-004.yaml").read_text(encoding="utf-8")) == []
    assert run(capsys, "validate", data_dir / "triage" / "seed-004.yaml")[0] == 0


def decide(draft: Path, arxiv: str, decision: str) -> None:
    """Mark the draft's record of arxiv decided, as a person would, with a reason."""
    text = draft.read_text(encoding="utf-8")
    start = text.index(f"arxiv: '{arxiv}'")
    at = text.index("decision: suggested", start)
    draft.write_text(text[:at] + f"decision: {decision}\n  reason: Zooms into the image while reasoning."
                     + text[at + len("decision: suggested"):], encoding="utf-8")


def test_add_from_triage_makes_the_entry(capsys, data_dir) -> None:
    """Once a person marks a suggestion added, `catalog add --from-triage` adds it under the record's id, category
    and methods; the triage record and the catalog then agree."""
    run(capsys, "triage", BIBTEX)
    draft = data_dir / "triage" / DRAFT
    decide(draft, "2612.00001", "added")
    code, out, err = run(capsys, "add", "--from-triage", draft, "2612.00001", "--authors", "Ada Lovelace",
                         "--authors-source", "the made-up listing")
    assert (code, err) == (0, "")
    assert out.startswith("added 'lensagent' at data/papers/multimodal.yaml:")
    paper = load_catalog(data_dir).paper("lensagent")
    assert (paper.title, paper.arxiv, paper.category) == (
        "LensAgent: Zooming and Cropping Image Regions while Reasoning", "2612.00001", "multimodal")
    record = next(r for r in load_triage(data_dir)[0] if r.arxiv == "2612.00001")
    assert (record.decision, record.id) == ("added", paper.id)


def test_add_from_triage_refuses_an_undecided_record(capsys, data_dir) -> None:
    """A suggestion is not a decision: the record must say added first; an unknown id is a usage error."""
    run(capsys, "triage", BIBTEX)
    draft = data_dir / "triage" / DRAFT
    code, _, err = run(capsys, "add", "--from-triage", draft, "lensagent", "--authors", "Ada Lovelace",
                       "--authors-source", "x")
    assert code == 1
    assert f"data/triage/{DRAFT}:" in err and "entry lensagent: decision: is 'suggested'; set it to added" in err
    code, _, err = run(capsys, "add", "--from-triage", draft, "nothing-like-it")
    assert code == 2 and "no record with the id or arXiv id 'nothing-like-it'" in err


@pytest.mark.parametrize(("record", "message"), [
    ("- title: T\n  decision: maybe\n", "entry #1: decision: 'maybe' is not one of: added, rejected, suggested"),
    ("- decision: suggested\n  fit: 0.5\n", "entry #1: needs at least one of: title, arxiv, abstract"),
    ("- title: T\n  decision: rejected\n", "entry #1: reason: missing required field"),
    ("- title: T\n  decision: added\n  reason: R\n  category: multimodal\n", "entry #1: id: missing required field"),
    ("- title: T\n  decision: suggested\n  fit: 2\n", "entry #1: fit: must be at most 1, not 2"),
    ("- title: T\n  decision: added\n  reason: R\n  id: t\n  category: multi-agent\n",
     "entry t: subcategory: missing; multi-agent papers sit in one of: debate, coordination"),
    ("- title: T\n  decision: rejected\n  reason: R\n  category: multi-agent\n  methods: [sft, dance]\n",
     "entry #1: methods: 'dance' is not a known method"),
], ids=["decision", "no-paper", "no-reason", "no-id", "fit", "subcategory", "method"])
def test_a_bad_triage_record_is_reported_clearly(capsys, data_dir, record: str, message: str) -> None:
    """`catalog validate` names the triage file, line, record and field of each problem."""
    (data_dir / "triage" / "bad.yaml").write_text(record, encoding="utf-8")
    code, _, err = run(capsys, "validate")
    assert code == 1 and "data/triage/bad.yaml:" in err and message in err, err


# Evaluation


def test_roc_auc() -> None:
    """The share of (positive, negative) pairs ordered right, ties counting half."""
    assert roc_auc([0.9, 0.5], [0.4, 0.5]) == 0.875
    assert roc_auc([0.1], [0.2]) == 0.0


def test_evaluate_holds_each_paper_out(tmp_path) -> None:
    """On the small fixture catalog, two added and two rejected decisions: each is scored once, without itself (an
    added paper's evidence never names it), and every catalog paper's category is guessed without it."""
    data = make_data_dir(tmp_path)
    (data / "triage").mkdir()
    (data / "triage" / "decisions.yaml").write_text(
        "- title: 'Chain-of-Focus: Adaptive Visual Search and Zooming for Multimodal Reasoning via RL'\n"
        "  arxiv: '2505.15436'\n  decision: added\n  category: multimodal\n  id: cof\n  reason: Zooms.\n"
        "- title: 'ReTool: Reinforcement Learning for Strategic Tool Use in LLMs'\n  decision: added\n"
        "  category: multi-round-acting\n  subcategory: code\n  id: retool\n  reason: Runs code.\n"
        "- title: A Survey of Long Chain-of-Thought\n  decision: rejected\n  reason: Single pass.\n"
        "- title: Concise Hints for Efficient Reasoning\n  decision: rejected\n  reason: Single pass.\n",
        encoding="utf-8")
    listing = ("2505.15436 Chain-of-Focus: Adaptive Visual Search and Zooming for Multimodal Reasoning via RL\n"
               "2504.11536 ReTool: Reinforcement Learning for Strategic Tool Use in LLMs\n"
               "2501.00001 A Survey of Long Chain-of-Thought\n2501.00002 Concise Hints for Efficient Reasoning\n"
               "2501.00003 An undecided paper on zooming\n2505.15436 Chain-of-Focus, listed twice\n")
    catalog, (records, _) = load_catalog(data), load_triage(data)
    result = evaluate(catalog, records, read_listing(listing, "ids.txt", catalog.taxonomy)[1])
    assert (len(result.added), len(result.rejected), result.unmatched, result.catalog_size) == (2, 2, 2, 19)
    assert 0 <= result.auc <= 1 and 0 <= result.catalog_hits <= 19
    for record, assessment in result.added:
        assert record.id not in [n.paper.id for n in assessment.nearest]


def test_evaluate_command_prints_the_figures(capsys, tmp_path, monkeypatch) -> None:
    """`catalog triage --evaluate` on seed 004 and the real decisions: the figures, then the misses; no draft."""
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "triage", "--evaluate", ARXIV_TEXT)
    assert (code, err) == (0, "")
    assert ("leave-one-out on 10 decisions of data/triage/ found in the listings (6 added, 4 rejected; 0 papers "
            "of the listings match no decision, or one met before):") in out
    assert "  fit: ROC AUC " in out and "  category of the catalog's papers, each held out: " in out
    assert "rejected papers that fit best:\n" in out and "wrote" not in out
