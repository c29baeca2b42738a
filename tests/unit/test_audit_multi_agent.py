"""Pins the audited facts of data/papers/multi-agent.yaml.

Every value below was checked against the paper's own pages (arXiv listings, ACL Anthology,
PMLR, OpenReview, official READMEs); the entry's notes say how whenever the source list was
wrong. Facts are read from the file directly; only the loader test reads the rest of data/,
and it looks only at problems located in this file or naming one of its ids.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from catalog.load import load_catalog
from catalog.problems import CatalogError
from catalog.text import dates_allowed_by_arxiv

from tests.unit.audit_entries import normalise
from tests.unit.test_audit_authors_venues import NOTED_THIS_ROUND, VENUES_ADDED

DATA = Path(__file__).parents[2] / "data"
FILE = DATA / "papers" / "multi-agent.yaml"


@pytest.fixture(scope="module")
def raw() -> list[dict]:
    """The file as written, in file order."""
    return yaml.safe_load(FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def entries(raw: list[dict]) -> dict[str, dict]:
    """Entries by id."""
    return {e["id"]: e for e in raw}


# id: (arxiv, date, title, short_name); "" means the field is absent.
FACTS = {
    "s2-mad": ("2502.04790", "2025-02",
               "S2-MAD: Breaking the Token Barrier to Enhance Multi-Agent Debate Efficiency", "S2-MAD"),
    "if-mad-is-the-answer": ("2502.08788", "2025-02",
                             "If Multi-Agent Debate is the Answer, What is the Question?", ""),
    "acc-collab": ("2411.00053", "2024-10",
                   "ACC-Collab: An Actor-Critic Approach to Multi-Agent LLM Collaboration", "ACC-Collab"),
    "groupdebate": ("2409.14051", "2024-09",
                    "GroupDebate: Enhancing the Efficiency of Multi-Agent Debate Using Group Discussion",
                    "GroupDebate"),
    "agent4debate": ("2408.04472", "2024-08",
                     "Can LLMs Beat Humans in Debating? A Dynamic Multi-agent Framework for Competitive Debate",
                     "Agent4Debate"),
    "should-we-be-going-mad": ("2311.17371", "2023-11",
                               "Should we be going MAD? A Look at Multi-Agent Debate Strategies for LLMs", ""),
    "society-of-minds": ("2305.14325", "2023-05",
                         "Improving Factuality and Reasoning in Language Models through Multiagent Debate",
                         "Society of Minds"),
    "mad": ("2305.19118", "2023-05",
            "Encouraging Divergent Thinking in Large Language Models through Multi-Agent Debate", "MAD"),
    "haris": ("2506.07528", "2025-06",
              "Coordinating Search-Informed Reasoning and Reasoning-Guided Search in Claim Verification", "HARIS"),
    "owl": ("2505.23885", "2025-05",
            "OWL: Optimized Workforce Learning for General Multi-Agent Assistance in Real-World Task Automation",
            "OWL"),
    "agentnet": ("2504.00587", "2025-04",
                 "AgentNet: Decentralized Evolutionary Coordination for LLM-based Multi-Agent Systems", "AgentNet"),
    "zochi": ("", "2025-03", "Zochi Technical Report", "Zochi"),
    "reagent": ("2503.06951", "2025-03",
                "ReAgent: Reversible Multi-Agent Reasoning for Knowledge-Enhanced Multi-Hop QA", "ReAgent"),
    "croto": ("2406.08979", "2024-06", "Multi-Agent Collaboration via Cross-Team Orchestration", "Croto"),
    "macnet": ("2406.07155", "2024-06", "Scaling Large Language Model-based Multi-Agent Collaboration", "MacNet"),
    "agentscope": ("2402.14034", "2024-02", "AgentScope: A Flexible yet Robust Multi-Agent Platform", "AgentScope"),
    "co-learning": ("2312.17025", "2023-12", "Experiential Co-Learning of Software-Developing Agents", "Co-Learning"),
    "machinesom": ("2310.02124", "2023-10",
                   "Exploring Collaboration Mechanisms for LLM Agents: A Social Psychology View", "MachineSoM"),
    "agents": ("2309.07870", "2023-09", "Agents: An Open-source Framework for Autonomous Language Agents", "Agents"),
    "agentverse": ("2308.10848", "2023-08",
                   "AgentVerse: Facilitating Multi-Agent Collaboration and Exploring Emergent Behaviors",
                   "AgentVerse"),
    "metagpt": ("2308.00352", "2023-08", "MetaGPT: Meta Programming for A Multi-Agent Collaborative Framework",
                "MetaGPT"),
    "chatdev": ("2307.07924", "2023-07", "ChatDev: Communicative Agents for Software Development", "ChatDev"),
}


def test_file_holds_every_audited_entry_once(raw: list[dict]) -> None:
    """No audited entry is lost or duplicated (papers added later may sit beside them)."""
    ids = [e["id"] for e in raw]
    assert {i: ids.count(i) for i in FACTS} == dict.fromkeys(FACTS, 1)


@pytest.mark.parametrize("entry_id", list(FACTS), ids=list(FACTS))
def test_verified_facts(entries: dict[str, dict], entry_id: str) -> None:
    """arXiv id, date, title and short name are the ones the paper itself gives."""
    entry = entries[entry_id]
    actual = (entry.get("arxiv", ""), entry["date"], entry["title"], entry.get("short_name", ""))
    assert actual == FACTS[entry_id]


@pytest.mark.parametrize("entry_id", [i for i, f in FACTS.items() if f[0]], ids=[i for i, f in FACTS.items() if f[0]])
def test_paper_link_and_date_follow_the_arxiv_id(entries: dict[str, dict], entry_id: str) -> None:
    """The paper link points at the entry's own arXiv id, and the date is that id's month or the one before."""
    entry = entries[entry_id]
    assert normalise(entry)["links"]["paper"] == [f"https://arxiv.org/abs/{entry['arxiv']}"]
    assert entry["date"] in dates_allowed_by_arxiv(entry["arxiv"])


VENUES = {
    "s2-mad": "NAACL 2025", "acc-collab": "ICLR 2025", "society-of-minds": "ICML 2024", "mad": "EMNLP 2024",
    "haris": "ACL 2026", "owl": "NeurIPS 2025", "reagent": "EMNLP 2025", "croto": "Findings of ACL 2025",
    "macnet": "ICLR 2025", "co-learning": "ACL 2024", "metagpt": "ICLR 2024", "chatdev": "ACL 2024",
    **{i: v for i, v in VENUES_ADDED.items() if i in FACTS},
}


@pytest.mark.parametrize("entry_id", list(FACTS), ids=list(FACTS))
def test_venue_only_where_verified(entries: dict[str, dict], entry_id: str) -> None:
    """Verified venues are recorded; no other entry claims one."""
    assert entries[entry_id].get("venue") == VENUES.get(entry_id)


FIXED_LINKS = [
    ("reagent", "paper", "https://arxiv.org/abs/2503.06951"),
    ("haris", "code", "https://github.com/qishenghu/HARIS"),
    ("society-of-minds", "project", "https://composable-models.github.io/llm_debate/"),
    ("society-of-minds", "code", "https://github.com/composable-models/llm_multiagent_debate"),
    ("acc-collab", "code", "https://github.com/LlenRotse/ACC-Collab"),
    ("should-we-be-going-mad", "code", "https://github.com/instadeepai/DebateLLM"),
    ("owl", "code", "https://github.com/camel-ai/owl"),
    ("metagpt", "code", "https://github.com/FoundationAgents/MetaGPT"),
    # Croto's abstract itself names the ChatDev macnet branch, which it shares with MacNet.
    ("croto", "code", "https://github.com/OpenBMB/ChatDev/tree/macnet"),
    ("macnet", "code", "https://github.com/OpenBMB/ChatDev/tree/macnet"),
]


@pytest.mark.parametrize(("entry_id", "kind", "url"), FIXED_LINKS, ids=[f"{c[0]}-{c[1]}" for c in FIXED_LINKS])
def test_verified_link_present(entries: dict[str, dict], entry_id: str, kind: str, url: str) -> None:
    """The verified link is listed under the right kind."""
    assert url in normalise(entries[entry_id])["links"][kind]


def test_gots_arxiv_id_left_this_file(raw: list[dict]) -> None:
    """GoT's id and arXiv number belong to unified-generation.yaml, not to ReAgent."""
    assert all(e.get("arxiv") != "2503.10639" for e in raw)
    assert all("2503.10639" not in url for e in raw for urls in normalise(e)["links"].values() for url in urls)
    assert "got" not in {e["id"] for e in raw}


@pytest.mark.parametrize("old_id", ["got", "prompt", "workforce",
                                    "if-multi-agent-debate-is-the-answer-what-is-the-question",
                                    "should-we-be-going-mad-a-look-at-multi-agent-debate-strategies-for-llms"])
def test_replaced_ids_are_gone(entries: dict[str, dict], old_id: str) -> None:
    """Ids derived from the source list's errors (or too long to read) were replaced."""
    assert old_id not in entries


@pytest.mark.parametrize("kept_id", ["society-of-minds", "zochi", "metagpt"])
def test_taxonomy_example_ids_are_kept(entries: dict[str, dict], kept_id: str) -> None:
    """The taxonomy names these ids as examples, so they must not change."""
    assert kept_id in entries


def test_no_shouted_titles_or_names(raw: list[dict]) -> None:
    """No title or short name is written in capitals only (beyond acronyms)."""
    for entry in raw:
        words = re.findall(r"[A-Za-z]{4,}", entry["title"])
        assert not words or not all(w.isupper() for w in words), entry["id"]
        assert entry.get("short_name") not in {"MACNET", "AGENTNET", "WORKFORCE", "Prompt", "-"}


CORRECTED = {"if-mad-is-the-answer", "agent4debate", "society-of-minds", "haris", "owl", "agentnet", "reagent",
             "macnet", "metagpt", "chatdev"} | (NOTED_THIS_ROUND & set(FACTS))


@pytest.mark.parametrize("entry_id", list(FACTS), ids=list(FACTS))
def test_notes_exactly_on_corrected_entries(entries: dict[str, dict], entry_id: str) -> None:
    """Corrected entries say what changed; entries with nothing wrong carry no notes."""
    assert bool(entries[entry_id].get("notes")) == (entry_id in CORRECTED)


def test_abstracts_carry_their_source(raw: list[dict]) -> None:
    """Every entry with an abstract says where the text came from; only Zochi has none."""
    assert [e["id"] for e in raw if "abstract" not in e] == ["zochi"]
    assert all(e.get("abstract_source") for e in raw if "abstract" in e)


def test_newest_first_debate_then_coordination(raw: list[dict]) -> None:
    """Entries are grouped debate then coordination, each newest first."""
    subcategories = [e["subcategory"] for e in raw]
    assert subcategories == sorted(subcategories, key=["debate", "coordination"].index)
    for sub in ("debate", "coordination"):
        dates = [e["date"] for e in raw if e["subcategory"] == sub]
        assert dates == sorted(dates, reverse=True), sub


def test_loader_reports_nothing_about_this_file(tmp_path: Path) -> None:
    """Loading a copy of data/ raises no problem located in this file or naming one of its ids."""
    shutil.copytree(DATA, tmp_path / "data")
    try:
        load_catalog(tmp_path / "data")
    except CatalogError as error:
        mine = [str(p) for p in error.problems if p.file.endswith(FILE.name) or p.entry in FACTS]
        assert mine == []
