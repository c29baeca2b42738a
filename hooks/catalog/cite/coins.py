"""COinS: a paper as an OpenURL ContextObject (Z39.88-2004, KEV format) in the `title` of an empty
<span class="Z3988">, the form Zotero's connector finds on a page listing many papers.

Keys as Zotero's OpenURL reader maps them: a conference or workshop paper is the book format with
genre 'proceeding' (atitle, btitle: the proceedings), a journal paper the journal format with genre
'article' (atitle, jtitle), a preprint the journal format with genre 'preprint'. Every author is an
rft.au 'Family, Given', an organisation an rft.aucorp; rft.date is ISO 8601 (2025-05, 2026); the DOI
and the paper's URL are rft_ids. (Zotero's reader decodes '+' and '%2B' alike as a space, so a '+' in a
title reaches Zotero from a table as a space, however it is encoded; the paper page's tags keep it.)
"""
from __future__ import annotations

from urllib.parse import quote_plus

from ..render.html import esc
from .model import Citation, inverted_name

CONTEXT_VERSION = "Z39.88-2004"
BOOK_FORMAT, JOURNAL_FORMAT = "info:ofi/fmt:kev:mtx:book", "info:ofi/fmt:kev:mtx:journal"
FORMATS = {"conference": (BOOK_FORMAT, "proceeding", "rft.btitle"), "workshop": (BOOK_FORMAT, "proceeding", "rft.btitle"),
           "journal": (JOURNAL_FORMAT, "article", "rft.jtitle")}
PREPRINT_FORMAT = (JOURNAL_FORMAT, "preprint", "")
# Characters a KEV value may hold as they are (form encoding, as OpenURL's KEV format is: spaces as '+'); a row
# carries one span, so at 10,000 papers every escape saved counts.
KEV_SAFE = "/:,()"


def context_object(citation: Citation) -> str:
    """The ContextObject of one paper as KEV: key=value pairs joined by '&', each value form-encoded."""
    fmt, genre, container_key = FORMATS.get(citation.kind, PREPRINT_FORMAT)
    pairs = [("ctx_ver", CONTEXT_VERSION), ("rft_val_fmt", fmt), ("rft.genre", genre), ("rft.atitle", citation.title)]
    if container_key:
        pairs.append((container_key, citation.container_title))
    pairs += [("rft.aucorp" if a.organisation else "rft.au", inverted_name(a)) for a in citation.authors]
    pairs.append(("rft.date", f"{citation.year}-{citation.month:02d}" if citation.month else citation.year))
    if citation.doi:
        pairs.append(("rft_id", f"info:doi/{citation.doi}"))
    pairs.append(("rft_id", citation.url))
    return "&".join(f"{key}={quote_plus(value, safe=KEV_SAFE)}" for key, value in pairs)


def render_coins(citation: Citation) -> str:
    """The COinS span of one paper (empty: it shows nothing)."""
    return f'<span class="Z3988" title="{esc(context_object(citation))}"></span>'
