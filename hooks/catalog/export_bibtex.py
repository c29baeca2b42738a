"""BibTeX for the catalog: one @misc entry per paper, keyed by the paper's id."""
from __future__ import annotations

import re

from .models import Catalog, Paper

# Characters with a meaning in (La)TeX, spelled so that braces always stay balanced: BibTeX
# counts braces even after a backslash, so a lone '\{' would break the entry.
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%",
    "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}",
}
WORD = re.compile(r"([^\W_]+)")
URL_SPECIAL = {"{": "%7B", "}": "%7D", "\\": "%5C"}
HEADER = "% Awesome Interleaving Reasoning: {count} papers, generated from data/ by the catalog package.\n"


def escape_bibtex(text: str) -> str:
    r"""Escape TeX special characters ('50% & $x' -> '50\% \& \$x'); line breaks become spaces."""
    return "".join(BIBTEX_SPECIAL.get(c, c) for c in text.replace("\r", " ").replace("\n", " "))


def bibtex_title(text: str) -> str:
    """A title escaped for BibTeX, each word holding a capital braced ('GoT-R1' -> '{GoT}-{R1}') so styles keep it."""
    parts = WORD.split(text)
    # split() with a group alternates: even indexes are the text between words, odd ones the words.
    return "".join(
        (f"{{{part}}}" if any(c.isupper() for c in part) else part) if index % 2 else escape_bibtex(part)
        for index, part in enumerate(parts))


def escape_bibtex_url(url: str) -> str:
    """A URL safe in a braced field: braces and backslashes percent-encoded."""
    return "".join(URL_SPECIAL.get(c, c) for c in url)


def render_bibtex_entry(paper: Paper) -> str:
    """The @misc entry of one paper (with eprint and archivePrefix when it is on arXiv)."""
    fields = [("title", bibtex_title(paper.title))]
    if paper.date:
        fields.append(("year", paper.year))
    if paper.arxiv:
        fields += [("eprint", paper.arxiv), ("archivePrefix", "arXiv")]
    if paper.venue:
        fields.append(("note", escape_bibtex(paper.venue)))
    fields.append(("url", escape_bibtex_url(paper.links.paper[0])))
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@misc{{{paper.id},\n{body}}}\n"


def export_bibtex(catalog: Catalog) -> str:
    """Every catalog paper as BibTeX, in catalog order."""
    entries = [render_bibtex_entry(p) for p in catalog.papers]
    return HEADER.format(count=len(entries)) + "\n" + "\n".join(entries)
