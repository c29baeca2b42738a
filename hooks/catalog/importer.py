"""Read awesome-list READMEs into raw catalog entries (dicts ready to be written as YAML).

Two formats are understood, and `read_awesome_list` tells them apart:

* the Awesome Interleaving Reasoning list (`read_interleaving_list`): `### Category` and
  `#### Subcategory` headings, bullets `* [**SFT+RL**] [2505] [Short] [Title](url) [[💻Code](url)]`.
  `catalog export --format markdown` writes this format back, adding a trailing
  `<!-- id: ...; arxiv: ... -->` comment so that ids (and arXiv ids the links do not show) survive
  a round trip;
* the awesome-deep-multimodal-reasoning list (`read_multimodal_list`): `- Title [[paper]](url)
  [[code]](url)` bullets under topic headings. Its sections are mapped to our categories by
  MULTIMODAL_SECTIONS; sections no category fits (benchmarks, data sets, infrastructure, other
  lists) are reported as unmapped rather than forced into one.

Every line that looks like an entry but cannot be read is reported, never dropped silently. An
entry whose title (and, in seed 001's format, paper link) can be read is imported with every part
that can be read; each part that cannot (a broken link, an unknown method, stray text) is reported
with its line, its entry and its text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import LINK_KINDS, Taxonomy
from .mojibake import looks_like_mojibake, repair_mojibake
from .text import arxiv_id_from_url, date_from_arxiv, slugify_id

INTERLEAVING_FORMAT = "awesome-interleaving-reasoning"
MULTIMODAL_FORMAT = "awesome-deep-multimodal-reasoning"
STANDARD_SECTION = "standard-reasoning"
UNMAPPED = "unmapped"
MAX_ID_LENGTH = 60  # ids end up in URLs; long titles are cut at a hyphen
LINK_LABELS = {  # emoji-stripped, lowercased label -> link kind
    "project": "project", "page": "project", "code": "code", "github": "code",
    "models": "models", "model": "models", "datasets": "datasets", "dataset": "datasets",
    "data": "datasets", "paper": "paper", "arxiv paper": "paper", "arxiv": "paper",
}
ENTRY_KEY_ORDER = ("id", "short_name", "title", "authors", "authors_complete", "shared_author_names", "authors_source",
                   "category", "subcategory", "secondary_category", "date", "arxiv",
                   "methods", "venue", "links", "abstract", "abstract_source", "added", "notes")  # as data files order them
# Backslash escapes of CommonMark: a backslash before ASCII punctuation stands for that character.
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# `<!-- id: deepeyes; arxiv: 2505.14362 -->` at the end of an exported bullet; its content has no
# '<' or '>', so a '<!--' inside an (escaped) title cannot pass for its start.
TRAILER = re.compile(r"\s*<!--([^<>]*)-->\s*$")
TRAILER_KEYS = ("id", "arxiv", "date", "authors", "authors_complete", "shared_author_names", "authors_source")
PERCENT_ESCAPE = re.compile(r"%([0-9A-F]{2})")

# Seed 001's sections -> (category, subcategory, methods), or None when no category fits.
# Its vertical domains (robotics, medicine, audio) are multimodal reasoning in our sense; its
# "Generation" papers reason while generating; surveys keep their section's topic.
MULTIMODAL_SECTIONS: dict[str, tuple[str, str, tuple[str, ...]] | None] = {
    "Surveys": ("multimodal", "", ("survey",)),
    "Visual Understanding": ("multimodal", "", ()),
    "Visual Reasoning": ("multimodal", "", ()),
    "Robotics/Spatial": ("multimodal", "", ()),
    "Medical": ("multimodal", "", ()),
    "Audio": ("multimodal", "", ()),
    "Generation": ("unified-generation", "generation", ()),
    "Benchmarks": None,  # evaluations, not reasoning methods
    "Datasets": None,
    "Infra": None,
    "Related Collections": None,
}
MULTIMODAL_TAG = re.compile(r"\*\*\[([^\]]+)\]\*\*\s*")
VENUE_TAG = re.compile(r"[A-Za-z]+\s?\d{4}")  # CVPR2025, EMNLP 2024
SHORT_NAME_SEPARATORS = (": ", " --- ")
MAX_SHORT_NAME_WORDS = 2


@dataclass
class ImportResult:
    """Entries read, per-section counts, every line that could not be read (`problems`: entries lost),
    every part of an imported entry that could not be read (`unread_parts`), and unmapped lines."""

    format: str = INTERLEAVING_FORMAT
    entries: list[dict] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    targets: dict[str, str] = field(default_factory=dict)  # section -> 'category[/subcategory]' or UNMAPPED
    problems: list[str] = field(default_factory=list)
    unread_parts: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)

    def count(self, section: str, target: str) -> None:
        """Count one entry (or unmapped line) read in section, which goes to target."""
        self.counts[section] = self.counts.get(section, 0) + 1
        self.targets[section] = target


# Shared parsing helpers


def unescape_markdown(text: str) -> str:
    r"""Undo markdown backslash escapes: 'V\*' -> 'V*'; a backslash before anything else stays."""
    return MARKDOWN_ESCAPE.sub(r"\1", text)


def read_bracket(text: str, start: int, open_: str = "[", close: str = "]") -> tuple[str, int]:
    """Content of the balanced bracket group opening at text[start], and the index after it."""
    depth = 0
    i = start
    while i < len(text):
        if text[i] == "\\":  # an escaped bracket does not open or close anything
            i += 2
            continue
        if text[i] == open_:
            depth += 1
        elif text[i] == close:
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
        i += 1
    raise ValueError(f"unclosed {open_!r} at column {start + 1}")


def entry_id(name: str) -> str:
    """The id for a new entry: slug of its short name or title, cut at a hyphen to MAX_ID_LENGTH."""
    slug = slugify_id(name)
    if not slug:
        raise ValueError(f"cannot make an id from {name!r} (no letters or digits in ASCII)")
    if len(slug) > MAX_ID_LENGTH:
        slug = slug[: MAX_ID_LENGTH + 1].rsplit("-", 1)[0]
    return slug


def read_methods(text: str, taxonomy: Taxonomy) -> list[str]:
    """'SFT+RL' or 'sft, rl' -> ['sft', 'rl'], by the taxonomy's method ids or labels."""
    known = {m.id: m.id for m in taxonomy.methods} | {m.label.lower(): m.id for m in taxonomy.methods}
    methods = []
    for part in filter(None, (p.strip() for p in re.split(r"[,+]", text))):
        if part.lower() not in known:
            raise ValueError(f"{part!r} is not a method ({', '.join(m.id for m in taxonomy.methods)})")
        methods.append(known[part.lower()])
    return methods


def read_bracket_groups(text: str, start: int, unexpected) -> tuple[list[tuple[str, str | None]], str]:
    """The '[inner]' or '[inner](url)' groups from text[start:], as (inner, url or None), and why reading
    stopped before the end ('' when it did not).

    Only white space may stand between groups; reading stops at anything else (unexpected(pos) says
    what) and at a bracket that is never closed.
    """
    groups: list[tuple[str, str | None]] = []
    pos = start
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        if text[pos] != "[":
            return groups, unexpected(pos)
        try:
            inner, end = read_bracket(text, pos)
            url = None
            if end < len(text) and text[end] == "(":
                url, end = read_bracket(text, end, "(", ")")
        except ValueError as err:
            return groups, f"{err}: {text[pos:].strip()}"
        groups.append((inner, url))
        pos = end
    return groups, ""


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
    """Fill id, arxiv, date and the paper link from the title link; order keys for readable YAML."""
    entry["title"] = title.strip()
    entry.setdefault("id", entry_id(entry.get("short_name") or entry["title"]))
    arxiv = entry.get("arxiv") or arxiv_id_from_url(url)
    if arxiv:
        entry["arxiv"] = arxiv
        entry.setdefault("date", date_from_arxiv(arxiv))
    others = entry.pop("links", {})
    entry["links"] = {"paper": url}
    for kind in LINK_KINDS:
        value = others.get(kind, [])
        for link in [value] if isinstance(value, str) else value:
            add_link(entry, kind, link)
    return {k: entry[k] for k in ENTRY_KEY_ORDER if k in entry} | {k: v for k, v in entry.items()
                                                                   if k not in ENTRY_KEY_ORDER}


def detect_format(text: str) -> str:
    """Which list format text is in (after mojibake repair); ValueError when neither."""
    if re.search(r"^### (Multimodal|Multi-Round Acting|Multi-Agent|Unified Understanding and Generation) "
                 r"Interleaving Reasoning\s*$", text, re.MULTILINE):
        return INTERLEAVING_FORMAT
    if re.search(r"^#### Visual (Understanding|Reasoning)\s*$", text, re.MULTILINE):
        return MULTIMODAL_FORMAT
    raise ValueError("not an awesome list this importer knows (neither the Awesome Interleaving Reasoning "
                     "nor the awesome-deep-multimodal-reasoning format)")


def read_awesome_list(text: str, taxonomy: Taxonomy) -> ImportResult:
    """Read a list in either known format, detected from its headings."""
    if looks_like_mojibake(text):
        text = repair_mojibake(text)
    if detect_format(text) == INTERLEAVING_FORMAT:
        return read_interleaving_list(text, taxonomy)
    return read_multimodal_list(text, taxonomy)


# The Awesome Interleaving Reasoning format


def read_interleaving_list(text: str, taxonomy: Taxonomy) -> ImportResult:
    """Parse the list's '* [' bullets under its category and subcategory headings."""
    if looks_like_mojibake(text):
        text = repair_mojibake(text)
    result = ImportResult(format=INTERLEAVING_FORMAT)
    category, subcategory, broken_heading = "", "", ""
    for number, line in enumerate(text.splitlines(), start=1):
        heading = re.match(r"(#{2,4})\s+(.*?)\s*$", line)
        if heading:
            try:
                category, subcategory = _section_for(heading, taxonomy, category)
                broken_heading = ""
            except ValueError as err:
                result.problems.append(f"line {number}: {err}: {line.strip()}")
                broken_heading = f"under the unknown heading at line {number}"
            continue
        if not line.startswith("* ["):
            continue
        if broken_heading or not category:
            result.problems.append(f"line {number}: {broken_heading or 'outside the catalog sections'}: {line.strip()}")
            continue
        try:
            entry, unread = parse_interleaving_bullet(line.rstrip(), taxonomy)
        except ValueError as err:
            result.problems.append(f"line {number}: {err}: {line.strip()}")
            continue
        result.unread_parts += [f"line {number}: entry {entry['id']}: not imported: {part}" for part in unread]
        if category != STANDARD_SECTION:
            entry["category"] = category
            if subcategory:
                entry["subcategory"] = subcategory
        result.entries.append({k: entry[k] for k in ENTRY_KEY_ORDER if k in entry} | entry)
        section = category + (f"/{subcategory}" if subcategory else "")
        result.count(section, section)
    return result


def _section_for(heading: re.Match, taxonomy: Taxonomy, category: str) -> tuple[str, str]:
    """The (category, subcategory) a heading opens; '' outside the catalog's sections."""
    level, title = len(heading.group(1)), unescape_markdown(heading.group(2))
    if level == 2:
        return (STANDARD_SECTION if title.lower().startswith("standard reasoning") else ""), ""
    if level == 3:
        match = next((c for c in taxonomy.categories if c.source_heading.lower() == title.lower()), None)
        return (match.id if match else ""), ""
    if category and category != STANDARD_SECTION:
        cat = taxonomy.category(category)
        sub = next((s for s in cat.subcategories if s.title.lower() == title.lower()), None)
        if sub is None:
            raise ValueError(f"heading {title!r} is not a subcategory of {category}")
        return category, sub.id
    return category, ""


def parse_interleaving_bullet(line: str, taxonomy: Taxonomy) -> tuple[dict, list[str]]:
    """Parse '* [**RL**] [2505] [Name] [Title](url) [[💻Code](url)] ...' into an entry dict and the parts
    of the line that could not be read; ValueError when no entry can be made (no title link)."""
    entry: dict = {}
    unread: list[str] = []
    trailer = TRAILER.search(line)
    if trailer:
        try:
            entry.update(_read_trailer(trailer.group(1)))
        except ValueError as err:
            unread.append(str(err))
        line = line[: trailer.start()]
    groups, stopped = read_bracket_groups(line, 2, lambda pos: f"unexpected text at column {pos + 1}: "
                                                               f"{line[pos:].strip()}")
    title, date_code = None, None
    for inner, url in groups:
        try:
            title, date_code = _assign_group(entry, inner, url, title, date_code, taxonomy)
        except ValueError as err:
            unread.append(str(err))
    if title is None:
        raise ValueError(stopped.split(": ")[0] if stopped else "no title link")
    if date_code and "date" not in entry:  # the source's claim wins over the arXiv id; the checks flag a conflict
        entry["date"] = f"20{date_code[:2]}-{date_code[2:]}"
    return finish_entry(entry, *title), unread + ([stopped] if stopped else [])


def _read_trailer(text: str) -> dict:
    """'id: deepeyes; arxiv: 2505.14362' -> {'id': 'deepeyes', 'arxiv': '2505.14362'} (also date: YYYY-MM, and
    authors: A, B, {Organisation}; authors_complete: no; authors_source: S, as export_markdown writes them)."""
    values: dict = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, _, value = part.partition(":")
        key, value = key.strip(), value.strip()
        if key not in TRAILER_KEYS or not value:
            raise ValueError(f"cannot read {part!r} in the trailing comment (expected id: ... or arxiv: ...)")
        if key == "authors":
            values[key] = [_trailer_author(name.strip()) for name in value.split(",")]
        elif key == "authors_complete":
            values[key] = value != "no"
        elif key == "shared_author_names":
            values[key] = [_decode(name.strip()) for name in value.split(",")]
        else:
            values[key] = _decode(value)
    return values


def _decode(text: str) -> str:
    """Undo export_markdown.encode_trailer_value: 'a%3B b' -> 'a; b'."""
    return PERCENT_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def _trailer_author(name: str) -> str | dict:
    """A name of the trailer's authors: '{OpenAI}' is an organisation; percent escapes undone."""
    organisation = name.startswith("{") and name.endswith("}")
    name = _decode(name[1:-1] if organisation else name)
    return {"organisation": name} if organisation else name


def _assign_group(entry: dict, inner: str, url: str | None, title: tuple | None, date_code: str | None,
                  taxonomy: Taxonomy) -> tuple[tuple | None, str | None]:
    """Give one bracket group its role (methods, date code, short name, title, a link) and read it into
    entry; returns the title and date code read so far. ValueError when the group cannot be read."""
    if url is None and title is None and re.fullmatch(r"\*\*(.+)\*\*", inner):
        entry["methods"] = read_methods(inner.strip("*"), taxonomy)
    elif url is None and title is None and date_code is None and re.fullmatch(r"\d{4}", inner):
        date_code = inner
    elif url is None and title is None:
        if inner.strip() not in {"-", ""}:
            entry["short_name"] = unescape_markdown(inner)
    elif url is not None and title is None:
        title = (unescape_markdown(inner), unescape_markdown(_unwrap_markdown_link(url)))
    elif url is None and inner.startswith("["):
        label, target = _read_link_group(inner)
        add_link(entry, link_kind(label, target), target)
    else:
        raise ValueError(f"cannot place [{inner}]")
    return title, date_code


def _read_link_group(inner: str) -> tuple[str, str]:
    """'[💻Code](https://x)' (the inside of '[[💻Code](https://x)]') -> (label, url)."""
    try:
        label, end = read_bracket(inner, 0)
        target, after = read_bracket(inner, end, "(", ")")
    except ValueError:
        raise ValueError(f"broken link markdown [{inner}]") from None
    if inner[end] != "(" or after != len(inner):
        raise ValueError(f"broken link markdown [{inner}]")
    return label, unescape_markdown(target)


def _unwrap_markdown_link(url: str) -> str:
    """'[https://x](https://x)' (a link pasted inside a link) -> 'https://x'."""
    match = re.fullmatch(r"\[(.+?)\]\((.+)\)", url)
    return match.group(2) if match else url


# The awesome-deep-multimodal-reasoning format


def read_multimodal_list(text: str, taxonomy: Taxonomy) -> ImportResult:
    """Parse the list's '- ' bullets, mapping its sections through MULTIMODAL_SECTIONS."""
    result = ImportResult(format=MULTIMODAL_FORMAT)
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        heading = re.match(r"(#{1,4})\s+(.*?)\s*$", line)
        if heading:
            section = heading.group(2) if len(heading.group(1)) > 1 else ""
            continue
        if not line.startswith("- "):
            continue
        if section not in MULTIMODAL_SECTIONS:
            result.problems.append(f"line {number}: section {section!r} is not one the importer maps: {line.strip()}")
            continue
        target = MULTIMODAL_SECTIONS[section]
        if target is None:
            result.unmapped.append(f"line {number}: section {section!r} fits no catalog category: {line.strip()}")
            result.count(section, UNMAPPED)
            continue
        try:
            entry, unread = parse_multimodal_bullet(line.rstrip(), *target)
        except ValueError as err:
            result.problems.append(f"line {number}: {err}: {line.strip()}")
            continue
        result.unread_parts += [f"line {number}: entry {entry['id']}: not imported: {part}" for part in unread]
        if taxonomy.category(entry["category"]) is None:
            raise ValueError(f"MULTIMODAL_SECTIONS maps {section!r} to {entry['category']!r}, not a category")
        result.entries.append(entry)
        result.count(section, "/".join(filter(None, target[:2])))
    return result


def parse_multimodal_bullet(line: str, category: str, subcategory: str,
                            methods: tuple[str, ...]) -> tuple[dict, list[str]]:
    """Parse '- **[Image]** Title [[paper]](url) [[code]](url) ...' into an entry dict and the parts of the
    line that could not be read; ValueError when no entry can be made (no title, no paper link)."""
    entry: dict = {"category": category}
    if subcategory:
        entry["subcategory"] = subcategory
    if methods:
        entry["methods"] = list(methods)
    rest = line[2:].strip()
    tags = []
    while tag := MULTIMODAL_TAG.match(rest):
        tags.append(tag.group(1).strip())
        rest = rest[tag.end() :]
    venue = next((t for t in tags if VENUE_TAG.fullmatch(t)), "")
    if venue:
        entry["venue"] = venue
    other_tags = [t for t in tags if t != venue]
    if other_tags:  # modality and topic tags have no field of their own; keep them for the curator
        entry["notes"] = [f"Tagged {', '.join(other_tags)} in {MULTIMODAL_FORMAT}."]
    start = rest.find("[")
    title = " ".join(unescape_markdown(rest if start < 0 else rest[:start]).split())
    if not title:
        raise ValueError("no title before the links")
    unread: list[str] = []
    links_at = len(line) - len(rest) + start if start >= 0 else len(line)  # rest is a tail of the (rstripped) line
    groups, stopped = read_bracket_groups(line, links_at, lambda pos: f"unexpected text after the links: "
                                                                      f"{line[pos:].strip()!r}")
    for inner, url in groups:
        try:
            label, url = _multimodal_link(inner, url)
            add_link(entry, _multimodal_link_kind(label, url), url)
        except ValueError as err:
            unread.append(str(err))
    papers = entry.get("links", {}).get("paper")
    if papers is None:
        raise ValueError("no paper link (only code, data or other links)")
    short_name = _short_name(title)
    if short_name:
        entry["short_name"] = short_name
    unread += [stopped] if stopped else []
    return finish_entry(entry, title, papers if isinstance(papers, str) else papers[0]), unread


def _multimodal_link(inner: str, url: str | None) -> tuple[str, str]:
    """(label, url) of a '[[label]](url)', '[label](url)' or '[[label](url)]' group."""
    if url is not None:
        return inner.strip().strip("[]").strip(), url.strip()
    label, url = _read_link_group(inner.strip())
    return label, url.strip()


def _multimodal_link_kind(label: str, url: str) -> str:
    """Kind of a seed-001 link: the URL decides where it is unambiguous, else the label."""
    if arxiv_id_from_url(url):
        return "paper"
    words = set(re.findall(r"[a-z]+", label.lower()))
    if "dataset" in url.lower() or words & {"data", "dataset", "datasets", "benchmark", "bench"}:
        return "datasets"
    try:
        return link_kind(label, url)
    except ValueError:
        pass
    if re.match(r"https?://(www\.)?huggingface\.co/", url):
        return "models"
    raise ValueError(f"cannot tell what kind of link [{label}]({url}) is")


def _short_name(title: str) -> str:
    """'VLM-R1: A stable ...' -> 'VLM-R1': a name of at most two words before ': ' or ' --- '."""
    for separator in SHORT_NAME_SEPARATORS:
        name, found, _ = title.partition(separator)
        if found and len(name.split()) <= MAX_SHORT_NAME_WORDS:
            return name.strip()
    return ""
