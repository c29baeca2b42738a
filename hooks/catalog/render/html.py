"""HTML building blocks shared by every renderer: escaping, link icons, method badges.

All catalog text reaches HTML through `esc` here, at the spot where it is placed; nothing from
the data is handed to Jinja or to Markdown unescaped.
"""
from __future__ import annotations

import html
import json
from functools import lru_cache
from urllib.parse import urlsplit

from ..models import Paper, Taxonomy

# Material Design Icons (Apache-2.0), the set mkdocs-material ships, one path per link kind.
ICON_PATHS = {
    "paper": "M6 2a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6zm0 2h7v5h5v11H6zm2 8v2h8v-2zm0 4v2h5v-2z",  # file-document-outline
    "project": "M16.36 14c.08-.66.14-1.32.14-2s-.06-1.34-.14-2h3.38c.16.64.26 1.31.26 2s-.1 1.36-.26 2m-5.15 5.56c.6-1.11 1.06-2.31 1.38-3.56h2.95a8.03 8.03 0 0 1-4.33 3.56M14.34 14H9.66c-.1-.66-.16-1.32-.16-2s.06-1.35.16-2h4.68c.09.65.16 1.32.16 2s-.07 1.34-.16 2M12 19.96c-.83-1.2-1.5-2.53-1.91-3.96h3.82c-.41 1.43-1.08 2.76-1.91 3.96M8 8H5.08A7.92 7.92 0 0 1 9.4 4.44C8.8 5.55 8.35 6.75 8 8m-2.92 8H8c.35 1.25.8 2.45 1.4 3.56A8 8 0 0 1 5.08 16m-.82-2C4.1 13.36 4 12.69 4 12s.1-1.36.26-2h3.38c-.08.66-.14 1.32-.14 2s.06 1.34.14 2M12 4.03c.83 1.2 1.5 2.54 1.91 3.97h-3.82c.41-1.43 1.08-2.77 1.91-3.97M18.92 8h-2.95a15.7 15.7 0 0 0-1.38-3.56c1.84.63 3.37 1.9 4.33 3.56M12 2C6.47 2 2 6.5 2 12a10 10 0 0 0 10 10 10 10 0 0 0 10-10A10 10 0 0 0 12 2",  # web
    "code": "M8 3a2 2 0 0 0-2 2v4a2 2 0 0 1-2 2H3v2h1a2 2 0 0 1 2 2v4a2 2 0 0 0 2 2h2v-2H8v-5a2 2 0 0 0-2-2 2 2 0 0 0 2-2V5h2V3m6 0a2 2 0 0 1 2 2v4a2 2 0 0 0 2 2h1v2h-1a2 2 0 0 0-2 2v4a2 2 0 0 1-2 2h-2v-2h2v-5a2 2 0 0 1 2-2 2 2 0 0 1-2-2V5h-2V3z",  # code-braces
    "models": "M21 16.5c0 .38-.21.71-.53.88l-7.9 4.44c-.16.12-.36.18-.57.18s-.41-.06-.57-.18l-7.9-4.44A.99.99 0 0 1 3 16.5v-9c0-.38.21-.71.53-.88l7.9-4.44c.16-.12.36-.18.57-.18s.41.06.57.18l7.9 4.44c.32.17.53.5.53.88zM12 4.15 6.04 7.5 12 10.85l5.96-3.35zM5 15.91l6 3.38v-6.71L5 9.21zm14 0v-6.7l-6 3.37v6.71z",  # cube-outline
    "datasets": "M12 3C7.58 3 4 4.79 4 7v10c0 2.21 3.59 4 8 4s8-1.79 8-4V7c0-2.21-3.58-4-8-4m6 14c0 .5-2.13 2-6 2s-6-1.5-6-2v-2.23c1.61.78 3.72 1.23 6 1.23s4.39-.45 6-1.23zm0-4.55c-1.3.95-3.58 1.55-6 1.55s-4.7-.6-6-1.55V9.64c1.47.83 3.61 1.36 6 1.36s4.53-.53 6-1.36zM12 9C8.13 9 6 7.5 6 7s2.13-2 6-2 6 1.5 6 2-2.13 2-6 2",  # database-outline
}
LINK_LABELS = {"paper": "Paper", "project": "Project page", "code": "Code", "models": "Models", "datasets": "Data sets"}


def esc(text: object) -> str:
    """Escape text for HTML element content and double-quoted attributes."""
    return html.escape(str(text), quote=True)


def json_for_script(value: object) -> str:
    """Compact JSON safe inside <script>: every '<' escaped, so neither '</script>' nor '<!--' can occur."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


@lru_cache(maxsize=65536)  # the same URLs appear on a paper's page, in its table row and in the search text
def url_host(url: str) -> str:
    """'https://www.github.com/x' -> 'github.com'."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def render_icon_sprite() -> str:
    """Hidden SVG <symbol>s for the link icons, placed once per page and referenced by <use>
    (`xlink:href`, which Material's instant navigation leaves alone). Icon links use CSS instead."""
    symbols = "".join(f'<symbol id="air-icon-{kind}" viewBox="0 0 24 24"><path d="{path}"/></symbol>'
                      for kind, path in ICON_PATHS.items())
    return f'<svg class="air-sprite" aria-hidden="true" focusable="false">{symbols}</svg>'


def render_link(kind: str, url: str, paper_name: str, index: int = 0) -> str:
    """An icon link with an accessible name such as 'Code: DeepEyes (github.com)'.

    The icon is drawn by catalog.css (a mask of ICON_PATHS[kind] on `a.air-link--<kind>::before`), not by
    an inline <svg><use>: a table of a thousand rows would otherwise carry thousands of SVG shadow trees,
    and Material's instant navigation throws on `<use href>` (it reassigns every `[href]`).
    """
    label = LINK_LABELS[kind] + (f" {index + 1}" if index else "")
    name = f"{label}: {paper_name} ({url_host(url)})"
    return (f'<a class="air-link air-link--{kind}" href="{esc(url)}" title="{esc(name)}" aria-label="{esc(name)}" '
            f'rel="noopener"></a>')


def render_links(paper: Paper) -> str:
    """All of a paper's links as icon links, in kind order."""
    return "".join(render_link(kind, url, paper.name, i)
                   for kind, urls in paper.links.items() for i, url in enumerate(urls))


def render_method_badges(paper: Paper, taxonomy: Taxonomy) -> str:
    """Methods as small badges ('SFT', 'RL', 'Position paper')."""
    return "".join(f'<span class="air-badge air-badge--{esc(m)}">{esc(taxonomy.method(m).label)}</span>'
                   for m in paper.methods)


def paper_page_href(paper: Paper, base: str) -> str:
    """Relative link from a page at depth `base` (e.g. '../') to the paper's own page."""
    return f"{base}{paper.url}"
