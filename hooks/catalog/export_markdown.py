"""The awesome-list README regenerated from the data, in the source list's own format.

Headings, bullets and link labels follow the Awesome Interleaving Reasoning README, so
`catalog import` reads the result back. Each bullet ends with an HTML comment that carries
what the visible markdown cannot: the entry's id, an arXiv id its paper link does not show,
a date outside 2000-2099 (the `[YYMM]` code assumes the 2000s), and the authors with their
source (the source list's format has no place for them). Values in the comment are
percent-encoded where they hold a character the comment uses (see `encode_trailer_value`).
"""
from __future__ import annotations

import re

from .models import LINK_KINDS, Author, Catalog, Paper, Taxonomy
from .text import arxiv_id_from_url

TITLE = "Awesome Interleaving Reasoning"
STANDARD_HEADING = "Standard Reasoning Examples"
PAPERS_HEADING = "Awesome Interleaving Reasoning Papers"
LINK_LABELS = {"paper": "📄Paper", "project": "🌐Project", "code": "💻Code", "models": "🤗Models",
               "datasets": "🤗Datasets"}
# Characters markdown could read as syntax inside a bullet: links, emphasis, code, tables, HTML,
# strikethrough, an '&' that starts an entity ('&amp;' would show as '&'); braces too, so a title never
# forms a {{ }} or {% %} template tag if the list is ever passed through a template engine.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|<{}~]|&(?=#?\w+;))")
URL_SPECIAL = re.compile(r"([\\()])")
# Characters a trailer value cannot hold as they are: its separators ('; ', ', '), the comment's '<' and '>',
# the braces that mark an organisation, line breaks, and '%' itself.
TRAILER_SPECIAL = re.compile(r"[%;,<>{}\r\n]")
GENERATED_NOTE = "<!-- Generated from data/ by `catalog export --format markdown`; edit the YAML files, not this list. -->"


def escape_markdown(text: str) -> str:
    r"""Backslash-escape markdown syntax characters ('a_b*' -> 'a\_b\*'); line breaks become spaces."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))


def escape_markdown_url(url: str) -> str:
    r"""A URL safe inside '(...)' of a markdown link: backslashes and parentheses escaped."""
    return URL_SPECIAL.sub(r"\\\1", url)


def render_bullet(paper: Paper, taxonomy: Taxonomy) -> str:
    """One '* [**SFT+RL**] [2505] [Short] [Title](url) [[💻Code](url)] <!-- id: ... -->' line."""
    parts = ["*"]
    if paper.methods:
        parts.append(f"[**{'+'.join(taxonomy.method(m).label for m in paper.methods)}**]")
    if paper.date:
        parts.append(f"[{paper.date[2:4]}{paper.date[5:7]}]")
    if paper.short_name:
        parts.append(f"[{escape_markdown(paper.short_name)}]")
    first, *more_papers = paper.links.paper
    parts.append(f"[{escape_markdown(paper.title)}]({escape_markdown_url(first)})")
    for kind in LINK_KINDS:
        for url in more_papers if kind == "paper" else getattr(paper.links, kind):
            parts.append(f"[[{LINK_LABELS[kind]}]({escape_markdown_url(url)})]")
    parts.append(f"<!-- {render_trailer(paper)} -->")
    return " ".join(parts)


def encode_trailer_value(text: str) -> str:
    """Percent-encode the characters of TRAILER_SPECIAL ('a; b' -> 'a%3B b')."""
    return TRAILER_SPECIAL.sub(lambda match: f"%{ord(match.group()):02X}", text)


def trailer_author(author: Author) -> str:
    """A name of the trailer's `authors`: encoded, and braced when it is an organisation's."""
    name = encode_trailer_value(author.name)
    return f"{{{name}}}" if author.organisation else name


def render_trailer(paper: Paper) -> str:
    """'id: x', the arXiv id and date when the visible bullet cannot carry them, and the authors."""
    fields = [f"id: {paper.id}"]
    if paper.arxiv and arxiv_id_from_url(paper.links.paper[0]) != paper.arxiv:
        fields.append(f"arxiv: {paper.arxiv}")
    if paper.date and not paper.date.startswith("20"):
        fields.append(f"date: {paper.date}")
    if paper.authors:
        fields.append(f"authors: {', '.join(trailer_author(a) for a in paper.authors)}")
        if not paper.authors_complete:
            fields.append("authors_complete: no")
        if paper.shared_author_names:
            fields.append(f"shared_author_names: {', '.join(map(encode_trailer_value, paper.shared_author_names))}")
        fields.append(f"authors_source: {encode_trailer_value(paper.authors_source)}")
    return "; ".join(fields)


def export_markdown(catalog: Catalog) -> str:
    """The whole README: introduction, standard-reasoning examples, then every category."""
    taxonomy = catalog.taxonomy
    blocks = [f"# {TITLE}", GENERATED_NOTE, escape_markdown(taxonomy.interleaving_reasoning),
              f"## {STANDARD_HEADING}", f"> {escape_markdown(taxonomy.standard_reasoning)}"]
    blocks += [render_bullet(p, taxonomy) for p in catalog.standard_examples]
    blocks.append(f"## {PAPERS_HEADING}")
    for category in taxonomy.categories:
        blocks += [f"### {escape_markdown(category.source_heading)}", f"> Definition: {escape_markdown(category.definition)}"]
        if not category.subcategories:
            blocks += [render_bullet(p, taxonomy) for p in catalog.in_category(category.id)]
        for sub in category.subcategories:
            blocks.append(f"#### {escape_markdown(sub.title)}")
            blocks += [render_bullet(p, taxonomy) for p in catalog.in_subcategory(category.id, sub.id)]
    return "\n\n".join(blocks) + "\n"
