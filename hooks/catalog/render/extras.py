"""The remaining pages of the source list: standard-reasoning examples, activities, data sets."""
from __future__ import annotations

from collections import defaultdict

from ..models import Catalog, Paper
from .category import count_label
from .html import esc, render_icon_sprite, render_links, url_host


def render_standard_examples(catalog: Catalog) -> str:
    """The standard (single-pass) reasoning examples as a list with their links."""
    items = "".join(
        f'<li><strong>{esc(p.name)}</strong> — {esc(p.title)} <span class="air-muted">({esc(p.date)})</span> '
        f'<span class="air-links">{render_links(p)}</span></li>' for p in catalog.standard_examples)
    return f'{render_icon_sprite()}<ul class="air-examples">{items}</ul>'


def render_activities(catalog: Catalog, base: str = "../") -> str:
    """The group's workshop and highlighted papers, each with its links."""
    items = []
    for activity in catalog.activities:
        paper = catalog.paper(activity.paper) if activity.paper else None
        page = f' <a href="{esc(base + paper.url)}">Catalog entry →</a>' if paper else ""
        links = " · ".join(f'<a href="{esc(url)}" rel="noopener">{esc(label)}</a>' for label, url in activity.links)
        items.append(f'<li class="air-activity air-activity--{esc(activity.kind)}"><p><strong>{esc(activity.title)}'
                     f'</strong></p><p>{esc(activity.summary)}</p><p>{links}{page}</p></li>')
    return f'<ul class="air-activities">{"".join(items)}</ul>'


def datasets_by_url(catalog: Catalog) -> dict[str, list[Paper]]:
    """Every data-set link in the catalog and the papers that list it, in first-seen order."""
    found: dict[str, list[Paper]] = defaultdict(list)
    for paper in catalog.papers:
        for url in paper.links.datasets:
            found[url].append(paper)
    return dict(found)


def dataset_name(url: str) -> str:
    """A readable name for a data-set URL: the last two path parts on hubs, else host and path."""
    parts = [p for p in url.split("?")[0].split("#")[0].rstrip("/").split("/")[3:] if p]
    if url_host(url) in ("huggingface.co", "hf.co") and parts[:1] == ["datasets"]:
        return "/".join(parts[1:3])
    return f"{url_host(url)}/{'/'.join(parts[:2])}" if parts else url_host(url)


def render_datasets(catalog: Catalog, base: str = "../") -> str:
    """A table of data sets (from the papers' data-set links) with the papers that release or use them.

    Search skips the table (`data-search-exclude`): each paper's own search entry names its data
    sets, so a data set's name finds the papers behind it (see search_index.facts_text)."""
    rows = []
    for url, papers in datasets_by_url(catalog).items():
        users = ", ".join(f'<a href="{esc(base + p.url)}">{esc(p.name)}</a>' for p in papers)
        rows.append(f'<tr><td><a href="{esc(url)}" rel="noopener">{esc(dataset_name(url))}</a></td>'
                    f'<td>{esc(url_host(url))}</td><td>{users}</td></tr>')
    head = '<thead><tr><th scope="col">Data set</th><th scope="col">Host</th><th scope="col">Papers</th></tr></thead>'
    return (f'<p class="air-count">{count_label(len(rows), "data set")} linked from the catalog.</p>'
            f'<div class="air-table-wrap" role="region" aria-label="Data sets" tabindex="0">'
            f'<table class="air-table air-datasets" data-search-exclude>{head}<tbody>{"".join(rows)}</tbody></table></div>')


