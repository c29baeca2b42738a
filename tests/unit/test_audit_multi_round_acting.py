"""Pins the audited facts of the Multi-Round Acting entries (data/papers/multi-round-acting.yaml).

Every case below is a correction checked against the paper's own pages (arXiv listing and
abstract, proceedings, project pages, official READMEs); the entry's notes say how. While
other files in data/ still fail validation, the facts are read from this file directly.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
import yaml
from catalog.load import load_catalog
from catalog.problems import CatalogError

from tests.unit.audit_entries import normalise
from tests.unit.test_audit_authors_venues import NOTED_THIS_ROUND

DATA = Path(__file__).parents[2] / "data"
FILE = "papers/multi-round-acting.yaml"
SUBCATEGORY_ORDER = ("search", "code", "ui", "complex-acting")


@pytest.fixture(scope="module")
def raw_entries() -> list[dict]:
    """The file's entries as written, in file order."""
    return yaml.safe_load((DATA / FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def entries(raw_entries: list[dict]) -> dict[str, dict]:
    """The file's entries by id: from the loaded catalog, or from the file while others' files fail."""
    try:
        catalog = load_catalog(DATA)
    except CatalogError:
        return {e["id"]: normalise(e) for e in raw_entries}
    return {p.id: normalise(asdict(p)) for p in catalog.papers if p.source_file.endswith(FILE)}


CORRECTED_FIELDS = [
    ("reasoning-search", {"arxiv": "2506.08352", "short_name": "Reasoning-Search"}),
    ("search-r1-empirical", {"arxiv": "2505.15117", "date": "2025-05", "short_name": "",
                             "title": "An Empirical Study on Reinforcement Learning for Reasoning-Search Interleaved "
                                      "LLM Agents"}),
    ("search-r1", {"arxiv": "2503.09516", "date": "2025-03", "short_name": "Search-R1"}),
    ("manusearch", {"methods": ["prompt"], "secondary_category": "multi-agent", "venue": "Findings of EMNLP 2025"}),
    ("r3-rag", {"venue": "Findings of EMNLP 2025"}),
    ("simpledeepsearcher", {"venue": "Findings of EMNLP 2025"}),
    ("evolvesearch", {"arxiv": "2505.22501", "date": "2025-05", "venue": "EMNLP 2025",
                      "title": "EvolveSearch: An Iterative Self-Evolving Search Agent"}),
    ("pangu-deepdiver", {"short_name": "Pangu DeepDiver", "venue": "NeurIPS 2025",
                         "title": "Pangu DeepDiver: Adaptive Search Intensity Scaling via Open-Web Reinforcement "
                                  "Learning"}),
    ("zerosearch", {"short_name": "ZeroSearch",
                    "title": "ZeroSearch: Incentivize the Search Capability of LLMs without Searching"}),
    ("deepresearcher", {"venue": "EMNLP 2025"}),
    ("search-o1", {"venue": "EMNLP 2025"}),
    ("cort", {"arxiv": "2506.09820", "short_name": "CoRT",
              "title": "CoRT: Code-integrated Reasoning within Thinking"}),
    ("automind", {"short_name": "AutoMind", "title": "AutoMind: Adaptive Knowledgeable Agent for Automated Data Science"}),
    ("vtool-r1", {"venue": "ICLR 2026", "secondary_category": "multimodal"}),
    ("coinmath", {"venue": "Findings of ACL 2025"}),
    ("mathcoder2", {"methods": ["pretrain", "sft"], "venue": "ICLR 2025"}),
    ("siam", {"short_name": "SIaM",
              "title": "SIaM: Self-Improving Code-Assisted Mathematical Reasoning of Large Language Models"}),
    ("vpd", {"venue": "CVPR 2024", "secondary_category": "multimodal"}),
    ("mathcoder", {"venue": "ICLR 2024"}),
    ("tora", {"venue": "ICLR 2024"}),
    ("gui-reflection", {"venue": "NeurIPS 2025"}),
    ("webagent-r1", {"arxiv": "2505.16421", "date": "2025-05", "short_name": "WebAgent-R1", "venue": "EMNLP 2025",
                     "title": "WebAgent-R1: Training Web Agents via End-to-End Multi-Turn Reinforcement Learning"}),
    ("tongui", {"methods": ["sft"], "venue": "AAAI 2026"}),
    ("ufo2", {"secondary_category": "multi-agent"}),
    ("explorer", {"methods": ["sft"], "venue": "Findings of ACL 2025"}),
    ("aguvis", {"short_name": "Aguvis", "venue": "ICML 2025",
                "title": "Aguvis: Unified Pure Vision Agents for Autonomous GUI Interaction"}),
    ("gigpo", {"venue": "NeurIPS 2025"}),
    ("tool-n1", {"arxiv": "2505.00024", "short_name": "Tool-N1"}),
    ("dwt", {"secondary_category": "multimodal"}),
    ("torl", {"arxiv": "2503.23383", "date": "2025-03", "short_name": "ToRL", "title": "ToRL: Scaling Tool-Integrated RL"}),
    ("awm", {"arxiv": "2409.07429", "date": "2024-09", "short_name": "AWM"}),
    ("react", {"venue": "ICLR 2023"}),
]

ADDED_LINKS = [
    ("reasoning-search", "code", "https://github.com/wentao0429/Reasoning-search"),
    ("r-search", "code", "https://github.com/QingFei1/R-Search"),
    ("o2-searcher", "code", "https://github.com/Acade-Mate/O2-Searcher"),
    ("o2-searcher", "models", "https://huggingface.co/Jianbiao/O2-Searcher-Qwen2.5-3B-GRPO"),
    ("evolvesearch", "paper", "https://arxiv.org/abs/2505.22501"),
    ("r1-searcher-plus-plus", "code", "https://github.com/RUCAIBox/R1-Searcher-plus"),
    ("autorefine", "project", "https://syr-cn.github.io/AutoRefine"),
    ("deepresearcher", "code", "https://github.com/GAIR-NLP/DeepResearcher"),
    ("research", "code", "https://github.com/Agent-RL/ReCall/tree/re-search"),
    ("search-o1", "project", "https://search-o1.github.io/"),
    ("cort", "models", "https://modelscope.cn/models/qinsheng/CoRT-Prompt-Hint-1.5B-RL"),
    ("vtool-r1", "project", "https://vtool-r1.github.io"),
    ("tool-star", "datasets", "https://huggingface.co/datasets/dongguanting/Tool-Star-SFT-54K"),
    ("sql-r1", "project", "https://idea-finai.github.io/SQL-R1"),
    ("agentic-reasoning", "code", "https://github.com/theworldofagents/Agentic-Reasoning"),
    ("coinmath", "code", "https://github.com/amao0o0/CoinMath"),
    ("mathcoder2", "project", "https://mathllm.github.io/mathcoder2/"),
    ("mathcoder2", "datasets", "https://huggingface.co/datasets/MathGenie/MathCode-Pile"),
    ("vpd", "project", "https://visual-program-distillation.github.io/"),
    ("gui-r1", "datasets", "https://huggingface.co/datasets/ritzzai/GUI-R1"),
    ("tongui", "code", "https://github.com/TongUI-agent/TongUI-agent"),
    ("infigui-r1", "code", "https://github.com/Reallm-Labs/InfiGUI-R1"),
    ("infigui-r1", "models", "https://huggingface.co/Reallm-Labs/InfiGUI-R1-3B"),
    ("torl", "paper", "https://arxiv.org/abs/2503.23383"),
]

REMOVED_LINKS = [
    ("reasoning-search", "https://github.com/wentao0429/ReasoningSearch"),
    ("r-search", "https://github.com/QingFei1/R-Search?tab=readme-ov-file"),
    ("o2-searcher", "https://github.com/KnowledgeXLab/O2-Searcher"),
    ("evolvesearch", "https://arxiv.org/abs/2505.15117"),
    ("r1-searcher-plus-plus", "https://github.com/GAIR-NLP/DeepResearcher"),
    ("deepresearcher", "https://github.com/RUCAIBox/R1-Searcher-plus"),
    ("research", "https://huggingface.co/datasets/agentrl/ReCall-data"),
    ("retool", "https://github.com/penghao-wu/vstar"),
    ("mathcoder2", "https://github.com/mathllm/MathCoder2?tab=readme-ov-file#data-processing"),
    ("tora", "https://huggingface.co/datasets/llm-agents/CriticBench"),
    ("tongui", "https://github.com/TongUI-agent/TongUI-agent?tab=readme-ov-file"),
    ("torl", "https://arxiv.org/abs/2409.07429"),
    ("awm", "https://visual-agent.github.io/"),
]

MOVED_LINKS = [("gui-r1", "models", "https://huggingface.co/datasets/ritzzai/GUI-R1")]

UNCHANGED_IDS = ("artist", "comfyui-r1", "ctm", "deep-research", "droidbot-gpt", "inforage", "knowcoder-v2",
                 "r1-searcher", "search-r1", "toolrl", "tti", "ui-tars", "webgpt", "webthinker", "zerogui")
TAXONOMY_EXAMPLES = ("deep-research", "search-r1", "retool", "ui-tars", "react")


@pytest.mark.parametrize(("entry_id", "fields"), CORRECTED_FIELDS, ids=[i for i, _ in CORRECTED_FIELDS])
def test_corrected_fields_hold(entries: dict[str, dict], entry_id: str, fields: dict) -> None:
    """Each audited field has the value verified against the paper."""
    entry = entries[entry_id]
    assert {key: entry[key] for key in fields} == fields


@pytest.mark.parametrize(("entry_id", "kind", "url"), ADDED_LINKS, ids=[f"{i}-{k}" for i, k, _ in ADDED_LINKS])
def test_verified_link_is_present(entries: dict[str, dict], entry_id: str, kind: str, url: str) -> None:
    """A link verified to belong to the paper sits under the right kind."""
    assert url in entries[entry_id]["links"][kind]


@pytest.mark.parametrize(("entry_id", "url"), REMOVED_LINKS, ids=[i for i, _ in REMOVED_LINKS])
def test_wrong_link_is_gone(entries: dict[str, dict], entry_id: str, url: str) -> None:
    """A link that belonged to another paper, or was malformed, appears under no kind."""
    assert all(url not in urls for urls in entries[entry_id]["links"].values())


@pytest.mark.parametrize(("entry_id", "kind", "url"), MOVED_LINKS, ids=[i for i, _, _ in MOVED_LINKS])
def test_misfiled_link_left_its_old_kind(entries: dict[str, dict], entry_id: str, kind: str, url: str) -> None:
    """A data set once filed as a model is no longer listed under models."""
    assert url not in entries[entry_id]["links"][kind]


def test_retool_code_link_is_the_official_repository(entries: dict[str, dict]) -> None:
    """ReTool's only code link is the authors' ReTool-RL repository, which replaced the wrong V* link."""
    assert entries["retool"]["links"]["code"] == ["https://github.com/ReTool-RL/ReTool"]


def test_explorer_code_link_is_the_official_repository(entries: dict[str, dict]) -> None:
    """Explorer links the repository its project page names as the code, whose README states the venue."""
    assert entries["explorer"]["links"]["code"] == ["https://github.com/OSU-NLP-Group/Explorer"]
    assert entries["explorer"]["venue"] == "Findings of ACL 2025"


def test_notes_are_exactly_on_corrected_entries(entries: dict[str, dict]) -> None:
    """Every corrected entry explains itself in notes; the entries found correct carry none."""
    audited = {i for i, _ in CORRECTED_FIELDS} | {i for i, _, _ in ADDED_LINKS} | {i for i, _ in REMOVED_LINKS}
    source_entries = audited | set(UNCHANGED_IDS)  # papers triaged in later carry their own notes
    noted = {i for i, e in entries.items() if e["notes"] and i in source_entries}
    this_round = NOTED_THIS_ROUND & source_entries  # authors, venues, dates and tags checked later
    assert noted == (audited - {"search-r1"}) | this_round
    assert noted.isdisjoint(set(UNCHANGED_IDS) - this_round)
    assert len(noted | set(UNCHANGED_IDS)) == 57


def test_taxonomy_examples_keep_their_ids(entries: dict[str, dict]) -> None:
    """The ids data/taxonomy.yaml cites as examples still exist, search-r1 being the 2503 paper."""
    assert set(TAXONOMY_EXAMPLES) <= set(entries)
    assert entries["search-r1"]["arxiv"] == "2503.09516"


def test_ids_and_arxiv_ids_are_unique(raw_entries: list[dict]) -> None:
    """No two entries share an id or an arXiv id (the imported file had both kinds of clash)."""
    ids = [e["id"] for e in raw_entries]
    arxiv_ids = [e["arxiv"] for e in raw_entries if e.get("arxiv")]
    assert len(ids) == len(set(ids))
    assert len(arxiv_ids) == len(set(arxiv_ids))


def test_every_arxiv_entry_has_a_sourced_abstract(raw_entries: list[dict]) -> None:
    """Each arXiv paper carries its abstract and says where the text came from."""
    missing = [e["id"] for e in raw_entries if e.get("arxiv") and not (e.get("abstract") and e.get("abstract_source"))]
    assert missing == []


def test_entries_are_grouped_by_subcategory_and_newest_first(raw_entries: list[dict]) -> None:
    """Subcategories follow taxonomy order and dates never rise within one."""
    groups = [e["subcategory"] for e in raw_entries]
    assert [g for i, g in enumerate(groups) if i == 0 or groups[i - 1] != g] == list(SUBCATEGORY_ORDER) + ["others"]
    for group in [*SUBCATEGORY_ORDER, "others"]:
        dates = [e["date"] for e in raw_entries if e["subcategory"] == group]
        assert dates == sorted(dates, reverse=True), group
