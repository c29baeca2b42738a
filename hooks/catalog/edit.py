"""Write catalog YAML: new entries spliced into a papers file, imported entries as whole files.

`add_paper` never re-serialises a file: it renders the new entry alone (ruamel.yaml, in the data
files' style) and inserts that block as text at its place, so every other byte of the file —
comments, quoting, order, blank lines — stays as it was.
"""
from __future__ import annotations

import difflib
import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from ruamel.yaml import YAML

from .importer import ENTRY_KEY_ORDER
from .load import PAPERS_DIR, STANDARD_FILE, display_path, load_catalog
from .models import Taxonomy
from .problems import CatalogError
from .text import arxiv_id_from_url, date_from_arxiv, fold_for_search
from .yaml_io import parse_yaml

ARXIV_ID = re.compile(r"(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?", re.IGNORECASE)
TITLE_SIMILARITY = 0.9  # difflib ratio at or above which two normalised titles are the same paper


class AddRefused(Exception):
    """The entry was not added; str() says why, one reason (or loader problem) a line."""


@dataclass(frozen=True)
class ExistingEntry:
    """Where an entry of the catalog sits, and what a duplicate check compares."""

    file: str
    line: int
    id: str
    title: str
    arxiv: str


# Rendering YAML


def yaml_writer() -> YAML:
    """ruamel.yaml set to the data files' style: '- id:' at column 0, nested lists not indented."""
    writer = YAML()
    writer.indent(mapping=2, sequence=2, offset=0)
    writer.width = 4096  # never fold a long title
    return writer


def render_entries(entries: list[dict]) -> str:
    """YAML text of entries, one list item each, separated by blank lines."""
    writer = yaml_writer()
    blocks = []
    for entry in entries:
        stream = io.StringIO()
        writer.dump([entry], stream)
        blocks.append(stream.getvalue())
    return "\n".join(blocks)


# Building a new entry


def parse_arxiv(text: str) -> str:
    """'2505.14362', 'arXiv:2505.14362v2' or an arxiv.org URL -> '2505.14362'; ValueError otherwise."""
    match = ARXIV_ID.fullmatch(text.strip())
    arxiv = match.group(1) if match else arxiv_id_from_url(text)
    if not arxiv:
        raise ValueError(f"{text!r} is not an arXiv id like 2505.14362 or an arxiv.org link")
    return arxiv


def build_entry(*, entry_id: str, title: str, arxiv: str, category: str, authors: list, authors_source: str,
                subcategory: str = "", short_name: str = "", methods: list[str] | None = None, code: str = "",
                project: str = "", added: str) -> dict:
    """A new entry in the data files' key order; date and paper link come from the arXiv id."""
    entry = {"id": entry_id, "short_name": short_name, "title": title, "authors": authors,
             "authors_source": authors_source, "category": category,
             "subcategory": subcategory, "date": date_from_arxiv(arxiv), "arxiv": arxiv, "methods": methods,
             "links": {"paper": f"https://arxiv.org/abs/{arxiv}", "project": project, "code": code},
             "added": added}
    entry["links"] = {k: v for k, v in entry["links"].items() if v}
    return {k: entry[k] for k in ENTRY_KEY_ORDER if entry.get(k)}


# Duplicates


def catalog_entries(data_dir: Path) -> list[ExistingEntry]:
    """Every entry of the papers files and the standard-reasoning file that parses (others: the loader reports)."""
    paths = sorted((data_dir / PAPERS_DIR).glob("*.yaml")) + [data_dir / STANDARD_FILE]
    found = []
    for path in filter(Path.is_file, paths):
        try:
            data = parse_yaml(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError):
            continue
        for entry in data if isinstance(data, list) else []:
            if isinstance(entry, dict):
                found.append(ExistingEntry(display_path(path, data_dir), getattr(entry, "line", 0),
                                           str(entry.get("id", "")), str(entry.get("title", "")),
                                           str(entry.get("arxiv", ""))))
    return found


def normalise_title(title: str) -> str:
    """Lowercase ASCII words only: 'DeepEyes: “Thinking”' -> 'deepeyes thinking'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold_for_search(title)).split())


def find_duplicates(entry: dict, existing: list[ExistingEntry]) -> list[str]:
    """One line per existing entry with the same id, the same arXiv id or a near-identical title."""
    title = normalise_title(entry["title"])
    lines = []
    for other in existing:
        reasons = []
        if other.id == entry["id"]:
            reasons.append(f"same id {other.id!r}")
        if entry.get("arxiv") and other.arxiv == entry["arxiv"]:
            reasons.append(f"same arXiv id {other.arxiv}")
        matcher = difflib.SequenceMatcher(None, title, normalise_title(other.title))
        similarity = matcher.ratio() if matcher.real_quick_ratio() >= TITLE_SIMILARITY else 0.0  # skip the slow ratio
        if similarity >= TITLE_SIMILARITY:
            reasons.append(f"near-identical title {other.title!r} (similarity {similarity:.2f})")
        if reasons:
            lines.append(f"duplicate of entry {other.id!r} at {other.file}:{other.line}: {'; '.join(reasons)}")
    return lines


# Placing the entry


def insertion_index(entries: list[dict], new: dict, taxonomy: Taxonomy) -> int:
    """Index before which new belongs: newest first within its subcategory group, groups in taxonomy order."""
    order = [""] + [s.id for s in taxonomy.category(new["category"]).subcategories]

    def rank(entry: dict) -> int:
        """Position of the entry's subcategory in the taxonomy; unknown ones last."""
        sub = entry.get("subcategory", "")
        return order.index(sub) if sub in order else len(order)

    group = [i for i, e in enumerate(entries) if rank(e) == rank(new)]
    if group:
        older = next((i for i in group if str(entries[i].get("date", "")) < new["date"]), None)
        return older if older is not None else group[-1] + 1
    later = next((i for i, e in enumerate(entries) if rank(e) > rank(new)), None)
    return later if later is not None else len(entries)


def insert_block(text: str, block: str, before_line: int | None) -> str:
    """text with block inserted before the entry starting on before_line (1-based), or appended."""
    if before_line is None:
        separator = "" if text.endswith("\n\n") or not text else "\n" if text.endswith("\n") else "\n\n"
        return text + separator + block
    lines = text.splitlines(keepends=True)
    start = before_line - 1
    while start > 0 and lines[start - 1].startswith("#"):  # comments directly above belong to that entry...
        start -= 1
    if start == 0:  # ...unless they run up to the top: then they are the file's header
        start = before_line - 1
    return "".join(lines[:start]) + block + "\n" + "".join(lines[start:])


def papers_file(data_dir: Path, category: str) -> Path:
    """The papers file of a category."""
    return data_dir / PAPERS_DIR / f"{category}.yaml"


def file_with_entry(data_dir: Path, entry: dict, taxonomy: Taxonomy) -> tuple[str, int]:
    """(new text of the category's file, line of the new entry) — nothing written yet."""
    text = papers_file(data_dir, entry["category"]).read_text(encoding="utf-8")
    entries = parse_yaml(text) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise yaml.YAMLError("not a list of entries")
    index = insertion_index(entries, entry, taxonomy)
    before_line = entries[index].line if index < len(entries) else None
    new_text = insert_block(text, render_entries([entry]), before_line)
    line = parse_yaml(new_text)[index].line
    return new_text, line


def validate_with(data_dir: Path, path: Path, new_text: str) -> None:
    """Load a temporary copy of data_dir in which path holds new_text; raise CatalogError if invalid."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / data_dir.name  # same name, so problems show the real paths
        shutil.copytree(data_dir, copy)
        (copy / path.relative_to(data_dir)).write_text(new_text, encoding="utf-8")
        load_catalog(copy)


def add_paper(data_dir: Path, entry: dict, taxonomy: Taxonomy, *, write: bool = True) -> tuple[str, int]:
    """Insert entry (whose category is one of taxonomy's) into its category's file after every check.

    Returns (display path, line of the new entry); raises AddRefused, writing nothing, on any problem.
    """
    data_dir = Path(data_dir).resolve()
    duplicates = find_duplicates(entry, catalog_entries(data_dir))
    if duplicates:
        raise AddRefused("\n".join(duplicates))
    path = papers_file(data_dir, entry["category"])
    try:
        new_text, line = file_with_entry(data_dir, entry, taxonomy)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        raise AddRefused(f"{display_path(path, data_dir)} is not a readable list of entries; "
                         "run `catalog validate` for the report") from None
    try:
        validate_with(data_dir, path, new_text)
    except CatalogError as err:
        raise AddRefused(str(err)) from None
    if write:
        path.write_text(new_text, encoding="utf-8")
    return display_path(path, data_dir), line
