"""Pins the audited facts of the multimodal, unified-generation and standard-reasoning entries.

Each case below is a correction checked against the paper's own pages (arXiv, proceedings,
project pages, official READMEs); the notes field of each entry records how. While other
files in data/ still fail validation, the facts are read from these files directly.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from catalog.load import load_catalog
from catalog.problems import CatalogError

from tests.unit.audit_entries import normalise, read_data_file

DATA = Path(__file__).parents[2] / "data"
PAPER_FILES = ("papers/multimodal.yaml", "papers/unified-generation.yaml")
AUDITED_FILES = (*PAPER_FILES, "standard-reasoning.yaml")


@pytest.fixture(scope="module")
def entries() -> dict[str, dict]:
    """Audited entries by id: from the loaded catalog, or from the audited files while others' files fail."""
    try:
        catalog = load_catalog(DATA)
    except CatalogError:
        return {e["id"]: normalise(e) for name in AUDITED_FILES for e in read_data_file(name)}
    papers = [*catalog.papers, *catalog.standard_examples]
    return {p.id: normalise(asdict(p)) for p in papers if p.source_file.endswith(AUDITED_FILES)}


@pytest.fixture(scope="module")
def activities() -> list[dict]:
    """The activities file as written."""
    return read_data_file("activities.yaml")


CORRECTED_FIELDS = [
    ("grit", {"arxiv": "2505.15879", "date": "2025-05"}),
    ("vat", {"arxiv": "2505.20164", "date": "2025-05"}),
    ("vision-r1", {"arxiv": "2503.06749", "date": "2025-03"}),
    ("argus", {"title": "Argus: Vision-Centric Reasoning with Grounded Chain-of-Thought", "short_name": "Argus",
               "venue": "CVPR 2025"}),
    ("vlm-r3", {"title": "VLM-R³: Region Recognition, Reasoning, and Refinement for Enhanced Multimodal "
                         "Chain-of-Thought", "short_name": "VLM-R³"}),
    ("v1", {"title": "Don't Look Only Once: Towards Multimodal Interactive Reasoning with Selective Visual "
                     "Revisitation"}),
    ("visual-cot", {"short_name": "Visual CoT"}),
    ("kimi-k1-5", {"short_name": "Kimi k1.5"}),
    ("openai-o1", {"date": "2024-09"}),
    ("qvq-max", {"date": "2025-03"}),
    ("visual-thoughts", {"arxiv": "2505.15510",
                         "title": "Visual Thoughts: A Unified Perspective of Understanding Multimodal "
                                  "Chain-of-Thought"}),
    ("irg", {"arxiv": "2509.06945", "date": "2025-09", "short_name": "IRG",
             "title": "Interleaving Reasoning for Better Text-to-Image Generation",
             "category": "unified-generation", "subcategory": "generation"}),
    ("mvot", {"secondary_category": "unified-generation", "venue": "ICML 2025"}),
    ("cot-vla", {"secondary_category": "unified-generation", "venue": "CVPR 2025"}),
    ("mathcoder-vl", {"venue": "Findings of ACL 2025"}),
    ("deepeyes", {"venue": "ICLR 2026"}),
    ("v-star", {"venue": "CVPR 2024"}),
    ("got", {"venue": "NeurIPS 2025"}),
]


@pytest.mark.parametrize(("entry_id", "expected"), CORRECTED_FIELDS, ids=[case[0] for case in CORRECTED_FIELDS])
def test_corrected_field_values(entries: dict[str, dict], entry_id: str, expected: dict) -> None:
    """Each corrected field holds the value verified against the paper's own pages."""
    entry = entries[entry_id]
    assert {field: entry[field] for field in expected} == expected


FIXED_LINKS = [
    ("grit", "paper", "https://arxiv.org/abs/2505.15879"),
    ("vat", "paper", "https://arxiv.org/abs/2505.20164"),
    ("vision-r1", "paper", "https://arxiv.org/abs/2503.06749"),
    ("cof", "models", "https://huggingface.co/xintongzhang/CoF-sft-model-7b"),
    ("cof", "datasets", "https://huggingface.co/datasets/xintongzhang/CoF-SFT-Data-5.4k"),
    ("mathcoder-vl", "datasets", "https://huggingface.co/datasets/MathLLMs/MM-MathInstruct"),
    ("v1", "datasets", "https://huggingface.co/datasets/kjunh/v1g"),
    ("vgr", "models", "https://huggingface.co/BytedanceDouyinContent/VGR"),
    ("irg", "code", "https://github.com/Osilly/Interleaving-Reasoning-Generation"),
]


@pytest.mark.parametrize(("entry_id", "kind", "url"), FIXED_LINKS, ids=[f"{c[0]}-{c[1]}" for c in FIXED_LINKS])
def test_fixed_link_present(entries: dict[str, dict], entry_id: str, kind: str, url: str) -> None:
    """The verified link is listed under the right kind."""
    assert url in entries[entry_id]["links"][kind]


REMOVED_LINKS = [
    ("grit", "https://arxiv.org/abs/2505.15436"),
    ("vat", "https://arxiv.org/abs/2502.17422"),
    ("vision-r1", "https://arxiv.org/abs/2501.12948"),
    ("cof", "https://huggingface.co/collections/laolao77/visual-arft-682c601d0e35ac6470adfe9f"),
    ("cof", "https://huggingface.co/datasets/laolao77/MAT"),
    ("mvot", "https://huggingface.co/collections/deepcs233/viscot-65fe883e2a0cdd3c59fc5d63"),
    ("mvot", "https://huggingface.co/datasets/deepcs233/Visual-CoT"),
    ("mvot", "https://thegenerality.com/agi/"),
    ("mathcoder-vl", "https://huggingface.co/datasets/MathLLM/MathCodeInstruct"),
]


@pytest.mark.parametrize(("entry_id", "url"), REMOVED_LINKS,
                         ids=[f"{c[0]}-{c[1].rstrip('/').split('/')[-1]}" for c in REMOVED_LINKS])
def test_wrong_link_absent(entries: dict[str, dict], entry_id: str, url: str) -> None:
    """A link that belongs to another paper (or to no paper) is gone from every link kind."""
    all_links = [u for urls in entries[entry_id]["links"].values() for u in urls]
    assert url not in all_links


@pytest.mark.parametrize("entry_id", sorted({case[0] for case in CORRECTED_FIELDS + FIXED_LINKS + REMOVED_LINKS}))
def test_corrected_entry_has_notes(entries: dict[str, dict], entry_id: str) -> None:
    """Every corrected entry records its corrections in notes."""
    assert entries[entry_id]["notes"]


def test_no_two_audited_entries_share_an_arxiv_id(entries: dict[str, dict]) -> None:
    """The duplicated ids of the source (GRIT/CoF, Vision-R1/DeepSeek-R1) are resolved."""
    arxiv_ids = [e["arxiv"] for e in entries.values() if e["arxiv"]]
    assert len(arxiv_ids) == len(set(arxiv_ids))


@pytest.mark.parametrize("name", PAPER_FILES)
def test_paper_files_are_newest_first(name: str) -> None:
    """Entries in each audited paper file run from newest to oldest within each subcategory."""
    for sub in {e.get("subcategory", "") for e in read_data_file(name)}:
        dates = [e["date"] for e in read_data_file(name) if e.get("subcategory", "") == sub]
        assert dates == sorted(dates, reverse=True), sub


def test_every_arxiv_entry_has_abstract_and_source(entries: dict[str, dict]) -> None:
    """Every audited arXiv paper carries its abstract and where it came from."""
    missing = [i for i, e in entries.items() if e["arxiv"] and not (e["abstract"] and e["abstract_source"])]
    assert missing == []


def test_standard_examples_all_dated(entries: dict[str, dict]) -> None:
    """The five standard-reasoning examples keep their ids and all have a month."""
    ids = ["openai-o1", "deepseek-r1", "kimi-k1-5", "qvq-max", "vision-r1"]
    assert {i: bool(entries[i]["date"]) for i in ids} == dict.fromkeys(ids, True)


def test_activities_point_at_audited_entries(entries: dict[str, dict], activities: list[dict]) -> None:
    """The activities are the four items of the source, and each paper item names an existing entry."""
    assert [(a["id"], a["kind"], a.get("paper", "")) for a in activities] == [
        ("interleaving-reasoning-generation", "paper", "irg"),
        ("mmragi-2025", "workshop", ""),
        ("vision-r1", "paper", "vision-r1"),
        ("deepeyes", "paper", "deepeyes"),
    ]
    assert all(a["paper"] in entries for a in activities if "paper" in a)
