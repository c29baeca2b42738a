"""A page per paper, generated from the data: facts, links, abstract, notes, citation, related papers (by content,
see `similarity`).

Here is what a paper page says: its body, title, description and <head> tags, rendered and escaped, so
neither Markdown nor Jinja ever parses catalog text. `catalog.paper_pages` puts them into the theme's page.
Search gets each paper as one compact record from `search_index`, not from parsing the page.
"""
from __future__ import annotations

import re

from ..cite.export import CITE_FORMATS
from ..cite.highwire import highwire_tags
from ..cite.model import citation_of
from ..models import Catalog, Paper
from ..similarity import RelatedPaper
from .authors import render_byline
from .definitions import boundary_between
from .html import LINK_LABELS, esc, render_method_badges, url_host

PAPERS_DIR = "papers"
BASE = "../../"  # from papers/<id>/ to the site root
RELATED_COUNT = 5
DESCRIPTION_TARGET = 120  # characters: add sentences until the description is at least this long
DESCRIPTION_LIMIT = 300
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


# Text


def page_title(paper: Paper) -> str:
    """The paper's title, led by its short name when the title does not already start with it."""
    if not paper.short_name or paper.title.casefold().startswith(paper.short_name.casefold()):
        return paper.title
    return f"{paper.short_name} — {paper.title}"


def description(paper: Paper) -> str:
    """First sentence(s) of the abstract (about 120–300 characters), else the title."""
    if not paper.abstract:
        return paper.title
    text = ""
    for sentence in SENTENCE_END.split(" ".join(paper.abstract.split())):
        text = f"{text} {sentence}".strip()
        if len(text) >= DESCRIPTION_TARGET:
            break
    if len(text) <= DESCRIPTION_LIMIT:
        return text
    return text[:DESCRIPTION_LIMIT].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# HTML


def render_fact(label: str, value_html: str) -> str:
    """One label/value pair of the facts list."""
    return f"<dt>{label}</dt><dd>{value_html}</dd>"


def render_place(paper: Paper, catalog: Catalog) -> str:
    """'Multi-Round Acting › Search', linked to the paper's row on its category page."""
    category = catalog.taxonomy.category(paper.category)
    sub = category.subcategory(paper.subcategory) if paper.subcategory else None
    text = esc(category.short_title) + (f" › {esc(sub.title)}" if sub else "")
    return f'<a href="{BASE}{esc(category.url)}#{esc(paper.id)}">{text}</a>'


def render_facts(paper: Paper, catalog: Catalog) -> str:
    """Short name, date, venue, category, methods and arXiv id as a definition list."""
    facts = []
    if paper.short_name:
        facts.append(render_fact("Short name", f'<strong>{esc(paper.short_name)}</strong>'))
    facts.append(render_fact("Date", f'<time datetime="{esc(paper.date)}">{esc(paper.date)}</time>'))
    if paper.venue:
        facts.append(render_fact("Venue", f'{esc(paper.venue.name)} <span class="air-muted">'
                                          f'({esc(paper.venue.full_name)})</span>'))
    facts.append(render_fact("Category", render_place(paper, catalog)))
    if paper.secondary_category:
        other = catalog.taxonomy.category(paper.secondary_category)
        rule = boundary_between(catalog, paper.category, paper.secondary_category)
        href = f"{BASE}definitions/#{rule[1].id}" if rule else f"{BASE}{other.url}"
        label = f" (rule {rule[0]})" if rule else ""
        facts.append(render_fact("Borders on", f'<a href="{esc(href)}">{esc(other.short_title)}{label}</a>'))
    if paper.methods:
        facts.append(render_fact("Methods", render_method_badges(paper, catalog.taxonomy)))
    if paper.arxiv:
        facts.append(render_fact("arXiv", f'<a href="https://arxiv.org/abs/{esc(paper.arxiv)}">{esc(paper.arxiv)}</a>'))
    return f'<dl class="air-facts">{"".join(facts)}</dl>'


def render_link_list(paper: Paper) -> str:
    """Every link with its kind spelled out ('Code github.com'); the icon is catalog.css's `air-link--<kind>`."""
    items = []
    for kind, urls in paper.links.items():
        for i, url in enumerate(urls):
            label = LINK_LABELS[kind] + (f" {i + 1}" if len(urls) > 1 else "")
            items.append(f'<li><a class="air-link air-link--{kind}" href="{esc(url)}" rel="noopener">'
                         f'<span class="air-link-kind">{label}</span> {esc(url_host(url))}</a></li>')
    return f'<ul class="air-paper-links">{"".join(items)}</ul>'


def render_source(source: str) -> str:
    """Where the abstract was taken from: a link when it is a URL, else the text."""
    if source.startswith(("http://", "https://")):
        return f'<a href="{esc(source)}" rel="noopener">{esc(url_host(source))}</a>'
    return esc(source)


def render_abstract(paper: Paper) -> str:
    """The abstract in paragraphs, with its source; or a note that there is none yet."""
    if not paper.abstract:
        return '<p class="air-muted">No abstract in the catalog yet; the paper itself is linked above.</p>'
    parts = [" ".join(part.split()) for part in paper.abstract.split("\n\n")]
    paragraphs = "".join(f"<p>{esc(part)}</p>" for part in parts if part)
    source = (f'<p class="air-source air-muted">Source: {render_source(paper.abstract_source)}</p>'
              if paper.abstract_source else "")
    return f'<blockquote class="air-abstract">{paragraphs}</blockquote>{source}'


def render_notes(paper: Paper) -> str:
    """Curation notes: what was corrected against the source."""
    if not paper.notes:
        return ""
    notes = "".join(f"<li>{esc(note)}</li>" for note in paper.notes)
    return f'<h2>Curation notes</h2><ul class="air-notes">{notes}</ul>'


def render_related(related: tuple[RelatedPaper, ...], catalog: Catalog) -> str:
    """The papers nearest in content, each linked, with its category and the words the two share."""
    if not related:
        return ""
    items = []
    for r in related:
        paper = catalog.paper(r.paper_id)
        category = catalog.taxonomy.category(paper.category)
        shared = f' <span class="air-related-shared">shares: {esc(", ".join(r.shared))}</span>' if r.shared else ""
        items.append(f'<li><a href="../{esc(paper.id)}/">{esc(page_title(paper))}</a> '
                     f'<span class="air-muted air-related-category">· {esc(category.short_title)}</span>{shared}</li>')
    return f'<h2>Related papers</h2><ul class="air-related">{"".join(items)}</ul>'


def render_cite(paper: Paper, bibtex: str) -> str:
    """The BibTeX entry to copy (the text of the paper's cite.bib), and the paper's citation files (beside the
    page) to download; cite.js adds the citation basket after the files' list (data-paper names the paper)."""
    files = "".join(f'<li><a href="{f.paper_file}" download="{esc(paper.id)}{f.paper_file.removeprefix("cite")}">'
                    f'{f.name}</a> <span class="air-muted">({f.paper_file})</span></li>' for f in CITE_FORMATS)
    return (f'<h2>Cite</h2><pre><code class="language-bibtex">{esc(bibtex)}</code></pre>'
            f'<ul class="air-cite-files" aria-label="Citation files" data-paper="{esc(paper.id)}">{files}</ul>')


def render_paper_page(paper: Paper, catalog: Catalog, related: tuple[RelatedPaper, ...], bibtex: str) -> str:
    """The whole body of a paper page; `bibtex` is the text of its cite.bib."""
    return (f'<div class="air-paper"><h1 id="{esc(paper.id)}">{esc(page_title(paper))}</h1>'
            f'{render_byline(paper, BASE)}{render_facts(paper, catalog)}{render_link_list(paper)}<h2>Abstract</h2>{render_abstract(paper)}'
            f'{render_notes(paper)}{render_cite(paper, bibtex)}{render_related(related, catalog)}</div>')


# The page around the body


def render_head_tags(paper: Paper, page_url: str) -> str:
    """The <meta> tags overrides/main.html puts in the page's <head>, escaped: Highwire Press tags for reference
    managers and Google Scholar; OpenGraph tags and a Twitter card for link previews (the card takes its title,
    description and URL from the OpenGraph tags). Material adds the canonical link."""
    named = [*highwire_tags(citation_of(paper), page_url), ("twitter:card", "summary")]
    properties = [("og:type", "article"), ("og:title", page_title(paper)), ("og:description", description(paper)),
                  ("og:url", page_url)]
    return ("".join(f'<meta name="{esc(name)}" content="{esc(content)}">' for name, content in named)
            + "".join(f'<meta property="{esc(name)}" content="{esc(content)}">' for name, content in properties))
