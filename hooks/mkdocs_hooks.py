"""MkDocs hooks: thin adapters that hand each build event to the catalog package.

Each hook either does nothing for pages that are not its own or delegates to a named helper.
"""
from __future__ import annotations

import logging
from pathlib import Path

from catalog import export_site, search_index, search_text
from catalog.current import current_catalog
from catalog.late_html import LATE_BLOCKS, SHARED_CHROME
from catalog.problems import CatalogError
from catalog.render import paper as render_paper
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.catalog")
DATA_DIR = "data"
paper_pages = render_paper.PaperPages()  # set up by on_files for the build under way
files_beside_paper_pages: dict[str, str] = {}  # set by on_files, written by on_post_build


def data_dir_of(config) -> Path:
    """data/ beside mkdocs.yml."""
    return Path(config.config_file_path).parent / DATA_DIR


# Hooks


def on_config(config):
    """Load and validate the catalog before anything renders; abort with the full report."""
    try:
        catalog = current_catalog(data_dir_of(config))
    except CatalogError as err:
        raise PluginError(str(err)) from None
    log.info("catalog: %d papers, %d standard-reasoning examples", len(catalog.papers), len(catalog.standard_examples))
    return config


def on_pre_build(config):
    """Start the build with no held-back blocks or shared chrome from an earlier one."""
    LATE_BLOCKS.clear()
    SHARED_CHROME.clear()


def on_files(files, config):
    """Add a generated page per paper (papers/<id>.md) and the downloads (papers.json, the citation files, feed)."""
    catalog = current_catalog(data_dir_of(config))
    for path, content in paper_pages.sources(catalog, config.site_url or ""):
        files.append(File.generated(config, path, content=content))
    files_beside_paper_pages.clear()
    for path, content in export_site.site_files(catalog, config.site_url or "").items():
        if export_site.beside_a_paper_page(path):
            files_beside_paper_pages[path] = content
        else:
            files.append(File.generated(config, path, content=content))
    return files


@event_priority(100)  # before mkdocs-macros, which reads `render_macros` from the page's meta
def on_page_markdown(markdown, page, config, files):
    """Give a paper page its metadata (title, description, search and nav settings)."""
    meta = paper_pages.meta(page.file.src_path)
    if meta is not None:
        page.meta = meta
    return markdown


def on_page_content(html, page, config, files):
    """A paper page's body; on other pages, HTML prepared for the search indexer."""
    return paper_pages.content(page.file.src_path) or search_text.prepare_for_index(html)


def on_page_context(context, page, config, nav):
    """Point 'edit this page' at the data file a generated page comes from; tell a paper page whether to render
    the chrome paper pages share or to reuse it, and give its template its <head> tags (in the context, which is
    dropped once the page is written)."""
    edit_url = data_edit_url(page.meta.get("edit_data"), config)
    if edit_url:
        page.edit_url = edit_url
    if paper_pages.paper_of(page.file.src_path):
        page.meta["air_chrome"] = SHARED_CHROME.mode()
    context["paper_head_tags"] = paper_pages.head_tags(page.file.src_path)
    return context


def on_post_page(output, page, config):
    """Put the blocks the macros held back (the big tables), and the chrome paper pages share, into the page."""
    if paper_pages.paper_of(page.file.src_path):  # rendered: let the page's body go (MkDocs keeps every page
        page.content = None                      # to the end of the build: 90 MB at 10,000 papers)
    return SHARED_CHROME.splice(LATE_BLOCKS.splice(output))


def on_post_build(config):
    """Write each paper's citation files, then add one compact search entry per paper to Material's index (what
    the pages no longer need is let go first: the index is the build's peak of memory)."""
    LATE_BLOCKS.clear()
    export_site.write_files(Path(config.site_dir), files_beside_paper_pages)
    files_beside_paper_pages.clear()
    search_index.add_paper_entries(Path(config.site_dir), current_catalog(data_dir_of(config)))


# Helpers


def data_edit_url(data_path: str | None, config) -> str | None:
    """Edit link for a file of the repository (from the page's `edit_data` metadata), or None."""
    if not data_path or not config.repo_url:
        return None
    return f"{config.repo_url.rstrip('/')}/edit/main/{data_path}"
