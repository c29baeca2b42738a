"""The paper pages: a folder per paper (papers/<id>/) holding its page and its citation files.

Every paper page is the same theme page around a few values of its own: title, description, canonical
URL, edit link, <head> tags and body. So the theme renders one page, the shell (papers/_shell/), whose
values are tokens, and each paper's page is the shell with its own values put in. The theme's templates,
Markdown and mkdocs-macros then run once, not once per paper: at 10,000 papers they were two thirds of
the build, and MkDocs keeps every page it renders to the end of the build (27 KB a page).

The build's part (the thin MkDocs hooks of hooks/mkdocs_hooks.py call these): `prepare` before the files are
gathered, the shell's metadata, body and head tags while MkDocs renders it, `keep_shell` with its output,
then `write` once the site is built, which also removes the shell. The sitemap lists `urls`.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from .cite.export import BIBTEX, CITE_FORMATS
from .models import Catalog, Paper
from .render.html import esc
from .render.paper import PAPERS_DIR, description, page_title, render_head_tags, render_paper_page
from .similarity import RelatedPaper

SHELL_ID = "_shell"  # no paper has this id: ids are lowercase letters, digits and hyphens
SHELL_SRC = f"{PAPERS_DIR}/{SHELL_ID}.md"
SHELL_URL = f"{PAPERS_DIR}/{SHELL_ID}/"
# The body token is a heading so that the theme, finding an <h1> in the body, adds none of its own.
SHELL_VALUES = {"title": "@@air:title@@", "description": "@@air:description@@", "edit": "@@air:edit@@",
                "head": "@@air:head@@", "body": "<h1>@@air:body@@</h1>", "url": SHELL_URL}
TOKEN = re.compile("(" + "|".join(re.escape(token) for token in SHELL_VALUES.values()) + ")")
NAME_OF_TOKEN = {token: name for name, token in SHELL_VALUES.items()}


class ShellError(RuntimeError):
    """The theme's page for the shell lacks a token: the theme no longer prints that value where it did."""


def page_meta(title: str, description_text: str, edit_data: str) -> dict:
    """A paper page's metadata; title and description come escaped, because the theme prints them raw."""
    return {"title": title, "description": description_text, "edit_data": edit_data, "render_macros": False,
            "search": {"exclude": True}, "hide": ["navigation", "toc"], "air_shell": True}


class PaperPages:
    """The paper pages of the build under way."""

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.site_url = ""
        self.related: dict[str, tuple[RelatedPaper, ...]] = {}
        self.cite_files: dict[str, str] = {}
        self.shell: list[str] = []  # the shell's text split at its tokens: text, value name, text, ...

    def prepare(self, catalog: Catalog, site_url: str, cite_files: dict[str, str],
                related: dict[str, tuple[RelatedPaper, ...]]) -> None:
        """Start a build: its catalog, the site's URL, each paper's citation files (papers/<id>/cite.*) and related
        papers (`similarity.related_papers`, RELATED_COUNT each)."""
        self.catalog, self.site_url, self.cite_files = catalog, site_url.rstrip("/"), cite_files
        self.related, self.shell = related, []

    # The shell, while MkDocs renders it

    @staticmethod
    def is_shell(src_path: str) -> bool:
        return src_path == SHELL_SRC

    @staticmethod
    def shell_meta() -> dict:
        return page_meta(SHELL_VALUES["title"], SHELL_VALUES["description"], SHELL_VALUES["edit"])

    @staticmethod
    def shell_body() -> str:
        return SHELL_VALUES["body"]

    @staticmethod
    def shell_head_tags() -> str:
        return SHELL_VALUES["head"]

    def keep_shell(self, html: str, site_has_repo: bool) -> None:
        """Keep the theme's page for the shell, split at its tokens; raise ShellError if a token is missing."""
        expected = {"title", "description", "head", "body"} | ({"url"} if self.site_url else set())
        expected |= {"edit"} if site_has_repo else set()
        missing = [name for name in sorted(expected) if SHELL_VALUES[name] not in html]
        if missing:
            raise ShellError(f"the theme's page for {SHELL_SRC} does not show the paper page's {', '.join(missing)}")
        self.shell = [NAME_OF_TOKEN[piece] if index % 2 else piece for index, piece in enumerate(TOKEN.split(html))]

    # The pages

    def values(self, paper: Paper) -> dict[str, str]:
        """What a paper's page puts where the shell has tokens."""
        bibtex = self.cite_files[paper.url + BIBTEX.paper_file]
        return {"title": esc(page_title(paper)), "description": esc(description(paper)), "edit": esc(paper.source_file),
                "head": render_head_tags(paper, f"{self.site_url}/{paper.url}"),
                "body": render_paper_page(paper, self.catalog, self.related[paper.id], bibtex), "url": paper.url}

    def page_html(self, paper: Paper) -> str:
        """The whole HTML page of a paper."""
        values = self.values(paper)
        return "".join(values[piece] if index % 2 else piece for index, piece in enumerate(self.shell))

    def urls(self) -> list[str]:
        """The absolute URL of every paper page (or its path, for a site without a URL), for the sitemap."""
        return [f"{self.site_url}/{paper.url}" if self.site_url else paper.url for paper in self.catalog.papers]

    def write(self, site_dir: Path) -> None:
        """Write every paper's folder (its page and citation files) into the built site; remove the shell's."""
        for paper in self.catalog.papers:
            folder = site_dir / paper.url
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.html").write_text(self.page_html(paper), encoding="utf-8")
            for cite_format in CITE_FORMATS:
                name = cite_format.paper_file
                (folder / name).write_text(self.cite_files[paper.url + name], encoding="utf-8")
        shutil.rmtree(site_dir / SHELL_URL, ignore_errors=True)
        self.cite_files, self.shell = {}, []
