"""The body of a category page: filter controls, a section per subcategory with its table of papers.

Two ways to ship the rows, chosen per category by its size:

- up to INLINE_ROW_LIMIT papers ("inline"): every row is HTML (that is also the view without
  JavaScript); a JSON island adds each paper's pre-folded search text (short name, title, venue,
  arXiv id, link hosts, abstract), so filtering needs no second request and no DOM reads per key.
- beyond it ("island"): the page lists each group's newest rows (the group window) and its island
  only every paper's facets; the rows file beside the page (ROWS_FILE, see island_rows) holds each
  paper's search text and pre-rendered row HTML, which filter.js fetches after the first paint (at
  10,000 papers the largest page went from 20 MB of HTML to under 1 MB). filter.js then draws about
  WINDOW_ROWS matches per page (shared by the groups) with a "show more" button per group, and draws
  any paper a `#id` link asks for. Without JavaScript each group lists its newest group-window rows
  and a note says how many more there are (each paper also has its own page).

The island is a top-level JSON array: Material's instant navigation re-inserts scripts of the
content without their `type`, and an array is then a harmless expression where an object would be a
syntax error. Everything from the data is escaped here (`esc` for HTML, `json_for_script` for JSON).
"""
from __future__ import annotations

import math
from collections.abc import Callable

from ..cite.coins import render_coins
from ..cite.model import citation_of
from ..models import Catalog, Category, Paper
from ..text import fold_for_search
from .authors import render_author_names
from .html import esc, json_for_script, render_links, render_method_badges, url_host

# A category with more papers than this ships its rows as a JSON island and draws them in windows.
INLINE_ROW_LIMIT = 1000
# Island mode: rows drawn per page at first, shared by its groups (see group_window); each group's
# "show more" adds its share again. Also what each group lists without JavaScript.
WINDOW_ROWS = 200
ROWS_FILE = "rows.json"  # beside an island page
# A group drawing more rows than this renders only near the screen (catalog.css `.air-group--lazy`): that saves
# the big tables' style and layout work, but audits (axe, Lighthouse) read the rows of a group not yet rendered
# as misplaced, so smaller groups, all of the real catalog's, are drawn as they are.
LAZY_GROUP_ROWS = 100

COLUMNS = (("date", "Date"), ("paper", "Paper"), ("methods", "Methods"), ("links", "Links"))
SORT_KEYS = {"date": "date", "paper": "name"}  # column -> the sort key its header button sets
HAS_FACETS = (("code", "Code released"), ("models", "Models released"), ("datasets", "Data sets released"))


def count_label(count: int, noun: str = "paper") -> str:
    """'1 paper', '12 papers'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def md_heading_text(text: str) -> str:
    """Escape text for a Markdown heading: backslash every character Markdown could act on."""
    return "".join(f"\\{c}" if c in "\\`*_{}[]()#+-.!|<>&" else c for c in text)



def search_text(paper: Paper) -> str:
    """Everything the text filter matches, folded (lowercase, no accents) like filter.js folds queries.

    Each distinct word is kept once, in first-seen order: the filter matches each query word (which
    holds no space) inside one word of this text, so repeats add bytes and never a match.
    """
    hosts = sorted({url_host(url) for _, urls in paper.links.items() for url in urls})
    venue = f"{paper.venue.name} {paper.venue.full_name}" if paper.venue else ""
    authors = " ".join(author.name for author in paper.authors)
    parts = (paper.short_name, paper.title, authors, venue, paper.arxiv, paper.id, " ".join(hosts), paper.abstract)
    words = fold_for_search(" ".join(part for part in parts if part)).split()
    return " ".join(dict.fromkeys(words))


# Rows and tables


def render_row(paper: Paper, catalog: Catalog, base: str) -> str:
    """One <tr>, its id the paper id, its data-* attributes what the filter needs; its COinS span lets Zotero's
    connector offer the table's papers to save."""
    kinds = " ".join(kind for kind, _ in paper.links.items())
    short = f'<strong class="air-short">{esc(paper.short_name)}</strong> ' if paper.short_name else ""
    venue = (f' <span class="air-venue" title="{esc(paper.venue.full_name)}">{esc(paper.venue.name)}</span>'
             if paper.venue else "")
    return (
        f'<tr id="{esc(paper.id)}" data-date="{esc(paper.date)}" data-sub="{esc(paper.subcategory)}" '
        f'data-methods="{esc(" ".join(paper.methods))}" data-links="{esc(kinds)}">'
        f'<td class="air-date"><time datetime="{esc(paper.date)}">{esc(paper.date)}</time></td>'
        f'<td class="air-paper"><a class="air-title" href="{esc(base + paper.url)}">{short}'
        f'<span class="air-title-text">{esc(paper.title)}</span></a>{venue}{render_author_names(paper, base)}'
        f'{render_coins(citation_of(paper))}</td>'
        f'<td class="air-methods">{render_method_badges(paper, catalog.taxonomy)}</td>'
        f'<td class="air-links">{render_links(paper)}</td></tr>')


def render_head_cell(key: str, title: str) -> str:
    """A column header; Date and Paper hold a sort button, disabled until filter.js enables it."""
    if key not in SORT_KEYS:
        return f'<th scope="col" class="air-col-{key}">{title}</th>'
    sort = ' aria-sort="descending"' if key == "date" else ""  # the rows come newest first
    return (f'<th scope="col" class="air-col-{key}"{sort}><button type="button" class="air-sort" '
            f'data-sort="{SORT_KEYS[key]}" disabled>{title}</button></th>')


def render_table(papers: list[Paper], catalog: Catalog, base: str, label: str) -> str:
    """A scrollable, labelled table of papers (newest first, as the catalog is sorted).

    The table is kept out of the search index: each paper's own search entry holds the same text.
    """
    head = "".join(render_head_cell(key, title) for key, title in COLUMNS)
    rows = "".join(render_row(p, catalog, base) for p in papers)
    return (f'<div class="air-table-wrap" role="region" aria-label="{esc(label)}" tabindex="0">'
            f'<table class="air-table" data-search-exclude><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>')


def group_window(groups: list[tuple[str, str, list[Paper]]]) -> int:
    """Island mode: rows drawn per group, WINDOW_ROWS shared by the groups that have papers."""
    return math.ceil(WINDOW_ROWS / max(1, sum(1 for *_, papers in groups if papers)))


def render_group(sub_id: str, title: str, papers: list[Paper], catalog: Catalog, base: str, window: int) -> str:
    """One subcategory's block: its count, its table (or 'no paper yet') and, in island mode (window > 0),
    the 'show more' button and the note for readers without JavaScript."""
    count = f'<p class="air-count" data-count-for="{esc(sub_id)}">{count_label(len(papers))}</p>'
    if not papers:
        body = '<p class="air-empty">No paper in this group yet.</p>'
    elif not window:
        body = render_table(papers, catalog, base, f"{title} papers")
    else:
        body = render_table(papers[:window], catalog, base, f"{title} papers")
        body += '<p class="air-more-wrap"><button type="button" class="air-more" hidden>Show more</button></p>'
        if len(papers) > window:
            body += (f'<p class="air-nojs">The newest {window:,} of {len(papers):,} papers are listed here; '
                     f'listing and filtering all of them needs JavaScript.</p>')
    shown = min(len(papers), window) if window else len(papers)
    if shown <= LAZY_GROUP_ROWS:
        return f'<div class="air-group" data-sub="{esc(sub_id)}">{count}{body}</div>'
    size = f"contain-intrinsic-size:auto {4 * shown + 6}em"  # the group's place until it is first rendered
    return f'<div class="air-group air-group--lazy" data-sub="{esc(sub_id)}" style="{size}">{count}{body}</div>'


# Filter controls


def render_checkbox(facet: str, value: str, label: str) -> str:
    """A facet option: a labelled checkbox shown as a chip, with a live count filled in by filter.js."""
    return (f'<label class="air-option"><input type="checkbox" name="{facet}" value="{esc(value)}">'
            f'<span>{esc(label)}</span> <span class="air-n" data-n-for="{facet}:{esc(value)}"></span></label>')


def render_facet(facet: str, legend: str, options: list[tuple[str, str]], hint: str = "") -> str:
    """A fieldset of checkboxes; nothing when no option could narrow the list."""
    if not options or (len(options) < 2 and facet in ("sub", "year")):  # one subcategory or year: all papers
        return ""
    hint_html = f' <span class="air-hint">{esc(hint)}</span>' if hint else ""
    boxes = "".join(render_checkbox(facet, value, label) for value, label in options)
    return (f'<fieldset class="air-facet" data-facet="{facet}"><legend>{esc(legend)}{hint_html}</legend>'
            f'{boxes}</fieldset>')


def facet_options(catalog: Catalog, category: Category, papers: list[Paper]) -> dict[str, list[tuple[str, str]]]:
    """(value, label) options of each facet, only values some paper of the category has."""
    subs = {p.subcategory for p in papers}
    methods = {m for p in papers for m in p.methods}
    kinds = {kind for p in papers for kind, _ in p.links.items()}
    return {
        "sub": [(s.id, s.title) for s in category.subcategories if s.id in subs],
        "method": [(m.id, m.label) for m in catalog.taxonomy.methods if m.id in methods],
        "year": [(y, y) for y in sorted({p.year for p in papers}, reverse=True)],
        "has": [(kind, label) for kind, label in HAS_FACETS if kind in kinds],
    }


def render_controls(catalog: Catalog, category: Category, papers: list[Paper], island_json: str, window: int) -> str:
    """The filter panel: text box, facets, live count, clear-all and the data island.

    It is `hidden` until filter.js shows it, so readers without JavaScript see no dead controls. It is a
    <form> (never nested in itself) because Material's search indexer matches `data-search-exclude`
    elements by tag name, and an inner element of the same tag would end the exclusion early.
    """
    options = facet_options(catalog, category, papers)
    total = count_label(len(papers))
    rows = f'data-rows="{ROWS_FILE}" ' if window else ""  # island mode: the rows file, beside the page
    facets = "".join([
        render_facet("sub", "Subcategory", options["sub"], "any of"),
        render_facet("method", "Method", options["method"], "all of"),
        render_facet("year", "Year", options["year"], "any of"),
        render_facet("has", "Has", options["has"], "all of"),
    ])
    return (
        f'<form class="air-filter" role="search" aria-label="Filter the papers of {esc(category.title)}" '
        f'data-category="{esc(category.id)}" data-mode="{"island" if window else "inline"}" data-window="{window}" '
        f'{rows}'
        f'data-search-exclude hidden>'
        f'<div class="air-find"><label for="air-find">Filter papers</label>'
        f'<input type="search" id="air-find" name="find" autocomplete="off" spellcheck="false" '
        f'placeholder="Name, title, abstract, arXiv id, venue, site"></div>'
        f'<div class="air-facets">{facets}</div>'
        f'<div class="air-status"><p class="air-total" role="status" aria-live="polite">'
        f'{len(papers)} of {total}</p>'
        f'<button type="button" class="air-clear" disabled>Clear all</button></div>'
        f'<p class="air-none" hidden>No paper matches these filters. '
        f'<button type="button" class="air-clear">Clear all filters</button></p>'
        f'<script type="application/json" class="air-data">{island_json}</script></form>')


def is_island(papers: list[Paper]) -> bool:
    """Whether a page of these papers ships its rows in windows (see the module's docstring)."""
    return len(papers) > INLINE_ROW_LIMIT


def island_records(papers: list[Paper], island: bool) -> list[list[str]]:
    """Inline mode: [id, search text]; island mode: [id, date, sub, methods, link kinds, name]."""
    if not island:
        return [[p.id, search_text(p)] for p in papers]
    return [[p.id, p.date, p.subcategory, " ".join(p.methods), " ".join(kind for kind, _ in p.links.items()), p.name]
            for p in papers]


def island_rows(papers: list[Paper], catalog: Catalog, base: str) -> list[list[str]]:
    """An island page's rows file: [search text, row HTML] of each paper, in the island's order."""
    return [[search_text(p), render_row(p, catalog, base)] for p in papers]


def category_rows_files(catalog: Catalog, base: str = "../") -> dict[str, list[list[str]]]:
    """Path under the site root -> rows, for each category page in island mode (<category>/rows.json)."""
    files = {}
    for category in catalog.taxonomy.categories:
        papers = catalog.in_category(category.id)
        if is_island(papers):
            files[f"{category.url}{ROWS_FILE}"] = island_rows(papers, catalog, base)
    return files


# The page body


def render_category_body(catalog: Catalog, category: Category, base: str = "../",
                         hold: Callable[[str], str] = str) -> str:
    """Filter controls, then Markdown headings (for the table of contents) around raw HTML tables,
    one per subcategory.

    Every HTML block is a single line so Markdown passes it through untouched; `hold` may put a
    placeholder in its place (see late_html).
    """
    papers = catalog.in_category(category.id)
    groups = [(s.id, s.title, catalog.in_subcategory(category.id, s.id)) for s in category.subcategories]
    if not groups:
        groups = [("papers", "Papers", papers)]
    island = is_island(papers)
    window = group_window(groups) if island else 0
    island_json = json_for_script(island_records(papers, island))
    parts = [hold(render_controls(catalog, category, papers, island_json, window))]
    for sub_id, title, group_papers in groups:
        parts.append(f"## {md_heading_text(title)} {{ #{sub_id} }}")
        parts.append(hold(render_group(sub_id, title, group_papers, catalog, base, window)))
    return "\n\n".join(parts) + "\n"
