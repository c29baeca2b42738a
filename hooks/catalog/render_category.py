"""The body of a category page: a section per subcategory, each with its table of papers."""
from __future__ import annotations

from .models import Catalog, Category, Paper
from .render_html import esc, render_icon_sprite, render_links, render_method_badges

COLUMNS = (("date", "Date"), ("paper", "Paper"), ("methods", "Methods"), ("links", "Links"))


def count_label(count: int, noun: str = "paper") -> str:
    """'1 paper', '12 papers'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def md_heading_text(text: str) -> str:
    """Escape text for a Markdown heading: backslash every character Markdown could act on."""
    return "".join(f"\\{c}" if c in "\\`*_{}[]()#+-.!|<>&" else c for c in text)


def render_row(paper: Paper, catalog: Catalog, base: str) -> str:
    """One <tr>, its id the paper id, its data-* attributes what the filter needs."""
    kinds = " ".join(kind for kind, _ in paper.links.items())
    short = f'<strong class="air-short">{esc(paper.short_name)}</strong> ' if paper.short_name else ""
    venue = f' <span class="air-venue">{esc(paper.venue)}</span>' if paper.venue else ""
    return (
        f'<tr id="{esc(paper.id)}" data-date="{esc(paper.date)}" data-sub="{esc(paper.subcategory)}" '
        f'data-methods="{esc(" ".join(paper.methods))}" data-links="{esc(kinds)}">'
        f'<td class="air-date"><time datetime="{esc(paper.date)}">{esc(paper.date)}</time></td>'
        f'<td class="air-paper"><a class="air-title" href="{esc(base + paper.url)}">{short}'
        f'<span class="air-title-text">{esc(paper.title)}</span></a>{venue}</td>'
        f'<td class="air-methods">{render_method_badges(paper, catalog.taxonomy)}</td>'
        f'<td class="air-links">{render_links(paper)}</td></tr>')


def render_table(papers: list[Paper], catalog: Catalog, base: str, label: str) -> str:
    """A scrollable, labelled table of papers (newest first, as the catalog is sorted)."""
    head = "".join(f'<th scope="col" class="air-col-{key}">{title}</th>' for key, title in COLUMNS)
    rows = "".join(render_row(p, catalog, base) for p in papers)
    return (f'<div class="air-table-wrap" role="region" aria-label="{esc(label)}" tabindex="0">'
            f'<table class="air-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>')


def render_category_body(catalog: Catalog, category: Category, base: str = "../") -> str:
    """Markdown headings (for the table of contents) around raw HTML tables, one per subcategory.

    Every HTML block is a single line so Markdown passes it through untouched.
    """
    parts = [render_icon_sprite()]
    groups = [(s.id, s.title, catalog.in_subcategory(category.id, s.id)) for s in category.subcategories]
    if not groups:
        groups = [("papers", "Papers", catalog.in_category(category.id))]
    for sub_id, title, papers in groups:
        parts.append(f"## {md_heading_text(title)} {{ #{sub_id} }}")
        count = f'<p class="air-count" data-count-for="{esc(sub_id)}">{count_label(len(papers))}</p>'
        body = render_table(papers, catalog, base, f"{title} papers") if papers else \
            '<p class="air-empty">No paper in this group yet.</p>'
        parts.append(f'<div class="air-group" data-sub="{esc(sub_id)}">{count}{body}</div>')
    return "\n\n".join(parts) + "\n"
