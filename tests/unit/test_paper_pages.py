"""catalog.paper_pages: a paper's page is the theme's shell page with the paper's own values put in."""
from __future__ import annotations

import pytest
from catalog.models import Catalog
from catalog.paper_pages import SHELL_VALUES, PaperPages, ShellError
from catalog.render.html import esc
from catalog.render.paper import RELATED_COUNT, page_title
from catalog.similarity import related_papers

SITE_URL = "https://example.org/site/"


def shell_page(*missing: str) -> str:
    """A stand-in for the theme's page of the shell: each token where the theme prints the value, once or twice."""
    values = {name: "" if name in missing else token for name, token in SHELL_VALUES.items()}
    return (f'<html><head><title>{values["title"]} - Site</title><meta name="description" content="{values["description"]}">'
            f'<link rel="canonical" href="https://example.org/site/{values["url"]}">{values["head"]}</head><body>'
            f'<div class="md-header__topic">{values["title"]}</div><a rel="edit" href="https://x/edit/main/{values["edit"]}">'
            f'</a><article>{values["body"]}</article></body></html>')


def prepared(catalog: Catalog) -> PaperPages:
    pages = PaperPages()
    pages.prepare(catalog, SITE_URL, {f"{p.url}cite.bib": f"@misc{{{p.id}}}" for p in catalog.papers},
                  related_papers(catalog, RELATED_COUNT))
    return pages


def test_a_page_is_the_shell_with_the_papers_values(catalog: Catalog) -> None:
    pages = prepared(catalog)
    pages.keep_shell(shell_page(), site_has_repo=True)
    paper = catalog.papers[0]
    html = pages.page_html(paper)
    assert f"<title>{esc(page_title(paper))} - Site</title>" in html
    assert f'<div class="md-header__topic">{esc(page_title(paper))}</div>' in html
    assert f'href="https://example.org/site/{paper.url}"' in html
    assert f'href="https://x/edit/main/{paper.source_file}"' in html
    assert f'<meta name="citation_title" content="{esc(paper.title)}">' in html
    assert f"<article><div class=\"air-paper\"><h1 id=\"{paper.id}\">" in html and f"@misc{{{paper.id}}}" in html
    assert "@@air:" not in html and "_shell" not in html


@pytest.mark.parametrize("missing", ["title", "description", "url", "edit", "head", "body"])
def test_a_shell_without_a_token_is_an_error_naming_the_value(catalog: Catalog, missing: str) -> None:
    """If the theme stops printing a value on the shell, every paper page would lack it: the build stops instead."""
    pages = prepared(catalog)
    with pytest.raises(ShellError, match=missing):
        pages.keep_shell(shell_page(missing), site_has_repo=True)


def test_a_site_without_a_repository_needs_no_edit_link(catalog: Catalog) -> None:
    pages = prepared(catalog)
    pages.keep_shell(shell_page("edit"), site_has_repo=False)
    assert "_shell" not in pages.page_html(catalog.papers[0])
