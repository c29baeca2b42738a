"""The papers in Material's search index (search/search_index.json): one document holding a compact record a paper.

Paper pages are excluded from Material's own indexing (their metadata says so): parsing ten
thousand pages of chrome is slow and makes an index too large to load quickly. Instead the index
gets one more document, whose `papers` holds the categories' ids and a record per paper built from
the data: [id, page title (short name and title), facts (date, venue, category, methods, arXiv id,
data sets), abstract, category (its index in the list), short name, arXiv id, authors' names], the
texts as escaped HTML. The site's search worker (overrides/assets/air/search-worker.js) makes each
record a document of its own (its page's location; as text the first authors and the facts, then
the abstract; as the words that name it the short name, arXiv id and every author) and answers for
the papers itself; it leaves the rest to Material's lunr index, whose build time grows with every
document. Records, not one document a paper, because at 10,000 papers the field names, locations
and the authors shown twice were a sixth of the index.

Abstracts dominate the index, so they share a fixed budget of characters. While every abstract
fits its share, abstracts are indexed whole; beyond that (thousands of papers) an abstract is
reduced to its rarest words across the catalog — the words that tell one paper from another —
in their original order, leaving out words that a large share of abstracts use.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .models import Catalog, Paper
from .render.extras import dataset_name
from .render.html import esc
from .render.paper import PAPERS_DIR, page_title

INDEX_FILE = "search/search_index.json"
ABSTRACT_BUDGET = 1_000_000  # characters of abstract text in the whole index
COMMON_SHARE = 0.05  # in a reduced abstract, no word that more than this share of abstracts use
WORD_EDGES = ".,;:!?()[]{}\"'“”‘’"


def word_key(word: str) -> str:
    """How words are compared: without surrounding punctuation, case-folded."""
    return word.strip(WORD_EDGES).casefold()


def abstract_digest(paper: Paper, budget: int, frequency: Counter, common: int) -> str:
    """The abstract if it fits `budget` characters, else its rarest words in their original order,
    as many as fit: none in the title, none used by more than `common` abstracts."""
    words = paper.abstract.split()
    text = " ".join(words)
    if len(text) <= budget:
        return text
    skip = {word_key(w) for w in page_title(paper).split()}
    first: dict[str, int] = {}
    for i, word in enumerate(words):
        key = word_key(word)
        if key and key not in skip and frequency[key] <= common:
            first.setdefault(key, i)
    kept, used = [], 0
    for key in sorted(first, key=lambda k: (frequency[k], first[k])):
        if used + len(key) + 1 > budget:
            break
        kept.append(first[key])
        used += len(key) + 1
    return " ".join(words[i].strip(WORD_EDGES) for i in sorted(kept))


def abstract_digests(catalog: Catalog, budget: int = ABSTRACT_BUDGET) -> dict[str, str]:
    """Each paper's abstract as indexed, within the catalog's share of `budget`."""
    papers = [p for p in catalog.papers if p.abstract]
    if not papers:
        return {}
    share, common = budget // len(papers), max(1, int(COMMON_SHARE * len(papers)))
    if all(len(p.abstract) <= share for p in papers):  # all whole: no need to count words
        return {p.id: " ".join(p.abstract.split()) for p in papers}
    frequency = Counter(key for p in papers for key in {word_key(w) for w in p.abstract.split()})
    return {p.id: abstract_digest(p, share, frequency, common) for p in papers}


def facts_text(paper: Paper, catalog: Catalog) -> str:
    """'2025-05 · NeurIPS 2025 · Multi-Round Acting › Search · SFT RL · arXiv 2505.14362 · data sets:
    ChenShawn/DeepEyes-Datasets-47k' (the search worker puts the first authors before it)."""
    category = catalog.taxonomy.category(paper.category)
    sub = category.subcategory(paper.subcategory) if paper.subcategory else None
    parts = [paper.date, paper.venue.name if paper.venue else "", category.short_title + (f" › {sub.title}" if sub else ""),
             " ".join(catalog.taxonomy.method(m).label for m in paper.methods),
             f"arXiv {paper.arxiv}" if paper.arxiv else "",
             "data sets: " + ", ".join(map(dataset_name, paper.links.datasets)) if paper.links.datasets else ""]
    return " · ".join(part for part in parts if part)


def papers_entry(catalog: Catalog) -> dict:
    """The index's document of the papers (a Material document by its shape, never given to Material's worker)."""
    digests = abstract_digests(catalog)
    categories = [c.id for c in catalog.taxonomy.categories]
    records = [[paper.id, esc(page_title(paper)), esc(facts_text(paper, catalog)), esc(digests.get(paper.id, "")),
                categories.index(paper.category), esc(paper.short_name), esc(paper.arxiv),
                [esc(a.name) for a in paper.authors]]
               for paper in catalog.papers]
    return {"location": PAPERS_DIR + "/", "title": "", "text": "", "papers": {"categories": categories, "records": records}}


def add_paper_entries(site_dir: Path, catalog: Catalog) -> None:
    """Append the papers' document to the index Material wrote into site_dir."""
    path = site_dir / INDEX_FILE
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"].append(papers_entry(catalog))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
