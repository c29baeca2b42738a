"""The definitions page: what interleaving reasoning is, each category, and the boundary rules."""
from __future__ import annotations

from ..models import Boundary, Catalog, Category, Paper
from .category import md_heading_text
from .html import esc


def paper_link(paper: Paper, base: str) -> str:
    """A paper's name linked to its row on its category page."""
    return f'<a href="{esc(base + paper.category + "/")}#{esc(paper.id)}">{esc(paper.name)}</a>'


def boundary_sides(catalog: Catalog, boundary: Boundary) -> list[tuple[str, list[Paper], list[Paper]]]:
    """For each category of a rule: its examples, and the papers filed under it that border the other side."""
    sides = []
    for cat_id, other in (boundary.between, boundary.between[::-1]):
        cat = catalog.taxonomy.category(cat_id)
        examples = [catalog.paper(e) for e in cat.examples if catalog.paper(e)]
        bordering = [p for p in catalog.in_category(cat_id) if p.secondary_category == other and p not in examples]
        sides.append((cat_id, examples, bordering))
    return sides


def boundaries_of(catalog: Catalog, cat_id: str) -> list[tuple[int, Boundary]]:
    """The rules (numbered as the definitions page numbers them) that involve a category."""
    return [(n, b) for n, b in enumerate(catalog.taxonomy.boundaries, start=1) if cat_id in b.between]


def boundary_between(catalog: Catalog, first: str, second: str) -> tuple[int, Boundary] | None:
    """The numbered rule between two categories, if there is one."""
    return next(((n, b) for n, b in boundaries_of(catalog, first) if second in b.between), None)


def render_side(catalog: Catalog, cat_id: str, other_id: str, examples: list[Paper], bordering: list[Paper],
                base: str) -> str:
    """One side of a rule: the category's examples, then the papers filed under it that border the other."""
    title = esc(catalog.taxonomy.category(cat_id).short_title)
    other = esc(catalog.taxonomy.category(other_id).short_title)
    listed = f'<p>{", ".join(paper_link(p, base) for p in examples) or "—"}</p>'
    if bordering:
        listed += (f'<p class="air-bordering">Filed under {title} by the source list, on the border with {other}: '
                   f'{", ".join(paper_link(p, base) for p in bordering)}</p>')
    return f'<div class="air-side"><p><strong>{title}</strong></p>{listed}</div>'


def render_category_intro(catalog: Catalog, category: Category, base: str) -> str:
    """A category page's introduction: its definition, and a link to each boundary rule that tells it apart."""
    rules = []
    for number, boundary in boundaries_of(catalog, category.id):
        other = next(c for c in boundary.between if c != category.id)
        rules.append(f'<a href="{esc(base)}definitions/#{esc(boundary.id)}">Rule {number}: '
                     f'{esc(category.short_title)} or {esc(catalog.taxonomy.category(other).short_title)}? →</a>')
    told = (f'<p class="air-told-apart">How this category is told apart from the others: {" · ".join(rules)}</p>'
            if rules else "")
    feed = (f'<p class="air-follow"><a href="{esc(base + category.id)}/feed.xml" type="application/atom+xml">'
            f'Subscribe (Atom)</a> to the papers added to {esc(category.short_title)} (or to '
            f'<a href="{esc(base)}feed.xml" type="application/atom+xml">the whole catalog</a>)</p>')
    return f'<div class="air-intro"><p>{esc(category.definition)}</p>{told}{feed}</div>'


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
        sides = boundary_sides(catalog, boundary)
        others = dict(zip(boundary.between, boundary.between[::-1]))
        rendered = "".join(render_side(catalog, cat_id, others[cat_id], examples, bordering, base)
                           for cat_id, examples, bordering in sides)
        exception = ('<p class="air-exception">Papers on the line stay where the source list filed them, even where '
                     'this rule would put them on the other side, and are marked as bordering that side: their '
                     'notes say why.</p>' if any(bordering for _, _, bordering in sides) else "")
        parts.append(f'<div class="air-rule"><p class="air-rule-text">{esc(boundary.rule)}</p>'
                     f'<p>{esc(boundary.reasoning)}</p><div class="air-sides">{rendered}</div>{exception}</div>')
    return "\n\n".join(parts) + "\n"
