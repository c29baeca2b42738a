"""Authors: the names under each title, and the author index (/authors/), A–Z by family name.

The index is one page whose entries are anchors (`/authors/#<slug>`), not a page per author: a
catalog of 10,000 papers has tens of thousands of authors, and a page each would more than double
the build (the benchmark's budget is one page per paper). Each entry lists the author's papers,
newest first, with their category. A slug is the author's name as a lowercase ASCII slug, so it
stays the same as long as the name is spelled the same.

The catalog cannot tell apart two people who write their names the same way: they share one
entry, and the page says so. Spellings that differ only in accents or case ("Müller", "Muller")
share a slug and so an entry too, which lists every spelling.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .models import Author, Catalog, Paper
from .render_html import esc
from .text import fold_for_search, slugify_id

AUTHORS_PAGE = "authors/"
SHOWN_IN_TABLES = 3  # names before "+ N more"


@dataclass(frozen=True)
class AuthorEntry:
    """One entry of the index: the name as most papers spell it, the other spellings, their papers."""

    slug: str
    name: str
    spellings: tuple[str, ...]
    organisation: bool
    papers: tuple[Paper, ...]  # newest first, as the catalog is sorted

    @property
    def sort_key(self) -> tuple[str, str]:
        """A–Z by family name, then given names, ignoring case and accents."""
        author = Author(self.name, self.organisation)
        return fold_for_search(author.family), fold_for_search(author.given)


def author_slug(author: Author) -> str:
    """The anchor of an author's entry: 'Ziwei Zheng' -> 'ziwei-zheng' (a name with no ASCII letter
    keeps its characters, lowercased, so that it still has an anchor of its own)."""
    return slugify_id(author.name) or "-".join(author.name.casefold().split())


def author_index(catalog: Catalog) -> list[AuthorEntry]:
    """Every author of the catalog's papers, A–Z by family name."""
    papers: dict[str, list[Paper]] = {}
    spellings: dict[str, Counter] = {}
    organisations: set[str] = set()
    for paper in catalog.papers:
        for author in paper.authors:
            slug = author_slug(author)
            listed = papers.setdefault(slug, [])
            if not listed or listed[-1] is not paper:  # a name two authors of one paper share counts once
                listed.append(paper)
            spellings.setdefault(slug, Counter())[author.name] += 1
            if author.organisation:
                organisations.add(slug)
    entries = []
    for slug, counts in spellings.items():
        names = tuple(name for name, _ in counts.most_common())
        entries.append(AuthorEntry(slug, names[0], names, slug in organisations, tuple(papers[slug])))
    return sorted(entries, key=lambda e: (e.sort_key, e.slug))


def author_href(author: Author, base: str) -> str:
    """Link from a page at depth `base` to the author's entry in the index."""
    return f"{base}{AUTHORS_PAGE}#{author_slug(author)}"


def render_author_link(author: Author, base: str) -> str:
    return f'<a class="air-author" href="{esc(author_href(author, base))}">{esc(author.name)}</a>'


def render_author_names(paper: Paper, base: str, shown: int = SHOWN_IN_TABLES) -> str:
    """The authors under a title in a table: the first `shown`, then '+ N more', which opens to the
    rest without JavaScript (a <details>); '… and others' when the source lists only some."""
    if not paper.authors:
        return ""
    links = [render_author_link(a, base) for a in paper.authors]
    others = ', <span class="air-muted">and others</span>' if not paper.authors_complete else ""
    if len(links) <= shown + 1:  # '+ 1 more' would take the room of the name itself
        return f'<p class="air-authors">{", ".join(links)}{others}</p>'
    rest = len(links) - shown
    return (f'<p class="air-authors">{", ".join(links[:shown])}<details class="air-more-authors"><summary>'
            f'+ {rest} more<span class="air-sr"> authors of {esc(paper.name)}</span></summary>, '
            f'{", ".join(links[shown:])}{others}</details></p>')


def render_byline(paper: Paper, base: str) -> str:
    """The paper page's author line: every name linked to its index entry, and where the list was read."""
    if not paper.authors:
        return ""
    names = ", ".join(render_author_link(a, base) for a in paper.authors)
    others = ", and others" if not paper.authors_complete else ""
    source = f'<span class="air-source air-muted">Authors as listed by {esc(paper.authors_source)}</span>'
    return f'<p class="air-byline">{names}{others}</p><p class="air-byline-source">{source}</p>'


def render_author_entry(entry: AuthorEntry, catalog: Catalog, base: str) -> str:
    """One author: name, paper count, and each paper (date, title link, category)."""
    items = []
    for paper in entry.papers:
        category = catalog.taxonomy.category(paper.category)
        items.append(f'<li><time datetime="{esc(paper.date)}">{esc(paper.date)}</time> '
                     f'<a href="{esc(base + paper.url)}">{esc(paper.name)}</a>'
                     f'{f" — {esc(paper.title)}" if paper.short_name else ""} '
                     f'<span class="air-muted">({esc(category.short_title)})</span></li>')
    also = [s for s in entry.spellings if s != entry.name]
    spelled = f' <span class="air-muted">(also written {esc(", ".join(also))})</span>' if also else ""
    shared = [p for p in entry.papers if set(entry.spellings) & set(p.shared_author_names)]
    if shared:
        spelled += (f' <span class="air-note">Two different authors of {esc(", ".join(p.name for p in shared))} '
                    f'write their name this way; this entry stands for both.</span>')
    count = f'{len(entry.papers)} paper{"" if len(entry.papers) == 1 else "s"}'
    return (f'<li class="air-author-entry" id="{esc(entry.slug)}" data-name="{esc(fold_for_search(" ".join(entry.spellings)))}">'
            f'<p><strong>{esc(entry.name)}</strong>{spelled} <span class="air-author-count">{count}</span></p>'
            f'<ul>{"".join(items)}</ul></li>')


def render_author_index(catalog: Catalog, base: str) -> str:
    """The /authors/ page body: a filter box and every author A–Z, grouped by the family name's first letter."""
    entries = author_index(catalog)
    groups: dict[str, list[AuthorEntry]] = {}
    for entry in entries:
        letter = entry.sort_key[0][:1].upper()
        groups.setdefault(letter if letter.isalpha() and letter.isascii() else "#", []).append(entry)
    letters = "".join(f'<a href="#letter-{esc(letter.lower())}">{esc(letter)}</a>' for letter in groups)
    sections = "".join(
        f'<section class="air-author-group" data-letter="{esc(letter)}"><h2 id="letter-{esc(letter.lower())}">'
        f'{esc(letter)}</h2><ul class="air-author-list">'
        f'{"".join(render_author_entry(e, catalog, base) for e in group)}</ul></section>'
        for letter, group in groups.items())
    return (f'<form class="air-author-filter" role="search" hidden><label for="air-author-find">Filter authors</label> '
            f'<input type="search" id="air-author-find" autocomplete="off" placeholder="a name, e.g. Zhang"> '
            f'<output class="air-author-total" for="air-author-find" aria-live="polite">{len(entries)} authors</output>'
            f'</form><nav class="air-letters" aria-label="Family names by first letter">{letters}</nav>{sections}')
