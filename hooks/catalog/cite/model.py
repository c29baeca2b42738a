"""The citation of a paper: what every citation format says about it, read from the paper once.

BibTeX, RIS, CSL-JSON, the Highwire Press tags and the COinS spans all render this model, so they
cannot disagree. It holds only what the data gives; nothing is looked up or guessed. Abstracts stay out
of citations (papers.json and the paper pages carry them): they would double the citation files, which
a 10,000-paper build holds in memory, for text no citation prints.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Author, Paper

PREPRINT = "preprint"  # the kind of a paper with no venue; the others are a venue's kind
ARXIV_DOI_PREFIX = "10.48550/arXiv."  # arXiv registers a DataCite DOI for every paper under this prefix
ARXIV_PDF_URL = "https://arxiv.org/pdf/{arxiv}"
VENUE_YEAR = re.compile(r"\b(\d{4})$")  # the year that ends a venue's short name ("ICLR 2026")
# What RIS and CSL-JSON, which cannot say "and others", note on a paper whose author list is partial.
PARTIAL_AUTHORS_NOTE = "The author list is incomplete: only the authors its source shows are listed."


@dataclass(frozen=True)
class Citation:
    """One paper as citations see it."""

    key: str  # the paper id: the BibTeX key and the CSL id
    kind: str  # conference, journal, workshop or preprint
    title: str
    authors: tuple[Author, ...]
    authors_complete: bool
    year: str
    month: int  # 1-12, or 0 when the data has no month for this citation
    container_title: str  # the proceedings or journal (the venue's full name); '' for a preprint
    arxiv: str
    doi: str
    url: str

    @property
    def published(self) -> bool:
        return self.kind != PREPRINT

    @property
    def pdf_url(self) -> str:
        """The arXiv PDF, or '' for a paper not on arXiv."""
        return ARXIV_PDF_URL.format(arxiv=self.arxiv) if self.arxiv else ""


def inverted_name(author: Author) -> str:
    """'Family, Given' for a person (so no reader has to guess where the family name starts), the whole
    name for an organisation or a one-word name."""
    return f"{author.family}, {author.given}" if author.given else author.family


def citation_date(paper: Paper) -> tuple[str, int]:
    """(year, month) to cite. A preprint is cited by its first release (the paper's date). A published
    paper is cited by its venue's year ('ICLR 2026' for a paper on arXiv since 2025-05), with no month:
    the data does not say in which month the proceedings appeared."""
    if not paper.venue:
        return paper.year, int(paper.date[5:7])
    match = VENUE_YEAR.search(paper.venue.name)
    return (match.group(1) if match else paper.year), 0


def citation_of(paper: Paper) -> Citation:
    """The citation of a catalog paper."""
    year, month = citation_date(paper)
    return Citation(
        key=paper.id, kind=paper.venue.kind if paper.venue else PREPRINT, title=paper.title,
        authors=paper.authors, authors_complete=paper.authors_complete, year=year, month=month,
        container_title=paper.venue.full_name if paper.venue else "", arxiv=paper.arxiv,
        doi=ARXIV_DOI_PREFIX + paper.arxiv if paper.arxiv else "", url=paper.links.paper[0])
