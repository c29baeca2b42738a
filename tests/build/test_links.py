"""Every link of the built site: internal ones reach a file and an element id, external ones are well formed."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from tests.conftest import ROOT

# Attributes that load or lead to another resource, by tag ('xlink:href' is how <use> names a sprite symbol).
LINK_ATTRIBUTES = {"a": ("href",), "link": ("href",), "script": ("src",), "img": ("src",), "source": ("src",),
                   "iframe": ("src",), "use": ("href", "xlink:href"), "form": ("action",)}
IGNORED_SCHEMES = ("mailto:",)
HOST_WITH_A_DOT = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


@dataclass(frozen=True)
class Link:
    """One URL written in one page: the page (relative to the site root), its tag and attribute, the URL."""

    page: str
    tag: str
    attribute: str
    url: str

    def __str__(self) -> str:
        return f"{self.page}: <{self.tag} {self.attribute}={self.url!r}>"


@dataclass(frozen=True)
class Page:
    """What the checks need of one HTML file: its element ids, the ids it holds more than once, its links."""

    ids: frozenset[str]
    duplicate_ids: tuple[str, ...]
    links: tuple[Link, ...]


def site_url() -> str:
    """The site's public URL from mkdocs.yml, ending with '/'."""
    return load_config(str(ROOT / "mkdocs.yml"))["site_url"].rstrip("/") + "/"


def read_page(site: Path, html_file: Path) -> Page:
    """Parse one built HTML file into its ids (and <a name>s) and links."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    page = html_file.relative_to(site).as_posix()
    counts = Counter(el["id"] for el in soup.find_all(id=True))
    names = {el["name"] for el in soup.find_all("a", attrs={"name": True})}
    links = tuple(Link(page, el.name, attribute, el[attribute])
                  for el in soup.find_all(list(LINK_ATTRIBUTES))
                  for attribute in LINK_ATTRIBUTES[el.name] if el.has_attr(attribute))
    return Page(frozenset(counts) | names, tuple(sorted(i for i, n in counts.items() if n > 1)), links)


def read_site(site: Path) -> dict[str, Page]:
    """Every HTML file of the site, by its path relative to the site root."""
    return {path.relative_to(site).as_posix(): read_page(site, path) for path in sorted(site.rglob("*.html"))}


def page_url(base: str, page: str) -> str:
    """Public URL of a built file: 'multimodal/index.html' -> base + 'multimodal/'."""
    return base + page.removesuffix("index.html")


def target_file(site: Path, path: str) -> str | None:
    """The file a site path is served from ('' and 'x/' serve their index.html), or None when none exists."""
    path = unquote(path)
    candidate = site / path
    if path == "" or path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate.relative_to(site).as_posix() if candidate.is_file() else None


def classify(link: Link, base: str) -> tuple[str, str]:
    """('internal', absolute URL), ('external', URL), ('ignored', URL) or ('outside', URL) for a link."""
    if link.url.startswith(IGNORED_SCHEMES):
        return "ignored", link.url
    absolute = urljoin(page_url(base, link.page), link.url)
    if absolute.startswith(base):
        return "internal", absolute
    if urlsplit(absolute).netloc == urlsplit(base).netloc:
        return "outside", absolute
    return "external", absolute


def broken_internal(site: Path, pages: dict[str, Page], link: Link, base: str) -> str | None:
    """Why an internal link does not resolve (no file, or no element with its #anchor), else None."""
    kind, absolute = classify(link, base)
    if kind == "outside":
        return f"{link}: leaves the site ({absolute})"
    if kind != "internal":
        return None
    parts = urlsplit(absolute)
    target = target_file(site, parts.path[len(urlsplit(base).path):])
    if target is None:
        return f"{link}: no file for {absolute}"
    anchor = unquote(parts.fragment)
    if anchor and target.endswith(".html") and anchor not in pages[target].ids:
        return f"{link}: no element id {anchor!r} in {target}"
    return None


def malformed_external(link: Link, base: str) -> str | None:
    """Why an external link is not an absolute http(s) URL with a dotted host and no spaces, else None."""
    kind, url = classify(link, base)
    if kind != "external":
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not link.url.startswith(("http://", "https://")):
        return f"{link}: not an absolute http(s) URL"
    if not HOST_WITH_A_DOT.match(host):
        return f"{link}: host {host!r} is not a domain name"
    if any(c.isspace() for c in url):
        return f"{link}: holds white space"
    return None


@pytest.fixture(name="base", scope="module")
def fixture_base() -> str:
    """The site's public URL."""
    return site_url()


@pytest.fixture(name="pages", scope="module")
def fixture_pages(site: Path) -> dict[str, Page]:
    """Every page of the real built site, parsed once."""
    return read_site(site)


def test_the_site_has_links_of_every_kind(pages: dict[str, Page], base: str) -> None:
    """The crawl sees pages, internal links, anchors and external links (so the checks below check something)."""
    kinds = Counter(classify(link, base)[0] for page in pages.values() for link in page.links)
    anchors = [link for page in pages.values() for link in page.links if "#" in link.url]
    assert len(pages) > 100 and "index.html" in pages and "papers/deepeyes/index.html" in pages
    assert kinds["internal"] > 1000 and kinds["external"] > 100 and len(anchors) > 100


def test_internal_links_resolve(site: Path, pages: dict[str, Page], base: str) -> None:
    """Every relative, root-relative or same-site link reaches a built file, and its #anchor an element id."""
    broken = [why for page in pages.values() for link in page.links
              if (why := broken_internal(site, pages, link, base))]
    assert not broken, "\n".join(broken[:50])


def test_external_links_are_well_formed(pages: dict[str, Page], base: str) -> None:
    """Every external link is an absolute http(s) URL with a dotted host name and no white space."""
    bad = [why for page in pages.values() for link in page.links if (why := malformed_external(link, base))]
    assert not bad, "\n".join(bad[:50])


def test_ids_are_unique_on_every_page(pages: dict[str, Page]) -> None:
    """No page holds one id twice, so every #anchor names one element."""
    assert not {name: page.duplicate_ids for name, page in pages.items() if page.duplicate_ids}


def test_every_page_is_reachable_from_home(site: Path, pages: dict[str, Page], base: str) -> None:
    """Following links from the home page reaches every built page (paper pages through the tables)."""
    seen, queue = {"index.html"}, ["index.html"]
    while queue:
        for link in pages[queue.pop()].links:
            kind, absolute = classify(link, base)
            target = target_file(site, urlsplit(absolute).path[len(urlsplit(base).path):]) if kind == "internal" else None
            if target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    assert set(pages) - seen <= {"404.html"}


# The checks themselves, on a tiny site with one link of each sort


@pytest.fixture(name="tiny_site")
def fixture_tiny_site(tmp_path: Path) -> Path:
    """Two pages and a stylesheet."""
    (tmp_path / "a").mkdir()
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text('<h1 id="top">Home</h1>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">A</h2>', encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("href", "broken"), [
    ("../", False), ("../index.html#top", False), ("#here", False), ("../style.css", False),
    ("/catalog/a/#here", False), ("https://example.org/catalog/a/", False), ("../a?find=x#here", False),
    ("../b/", True), ("../#nowhere", True), ("#missing", True), ("../style.css.map", True), ("/elsewhere/", True),
], ids=["parent", "file-with-anchor", "own-anchor", "asset", "root-relative", "absolute-same-site", "query",
        "missing-page", "missing-anchor", "missing-own-anchor", "missing-asset", "outside-the-site"])
def test_internal_check_finds_broken_links(tiny_site: Path, href: str, broken: bool) -> None:
    """The resolver accepts links that resolve and reports missing files, anchors and links out of the site."""
    base = "https://example.org/catalog/"
    pages = read_site(tiny_site)
    link = Link("a/index.html", "a", "href", href)
    assert (broken_internal(tiny_site, pages, link, base) is not None) == broken


@pytest.mark.parametrize(("url", "malformed"), [
    ("https://arxiv.org/abs/2505.14362", False), ("http://www.example.co.uk/x?y=1&z=2", False),
    ("https://localhost/x", True), ("https://exa mple.org/", True), ("https://example.org/a b", True),
    ("ftp://example.org/x", True), ("//example.org/x", True),
], ids=["arxiv", "query", "no-dot", "space-in-host", "space-in-path", "ftp", "scheme-relative"])
def test_external_check_finds_malformed_urls(url: str, malformed: bool) -> None:
    """Only absolute http(s) URLs with a dotted host and no spaces pass."""
    link = Link("index.html", "a", "href", url)
    assert (malformed_external(link, "https://site.example/") is not None) == malformed
