"""The body of a table page: filter controls, then a section per group of papers with its table.

Two pages are made this way, each from a Listing: a category page (a section per subcategory, then a section
per other category for the papers filed there that border this one) and the all-papers page (every paper in
one table, with a category column). Two ways to ship the rows, chosen per page by its size:

- up to INLINE_ROW_LIMIT papers ("inline"): every row is HTML (that is also the view without
  JavaScript); the texts file beside the page (TEXTS_FILE, see listing_texts) holds each paper's
  pre-folded search text (short name, title, authors, venue, arXiv id, link hosts, abstract), which
  filter.js fetches after the first paint: until it comes, the filter matches the rows' own text. It
  is half of the page's gzipped bytes, and a reader who never types does not wait for it.
- beyond it ("island"): the page lists each group's newest rows (the group window) and its island
  only every paper's facets; the rows file beside the page (ROWS_FILE, see island_rows) holds each
  paper's search text and pre-rendered row HTML, which filter.js fetches after the first paint (at
  10,000 papers the largest category page went from 20 MB of HTML to about 1 MB). filter.js then
  draws about WINDOW_ROWS matches per page (shared by the groups) with a "show more" button per
  group, and draws any paper a `#id` link asks for. Without JavaScript each group lists its newest
  group-window rows and a note says how many more there are (each paper also has its own page).

The island is a top-level JSON array: Material's instant navigation re-inserts scripts of the
content without their `type`, and an array is then a harmless expression where an object would be a
syntax error. Everything from the data is escaped here (`esc` for HTML, `json_for_script` for JSON).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..cite.coins import render_coins
from ..cite.model import citation_of
from ..models import Catalog, Category, Paper, Subcategory
from ..text import fold_for_search
from .authors import render_author_names
from .html import esc, json_for_script, render_links, render_method_badges, url_host

# A page with more papers than this ships its rows as a JSON island and draws them in windows.
INLINE_ROW_LIMIT = 1000
# Island mode: rows drawn per page at first, shared by its groups (see group_window); each group's
# "show more" adds its share again. Also what each group lists without JavaScript.
WINDOW_ROWS = 200
ROWS_FILE = "rows.json"  # beside an island page
TEXTS_FILE = "texts.json"  # beside an inline page
ALL_PAPERS_URL = "papers/"  # the all-papers page (docs/papers.md)
# A group drawing more rows than this, or any group of an island page, renders only near the screen (catalog.css
# `.air-group--lazy`): that saves the big tables' style and layout work at each keystroke, but audits (axe,
# Lighthouse) read the rows of a group not yet rendered as misplaced, so smaller groups, all of the real
# catalog's, are drawn as they are.
LAZY_GROUP_ROWS = 50

COLUMNS = (("date", "Date"), ("paper", "Paper"), ("category", "Category"), ("methods", "Methods"), ("links", "Links"))
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


# Listings: what a table page lists, in sections


@dataclass(frozen=True)
class Section:
    """One block of a table page: a heading (anchored at `key`, also its group's data-sub) above a table."""

    key: str
    title: str  # "" for no heading (the all-papers page's one section)
    papers: list[Paper]
    note: str = ""  # HTML, escaped where it is made
    table_label: str = ""  # the table's accessible name, if not "<title> papers"


@dataclass(frozen=True)
class Listing:
    """The papers of one table page, in sections: a category's (then the papers filed elsewhere that border it),
    or every paper of the catalog (one section, with a category column)."""

    home: str  # the category the page belongs to; "" on the all-papers page
    title: str  # names the papers in labels: "Multimodal", "all categories"
    sections: list[Section]
    subcategories: tuple[Subcategory, ...]  # the subcategory facet's options (those some paper has)
    with_category: bool = False

    @property
    def papers(self) -> list[Paper]:
        return [p for section in self.sections for p in section.papers]


def bordering_sections(catalog: Catalog, category: Category, base: str) -> list[Section]:
    """A section per other category, of the papers filed there that border this one (their secondary category)."""
    sections = []
    for other in catalog.taxonomy.categories:
        papers = [p for p in catalog.in_category(other.id) if p.secondary_category == category.id]
        if papers:
            note = (f'<p class="air-boundary-note">These papers are filed under <a href="{esc(base + other.url)}">'
                    f'{esc(other.short_title)}</a> and border {esc(category.short_title)} too; the page of each '
                    f'links back to {esc(other.short_title)}.</p>')
            sections.append(Section(other.boundary_anchor, f"On the boundary with {other.short_title}", papers, note,
                                    f"Papers of {other.short_title} on the boundary"))
    return sections


def category_listing(catalog: Catalog, category: Category, base: str) -> Listing:
    """A category page: a section per subcategory (or one for all), then the bordering papers filed elsewhere."""
    sections = [Section(s.id, s.title, catalog.in_subcategory(category.id, s.id)) for s in category.subcategories]
    if not sections:
        sections = [Section("papers", "Papers", catalog.in_category(category.id))]
    return Listing(category.id, category.short_title, sections + bordering_sections(catalog, category, base),
                   category.subcategories)


def all_papers_listing(catalog: Catalog) -> Listing:
    """The all-papers page: every paper in one section, with a category column and facet."""
    subs = tuple(s for cat in catalog.taxonomy.categories for s in cat.subcategories)
    return Listing("", "all categories", [Section("papers", "", list(catalog.papers), table_label="All papers")], subs,
                   with_category=True)


def elsewhere_text(catalog: Catalog, listing: Listing, papers: list[Paper]) -> str:
    """', 3 of them filed under Multimodal' (' and 1 under Multi-Agent') for the papers filed outside the page's
    category; filter.js says the same of the papers it shows."""
    counter = Counter(p.category for p in papers if p.category != listing.home)
    counts = [(counter[c.id], c.short_title) for c in catalog.taxonomy.categories if listing.home and counter[c.id]]
    if not counts:
        return ""
    (n, title), *rest = counts
    return f", {n} of them filed under {title}" + "".join(f" and {m} under {t}" for m, t in rest)


# Rows and tables


def render_category_cell(paper: Paper, catalog: Catalog, base: str) -> str:
    """The all-papers table's Category cell: the paper's category, linked to its row there."""
    cat = catalog.taxonomy.category(paper.category)
    return (f'<td class="air-cat"><a class="air-chip" href="{esc(base + cat.url)}#{esc(paper.id)}" '
            f'title="Its row in {esc(cat.title)}">{esc(cat.short_title)}</a></td>')


def render_row(paper: Paper, catalog: Catalog, base: str, with_category: bool = False) -> str:
    """One <tr>, its id the paper id, its data-* attributes what the filter needs; its COinS span lets Zotero's
    connector offer the table's papers to save."""
    category = render_category_cell(paper, catalog, base) if with_category else ""
    kinds = " ".join(paper.links.kinds())
    short = f'<strong class="air-short">{esc(paper.short_name)}</strong> ' if paper.short_name else ""
    venue = (f' <span class="air-venue" title="{esc(paper.venue.full_name)}">{esc(paper.venue.name)}</span>'
             if paper.venue else "")
    return (
        f'<tr id="{esc(paper.id)}" data-date="{esc(paper.date)}" data-sub="{esc(paper.subcategory)}" '
        f'data-cat="{esc(paper.category)}" data-methods="{esc(" ".join(paper.methods))}" data-links="{esc(kinds)}">'
        f'<td class="air-date"><time datetime="{esc(paper.date)}">{esc(paper.date)}</time></td>'
        f'<td class="air-paper"><a class="air-title" href="{esc(base + paper.url)}">{short}'
        f'<span class="air-title-text">{esc(paper.title)}</span></a>{venue}{render_author_names(paper, base)}'
        f'{render_coins(citation_of(paper))}</td>{category}'
        f'<td class="air-methods">{render_method_badges(paper, catalog.taxonomy)}</td>'
        f'<td class="air-links">{render_links(paper)}</td></tr>')


def render_head_cell(key: str, title: str) -> str:
    """A column header; Date and Paper hold a sort button, disabled until filter.js enables it."""
    if key not in SORT_KEYS:
        return f'<th scope="col" class="air-col-{key}">{title}</th>'
    sort = ' aria-sort="descending"' if key == "date" else ""  # the rows come newest first
    return (f'<th scope="col" class="air-col-{key}"{sort}><button type="button" class="air-sort" '
            f'data-sort="{SORT_KEYS[key]}" disabled>{title}</button></th>')


def render_table(papers: list[Paper], catalog: Catalog, base: str, label: str, with_category: bool = False) -> str:
    """A scrollable, labelled table of papers (newest first, as the catalog is sorted).

    The table is kept out of the search index: each paper's own search entry holds the same text.
    """
    head = "".join(render_head_cell(key, title) for key, title in COLUMNS if with_category or key != "category")
    rows = "".join(render_row(p, catalog, base, with_category) for p in papers)
    return (f'<div class="air-table-wrap" role="region" aria-label="{esc(label)}" tabindex="0">'
            f'<table class="air-table" data-search-exclude><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>')


def group_window(sections: list[Section]) -> int:
    """Island mode: rows drawn per group, WINDOW_ROWS shared by the groups that have papers."""
    return math.ceil(WINDOW_ROWS / max(1, sum(1 for section in sections if section.papers)))


def render_group(section: Section, catalog: Catalog, base: str, window: int, with_category: bool = False) -> str:
    """One section's block: its count, its table (or 'no paper yet') and, in island mode (window > 0),
    the 'show more' button and the note for readers without JavaScript."""
    papers, label = section.papers, section.table_label or f"{section.title} papers"
    count = f'<p class="air-count" data-count-for="{esc(section.key)}">{count_label(len(papers))}</p>'
    if not papers:
        body = '<p class="air-empty">No paper in this group yet.</p>'
    elif not window:
        body = render_table(papers, catalog, base, label, with_category)
    else:
        body = render_table(papers[:window], catalog, base, label, with_category)
        body += '<p class="air-more-wrap"><button type="button" class="air-more" hidden>Show more</button></p>'
        if len(papers) > window:
            body += (f'<p class="air-nojs">The newest {window:,} of {len(papers):,} papers are listed here; '
                     f'listing and filtering all of them needs JavaScript.</p>')
    shown = min(len(papers), window) if window else len(papers)
    if not shown or (shown <= LAZY_GROUP_ROWS and not window):  # island pages are big: their groups are lazy
        return f'<div class="air-group" data-sub="{esc(section.key)}">{section.note}{count}{body}</div>'
    size = f"contain-intrinsic-size:auto {4 * shown + 6}em"  # the group's place until it is first rendered
    return (f'<div class="air-group air-group--lazy" data-sub="{esc(section.key)}" style="{size}">'
            f'{section.note}{count}{body}</div>')


# Filter controls


def render_checkbox(facet: str, value: str, label: str, count: int) -> str:
    """A facet option: a labelled checkbox shown as a chip, with its count of papers, which filter.js keeps live
    (the count is there from the first paint, so the chip keeps its width when the script starts)."""
    return (f'<label class="air-option"><input type="checkbox" name="{facet}" value="{esc(value)}">'
            f'<span>{esc(label)}</span> <span class="air-n" data-n-for="{facet}:{esc(value)}">{count}</span></label>')


def render_facet(facet: str, legend: str, options: list[tuple[str, str, int]], hint: str = "") -> str:
    """A fieldset of checkboxes; nothing when no option could narrow the list."""
    if not options or (len(options) < 2 and facet in ("cat", "sub", "year")):  # one value of an "any of": all papers
        return ""
    hint_html = f' <span class="air-hint">{esc(hint)}</span>' if hint else ""
    boxes = "".join(render_checkbox(facet, value, label, count) for value, label, count in options)
    return (f'<fieldset class="air-facet" data-facet="{facet}"><legend>{esc(legend)}{hint_html}</legend>'
            f'{boxes}</fieldset>')


def facet_values(paper: Paper) -> dict[str, list[str]]:
    """The values a paper has in each facet (as filter.js reads them from the island or the row)."""
    return {"cat": [paper.category], "sub": [paper.subcategory], "method": list(paper.methods), "year": [paper.year],
            "has": paper.links.kinds()}


def facet_options(catalog: Catalog, listing: Listing) -> dict[str, list[tuple[str, str, int]]]:
    """(value, label, papers) options of each facet, only values some paper of the listing has."""
    counts: dict[str, Counter] = {facet: Counter() for facet in ("cat", "sub", "method", "year", "has")}
    for paper in listing.papers:
        for facet, values in facet_values(paper).items():
            counts[facet].update(values)
    labels = {
        "cat": [(c.id, c.short_title) for c in catalog.taxonomy.categories],
        "sub": [(s.id, s.title) for s in listing.subcategories],
        "method": [(m.id, m.label) for m in catalog.taxonomy.methods],
        "year": [(y, y) for y in sorted(counts["year"], reverse=True)],
        "has": list(HAS_FACETS),
    }
    return {facet: [(value, label, counts[facet][value]) for value, label in options if counts[facet][value]]
            for facet, options in labels.items()}


def render_controls(catalog: Catalog, listing: Listing, window: int) -> str:
    """The filter panel: text box, facets, the month shown (set by a link such as the home page's timeline),
    live count, clear-all and, in island mode (window > 0), the data island.

    It is `hidden` until filter.js shows it, so readers without JavaScript see no dead controls. It is a
    <form> (never nested in itself) because Material's search indexer matches `data-search-exclude`
    elements by tag name, and an inner element of the same tag would end the exclusion early.
    """
    options = facet_options(catalog, listing)
    papers = listing.papers
    island = (f'<script type="application/json" class="air-data">{json_for_script(island_records(listing))}</script>'
              if window else "")
    beside = f'data-rows="{ROWS_FILE}" ' if window else f'data-texts="{TEXTS_FILE}" '  # the file filter.js fetches
    facets = "".join([
        render_facet("cat", "Category", options["cat"], "any of"),
        render_facet("sub", "Subcategory", options["sub"], "any of"),
        render_facet("method", "Method", options["method"], "all of"),
        render_facet("year", "Year", options["year"], "any of"),
        render_facet("has", "Has", options["has"], "all of"),
    ])
    return (
        f'<form class="air-filter" role="search" aria-label="Filter the papers of {esc(listing.title)}" '
        f'data-category="{esc(listing.home)}" data-mode="{"island" if window else "inline"}" data-window="{window}" '
        f'{beside}data-search-exclude hidden>'
        f'<div class="air-find"><label for="air-find">Filter papers</label>'
        f'<input type="search" id="air-find" name="find" autocomplete="off" spellcheck="false" '
        f'placeholder="Name, title, abstract, arXiv id, venue, site"></div>'
        f'<div class="air-facets">{facets}</div>'
        f'<p class="air-month" hidden>Only the papers of <strong class="air-month-name"></strong>. '
        f'<button type="button" class="air-month-clear">Show every month</button></p>'
        f'<div class="air-status"><p class="air-total" role="status" aria-live="polite">'
        f'{len(papers)} of {count_label(len(papers))}{esc(elsewhere_text(catalog, listing, papers))}</p>'
        f'<button type="button" class="air-clear" disabled>Clear all</button></div>'
        f'<p class="air-none" hidden>No paper matches these filters. '
        f'<button type="button" class="air-clear">Clear all filters</button></p>{island}</form>')


def is_island(listing: Listing) -> bool:
    """Whether a page ships its rows in windows (see the module's docstring)."""
    return len(listing.papers) > INLINE_ROW_LIMIT


def island_records(listing: Listing) -> list[list]:
    """An island page's records: [id, date, sub, methods, link kinds, name, category, section index] (the rest is
    in the rows file)."""
    return [[p.id, p.date, p.subcategory, " ".join(p.methods), " ".join(p.links.kinds()), p.name,
             p.category, index]
            for index, section in enumerate(listing.sections) for p in section.papers]


def island_rows(listing: Listing, catalog: Catalog, base: str) -> list[list[str]]:
    """An island page's rows file: [search text, row HTML] of each paper, in the island's order."""
    return [[search_text(p), render_row(p, catalog, base, listing.with_category)] for p in listing.papers]


def listing_texts(listing: Listing) -> list[list[str]]:
    """An inline page's texts file: [id, search text] of each paper."""
    return [[p.id, search_text(p)] for p in listing.papers]


def listing_files(catalog: Catalog, base: str = "../") -> Iterator[tuple[str, list[list[str]]]]:
    """(path under the site root, content) of the file beside each table page (<category>/ and papers/, the
    all-papers page): rows.json in island mode, texts.json inline; made one at a time."""
    listings = [(c.url, category_listing(catalog, c, base)) for c in catalog.taxonomy.categories]
    listings.append((ALL_PAPERS_URL, all_papers_listing(catalog)))
    for url, listing in listings:
        if is_island(listing):
            yield url + ROWS_FILE, island_rows(listing, catalog, base)
        else:
            yield url + TEXTS_FILE, listing_texts(listing)


# The page body


def render_listing_body(catalog: Catalog, listing: Listing, base: str = "../",
                        hold: Callable[[str], str] = str) -> str:
    """Filter controls, then Markdown headings (for the table of contents) around raw HTML tables,
    one per section.

    Every HTML block is a single line so Markdown passes it through untouched; `hold` may put a
    placeholder in its place (see late_html).
    """
    window = group_window(listing.sections) if is_island(listing) else 0
    parts = [hold(render_controls(catalog, listing, window))]
    for section in listing.sections:
        if section.title:
            parts.append(f"## {md_heading_text(section.title)} {{ #{section.key} }}")
        parts.append(hold(render_group(section, catalog, base, window, listing.with_category)))
    return "\n\n".join(parts) + "\n"


def render_category_body(catalog: Catalog, category: Category, base: str = "../",
                         hold: Callable[[str], str] = str) -> str:
    """A category page's tables: its subcategories, then the papers filed elsewhere that border it."""
    return render_listing_body(catalog, category_listing(catalog, category, base), base, hold)


def render_all_papers_body(catalog: Catalog, base: str = "../", hold: Callable[[str], str] = str) -> str:
    """The all-papers page's table: every paper of every category."""
    return render_listing_body(catalog, all_papers_listing(catalog), base, hold)
