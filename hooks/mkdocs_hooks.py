"""MkDocs hooks: thin adapters that hand each build event to the catalog package.

Each hook either does nothing for pages that are not its own or delegates to a named helper.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import jinja2
from catalog import export_site, load_cache, search_index, search_text
from catalog.current import current_catalog
from catalog.late_html import LATE_BLOCKS
from catalog.paper_pages import SHELL_SRC, PaperPages, ShellError
from catalog.problems import CatalogError
from catalog.render.paper import RELATED_COUNT
from catalog.similarity import related_papers
from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.catalog")
DATA_DIR = "data"
paper_pages = PaperPages()  # set up by on_files for the build under way


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
    """Start the build with no held-back blocks from an earlier one."""
    LATE_BLOCKS.clear()


def on_files(files, config):
    """Add the paper pages' shell (papers/_shell.md) and the downloads (papers.json, the citation files, feeds);
    each paper's own citation files wait for its folder, written after the build."""
    catalog = current_catalog(data_dir_of(config))
    beside_paper_pages = {}
    for path, content in export_site.site_files(catalog, config.site_url or "").items():
        if export_site.beside_a_paper_page(path):
            beside_paper_pages[path] = content
        else:
            files.append(File.generated(config, path, content=content))
    related = load_cache.remember(data_dir_of(config), "related-papers", lambda: related_papers(catalog, RELATED_COUNT))
    paper_pages.prepare(catalog, config.site_url or "", beside_paper_pages, related)
    files.append(File.generated(config, SHELL_SRC, content=""))
    return files


def on_env(env, config, files):
    """Keep the theme's compiled templates between builds: compiling them is a tenth of a build of the real catalog."""
    env.bytecode_cache = template_cache(env, data_dir_of(config))
    return env


@event_priority(100)  # before mkdocs-macros, which reads `render_macros` from the page's meta
def on_page_markdown(markdown, page, config, files):
    """Give the paper pages' shell its metadata (title, description, search and nav settings)."""
    if paper_pages.is_shell(page.file.src_path):
        page.meta = paper_pages.shell_meta()
    return markdown


def on_page_content(html, page, config, files):
    """The shell's body; on other pages, HTML prepared for the search indexer."""
    if paper_pages.is_shell(page.file.src_path):
        return paper_pages.shell_body()
    return search_text.prepare_for_index(html)


def on_page_context(context, page, config, nav):
    """Point 'edit this page' at the data file a generated page comes from; give the shell its <head> tags."""
    edit_url = data_edit_url(page.meta.get("edit_data"), config)
    if edit_url:
        page.edit_url = edit_url
    context["paper_head_tags"] = paper_pages.shell_head_tags() if paper_pages.is_shell(page.file.src_path) else None
    return context


def on_post_page(output, page, config):
    """Put the blocks the macros held back (the big tables) into the page; keep the shell's page."""
    if paper_pages.is_shell(page.file.src_path):
        try:
            paper_pages.keep_shell(output, site_has_repo=bool(config.repo_url))
        except ShellError as err:
            raise PluginError(str(err)) from None
    return LATE_BLOCKS.splice(output)


def on_template_context(context, template_name, config):
    """The sitemap lists the paper pages, which MkDocs does not know."""
    if template_name == "sitemap.xml":
        context["paper_urls"] = paper_pages.urls()
    return context


def on_post_build(config):
    """Write each paper's folder (its page and citation files) and the files beside the table pages, then add the
    papers' document of compact records to Material's index (what the pages no longer need is let go first: the
    index is the build's peak of memory)."""
    LATE_BLOCKS.clear()
    paper_pages.write(Path(config.site_dir))
    export_site.write_listing_files(Path(config.site_dir), current_catalog(data_dir_of(config)))
    search_index.add_paper_entries(Path(config.site_dir), current_catalog(data_dir_of(config)))


# Helpers


def template_cache(env, data_dir: Path) -> FileSystemBytecodeCache | None:
    """Compiled templates in .cache/templates/ beside data/. Jinja reuses one only for the same source; the file
    names also carry what else shapes the compiled code (Jinja's version, the environment's syntax settings)."""
    if not load_cache.enabled():
        return None
    settings = (jinja2.__version__, sorted(env.extensions), env.block_start_string, env.variable_start_string,
                env.comment_start_string, env.line_statement_prefix, env.trim_blocks, env.lstrip_blocks,
                env.keep_trailing_newline, env.optimized, bool(env.autoescape))
    digest = hashlib.blake2b(repr(settings).encode(), digest_size=8).hexdigest()
    directory = load_cache.cache_path(data_dir, "templates")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only tree builds without the cache
        return None
    return FileSystemBytecodeCache(str(directory), pattern=f"%s.{digest}.cache")


def data_edit_url(data_path: str | None, config) -> str | None:
    """Edit link for a file of the repository (from the page's `edit_data` metadata), or None."""
    if not data_path or not config.repo_url:
        return None
    return f"{config.repo_url.rstrip('/')}/edit/main/{data_path}"
