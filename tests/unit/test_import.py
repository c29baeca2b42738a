"""The awesome-list importer: both seed formats, escapes, and every unreadable line reported."""
from __future__ import annotations

from pathlib import Path

import pytest
from catalog.importer import (
    INTERLEAVING_FORMAT,
    MULTIMODAL_FORMAT,
    detect_format,
    entry_id,
    read_awesome_list,
    read_bracket,
    read_interleaving_list,
    read_multimodal_list,
    unescape_markdown,
)
from catalog.load import build_taxonomy, load_taxonomy
from catalog.models import Taxonomy

from tests.fixtures.catalog_data import ARGUS_UNREAD, INTERLEAVING_SEED, MULTIMODAL_SEED, ROOT

INTERLEAVING_COUNTS = {
    "standard-reasoning": 5, "multimodal": 24, "multi-round-acting/search": 21, "multi-round-acting/code": 15,
    "multi-round-acting/ui": 13, "multi-round-acting/complex-acting": 8, "multi-agent/debate": 8,
    "multi-agent/coordination": 14, "unified-generation/generation": 9,
}
MULTIMODAL_COUNTS = {
    "Surveys": 1, "Visual Understanding": 27, "Visual Reasoning": 20, "Robotics/Spatial": 8, "Medical": 8, "Audio": 3,
    "Generation": 4, "Benchmarks": 4, "Datasets": 2, "Infra": 5, "Related Collections": 6,
}
UNMAPPED_SECTIONS = {"Benchmarks", "Datasets", "Infra", "Related Collections"}
NO_PAPER = "no paper link (only code, data or other links)"


@pytest.fixture(name="taxonomy", scope="module")
def fixture_taxonomy() -> Taxonomy:
    """The real taxonomy."""
    raw, problems = load_taxonomy(ROOT / "data")
    assert problems == []
    return build_taxonomy(raw)


def bullet_lines(path: Path, marker: str) -> int:
    """How many lines of a seed start with the bullet marker."""
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(marker))


# Seed 000: the Awesome Interleaving Reasoning list


def test_interleaving_seed_counts_every_bullet(taxonomy):
    """All 117 bullets of seed 000 become entries, ARGUS's (whose project link is broken) too."""
    result = read_awesome_list(INTERLEAVING_SEED.read_text(encoding="utf-8"), taxonomy)
    assert result.format == INTERLEAVING_FORMAT
    assert result.counts == INTERLEAVING_COUNTS
    assert bullet_lines(INTERLEAVING_SEED, "* [") == 117 == len(result.entries)
    assert result.problems == []


def test_interleaving_seed_imports_argus_and_reports_its_broken_link(taxonomy):
    """The ARGUS bullet is imported with all it can be read for (paper link, title, short name, date, method);
    its unclosed project link is reported with the line number, the entry and the text."""
    result = read_interleaving_list(INTERLEAVING_SEED.read_text(encoding="utf-8"), taxonomy)
    assert result.unread_parts == [ARGUS_UNREAD]
    argus = next(e for e in result.entries if e["id"] == "argus")
    assert argus == {"id": "argus", "short_name": "ARGUS",
                     "title": "ARGUS: Vision-Centric Reasoning with Grounded Chain-of-Thought",
                     "category": "multimodal", "date": "2025-05", "arxiv": "2505.23766", "methods": ["sft"],
                     "links": {"paper": "https://arxiv.org/abs/2505.23766"}}


def test_interleaving_seed_entry_fields(taxonomy):
    """A bullet with methods, date code, short name, title link and four link kinds becomes a full entry."""
    result = read_interleaving_list(INTERLEAVING_SEED.read_text(encoding="utf-8"), taxonomy)
    cof = next(e for e in result.entries if e["id"] == "cof")
    assert cof == {
        "id": "cof", "short_name": "CoF",
        "title": "Chain-of-Focus: Adaptive Visual Search and Zooming for Multimodal Reasoning via RL",
        "category": "multimodal", "date": "2025-05", "arxiv": "2505.15436", "methods": ["sft", "rl"],
        "links": {"paper": "https://arxiv.org/abs/2505.15436", "project": "https://cof-reasoning.github.io/",
                  "code": "https://github.com/xtong-zhang/Chain-of-Focus",
                  "models": "https://huggingface.co/collections/laolao77/visual-arft-682c601d0e35ac6470adfe9f",
                  "datasets": "https://huggingface.co/datasets/laolao77/MAT"}}


def test_interleaving_seed_repairs_mojibake_and_escapes(taxonomy):
    """Mojibake is repaired (’ in v1's title) and markdown escapes undone ('V\\*' -> 'V*')."""
    entries = {e["id"]: e for e in read_interleaving_list(INTERLEAVING_SEED.read_text(encoding="utf-8"), taxonomy).entries}
    assert entries["v1"]["title"].startswith("Don’t Look Only Once")
    assert entries["v-star"]["short_name"] == "V*"
    assert entries["v-star"]["title"] == "V*: Guided Visual Search as a Core Mechanism in Multimodal LLMs"


def test_interleaving_seed_keeps_the_sources_date_claim(taxonomy):
    """When the date code disagrees with the arXiv id, the source's code is kept (the checks flag it)."""
    entries = {e["id"]: e for e in read_interleaving_list(INTERLEAVING_SEED.read_text(encoding="utf-8"), taxonomy).entries}
    assert (entries["torl"]["arxiv"], entries["torl"]["date"]) == ("2409.07429", "2025-03")


def test_interleaving_unknown_subheading_is_reported_with_its_bullets(taxonomy):
    """A subheading the taxonomy lacks is a problem, and so is each bullet under it — nothing vanishes."""
    text = ("### Multi-Agent Interleaving Reasoning\n#### Gossip\n"
            "* [**RL**] [2505] [X] [X: a title](https://arxiv.org/abs/2505.00001)\n")
    result = read_interleaving_list(text, taxonomy)
    assert result.entries == []
    assert result.problems == [
        "line 2: heading 'Gossip' is not a subcategory of multi-agent: #### Gossip",
        "line 3: under the unknown heading at line 2: * [**RL**] [2505] [X] [X: a title](https://arxiv.org/abs/2505.00001)"]


def test_interleaving_bullet_outside_sections_is_reported(taxonomy):
    """A bullet before any catalog heading is reported, not skipped."""
    result = read_interleaving_list("## Awesome Datasets\n* [D] [A data set](https://example.org/d)\n", taxonomy)
    assert result.problems == ["line 2: outside the catalog sections: * [D] [A data set](https://example.org/d)"]


@pytest.mark.parametrize(("bullet", "reason"), [
    ("* [**RL**] [2505] [X]", "no title link"),
    ("* [**RL**] [2505] [X] [X: a title](https://arxiv.org/abs/2505.00001", "unclosed '(' at column 35"),
    ("* [**RL**] stray [X](https://arxiv.org/abs/2505.00001)", "unexpected text at column 12"),
])
def test_interleaving_bullets_without_a_title_are_lost_and_reported(taxonomy, bullet, reason):
    """A bullet whose title link cannot be read is reported as 'line N: reason: text', and no entry is made."""
    result = read_interleaving_list(f"### Multimodal Interleaving Reasoning\n{bullet}\n", taxonomy)
    assert (result.entries, result.problems) == ([], [f"line 2: {reason}: {bullet}"])


@pytest.mark.parametrize(("bullet", "part"), [
    ("* [**Magic**] [2505] [X] [X](https://arxiv.org/abs/2505.00001)", "'Magic' is not a method (pretrain, sft, rl, prompt, position, survey)"),
    ("* [X] [X](https://arxiv.org/abs/2505.00001) [[🎵Song](https://example.org/s)]", "unknown link label '🎵Song'"),
    ("* [X] [X](https://arxiv.org/abs/2505.00001) stray", "unexpected text at column 45: stray"),
    ("* [X] [X](https://arxiv.org/abs/2505.00001) [[💻Code](https://github.com/x/y]",
     "broken link markdown [[💻Code](https://github.com/x/y]"),
    ("* [X] [X](https://arxiv.org/abs/2505.00001) [[💻Code](https://github.com/x/y)",
     "unclosed '[' at column 45: [[💻Code](https://github.com/x/y)"),
    ("* [X] [X](https://arxiv.org/abs/2505.00001) <!-- idd: x -->",
     "cannot read 'idd: x' in the trailing comment (expected id: ... or arxiv: ...)"),
])
def test_interleaving_unreadable_parts_are_reported_and_the_entry_kept(taxonomy, bullet, part):
    """A bullet with a readable title link is imported; each part that cannot be read is reported as
    'line N: entry <id>: not imported: reason and text'."""
    result = read_interleaving_list(f"### Multimodal Interleaving Reasoning\n{bullet}\n", taxonomy)
    assert result.problems == []
    assert [e["id"] for e in result.entries] == ["x"]
    assert result.unread_parts == [f"line 2: entry x: not imported: {part}"]


def test_interleaving_trailer_gives_id_arxiv_and_date(taxonomy):
    """The exporter's trailing comment sets the id, an arXiv id the link hides, and a pre-2000 date."""
    text = ("### Multimodal Interleaving Reasoning\n"
            "* [8603] [Old] [Old paper](https://example.org/old) <!-- id: old-one; arxiv: 2501.00001; date: 1986-03 -->\n")
    entry = read_interleaving_list(text, taxonomy).entries[0]
    assert (entry["id"], entry["arxiv"], entry["date"]) == ("old-one", "2501.00001", "1986-03")


# Seed 001: the awesome-deep-multimodal-reasoning list


def test_multimodal_seed_counts_every_bullet(taxonomy):
    """All 95 bullets of seed 001 are accounted for: 71 entries, 7 lines without a paper link, 17 unmapped."""
    result = read_awesome_list(MULTIMODAL_SEED.read_text(encoding="utf-8"), taxonomy)
    assert result.format == MULTIMODAL_FORMAT
    assert result.counts == MULTIMODAL_COUNTS
    assert {s for s, t in result.targets.items() if t == "unmapped"} == UNMAPPED_SECTIONS
    assert result.targets["Generation"] == "unified-generation/generation"
    assert (len(result.entries), len(result.problems), len(result.unmapped)) == (71, 7, 17)
    assert bullet_lines(MULTIMODAL_SEED, "- ") == 95 == len(result.entries) + len(result.problems) + len(result.unmapped)


def test_multimodal_seed_reports_lines_without_a_paper(taxonomy):
    """Bullets with only code or data links are reported by line, with the reason."""
    result = read_multimodal_list(MULTIMODAL_SEED.read_text(encoding="utf-8"), taxonomy)
    assert [p.split(": - ")[0] for p in result.problems] == [f"line {n}: {NO_PAPER}" for n in (49, 74, 77, 79, 80, 81, 93)]
    assert result.problems[-1] == (f"line 93: {NO_PAPER}: - MetaSpatial: Reinforcing 3D Spatial Reasoning in VLMs "
                                   "for the Metaverse [[code]](https://github.com/PzySeere/MetaSpatial)")


def test_multimodal_seed_reports_unmapped_sections(taxonomy):
    """Bullets of sections no category fits are listed, not written as entries."""
    result = read_multimodal_list(MULTIMODAL_SEED.read_text(encoding="utf-8"), taxonomy)
    assert result.unmapped[0] == (
        "line 123: section 'Benchmarks' fits no catalog category: - MDK12-Bench: A Multi-Discipline Benchmark for "
        "Evaluating Reasoning in Multimodal Large Language Models [[paper]](https://arxiv.org/abs/2504.05782) "
        "[[code]](https://github.com/LanceZPF/MDK12) [[Datasets]](https://github.com/LanceZPF/MDK12#-datasets) "
        "[[Leaderboard]](https://github.com/LanceZPF/MDK12#-leaderboard)")
    assert result.unmapped[-1] == ("line 148: section 'Related Collections' fits no catalog category: "
                                   "- [srush/awesome-o1](https://github.com/srush/awesome-o1)")


def test_multimodal_seed_entry_fields(taxonomy):
    """Tags become venue or notes, link kinds come from URL then label, the short name from 'Name: ...'."""
    entries = {e["id"]: e for e in read_multimodal_list(MULTIMODAL_SEED.read_text(encoding="utf-8"), taxonomy).entries}
    assert entries["seg-zero"] == {
        "id": "seg-zero", "short_name": "Seg-Zero",
        "title": "Seg-Zero: Reasoning-Chain Guided Segmentation via Cognitive Reinforcement",
        "category": "multimodal", "date": "2025-03", "arxiv": "2503.06520",
        "links": {"paper": "https://arxiv.org/abs/2503.06520", "code": "https://github.com/dvlab-research/Seg-Zero",
                  "datasets": "https://huggingface.co/datasets/Ricky06662/refCOCOg_2k_840"},
        "notes": ["Tagged Image in awesome-deep-multimodal-reasoning."]}
    clues = entries["following-clues-approaching-the-truth-explainable-micro"]
    assert (clues["venue"], clues["notes"], clues["links"]) == (
        "WWW2025", ["Tagged Video in awesome-deep-multimodal-reasoning."],
        {"paper": "https://openreview.net/forum?id=lq2jDWv3w0#discussion"})
    assert "date" not in clues  # no arXiv id: the curator must supply the month
    assert entries["integrating-chain-of-thought-for-multimodal-alignment-a"]["links"]["paper"] == \
        "https://arxiv.org/abs/2503.06232"  # labelled 'code' but an arXiv link
    assert entries["multimodal-chain-of-thought-reasoning-a-comprehensive-survey"]["methods"] == ["survey"]
    assert entries["got"]["subcategory"] == "generation"


def test_multimodal_unknown_section_is_reported(taxonomy):
    """A bullet under a section the mapping does not know is a problem."""
    text = "#### Visual Reasoning\n### Robotics\n- X: y [[paper]](https://arxiv.org/abs/2501.00001)\n"
    assert read_multimodal_list(text, taxonomy).problems == [
        "line 3: section 'Robotics' is not one the importer maps: - X: y [[paper]](https://arxiv.org/abs/2501.00001)"]


def test_multimodal_unknown_link_kind_is_reported(taxonomy):
    """A link whose URL and label say nothing about its kind is reported; the entry is kept without it."""
    text = "#### Visual Reasoning\n- X: y [[paper]](https://arxiv.org/abs/2501.00001) [[Slides]](https://example.org/s)\n"
    result = read_multimodal_list(text, taxonomy)
    assert result.unread_parts == [
        "line 2: entry x: not imported: cannot tell what kind of link [Slides](https://example.org/s) is"]
    assert result.entries[0]["links"] == {"paper": "https://arxiv.org/abs/2501.00001"}


def test_multimodal_broken_link_is_reported_and_the_entry_kept(taxonomy):
    """Seed 001's format with a broken code link: the entry is imported from its paper link and title, the link
    reported with its line and text; with its paper link broken the entry is lost and reported."""
    broken_code = "- X: y [[paper]](https://arxiv.org/abs/2501.00001) [[code](https://github.com/x/y]\n"
    result = read_multimodal_list("#### Visual Reasoning\n" + broken_code, taxonomy)
    assert result.problems == []
    assert result.unread_parts == ["line 2: entry x: not imported: broken link markdown [[code](https://github.com/x/y]"]
    broken_paper = "- X: y [[paper]](https://arxiv.org/abs/2501.00001 [[code]](https://github.com/x/y)"
    result = read_multimodal_list("#### Visual Reasoning\n" + broken_paper + "\n", taxonomy)
    assert (result.entries, result.problems) == ([], [(f"line 2: no paper link (only code, data or other links): "
                                                      f"{broken_paper}")])


# Helpers


def test_detect_format_rejects_other_lists():
    """A README in neither format is refused with a message naming both."""
    with pytest.raises(ValueError, match="neither the Awesome Interleaving Reasoning nor the "
                                         "awesome-deep-multimodal-reasoning format"):
        detect_format("# My list\n\n- [x](https://example.org)\n")


def test_unescape_markdown_only_undoes_punctuation_escapes():
    r"""'\*' -> '*' and '\\' -> '\', but a backslash before a letter or digit stays ('R\3')."""
    assert unescape_markdown(r"V\* \[a\] \\ R\3 \<b>") == r"V* [a] \ R\3 <b>"


def test_read_bracket_skips_escaped_brackets():
    r"""An escaped bracket neither opens nor closes a group."""
    assert read_bracket(r"[a \] b \[ c] rest", 0) == (r"a \] b \[ c", 13)
    with pytest.raises(ValueError, match="unclosed '\\(' at column 1"):
        read_bracket("(https://x", 0, "(", ")")


def test_entry_id_is_cut_at_a_hyphen():
    """Ids are slugs of at most 60 characters, cut at a word boundary; no ASCII at all is an error."""
    long_title = "Visual Thoughts: A Unified Perspective of Understanding Multimodal Chain-of-Thought"
    assert entry_id(long_title) == "visual-thoughts-a-unified-perspective-of-understanding"
    assert entry_id("R1-Searcher++") == "r1-searcher-plus-plus"
    with pytest.raises(ValueError, match="cannot make an id from '思考'"):
        entry_id("思考")
