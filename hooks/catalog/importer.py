"""Read awesome-list READMEs into raw catalog entries (dicts ready to be written as YAML).

Two formats are understood: the Awesome Interleaving Reasoning list (`read_interleaving_list`)
and the awesome-deep-multimodal-reasoning list (`read_multimodal_list`). Every line that looks
like an entry but cannot be read is reported, never dropped silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .mojibake import looks_like_mojibake, repair_mojibake
from .models import Taxonomy
from .text import arxiv_id_from_url, date_from_arxiv, slugify_id

STANDARD_SECTION = "standard-reasoning"
LINK_LABELS = {  # emoji-stripped, lowercased label -> link kind
    "project": "project", "page": "project", "code": "code", "github": "code",
    "models": "models", "model": "models", "datasets": "datasets", "dataset": "datasets",
    "data": "datasets", "paper": "paper", "arxiv paper": "paper", "arxiv": "paper",
}
METHOD_TAGS = {"pretrain": "pretrain", "sft": "sft", "rl": "rl", "prompt": "prompt",
               "position paper": "position", "survey paper": "survey"}


@dataclass
class ImportResult:
    """Entries read, per-section counts, and every line that could not be read."""

    entries: list[dict] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


# Shared parsing helpers


def read_bracket(text: str, start: int, open_: str = "[", close: str = "]") -> tuple[str, int]:
    """Content of the balanced bracket group opening at text[start], and the index after it."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == open_:
            depth += 1
        elif text[i] == close:
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
    raise ValueError(f"unclosed {open_!r} at column {start + 1}")


def link_kind(label: str, url: str) -> str:
    """Map a link label such as '🤗Models' or 'code' (and its URL) to a link kind."""
    words = re.sub(r"[^\w\s]", "", label).strip().lower()
    if words in LINK_LABELS:
        return LINK_LABELS[words]
    if "huggingface.co/datasets/" in url:
        return "datasets"
    if "github.com" in url:
        return "code"
    raise ValueError(f"unknown link label {label!r}")


def add_link(entry: dict, kind: str, url: str) -> None:
    """Append url to entry['links'][kind], keeping one URL as a plain string."""
    links = entry.setdefault("links", {})
    current = links.get(kind)
    if current is None:
        links[kind] = url
    elif url not in ([current] if isinstance(current, str) else current):
        links[kind] = ([current] if isinstance(current, str) else current) + [url]


def finish_entry(entry: dict, title: str, url: str) -> dict:
    """Fill id, arxiv and paper link from the title link; order keys for readable YAML."""
    arxiv = arxiv_id_from_url(url)
    entry["title"] = title.strip()
    entry["id"] = slugify_id(entry.get("short_name") or title)
    if arxiv:
        entry["arxiv"] = arxiv
        entry.setdefault("date", date_from_arxiv(arxiv))
    links = entry.pop("links", {})
    entry["links"] = {"paper": url, **links}
    order = ["id", "short_name", "title", "category", "subcategory", "date", "arxiv", "methods", "links"]
    return {k: entry[k] for k in order if k in entry} | {k: v for k, v in entry.items() if k not in order}


# The Awesome Interleaving Reasoning format


def read_interleaving_list(text: str, taxonomy: Taxonomy) -> ImportResult:
    """Parse the list's '* [' bullets under its category and subcategory headings."""
    if looks_like_mojibake(text):
        text = repair_mojibake(text)
    result = ImportResult()
    category, subcategory = "", ""
    for number, line in enumerate(text.splitlines(), start=1):
        heading = re.match(r"(#{2,4})\s+(.*?)\s*$", line)
        if heading:
            category, subcategory = _section_for(heading, taxonomy, category, subcategory)
            continue
        if not line.startswith("* [") or not category:
            continue
        try:
            entry = parse_interleaving_bullet(line.rstrip())
        except ValueError as err:
            result.problems.append(f"line {number}: {err}: {line.strip()}")
            continue
        if category != STANDARD_SECTION:
            entry["category"] = category
            if subcategory:
                entry["subcategory"] = subcategory
        entry = {k: entry[k] for k in ["id", "short_name", "title", "category", "subcategory"] if k in entry} | entry
        result.entries.append(entry)
        key = category + (f"/{subcategory}" if subcategory else "")
        result.counts[key] = result.counts.get(key, 0) + 1
    return result


def _section_for(heading: re.Match, taxonomy: Taxonomy, category: str, subcategory: str) -> tuple[str, str]:
    """The (category, subcategory) a heading opens; '' outside the catalog's sections."""
    level, title = len(heading.group(1)), heading.group(2)
    if level == 2:
        return (STANDARD_SECTION if title.lower().startswith("standard reasoning") else ""), ""
    if level == 3:
        match = next((c for c in taxonomy.categories if c.source_heading.lower() == title.lower()), None)
        return (match.id if match else ""), ""
    if level == 4 and category and category != STANDARD_SECTION:
        cat = taxonomy.category(category)
        sub = next((s for s in cat.subcategories if s.title.lower() == title.lower()), None)
        if sub is None:
            raise ValueError(f"heading {title!r} is not a subcategory of {category}")
        return category, sub.id
    return category, subcategory


def parse_interleaving_bullet(line: str) -> dict:
    """Parse '* [**RL**] [2505] [Name] [Title](url) [[💻Code](url)] ...' into an entry dict."""
    entry: dict = {}
    pos = 2
    groups: list[tuple[str, str | None]] = []  # (bracket text, url or None)
    while pos < len(line):
        if line[pos].isspace():
            pos += 1
            continue
        if line[pos] != "[":
            raise ValueError(f"unexpected text at column {pos + 1}")
        inner, pos = read_bracket(line, pos)
        url = None
        if pos < len(line) and line[pos] == "(":
            url, pos = read_bracket(line, pos, "(", ")")
        groups.append((inner, url))
    _assign_groups(entry, groups)
    return entry


def _assign_groups(entry: dict, groups: list[tuple[str, str | None]]) -> None:
    """Give each bracket group its role: methods, date code, short name, title, links."""
    title = None
    for inner, url in groups:
        if url is None and title is None and re.fullmatch(r"\*\*(.+)\*\*", inner):
            entry["methods"] = _methods(inner.strip("*"))
        elif url is None and title is None and re.fullmatch(r"\d{4}", inner):
            entry["date"] = f"20{inner[:2]}-{inner[2:]}"
            entry["date_code"] = inner
        elif url is None and title is None:
            name = inner.replace("\\", "")
            if name not in {"-", ""}:
                entry["short_name"] = name
        elif url is not None and title is None:
            title = (inner, _unwrap_markdown_link(url))
        elif url is None and inner.startswith("["):
            label, end = read_bracket(inner, 0)
            rest = inner[end:]
            if not rest.startswith("(") or not rest.endswith(")"):
                raise ValueError(f"broken link markdown [{inner}]")
            target = rest[1:-1]
            add_link(entry, link_kind(label, target), target)
        else:
            raise ValueError(f"cannot place [{inner}]")
    if title is None:
        raise ValueError("no title link")
    date_code = entry.pop("date_code", None)
    ordered = finish_entry(entry, title[0].replace("\\", ""), title[1])
    entry.clear()
    entry.update(ordered)
    if date_code and entry.get("arxiv") and entry["date"] != f"20{date_code[:2]}-{date_code[2:]}":
        entry["date"] = f"20{date_code[:2]}-{date_code[2:]}"  # keep the source's claim; the checks flag it


def _methods(tag: str) -> list[str]:
    methods = []
    for part in tag.split("+"):
        key = part.strip().lower()
        if key not in METHOD_TAGS:
            raise ValueError(f"unknown method tag {part.strip()!r}")
        methods.append(METHOD_TAGS[key])
    return methods


def _unwrap_markdown_link(url: str) -> str:
    """'[https://x](https://x)' (a link pasted inside a link) -> 'https://x'."""
    match = re.fullmatch(r"\[(.+?)\]\((.+)\)", url)
    return match.group(2) if match else url
