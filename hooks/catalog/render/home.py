"""Home page pieces: category cards, recently added papers, and the papers-per-month timeline."""
from __future__ import annotations

from collections import Counter

from ..models import Catalog, Paper
from .category import count_label
from .html import esc

RECENT_COUNT = 10
# One colour per category, in taxonomy order (CSS custom properties let dark mode restyle them).
CATEGORY_COLOURS = ("var(--air-c1)", "var(--air-c2)", "var(--air-c3)", "var(--air-c4)")
CHART = {"width": 720, "height": 220, "left": 34, "bottom": 28, "top": 10}


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


def render_timeline(catalog: Catalog) -> str:
    """Stacked bars of papers per month and category, drawn as inline SVG at build time."""
    if not catalog.papers:
        return ""
    counts = Counter((p.date, p.category) for p in catalog.papers)
    months = month_range(min(p.date for p in catalog.papers), max(p.date for p in catalog.papers))
    totals = {m: sum(counts[(m, c.id)] for c in catalog.taxonomy.categories) for m in months}
    peak = max(totals.values())
    w, h, left, bottom, top = (CHART[k] for k in ("width", "height", "left", "bottom", "top"))
    step = (w - left) / len(months)
    scale = (h - bottom - top) / peak
    shapes = [_axis(peak, scale, h - bottom, left, w)]
    for i, month in enumerate(months):
        x, y = left + i * step, h - bottom
        for colour, cat in zip(CATEGORY_COLOURS, catalog.taxonomy.categories):
            n = counts[(month, cat.id)]
            if n:
                y -= n * scale
                shapes.append(f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(step - 2, 1):.1f}" '
                              f'height="{n * scale:.1f}" fill="{colour}"><title>{esc(month)}: '
                              f'{count_label(n)} in {esc(cat.short_title)}</title></rect>')
        if month.endswith("-01") or i == 0:
            shapes.append(f'<text x="{x:.1f}" y="{h - 8}" class="air-axis">{esc(month[:4] if month.endswith("-01") else month)}</text>')
    legend = "".join(f'<li><span class="air-swatch" style="background:{c}"></span>{esc(cat.short_title)}</li>'
                     for c, cat in zip(CATEGORY_COLOURS, catalog.taxonomy.categories))
    summary = f"Papers per month from {months[0]} to {months[-1]}, by category; busiest month has {peak}."
    return (f'<figure class="air-timeline"><svg viewBox="0 0 {w} {h}" role="img" aria-label="{esc(summary)}">'
            f'{"".join(shapes)}</svg><figcaption><ul class="air-legend">{legend}</ul></figcaption></figure>')


def _axis(peak: int, scale: float, baseline: float, left: int, width: int) -> str:
    """Baseline and a few horizontal grid lines with their counts."""
    ticks = sorted({0, peak // 2, peak})
    lines = [f'<line x1="{left}" x2="{width}" y1="{baseline - t * scale:.1f}" y2="{baseline - t * scale:.1f}" class="air-grid"/>'
             f'<text x="{left - 6}" y="{baseline - t * scale + 4:.1f}" class="air-axis" text-anchor="end">{t}</text>'
             for t in ticks]
    return "".join(lines)


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
