"""Page HTML as Material's search indexer should read it.

The indexer keeps the text of a table but drops the tags between cells, so
`<td>2025-05</td><td>DeepEyes</td>` would be indexed as the one word '2025-05DeepEyes': every
cell gets a space after it. (The site's generated tables, on the category pages and the data sets
page, repeat what the papers' own search entries hold, see search_index, and are marked
`data-search-exclude`; this is for the tables of hand-written pages.)
"""
from __future__ import annotations

import re

CELL_END = re.compile(r"(</t[dh]>)(?!\s)")


def prepare_for_index(html: str) -> str | None:
    """The HTML with a space after every table cell; None when the page has no table."""
    if "<table" not in html:
        return None
    return CELL_END.sub(r"\1 ", html)
