"""Atom feeds of the papers most recently added: one for the catalog (feed.xml), one per category
(<category>/feed.xml, its own papers and those on its border)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .models import Catalog, Paper

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_SIZE = 30
FEED_TITLE = "Awesome Interleaving Reasoning: recently added papers"
FEED_AUTHOR = "Awesome Interleaving Reasoning"
FEED_FILE = "feed.xml"
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
EPOCH = "1970-01-01T00:00:00Z"  # `updated` of an empty feed, so the output stays deterministic
# Characters XML 1.0 cannot hold at all, even escaped.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 forbids removed (ElementTree escapes the rest)."""
    return XML_INVALID.sub("", text)


def recent_papers(catalog: Catalog, count: int = FEED_SIZE, category: str = "") -> list[Paper]:
    """The count most recently added papers (of one category, with the papers bordering it, if given): by
    `added`, then by date, newest first."""
    papers = [p for p in catalog.papers if not category or category in (p.category, p.secondary_category)]
    return sorted(papers, key=lambda p: (p.added, p.date), reverse=True)[:count]


def feed_path(category: str = "") -> str:
    """Where a feed is published: feed.xml, or <category>/feed.xml."""
    return f"{category}/{FEED_FILE}" if category else FEED_FILE


def atom_time(paper: Paper) -> str:
    """RFC 3339 time of the day the paper was added (else the first day of its month)."""
    day = paper.added or f"{paper.date}-01"
    return f"{day}T00:00:00Z"


def export_feed(catalog: Catalog, site_url: str, category: str = "") -> str:
    """The Atom feed (UTF-8 XML text) of the catalog or of one category, with links to the papers' pages under
    site_url."""
    base = site_url.rstrip("/") + "/"
    papers = recent_papers(catalog, category=category)
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    home = catalog.taxonomy.category(category) if category else None
    _sub(feed, "title", f"{FEED_TITLE} in {home.title}" if home else FEED_TITLE)
    _sub(feed, "id", base + (home.url if home else ""))
    _sub(feed, "updated", max((atom_time(p) for p in papers), default=EPOCH))
    _sub(feed, "link", rel="self", href=base + feed_path(category))
    _sub(feed, "link", rel="alternate", href=base + (home.url if home else ""))
    _sub(_sub(feed, "author"), "name", FEED_AUTHOR)
    for paper in papers:
        entry = _sub(feed, "entry")
        category = catalog.taxonomy.category(paper.category)
        _sub(entry, "title", xml_text(paper.title))
        _sub(entry, "id", base + paper.url)
        _sub(entry, "link", rel="alternate", href=xml_text(base + paper.url))
        for author in paper.authors:
            _sub(_sub(entry, "author"), "name", xml_text(author.name))
        _sub(entry, "category", term=paper.category, label=category.title if category else paper.category)
        _sub(entry, "published", atom_time(paper))
        _sub(entry, "updated", atom_time(paper))
        _sub(entry, "summary", xml_text(paper.abstract or paper.title))
    ET.indent(feed)
    return XML_DECLARATION + ET.tostring(feed, encoding="unicode") + "\n"


def _sub(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    """Append an Atom element with optional text and attributes."""
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attributes)
    if text:
        element.text = text
    return element
