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


class SharedChrome:
    """Parts of the theme's page (the navigation sidebars, the tabs) that are the same on every paper page (one
    depth, none in the navigation, no table of contents): the first paper page renders them between markers
    and they are kept; the others render a marker, replaced by the kept HTML. At 10,000 papers the theme's
    navigation was a fifth of the build.

    The template (overrides/main.html) reads `mode()` from the page's metadata: "capture" or "reuse"."""

    MARKER = re.compile(r"<!--air-chrome:(\w+):(start|end|here)-->")

    def __init__(self) -> None:
        self.kept: dict[str, str] = {}

    def mode(self) -> str:
        return "reuse" if self.kept else "capture"

    def splice(self, page: str) -> str:
        """Keep what a capturing page marked (removing the markers); put kept HTML where a page left a marker."""
        pieces = self.MARKER.split(page)
        if len(pieces) == 1:
            return page
        out, index = [pieces[0]], 1
        while index < len(pieces):
            name, where, text = pieces[index], pieces[index + 1], pieces[index + 2]
            if where == "start":
                self.kept[name] = text  # up to the matching end marker
                out.append(text)
            elif where == "here":
                out.append(self.kept[name] + text)
            else:
                out.append(text)
            index += 3
        return "".join(out)

    def clear(self) -> None:
        self.kept.clear()


# One per process: the macros hold blocks back, the MkDocs hooks splice them in and clear them.
LATE_BLOCKS = LateBlocks()
SHARED_CHROME = SharedChrome()
