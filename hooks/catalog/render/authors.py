"""Authors: the names under each title, and the author index (/authors/), A–Z by family name.

The index is one page whose entries are anchors (`/authors/#<slug>`), not a page per author: a
catalog of 10,000 papers has tens of thousands of authors, and a page each would more than double
the build (the benchmark's budget is one page per paper). Each entry lists the author's papers,
newest first, with their category. A slug is the author's name as a lowercase ASCII slug, so it
stays the same as long as the name is spelled the same.

Up to INLINE_AUTHOR_LIMIT authors every entry is HTML, which is also the page without JavaScript.
Beyond that the entries as HTML would weigh tens of megabytes, so the page carries the first
WINDOW_AUTHORS of them and a compact JSON island of all (papers once, authors as indexes into
them), from which filter.js draws the entries a filter or an anchor asks for, a window at a time.

The catalog cannot tell apart two people who write their names the same way: they share one
entry, and the page says so. Spellings that differ only in accents or case ("Müller", "Muller")
share a slug and so an entry too, which lists every spelling.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property

from ..models import Author, Catalog, Paper
from ..text import fold_for_search, slugify_id
from .html import esc, json_for_script

AUTHORS_PAGE = "authors/"
SHOWN_IN_TABLES = 3  # names before "+ N more"
INLINE_AUTHOR_LIMIT = 3000
WINDOW_AUTHORS = 200


@dataclass(frozen=True)
class AuthorEntry:
    """One entry of the index: the name as most papers spell it, the other spellings, their papers."""

    slug: str
    name: str
    spellings: tuple[str, ...]
    organisation: bool
    papers: tuple[Paper, ...]  # newest first, as the catalog is sorted

    @cached_property  # read by the sort, the letter groups and the island: folded once
    def sort_key(self) -> tuple[str, str]:
        """A–Z by family name, then given names, ignoring case and accents."""
        author = Author(self.name, self.organisation)
        return fold_for_search(author.family), fold_for_search(author.given)


@cache  # an author has a row link per paper: at 10,000 papers, 90,000 slugs of 30,000 names
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
    rest without JavaScript (a <details>, so the names sit in a <div>: a <p> cannot hold one); '… and others'
    when the source lists only some."""
    if not paper.authors:
        return ""
    links = [render_author_link(a, base) for a in paper.authors]
    others = ', <span class="air-muted">and others</span>' if not paper.authors_complete else ""
    if len(links) <= shown + 1:  # '+ 1 more' would take the room of the name itself
        return f'<div class="air-authors">{", ".join(links)}{others}</div>'
    rest = len(links) - shown
    return (f'<div class="air-authors">{", ".join(links[:shown])}<details class="air-more-authors"><summary>'
            f'+ {rest} more<span class="air-sr"> authors of {esc(paper.name)}</span></summary>, '
            f'{", ".join(links[shown:])}{others}</details></div>')


def render_byline(paper: Paper, base: str) -> str:
    """The paper page's author line: every name linked to its index entry, and where the list was read."""
    if not paper.authors:
        return ""
    names = ", ".join(render_author_link(a, base) for a in paper.authors)
    others = ", and others" if not paper.authors_complete else ""
    source = f'<p class="air-byline-source air-muted">Authors as listed by {esc(paper.authors_source)}</p>'
    return f'<p class="air-byline">{names}{others}</p>{source}'


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
    note = shared_note(entry)
    spelled += f' <span class="air-note">{esc(note)}</span>' if note else ""
    count = f'{len(entry.papers)} paper{"" if len(entry.papers) == 1 else "s"}'
    return (f'<li class="air-author-entry" id="{esc(entry.slug)}" data-name="{esc(fold_for_search(" ".join(entry.spellings)))}">'
            f'<p><strong>{esc(entry.name)}</strong>{spelled} <span class="air-author-count">{count}</span></p>'
            f'<ul>{"".join(items)}</ul></li>')


def author_letter(entry: AuthorEntry) -> str:
    """The A–Z group of an entry: the first letter of the folded family name, '#' for anything else."""
    letter = entry.sort_key[0][:1].upper()
    return letter if letter.isascii() and letter.isalpha() else "#"


def author_island(entries: list[AuthorEntry], catalog: Catalog, base: str) -> dict:
    """The island of a large index: categories and papers once, each author as
    [slug, name, other spellings, letter, paper indexes, note] (filter.js folds the names itself)."""
    categories = [c.short_title for c in catalog.taxonomy.categories]
    position = {paper.id: i for i, paper in enumerate(catalog.papers)}
    papers = [[base + p.url, p.name, p.title if p.short_name else "", p.date,
               categories.index(catalog.taxonomy.category(p.category).short_title)] for p in catalog.papers]
    authors = [[e.slug, e.name, [s for s in e.spellings if s != e.name], author_letter(e),
                [position[p.id] for p in e.papers], shared_note(e)] for e in entries]
    return {"categories": categories, "papers": papers, "authors": authors}


def shared_note(entry: AuthorEntry) -> str:
    """The note of an entry whose name two authors of one paper write the same way ('' for the others)."""
    shared = [p.name for p in entry.papers if set(entry.spellings) & set(p.shared_author_names)]
    return (f"Two different authors of {', '.join(shared)} write their name this way; this entry stands for both."
            if shared else "")


def render_author_groups(entries: list[AuthorEntry], catalog: Catalog, base: str) -> str:
    """Entries as HTML, grouped by letter."""
    groups: dict[str, list[AuthorEntry]] = {}
    for entry in entries:
        groups.setdefault(author_letter(entry), []).append(entry)
    return "".join(
        f'<section class="air-author-group" data-letter="{esc(letter)}"><h2 id="letter-{esc(letter.lower())}">'
        f'{esc(letter)}</h2><ul class="air-author-list">'
        f'{"".join(render_author_entry(e, catalog, base) for e in group)}</ul></section>'
        for letter, group in groups.items())


def render_author_index(catalog: Catalog, base: str, inline_limit: int = INLINE_AUTHOR_LIMIT) -> str:
    """The /authors/ page body: a filter box, the letters, and every author A–Z (or, beyond inline_limit, the
    first WINDOW_AUTHORS and the island)."""
    entries = author_index(catalog)
    island = len(entries) > inline_limit
    letters = "".join(f'<a href="#letter-{esc(letter.lower())}">{esc(letter)}</a>'
                      for letter in dict.fromkeys(author_letter(e) for e in entries))
    body = render_author_groups(entries[:WINDOW_AUTHORS] if island else entries, catalog, base)
    if island:
        body = (f'<div class="air-author-window">{body}</div>'
                '<p class="air-more-wrap"><button type="button" class="air-more" hidden>Show more</button></p>'
                f'<p class="air-nojs">The first {WINDOW_AUTHORS:,} of {len(entries):,} authors are listed here; '
                'the filter and the rest of the index need JavaScript. Each paper\'s page lists its authors.</p>'
                f'<script type="application/json" class="air-author-data">'
                f'{json_for_script(author_island(entries, catalog, base))}</script>')
    return (f'<form class="air-author-filter" role="search" data-mode="{"island" if island else "inline"}" '
            f'data-window="{WINDOW_AUTHORS}" hidden><label for="air-author-find">Filter authors</label> '
            f'<input type="search" id="air-author-find" autocomplete="off" placeholder="a name, e.g. Zhang"> '
            f'<output class="air-author-total" for="air-author-find" aria-live="polite">{len(entries):,} authors</output>'
            f'</form><nav class="air-letters" aria-label="Family names by first letter">{letters}</nav>{body}')
