"""Highwire Press tags: the <meta name="citation_..."> tags of a paper page, which Zotero's connector and
Google Scholar read (names as Google Scholar's inclusion guidelines give them)."""
from __future__ import annotations

from .model import Citation, inverted_name


def highwire_tags(citation: Citation, page_url: str) -> list[tuple[str, str]]:
    """(name, content) pairs, unescaped: title, one author each ('Family, Given'), publication date
    (2025/05 or 2026), arXiv id and PDF, the page itself as the abstract page, and the venue."""
    tags = [("citation_title", citation.title)]
    tags += [("citation_author", inverted_name(a)) for a in citation.authors]
    tags.append(("citation_publication_date", f"{citation.year}/{citation.month:02d}" if citation.month else citation.year))
    if citation.arxiv:
        tags += [("citation_arxiv_id", citation.arxiv), ("citation_pdf_url", citation.pdf_url)]
    tags.append(("citation_abstract_html_url", page_url))
    if citation.kind == "journal":
        tags.append(("citation_journal_title", citation.container_title))
    elif citation.published:
        tags.append(("citation_conference_title", citation.container_title))
    return tags
