"""The definitions page: what interleaving reasoning is, each category, and the boundary rules."""
from __future__ import annotations

from .models import Boundary, Catalog, Paper
from .render_category import md_heading_text
from .render_html import esc


def paper_link(paper: Paper, base: str) -> str:
    """A paper's name linked to its row on its category page."""
    return f'<a href="{esc(base + paper.category + "/")}#{esc(paper.id)}">{esc(paper.name)}</a>'


def boundary_sides(catalog: Catalog, boundary: Boundary) -> list[tuple[str, list[Paper]]]:
    """For each category of a rule: its listed examples plus the papers that border the other side."""
    sides = []
    for cat_id, other in (boundary.between, boundary.between[::-1]):
        cat = catalog.taxonomy.category(cat_id)
        examples = [catalog.paper(e) for e in cat.examples if catalog.paper(e)]
        bordering = [p for p in catalog.in_category(cat_id) if p.secondary_category == other]
        sides.append((cat_id, examples + [p for p in bordering if p not in examples]))
    return sides


def render_interleaving(catalog: Catalog) -> str:
    """The general definition and its contrast with standard reasoning."""
    tax = catalog.taxonomy
    return f'<p class="air-lead">{esc(tax.interleaving_reasoning)}</p><p>{esc(tax.standard_reasoning)}</p>'


def render_category_definitions(catalog: Catalog, base: str = "../") -> str:
    """A heading and definition per category, with its examples and a link to its papers."""
    parts = []
    for cat in catalog.taxonomy.categories:
        examples = ", ".join(paper_link(catalog.paper(e), base) for e in cat.examples if catalog.paper(e))
        parts.append(f"### {md_heading_text(cat.title)} {{ #{cat.id} }}")
        parts.append(f'<div class="air-def"><p>{esc(cat.definition)}</p><p><strong>Examples:</strong> {examples}. '
                     f'<a href="{esc(base + cat.url)}">All {len(catalog.in_category(cat.id))} papers →</a></p></div>')
    return "\n\n".join(parts) + "\n"


def render_boundaries(catalog: Catalog, base: str = "../") -> str:
    """Each boundary rule with its reasoning and the catalog papers on either side of it."""
    parts = []
    for number, boundary in enumerate(catalog.taxonomy.boundaries, start=1):
        a, b = (catalog.taxonomy.category(c) for c in boundary.between)
        parts.append(f"### Rule {number}: {md_heading_text(a.short_title)} or {md_heading_text(b.short_title)}? "
                     f"{{ #{boundary.id} }}")
        sides = "".join(
            f'<div class="air-side"><p><strong>{esc(catalog.taxonomy.category(cat_id).short_title)}</strong></p>'
            f'<p>{", ".join(paper_link(p, base) for p in papers) or "—"}</p></div>'
            for cat_id, papers in boundary_sides(catalog, boundary))
        parts.append(f'<div class="air-rule"><p class="air-rule-text">{esc(boundary.rule)}</p>'
                     f'<p>{esc(boundary.reasoning)}</p><div class="air-sides">{sides}</div></div>')
    return "\n\n".join(parts) + "\n"
