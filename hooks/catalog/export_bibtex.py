"""BibTeX for the catalog: one @misc entry per paper, keyed by the paper's id."""
from __future__ import annotations

import re

from .models import Author, Catalog, Paper

# Characters with a meaning in (La)TeX, spelled so that braces always stay balanced: BibTeX
# counts braces even after a backslash, so a lone '\{' would break the entry.
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%",
    "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}",
}
BIBTEX_SPECIAL_CHARACTER = re.compile("|".join(map(re.escape, BIBTEX_SPECIAL)))
WORD = re.compile(r"([^\W_]+)")
URL_SPECIAL = {"{": "%7B", "}": "%7D", "\\": "%5C"}
HEADER = "% Awesome Interleaving Reasoning: {count} papers, generated from data/ by the catalog package.\n"


def escape_bibtex(text: str) -> str:
    r"""Escape TeX special characters ('50% & $x' -> '50\% \& \$x'); line breaks become spaces."""
    text = text.replace("\r", " ").replace("\n", " ")
    return BIBTEX_SPECIAL_CHARACTER.sub(lambda match: BIBTEX_SPECIAL[match.group()], text)


def bibtex_title(text: str) -> str:
    """A title escaped for BibTeX, each word holding a capital braced ('GoT-R1' -> '{GoT}-{R1}') so styles keep it."""
    parts = WORD.split(text)
    # split() with a group alternates: even indexes are the text between words, odd ones the words.
    return "".join(
        (f"{{{part}}}" if any(c.isupper() for c in part) else part) if index % 2 else escape_bibtex(part)
        for index, part in enumerate(parts))


def bibtex_name(author: Author) -> str:
    """One name of an `author` field: 'Family, Given' for a person, so no style has to guess where the family
    name starts; an organisation braced whole, so none splits it. A word 'and' inside a name is braced too,
    or BibTeX would read it as the separator between two names."""
    if author.organisation:
        return "{" + escape_bibtex(author.name) + "}"
    protect = lambda part: " ".join("{and}" if word.lower() == "and" else escape_bibtex(word) for word in part.split())
    return f"{protect(author.family)}, {protect(author.given)}" if author.given else protect(author.family)


def bibtex_authors(paper: Paper) -> str:
    """The `author` field: every name joined by ' and ', ending in 'and others' when the list is partial."""
    names = [bibtex_name(a) for a in paper.authors] + ([] if paper.authors_complete else ["others"])
    return " and ".join(names)


def escape_bibtex_url(url: str) -> str:
    """A URL safe in a braced field: braces and backslashes percent-encoded."""
    return "".join(URL_SPECIAL.get(c, c) for c in url)


def render_bibtex_entry(paper: Paper) -> str:
    """The @misc entry of one paper (with eprint and archivePrefix when it is on arXiv)."""
    fields = [("author", bibtex_authors(paper))] if paper.authors else []
    fields.append(("title", bibtex_title(paper.title)))
    if paper.date:
        fields.append(("year", paper.year))
    if paper.arxiv:
        fields += [("eprint", paper.arxiv), ("archivePrefix", "arXiv")]
    if paper.venue:
        fields.append(("note", escape_bibtex(paper.venue.name)))
    fields.append(("url", escape_bibtex_url(paper.links.paper[0])))
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@misc{{{paper.id},\n{body}}}\n"


def export_bibtex(catalog: Catalog) -> str:
    """Every catalog paper as BibTeX, in catalog order."""
    entries = [render_bibtex_entry(p) for p in catalog.papers]
    return HEADER.format(count=len(entries)) + "\n" + "\n".join(entries)
