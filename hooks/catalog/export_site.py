"""The files the site publishes besides its pages: papers.json, the citation files, the feeds and the files
beside the table pages (their rows or search texts).

`site_files` is a pure function of a Catalog, whose texts the MkDocs hooks add to the site; `write_listing_files`
writes the table pages' files into the built site itself.
"""
from __future__ import annotations

import json
from pathlib import Path

from .cite.export import cite_files
from .export_feed import export_feed, feed_path
from .export_json import export_json
from .models import Catalog
from .render.category import listing_files
from .render.paper import PAPERS_DIR


def site_files(catalog: Catalog, site_url: str) -> dict[str, str]:
    """Path under the site root -> text: papers.json, feed.xml and each category's <category>/feed.xml,
    papers.bib, papers.ris, papers.csl.json, and each paper's cite.bib, cite.ris and cite.json beside its page
    (papers/<id>/). The table pages' files come after the build (write_listing_files)."""
    if not site_url.startswith(("http://", "https://")):
        raise ValueError(f"site_url must be an absolute http(s) URL for the feed's links, not {site_url!r}")
    feeds = {feed_path(c): export_feed(catalog, site_url, c) for c in ["", *(c.id for c in catalog.taxonomy.categories)]}
    return {"papers.json": export_json(catalog)} | feeds | cite_files(catalog)


def beside_a_paper_page(path: str) -> bool:
    """Whether a published file sits in a paper page's folder (papers/<id>/cite.bib, ...). There are thousands:
    the build writes them with the paper's page (catalog.paper_pages), for as MkDocs files (objects it copies
    and tracks) they cost a 10,000-paper build a fifth of its time and 150 MB."""
    return path.startswith(PAPERS_DIR + "/") and path.count("/") == 2


def write_listing_files(site_dir: Path, catalog: Catalog) -> None:
    """Write the file beside each table page (its rows file in island mode, its texts file inline; see
    render.category) into a built site, one at a time: at 10,000 papers they are 80 MB of JSON, which the build
    need not hold while pages render. ASCII JSON, so that each is a compact string in memory (one character beyond
    Latin-1 would make all 4 bytes)."""
    for path, content in listing_files(catalog):
        (site_dir / path).write_text(json.dumps(content), encoding="ascii")
