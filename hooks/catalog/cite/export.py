"""The citation files: the whole catalog as papers.bib, papers.ris and papers.csl.json, and each paper
alone as papers/<id>/cite.bib, cite.ris and cite.json, beside its page.

Each paper's text is rendered once and the catalog's file is joined from the same texts, so a paper's
own file says exactly what the catalog's file says about it, and a selection of papers can be cited by
joining their files. Plain string work, linear in the catalog.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import Catalog
from .bibtex import bibtex_file, render_bibtex_entry
from .csl import csl_file, render_csl_item
from .model import Citation, citation_of
from .ris import render_ris_record


@dataclass(frozen=True)
class CiteFormat:
    name: str  # as the paper page names it
    paper_file: str  # beside each paper's page
    catalog_file: str  # at the site root
    render: Callable[[Citation], str]  # one paper's text
    join: Callable[[list[str]], str]  # the catalog's file from every paper's text, in catalog order
    alone: Callable[[str], str]  # a paper's own file from its text


BIBTEX = CiteFormat("BibTeX", "cite.bib", "papers.bib", render_bibtex_entry, bibtex_file, str)
RIS = CiteFormat("RIS", "cite.ris", "papers.ris", render_ris_record, "".join, str)
CSL_JSON = CiteFormat("CSL-JSON", "cite.json", "papers.csl.json", render_csl_item, csl_file, lambda text: csl_file([text]))
CITE_FORMATS = (BIBTEX, RIS, CSL_JSON)


def export_citations(cite_format: CiteFormat, catalog: Catalog) -> str:
    """Every catalog paper in one format: the text of its catalog file."""
    return cite_format.join([cite_format.render(citation_of(p)) for p in catalog.papers])


def cite_files(catalog: Catalog) -> dict[str, str]:
    """Path under the site root -> text, for the catalog's three files and each paper's three."""
    files: dict[str, str] = {}
    texts: dict[CiteFormat, list[str]] = {f: [] for f in CITE_FORMATS}
    for paper in catalog.papers:
        citation = citation_of(paper)
        for cite_format, collected in texts.items():
            text = cite_format.render(citation)
            collected.append(text)
            files[paper.url + cite_format.paper_file] = cite_format.alone(text)
    return files | {f.catalog_file: f.join(collected) for f, collected in texts.items()}
