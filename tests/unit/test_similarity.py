"""The similarity model on made-up papers: stems, signatures, nearest papers across categories, shared words."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from catalog.models import Catalog, Links, Paper
from catalog.render.paper import render_related
from catalog.similarity import Document, SimilarityModel, related_papers, stem

FILLER = ["debate among several agents reaching consensus by voting", "agents browse the web and search pages",
          "a policy writes python code and reads the interpreter output", "drawing sketches while solving geometry",
          "a survey of agents memory and planning", "speech audio reasoning with spoken answers"]


def made_up_paper(paper_id: str, text: str, category: str, subcategory: str = "") -> Paper:
    """A paper whose title is its id and whose abstract is text."""
    return Paper(id=paper_id, title=paper_id.title(), date="2025-05", links=Links(paper=("https://arxiv.org/abs/1",)),
                 category=category, subcategory=subcategory, abstract=text)


@pytest.fixture(name="made_up")
def fixture_made_up(catalog: Catalog) -> Catalog:
    """A zooming paper whose nearest paper is in another category; the rest of its own category is unlike it."""
    papers = [made_up_paper("zoomer", "The model keeps zooming into image regions and cropping them for grounding "
                                      "small objects.", "multimodal"),
              made_up_paper("cropper", "An agent zooms and crops the screenshot, grounding each click on small "
                                       "regions.", "multi-round-acting", "ui"),
              made_up_paper("looker", "Visual chain of thought over charts with one glance at the image.",
                            "multimodal")]
    papers += [made_up_paper(f"filler{i}", text, "multi-agent", "debate") for i, text in enumerate(FILLER)]
    return Catalog(taxonomy=catalog.taxonomy, papers=tuple(papers))


@pytest.mark.parametrize(("word", "expected"), [
    ("zooming", "zoom"), ("zoomed", "zoom"), ("zooms", "zoom"), ("cropping", "crop"), ("crops", "crop"),
    ("strategies", "strategy"), ("processes", "process"), ("process", "process"), ("spelling", "spell"),
    ("thing", "thing"), ("speed", "speed"), ("focus", "focus"), ("analysis", "analysis")])
def test_stem(word: str, expected: str) -> None:
    """Plurals, -ing and -ed come off; short words, -ss, -us, -is and -eed stay."""
    assert stem(word) == expected


def test_nearest_paper_in_another_category_is_shown(made_up: Catalog) -> None:
    """The zooming paper's nearest is the UI agent that zooms (another category), sharing zoom, crop, grounding,
    though a paper of its own category is there to take the agreement bonus."""
    related = related_papers(made_up, 5)["zoomer"]
    assert related[0].paper_id == "cropper"
    assert set(related[0].shared) >= {"zooming", "grounding", "regions"}
    html = BeautifulSoup(render_related(related, made_up), "html.parser")
    first = html.select_one(".air-related li")
    assert first.select_one("a")["href"] == "../cropper/"
    assert first.select_one(".air-related-category").get_text() == "· Multi-Round Acting"
    assert first.select_one(".air-related-shared").get_text().startswith("shares: ")


def test_shared_words_are_readable_words_not_stems(made_up: Catalog) -> None:
    """A shared term is shown as the page's paper writes it, never as the stem: the zooming paper says 'zooming'
    and 'cropping', the UI agent 'zooms' and 'crops'."""
    related = related_papers(made_up, 1)
    assert {"zooming", "cropping"} <= set(related["zoomer"][0].shared)
    assert {"zooms", "crops"} <= set(related["cropper"][0].shared)
    assert not {"zoom", "crop"} & set(related["zoomer"][0].shared + related["cropper"][0].shared)


def test_stop_words_and_one_paper_words_are_not_terms() -> None:
    """'the', 'propose' and words only one document has make no pair, so they are no terms."""
    model = SimilarityModel([Document("a", "We propose the zooming agent", "uniqueword"),
                             Document("b", "We propose the zooming robot")])
    assert set(model.idf) == {"zoom"}


def test_a_new_paper_finds_its_nearest(made_up: Catalog) -> None:
    """A document from outside the model finds the model's papers by content, with the words shared."""
    model = SimilarityModel.of_catalog(made_up)
    found = model.nearest_to(Document("new", "Zoom into image regions", "crop for grounding"), 2)
    assert [model.documents[n.index].id for n in found] == ["zoomer", "cropper"]
    assert {"zoom", "crop"} <= set(found[0].shared)  # as the new paper writes them
    assert found[0].score > found[1].score > 0
