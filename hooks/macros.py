"""mkdocs-macros module: the macros the hand-written pages use to place generated content.

Each macro returns HTML (or Markdown headings) rendered and escaped in Python by the catalog
package; Jinja only calls them, so it never sees raw catalog text. The big tables are held back
(catalog.late_html) and spliced into the finished page by mkdocs_hooks.on_post_page.
"""
from __future__ import annotations

from pathlib import Path

from catalog.current import current_catalog
from catalog.late_html import LATE_BLOCKS
from catalog.models import Catalog
from catalog.render import authors as render_authors
from catalog.render import category as render_category
from catalog.render import definitions as render_definitions
from catalog.render import extras as render_extras
from catalog.render import home as render_home

DATA_DIR = "data"


def base_for(page_url: str) -> str:
    """Relative prefix from a page to the site root: '' for the home page, '../' for 'multimodal/'."""
    return "../" * page_url.count("/")


def define_env(env) -> None:
    """Register the catalog macros."""
    root = Path(env.conf["config_file_path"]).parent

    def catalog() -> Catalog:
        return current_catalog(root / DATA_DIR)

    def base() -> str:
        return base_for(env.page.url)

    @env.macro
    def category_page(category_id: str) -> str:
        """A category page: title, definition, link to its boundary rules, and its tables."""
        cat = catalog().taxonomy.category(category_id)
        if cat is None:
            raise ValueError(f"category_page: unknown category {category_id!r}")
        intro = render_definitions.render_category_intro(catalog(), cat, base())
        heading = f"# {render_category.md_heading_text(cat.title)}"
        body = render_category.render_category_body(catalog(), cat, base(), hold=LATE_BLOCKS.hold)
        return f"{heading}\n\n{intro}\n\n{body}"

    @env.macro
    def all_papers() -> str:
        """The all-papers page's table: every paper, with a category column and facet."""
        return render_category.render_all_papers_body(catalog(), base(), hold=LATE_BLOCKS.hold)

    @env.macro
    def home_cards() -> str:
        """One card per category with its live paper count and subcategories."""
        return render_home.render_category_cards(catalog(), base())

    @env.macro
    def recent_papers() -> str:
        """The most recently added papers."""
        return render_home.render_recent(catalog(), base())

    @env.macro
    def timeline() -> str:
        """Papers per month by category, each bar a link to its month on the all-papers page."""
        return render_home.render_timeline(catalog(), base())

    @env.macro
    def downloads() -> str:
        """The exported files (JSON, BibTeX, RIS, CSL-JSON, feed) and how to cite."""
        return render_home.render_downloads(catalog(), base())

    @env.macro
    def paper_count(category_id: str = "") -> int:
        """Number of papers in the catalog, or in one category."""
        return len(catalog().in_category(category_id) if category_id else catalog().papers)

    @env.macro
    def interleaving_definition() -> str:
        """What interleaving reasoning is, and how standard reasoning differs."""
        return render_definitions.render_interleaving(catalog())

    @env.macro
    def category_definitions() -> str:
        """Each category's definition with examples."""
        return render_definitions.render_category_definitions(catalog(), base())

    @env.macro
    def boundary_rules() -> str:
        """The boundary rules, their reasoning and the papers on each side."""
        return render_definitions.render_boundaries(catalog(), base())

    @env.macro
    def standard_examples() -> str:
        """The standard-reasoning examples."""
        return render_extras.render_standard_examples(catalog())

    @env.macro
    def activities() -> str:
        """The group's workshop and highlighted papers."""
        return render_extras.render_activities(catalog(), base())

    @env.macro
    def author_index() -> str:
        """Every author A–Z with their papers (the /authors/ page)."""
        return LATE_BLOCKS.hold(render_authors.render_author_index(catalog(), base()))

    @env.macro
    def datasets() -> str:
        """Data sets linked from the catalog, with the papers that list them."""
        return LATE_BLOCKS.hold(render_extras.render_datasets(catalog(), base()))
