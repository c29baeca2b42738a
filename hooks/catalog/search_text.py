"""Page HTML as Material's search indexer should read it.

The indexer keeps the text of a table but drops the tags between cells, so
`<td>2025-05</td><td>DeepEyes</td>` would be indexed as the one word '2025-05DeepEyes': every
cell gets a space after it. (The category tables repeat what each paper's own search entry holds,
see search_index, so render_category marks them `data-search-exclude`.)
"""
from __future__ import annotations

import re

CELL_END = re.compile(r"(</t[dh]>)(?!\s)")


def prepare_for_index(html: str) -> str | None:
    """The HTML with a space after every table cell; None when the page has no table."""
    if "<table" not in html:
        return None
    return CELL_END.sub(r"\1 ", html)
