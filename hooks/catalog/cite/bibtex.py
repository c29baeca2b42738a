"""BibTeX: one entry per paper, keyed by the paper's id.

A conference or workshop paper is an @inproceedings with its proceedings as `booktitle`, a journal
paper an @article with its `journal`, anything else a @misc; an arXiv paper has `eprint` and
`archivePrefix` (which biblatex turns into an arXiv link) and the arXiv DOI. `primaryClass`, the arXiv
category, is left out: no source of the data gives it, and no standard style needs it.

Only the case that styles would otherwise lose is protected: styles lowercase a title's words for
sentence case, so acronyms and names written with inner capitals or digits (LLM, VLMs, DeepEyes,
GoT-R1, 3D) are braced, and so are the other capitalised parts of a hyphenated name they belong to
(Search-R1). A proper noun with only its first letter capitalised cannot be told from an ordinary
word and is left to the style.
"""
from __future__ import annotations

import re

from ..models import Author
from .model import Citation

# Characters with a meaning in (La)TeX, each spelled as a command in braces: BibTeX counts braces even after a
# backslash, so a lone '\{' would break the entry, and a brace group starting with a backslash is one "special
# character" to BibTeX, which styles never cut into (alpha's labels, abbrv's initials) nor change the case of.
BIBTEX_SPECIAL = {
    "\\": r"{\textbackslash}", "{": r"{\textbraceleft}", "}": r"{\textbraceright}", "&": r"{\&}", "%": r"{\%}",
    "$": r"{\$}", "#": r"{\#}", "_": r"{\_}", "~": r"{\textasciitilde}", "^": r"{\textasciicircum}",
    "<": r"{\textless}", ">": r"{\textgreater}",
}
# Words (letters and digits) joined by hyphens: 'GoT-R1', 'Chain-of-Thought', 'Search'.
COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
URL_SPECIAL = {"{": "%7B", "}": "%7D", "\\": "%5C"}
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
ENTRY_TYPES = {"conference": ("inproceedings", "booktitle"), "workshop": ("inproceedings", "booktitle"),
               "journal": ("article", "journal")}
HEADER = "% Awesome Interleaving Reasoning: {count} papers, generated from data/ by the catalog package.\n"


BIBTEX_SPECIAL_CHARACTER = re.compile("|".join(map(re.escape, BIBTEX_SPECIAL)))


def escape_bibtex(text: str) -> str:
    r"""Escape TeX special characters ('50% & $x' -> '50{\%} {\&} {\$}x'); line breaks become spaces."""
    text = text.replace("\r", " ").replace("\n", " ")
    return BIBTEX_SPECIAL_CHARACTER.sub(lambda match: BIBTEX_SPECIAL[match.group()], text)


def keeps_its_case(word: str) -> bool:
    """An acronym or a name a style must not lowercase: a capital after the first letter (LLM, VLMs,
    DeepEyes, iPhone, 3D) or a capital with a digit (R1, N1)."""
    return any(c.isupper() for c in word[1:]) or (word[:1].isupper() and any(c.isdigit() for c in word))


def protect_compound(compound: str) -> str:
    """A hyphenated run of words with its names braced: 'GoT-R1' -> '{GoT}-{R1}', 'Search-R1' ->
    '{Search}-{R1}', 'X-Reasoner' -> '{X}-{Reasoner}'; 'Chain-of-Thought' stays as it is."""
    words = compound.split("-")
    is_name = any(keeps_its_case(w) or (len(words) > 1 and len(w) == 1 and w.isupper()) for w in words)
    if not is_name:
        return compound
    return "-".join(f"{{{w}}}" if w[:1].isupper() or keeps_its_case(w) else w for w in words)


def protect_case(text: str) -> str:
    """Text escaped for BibTeX with the words whose case styles must keep braced (module docstring)."""
    parts, end = [], 0
    for match in COMPOUND.finditer(text):
        parts += [escape_bibtex(text[end:match.start()]), protect_compound(match.group())]
        end = match.end()
    parts.append(escape_bibtex(text[end:]))
    return "".join(parts)


def bibtex_name(author: Author) -> str:
    """One name of an `author` field: 'Family, Given' for a person, so no style has to guess where the family
    name starts; an organisation braced whole, so none splits it. A word 'and' inside a name is braced, or
    BibTeX would read it as the separator between two names, and so is a word holding a comma, which
    BibTeX would read as the end of the family name."""
    if author.organisation:
        return "{" + escape_bibtex(author.name) + "}"

    def protect(part: str) -> str:
        return " ".join(f"{{{escape_bibtex(word)}}}" if word.lower() == "and" or "," in word else escape_bibtex(word)
                        for word in part.split())
    return f"{protect(author.family)}, {protect(author.given)}" if author.given else protect(author.family)


def bibtex_authors(citation: Citation) -> str:
    """The `author` field: every name joined by ' and ', ending in 'and others' when the list is partial."""
    names = [bibtex_name(a) for a in citation.authors] + ([] if citation.authors_complete else ["others"])
    return " and ".join(names)


def escape_bibtex_url(url: str) -> str:
    """A URL safe in a braced field: braces and backslashes percent-encoded."""
    return "".join(URL_SPECIAL.get(c, c) for c in url)


def render_bibtex_entry(citation: Citation) -> str:
    """The entry of one paper."""
    entry_type, venue_field = ENTRY_TYPES.get(citation.kind, ("misc", ""))
    fields = [("author", f"{{{bibtex_authors(citation)}}}")] if citation.authors else []
    fields.append(("title", f"{{{protect_case(citation.title)}}}"))
    if venue_field:
        fields.append((venue_field, f"{{{escape_bibtex(citation.container_title)}}}"))
    fields.append(("year", f"{{{citation.year}}}"))
    if citation.month:
        fields.append(("month", MONTH_MACROS[citation.month - 1]))  # a macro, so each style names the month its way
    if citation.arxiv:
        fields += [("eprint", f"{{{citation.arxiv}}}"), ("archivePrefix", "{arXiv}")]
    fields.append(("url", f"{{{escape_bibtex_url(citation.url)}}}"))
    if citation.doi:
        fields.append(("doi", f"{{{citation.doi}}}"))
    body = "".join(f"  {name} = {value},\n" for name, value in fields)
    return f"@{entry_type}{{{citation.key},\n{body}}}\n"


def bibtex_file(entries: list[str]) -> str:
    """A .bib file of rendered entries, with a comment line naming where it comes from."""
    return HEADER.format(count=len(entries)) + "\n" + "\n".join(entries)
