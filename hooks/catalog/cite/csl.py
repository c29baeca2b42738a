"""CSL-JSON, the item format of the Citation Style Language (Zotero, Mendeley, pandoc's citeproc).

One item per paper: type paper-conference (a conference or workshop paper), article-journal or
article (a preprint, or any other paper); authors as {family, given}, an organisation as {literal};
issued as date-parts; the proceedings or journal as container-title; DOI and URL. A preprint on
arXiv also has archive 'arXiv' and number 'arXiv:<id>', which APA prints as '(arXiv:<id>). arXiv.';
a published paper has neither, since styles would print them as an article number of the venue.
"""
from __future__ import annotations

import json

from ..models import Author
from .model import PARTIAL_AUTHORS_NOTE, Citation

CSL_TYPES = {"conference": "paper-conference", "workshop": "paper-conference", "journal": "article-journal"}
OTHER_TYPE = "article"


def csl_name(author: Author) -> dict:
    """{family, given} for a person ({family} alone for a one-word name), {literal} for an organisation."""
    if author.organisation:
        return {"literal": author.name}
    return {"family": author.family, "given": author.given} if author.given else {"family": author.family}


def csl_item(citation: Citation) -> dict:
    """The CSL-JSON item of one paper."""
    item = {"id": citation.key, "type": CSL_TYPES.get(citation.kind, OTHER_TYPE), "title": citation.title,
            "author": [csl_name(a) for a in citation.authors],
            "issued": {"date-parts": [[int(citation.year), citation.month] if citation.month else [int(citation.year)]]}}
    if citation.container_title:
        item["container-title"] = citation.container_title
    if citation.arxiv and not citation.published:
        item |= {"archive": "arXiv", "number": f"arXiv:{citation.arxiv}"}
    if citation.doi:
        item["DOI"] = citation.doi
    item["URL"] = citation.url
    if not citation.authors_complete:
        item["note"] = PARTIAL_AUTHORS_NOTE
    return item


def render_csl_item(citation: Citation) -> str:
    """One item as JSON text on one line."""
    return json.dumps(csl_item(citation), ensure_ascii=False)


def csl_file(items: list[str]) -> str:
    """A CSL-JSON file (a top-level array, the form Zotero and pandoc import) of rendered items, one a line."""
    return "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"
