"""Small text helpers shared by the loader, the importer and the renderers."""
from __future__ import annotations

import re
import unicodedata

NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(\d{4}\.\d{4,5})(?:v\d+)?", re.IGNORECASE)


def slugify_id(text: str) -> str:
    """A lowercase ASCII slug for ids and anchors: 'R1-Searcher++' -> 'r1-searcher-plus-plus'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.replace("+", "-plus").replace("*", "-star").replace("&", "-and-")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def fold_for_search(text: str) -> str:
    """Lowercase and strip accents, so 'Zürich' matches 'zurich'. Only the runs of non-ASCII characters take
    the per-character pass (an abstract with one accented name is otherwise a 10,000-paper build's hot spot)."""
    if text.isascii():
        return text.lower()
    return NON_ASCII_RUN.sub(lambda run: _strip_marks(run.group()), text).lower()


def _strip_marks(text: str) -> str:
    """NFKD, then without combining marks (accents)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def arxiv_id_from_url(url: str) -> str:
    """The bare arXiv id in an arxiv.org URL, or ''."""
    match = ARXIV_URL.search(url)
    return match.group(1) if match else ""


def date_from_arxiv(arxiv: str) -> str:
    """'2505.14362' -> '2025-05' (new-style ids only)."""
    return f"20{arxiv[:2]}-{arxiv[2:4]}"


def dates_allowed_by_arxiv(arxiv: str) -> tuple[str, str]:
    """The months a paper with this id can have been first released in: the id's month, or the month
    before, since arXiv numbers a paper when it is announced and one submitted on the last days of a
    month is announced in the next (2310.00280 was submitted on 30 Sep 2023)."""
    year, month = 2000 + int(arxiv[:2]), int(arxiv[2:4])
    previous = f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"
    return date_from_arxiv(arxiv), previous
