"""The files the site publishes besides its pages: papers.json, papers.bib and feed.xml.

Pure functions of a Catalog; the MkDocs hooks write the returned texts into the built site.
"""
from __future__ import annotations

from .export_bibtex import export_bibtex, render_bibtex_entry
from .export_feed import export_feed
from .export_json import export_json
from .models import Catalog

__all__ = ["render_bibtex_entry", "site_files"]


def site_files(catalog: Catalog, site_url: str) -> dict[str, str]:
    """{'papers.json': ..., 'papers.bib': ..., 'feed.xml': ...}: path under the site root -> text."""
    if not site_url.startswith(("http://", "https://")):
        raise ValueError(f"site_url must be an absolute http(s) URL for the feed's links, not {site_url!r}")
    return {
        "papers.json": export_json(catalog),
        "papers.bib": export_bibtex(catalog),
        "feed.xml": export_feed(catalog, site_url),
    }
