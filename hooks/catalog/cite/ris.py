"""RIS, the tagged format reference managers (Zotero, EndNote, Mendeley) import: one record per paper.

Tags as the RIS specification defines them: TY (CONF for a conference or workshop paper, JOUR for a
journal paper, GEN otherwise), one AU per author ('Family, Given'), TI, PY (the year), DA
(YYYY/MM/DD/other, the slashes kept when a part is unknown), T2 (the proceedings or journal; Zotero
reads it as the conference name or publication title), JO (the journal), UR, DO, N1 and ER. Every
value is one line, and every line ends in CR LF as the specification asks.
"""
from __future__ import annotations

from .model import PARTIAL_AUTHORS_NOTE, Citation, inverted_name

RIS_TYPES = {"conference": "CONF", "workshop": "CONF", "journal": "JOUR"}
OTHER_TYPE = "GEN"
EOL = "\r\n"


def ris_value(text: str) -> str:
    """A value on one line: every run of white space (line breaks included) a single space."""
    return " ".join(text.split())


def ris_date(citation: Citation) -> str:
    """'2025/05//' when the month is known, else '2026///'."""
    return f"{citation.year}/{citation.month:02d}//" if citation.month else f"{citation.year}///"


def render_ris_record(citation: Citation) -> str:
    """The record of one paper, from TY to ER."""
    tags = [("TY", RIS_TYPES.get(citation.kind, OTHER_TYPE))]
    tags += [("AU", inverted_name(a)) for a in citation.authors]
    tags += [("TI", citation.title), ("PY", citation.year), ("DA", ris_date(citation))]
    if citation.container_title:
        tags.append(("T2", citation.container_title))
        if citation.kind == "journal":
            tags.append(("JO", citation.container_title))
    tags.append(("UR", citation.url))
    if citation.doi:
        tags.append(("DO", citation.doi))
    if not citation.authors_complete:
        tags.append(("N1", PARTIAL_AUTHORS_NOTE))
    return "".join(f"{tag}  - {ris_value(value)}{EOL}" for tag, value in tags) + f"ER  - {EOL}"
