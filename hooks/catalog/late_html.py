"""Blocks of HTML that join a page only once the page is rendered.

Python-Markdown's raw-HTML handling and Material's search indexer both parse every tag of a page's
content, and neither needs the category tables, their JSON island or the data sets table: they
are raw HTML, and each paper has its own search entry. At 1,000 papers that parsing was a sixth of
a build. So where such a block goes, the Markdown gets a small placeholder element, and the block
replaces it in the finished page.
"""
from __future__ import annotations

import hashlib
import re

PLACEHOLDER = re.compile(r'<div data-air-late="([0-9a-f]{20})"></div>')


class LateBlocks:
    """The blocks held back from the pages of the builds under way, by a hash of their HTML."""

    def __init__(self) -> None:
        self.blocks: dict[str, str] = {}

    def hold(self, html: str) -> str:
        """Keep `html` back; the placeholder to put in its place (a one-line block of its own)."""
        key = hashlib.blake2b(html.encode("utf-8"), digest_size=10).hexdigest()
        self.blocks[key] = html
        return f'<div data-air-late="{key}"></div>'

    def splice(self, page: str) -> str:
        """The finished page with every placeholder replaced by the block it holds the place of."""
        return PLACEHOLDER.sub(lambda match: self.blocks[match.group(1)], page)

    def clear(self) -> None:
        """Forget the blocks of earlier builds (`mkdocs serve` rebuilds in one process)."""
        self.blocks.clear()


# One per process: the macros hold blocks back, the MkDocs hooks splice them in and clear them.
LATE_BLOCKS = LateBlocks()
