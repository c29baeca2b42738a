"""Read listings of new papers, as maintainers paste them, into candidates for `catalog triage`.

`read_listing(text, source)` tells the forms apart:

* BibTeX (`@article{key, title = {...}, eprint = {2505.14362}, ...}`): title, arXiv id (eprint, or an
  arxiv.org URL or 'arXiv:ID' in any field) and abstract of each entry;
* a list of arXiv ids or arxiv.org links, one a line (anything after the id on the line is its title);
* an awesome list in a format `catalog import` knows (`importer.read_awesome_list`): title and arXiv id
  of each entry;
* otherwise, text read block by block (blocks are separated by blank lines), which covers a Hugging
  Face daily-papers page copied as text (a title line, then its abstract), blocks of `Abstract:` text
  (no title), arXiv abstract text with ids (the abstract, then `arXiv:ID` and `Created: ...` lines)
  and arXiv's listing form (`arXiv:ID`, `Title: ...`, `Abstract: ...`). A block of prose is an
  abstract: it starts a candidate, titled by the one-line block just before it when that line reads
  like a title. An arXiv id goes to the candidate it follows when that one has none yet (arXiv
  abstract text), else to the next one (arXiv's listing form).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .importer import detect_format, read_awesome_list, read_bracket
from .models import Taxonomy
from .mojibake import looks_like_mojibake, repair_mojibake
from .text import arxiv_id_from_url

ARXIV_IN_TEXT = re.compile(r"(?:arxiv:\s*|arxiv\.org/(?:abs|pdf|html)/)(\d{4}\.\d{4,5})(?:v\d+)?", re.IGNORECASE)
ARXIV_START = re.compile(r"^(?:arxiv:\s*)(\d{4}\.\d{4,5})(?:v\d+)?", re.IGNORECASE)
ARXIV_LINE = re.compile(r"^\s*(?:arxiv:\s*)?(\d{4}\.\d{4,5})(?:v\d+)?\b\s*(.*)$", re.IGNORECASE)
BIBTEX_ENTRY = re.compile(r"@\s*([A-Za-z]+)\s*\{", re.MULTILINE)
BIBTEX_FIELD = re.compile(r"([A-Za-z_-]+)\s*=\s*")
METADATA_LINE = re.compile(r"^(created|updated|comments?|authors?|subjects?|journal-ref|doi|submitted|report-no|"
                           r"categories|msc-class|acm-class)\s*:", re.IGNORECASE)
LABELLED = re.compile(r"^(title|abstract)\s*:\s*", re.IGNORECASE)
ABSTRACT_LENGTH = 250  # a block of prose at least this long is an abstract
TITLE_LENGTH = 300
TITLE_WORDS = 3


@dataclass
class Candidate:
    """A paper read from a listing: what the listing says of it, and where."""

    source: str  # the listing's file name
    line: int
    title: str = ""
    arxiv: str = ""
    abstract: str = ""

    @property
    def label(self) -> str:
        """How a report names it: its title, else the opening of its abstract, else its arXiv id."""
        if self.title or not self.abstract:
            return self.title or f"arXiv:{self.arxiv}"
        return self.abstract[:70].rsplit(" ", 1)[0] + "…"


def read_listing(text: str, source: str, taxonomy: Taxonomy) -> tuple[str, list[Candidate]]:
    """(the form the listing is in, its candidates in listing order)."""
    if looks_like_mojibake(text):
        text = repair_mojibake(text)
    if BIBTEX_ENTRY.search(text):
        return "BibTeX", read_bibtex(text, source)
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(ARXIV_LINE.match(line) or arxiv_id_from_url(line) for line in lines):
        return "arXiv ids", read_id_list(text, source)
    try:
        detect_format(text)
    except ValueError:
        return "text", read_text_blocks(text, source)
    result = read_awesome_list(text, taxonomy)
    return result.format, [Candidate(source, 0, title=e["title"], arxiv=e.get("arxiv", "")) for e in result.entries]


# BibTeX and id lists


def read_bibtex(text: str, source: str) -> list[Candidate]:
    """Each @entry's title, arXiv id and abstract; braces and quotes around values, and braces inside, come off."""
    candidates = []
    for match in BIBTEX_ENTRY.finditer(text):
        if match.group(1).lower() in ("comment", "string", "preamble"):
            continue
        try:
            body, _ = read_bracket(text, match.end() - 1, "{", "}")
        except ValueError:
            continue
        fields = bibtex_fields(body)
        arxiv = next((m.group(1) for value in fields.values() if (m := ARXIV_IN_TEXT.search(value))), "")
        if not arxiv and re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?", fields.get("eprint", "")):
            arxiv = fields["eprint"].split("v")[0]
        candidates.append(Candidate(source, text.count("\n", 0, match.start()) + 1, title=fields.get("title", ""),
                                    arxiv=arxiv, abstract=fields.get("abstract", "")))
    return candidates


def bibtex_fields(body: str) -> dict[str, str]:
    """'key, title = {A {B}}, year = 2025' -> {'title': 'A B', 'year': '2025'} (lowercase names, spaces folded)."""
    fields = {}
    pos = body.find(",") + 1
    while match := BIBTEX_FIELD.search(body, pos):
        start = match.end()
        if start < len(body) and body[start] == "{":
            value, pos = read_bracket(body, start, "{", "}")
        elif start < len(body) and body[start] == '"':
            end = body.find('"', start + 1)
            value, pos = body[start + 1 : end], end + 1
        else:
            value = re.match(r"[^,]*", body[start:]).group()
            pos = start + len(value)
        fields[match.group(1).lower()] = " ".join(value.replace("{", "").replace("}", "").split())
        pos = body.find(",", pos) + 1 or len(body)
    return fields


def read_id_list(text: str, source: str) -> list[Candidate]:
    """One candidate per line: its arXiv id, and the rest of the line as its title."""
    candidates = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = ARXIV_LINE.match(line)
        if match:
            candidates.append(Candidate(source, number, arxiv=match.group(1), title=match.group(2).strip(" -–—:")))
        elif arxiv := arxiv_id_from_url(line):
            candidates.append(Candidate(source, number, arxiv=arxiv))
    return candidates


# Text


def blocks_of(text: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) of each block, lines stripped. A block ends at a blank line, and a line that
    starts with an arXiv id, 'Title:', 'Abstract:' or a metadata label ('Authors:') starts one of its own."""
    blocks: list[tuple[int, list[str]]] = []
    follows = False  # the line before was part of a block
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            follows = False
            continue
        if follows and not (ARXIV_START.match(line) or LABELLED.match(line) or METADATA_LINE.match(line)):
            blocks[-1][1].append(line)
        else:
            blocks.append((number, [line]))
        follows = True
    return blocks


def is_abstract(text: str) -> bool:
    """Prose long enough to be an abstract: ABSTRACT_LENGTH characters, more than one sentence."""
    return len(text) >= ABSTRACT_LENGTH and len(re.findall(r"[.!?](\s|$)", text)) >= 2


def is_title(line: str) -> bool:
    """A line that reads like a paper's title: a few words, not a sentence, not a metadata line."""
    words = re.findall(r"[A-Za-z][\w-]*", line)
    return (len(words) >= TITLE_WORDS and len(line) <= TITLE_LENGTH and not line.endswith(".")
            and not METADATA_LINE.match(line) and not ARXIV_IN_TEXT.search(line))


def read_text_blocks(text: str, source: str) -> list[Candidate]:
    """Candidates from pasted text, block by block (see the module's docstring)."""
    candidates: list[Candidate] = []
    title, title_line, waiting_id = "", 0, ""  # a title not yet given to an abstract; an id for the next one
    for number, lines in blocks_of(text):
        first, joined = lines[0], " ".join(lines)
        labelled = LABELLED.match(first)
        if ARXIV_START.match(first):
            arxiv = ARXIV_START.match(first).group(1)
            if candidates and not candidates[-1].arxiv and not waiting_id:  # arXiv abstract text: id after abstract
                candidates[-1].arxiv, title = arxiv, ""
            else:  # arXiv's listing form: the id opens the entry
                waiting_id = arxiv
        elif METADATA_LINE.match(first):
            continue
        elif labelled and labelled.group(1).lower() == "title":
            title, title_line = joined[labelled.end():].strip(), number
        elif labelled or is_abstract(joined):
            if not labelled and len(lines) > 1 and is_title(first) and is_abstract(" ".join(lines[1:])):
                title, title_line, joined = first, number, " ".join(lines[1:])  # a title with no blank line after
            abstract = joined[labelled.end():].strip() if labelled else joined
            candidates.append(Candidate(source, title_line or number, title=title, arxiv=waiting_id, abstract=abstract))
            title, title_line, waiting_id = "", 0, ""
        elif len(lines) == 1 and is_title(first):
            title, title_line = first, number
        else:
            title, title_line = "", 0  # a line between a title and its abstract: that was no title
    return candidates
