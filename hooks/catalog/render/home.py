"""Home page pieces: category cards, recently added papers, and the papers-per-month timeline."""
from __future__ import annotations

from collections import Counter

from ..models import Catalog, Paper
from .category import count_label
from .html import esc

RECENT_COUNT = 10
# One colour per category, in taxonomy order (CSS custom properties let dark mode restyle them).
CATEGORY_COLOURS = ("var(--air-c1)", "var(--air-c2)", "var(--air-c3)", "var(--air-c4)")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
FIRST_LABEL_GAP = 6  # months between the first month and the first January for the first month to get a label


def render_category_cards(catalog: Catalog, base: str = "") -> str:
    """A card per category: title, its one-line summary, live paper count, subcategories with their counts (the
    home page and the categories overview)."""
    cards = []
    for cat in catalog.taxonomy.categories:
        subs = "".join(
            f'<li><a href="{esc(base + cat.url)}#{esc(s.id)}">{esc(s.title)}</a> '
            f'<span class="air-muted">{len(catalog.in_subcategory(cat.id, s.id))}</span></li>'
            for s in cat.subcategories)
        cards.append(
            f'<li class="air-card"><a class="air-card-title" href="{esc(base + cat.url)}">{esc(cat.title)}</a>'
            f'<p class="air-card-summary">{esc(cat.summary)}</p>'
            f'<p class="air-card-count" data-category="{esc(cat.id)}">{count_label(len(catalog.in_category(cat.id)))}</p>'
            f'{"<ul>" + subs + "</ul>" if subs else ""}</li>')
    return f'<ul class="air-cards">{"".join(cards)}</ul>'


def recently_added(catalog: Catalog, count: int = RECENT_COUNT) -> list[Paper]:
    """Most recently added papers: by `added` day, then by paper date, newest first."""
    return sorted(catalog.papers, key=lambda p: (p.added, p.date), reverse=True)[:count]


def render_recent(catalog: Catalog, base: str = "") -> str:
    """A short list of the latest additions, each linked to its paper page and category."""
    items = []
    for paper in recently_added(catalog):
        cat = catalog.taxonomy.category(paper.category)
        items.append(
            f'<li><a href="{esc(base + paper.url)}">{esc(paper.name)}</a> '
            f'<span class="air-muted">— {esc(paper.title) if paper.short_name else ""}</span> '
            f'<a class="air-chip" href="{esc(base + cat.url)}#{esc(paper.id)}">{esc(cat.short_title)}</a> '
            f'<span class="air-muted">added {esc(paper.added)}</span></li>')
    return f'<ul class="air-recent">{"".join(items)}</ul>'


def month_range(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last inclusive."""
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_name(month: str) -> str:
    """'2025-05' -> 'May 2025'."""
    return f"{MONTH_NAMES[int(month[5:]) - 1]} {month[:4]}"


def month_href(month: str, base: str) -> str:
    """The all-papers table showing one month's papers (filter.js reads `month` from the query string)."""
    return f"{base}papers/?month={month}"


def year_labels(months: list[str]) -> list[tuple[int, str]]:
    """(month index, label) under the time axis: each January's year, and the first month's year when the first
    January is too far off to name it (a label needs about FIRST_LABEL_GAP months of room at phone width)."""
    labels = [(i, m[:4]) for i, m in enumerate(months) if m.endswith("-01")]
    if not labels or labels[0][0] >= FIRST_LABEL_GAP:
        labels.insert(0, (0, months[0][:4]))
    return labels


def render_bar(month: str, by_category: list[tuple[str, int, str]], peak: int, base: str) -> str:
    """One month's stacked bar (first category at the bottom), a link to that month's papers; a month without
    papers is an empty slot. Its height and its segments' are percentages of the plot's and the bar's."""
    total = sum(n for _, n, _ in by_category)
    if not total:
        return '<span class="air-bar"></span>'
    title = f"{month_name(month)}: {count_label(total)}"
    segments = "".join(f'<span class="air-seg" style="height:{100 * n / total:.2f}%;background:{colour}"></span>'
                       for colour, n, _ in by_category if n)
    return (f'<a class="air-bar" href="{esc(month_href(month, base))}" tabindex="-1" title="{esc(title)}" '
            f'style="height:{100 * total / peak:.2f}%">{segments}</a>')


def render_month_list(months: list[str], rows: dict[str, list[tuple[str, int, str]]], base: str) -> str:
    """The months as a list of links with their counts: the chart's text equivalent (its bars are too narrow to be
    touch targets, and unnamed to screen readers)."""
    items = []
    for month in reversed(months):
        parts = [f"{n} {esc(title)}" for _, n, title in rows[month] if n]
        if parts:
            total = sum(n for _, n, _ in rows[month])
            items.append(f'<li><a href="{esc(month_href(month, base))}">{esc(month_name(month))}</a> '
                         f'{count_label(total)} <span class="air-muted">({", ".join(parts)})</span></li>')
    return (f'<details class="air-months"><summary>Every month as a list</summary>'
            f'<ul>{"".join(items)}</ul></details>')


def render_timeline(catalog: Catalog, base: str = "") -> str:
    """Stacked bars of papers per month and category, drawn in HTML and CSS at build time; each bar links to
    the all-papers table showing that month."""
    if not catalog.papers:
        return ""
    counts = Counter((p.date, p.category) for p in catalog.papers)
    months = month_range(min(p.date for p in catalog.papers), max(p.date for p in catalog.papers))
    rows = {m: [(colour, counts[(m, c.id)], c.short_title) for colour, c in zip(CATEGORY_COLOURS, catalog.taxonomy.categories)]
            for m in months}
    peak = max(sum(n for _, n, _ in row) for row in rows.values())
    bars = "".join(render_bar(m, rows[m], peak, base) for m in months)
    grid = "".join(f'<span class="air-tick" data-n="{t}" style="bottom:{100 * t / peak:.2f}%"></span>'
                   for t in sorted({0, peak // 2, peak}))
    years = "".join(f'<span style="left:{100 * (i + 0.5) / len(months):.2f}%">{esc(label)}</span>'
                    for i, label in year_labels(months))
    legend = "".join(f'<li><span class="air-swatch" style="background:{c}"></span>{esc(cat.short_title)}</li>'
                     for c, cat in zip(CATEGORY_COLOURS, catalog.taxonomy.categories))
    summary = (f"Papers per month from {month_name(months[0])} to {month_name(months[-1])}, by category; the "
               f"busiest month has {peak}. Each bar links to its month's papers.")
    return (f'<figure class="air-timeline"><ul class="air-legend">{legend}</ul>'
            f'<div class="air-chart" aria-hidden="true"><div class="air-plot">{grid}<div class="air-bars" '
            f'style="grid-template-columns:repeat({len(months)},1fr)">{bars}</div></div>'
            f'<div class="air-years">{years}</div></div>'
            f'<figcaption class="air-chart-summary">{esc(summary)}</figcaption>'
            f'{render_month_list(months, rows, base)}</figure>')


DOWNLOADS = (
    ("papers.json", "every paper as JSON: ids, titles, dates, categories, methods, links, abstracts"),
    ("papers.bib", "BibTeX for every paper, keyed by its catalog id (@inproceedings, @article or @misc)"),
    ("papers.ris", "RIS, the format EndNote, Zotero, Mendeley and most reference managers import"),
    ("papers.csl.json", "CSL-JSON, the item format of Zotero, Mendeley and pandoc's citeproc"),
    ("feed.xml", "an Atom feed of the most recently added papers"),
)


def render_downloads(catalog: Catalog, base: str = "") -> str:
    """Links to the exported files, and how to cite a paper or the catalog."""
    items = "".join(f'<li><a href="{esc(base + path)}" download>{esc(path)}</a> — {esc(text)}</li>'
                    for path, text in DOWNLOADS)
    return (f'<ul class="air-downloads">{items}</ul><p>To cite a paper, open its page: each has its BibTeX entry '
            f'with a copy button, and its BibTeX, RIS and CSL-JSON as files of their own. The '
            f'{count_label(len(catalog.papers))} are all in <a href="{esc(base)}papers.bib">papers.bib</a>. Reference '
            f'managers read the citations from the pages too: Zotero\'s connector saves a paper from its page, or any '
            f'of the papers of a category table.</p>')
