"""Load data/ into a validated Catalog, or raise CatalogError listing every problem.

The one entry point is `load_catalog(data_dir)`. Files are read in sorted order with a
safe loader; each entry becomes a typed model once, after all checks have passed.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from . import check
from .models import Activity, Boundary, Catalog, Category, Links, Method, Paper, Subcategory, Taxonomy, LINK_KINDS
from .problems import CatalogError, Problem
from .yaml_io import parse_yaml

TAXONOMY_FILE = "taxonomy.yaml"
PAPERS_DIR = "papers"
STANDARD_FILE = "standard-reasoning.yaml"
ACTIVITIES_FILE = "activities.yaml"
SCHEMA_DIR = "schema"
PAPER_SCHEMA = "paper.schema.json"


# Reading files


def read_yaml_file(path: Path, display: str) -> tuple[object, list[Problem]]:
    """Parse one YAML file; problems name the file and the line of a syntax error."""
    raw = path.read_bytes()
    problems = check.check_raw_text(display, raw)
    if problems:
        return None, problems
    try:
        return parse_yaml(raw.decode("utf-8")), []
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        reason = getattr(err, "problem", None) or str(err)
        return None, [Problem(display, line, "", "", f"YAML syntax error: {reason}")]


@lru_cache(maxsize=4)
def schema_validator(schema_dir: str, definition: str) -> Draft202012Validator:
    """A validator for one $defs entry of the paper schema (resolving sibling files)."""
    resources = []
    for path in Path(schema_dir).glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(schema)))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry = Registry().with_resources(resources)
    base = json.loads((Path(schema_dir) / PAPER_SCHEMA).read_text(encoding="utf-8"))
    return Draft202012Validator({"$ref": f"{base['$id']}#/$defs/{definition}"}, registry=registry)


def display_path(path: Path, data_dir: Path) -> str:
    """Path as messages show it: relative to the project (e.g. data/papers/multimodal.yaml)."""
    return str(path.relative_to(data_dir.parent)) if path.is_relative_to(data_dir.parent) else str(path)


# Taxonomy


def build_taxonomy(raw: dict) -> Taxonomy:
    """Turn the validated taxonomy mapping into models."""
    categories = tuple(
        Category(id=c["id"], title=c["title"], short_title=c["short_title"], source_heading=c["source_heading"],
                 definition=c["definition"], examples=tuple(c["examples"]),
                 subcategories=tuple(Subcategory(**s) for s in c["subcategories"]))
        for c in raw["categories"])
    return Taxonomy(
        interleaving_reasoning=raw["interleaving_reasoning"], standard_reasoning=raw["standard_reasoning"],
        methods=tuple(Method(**m) for m in raw["methods"]), categories=categories,
        boundaries=tuple(Boundary(id=b["id"], between=tuple(b["between"]), rule=b["rule"],
                                  reasoning=b["reasoning"], example=b["example"]) for b in raw["boundaries"]))


def load_taxonomy(data_dir: Path) -> tuple[Taxonomy | None, list[Problem]]:
    """Read and validate data/taxonomy.yaml."""
    path = data_dir / TAXONOMY_FILE
    display = display_path(path, data_dir)
    raw, problems = read_yaml_file(path, display)
    if problems:
        return None, problems
    schema = json.loads((data_dir / SCHEMA_DIR / "taxonomy.schema.json").read_text(encoding="utf-8"))
    for error in Draft202012Validator(schema).iter_errors(raw):
        field, message = check.describe_schema_error(error)
        where = "/".join(str(p) for p in error.absolute_path)
        problems.append(Problem(display, 0, "", field or where, message if field else f"{where}: {message}"))
    return (None if problems else build_taxonomy(raw)), problems


# Papers


def build_paper(entry: dict, file: str) -> Paper:
    """Turn one validated entry mapping into a Paper."""
    links = entry["links"]
    as_tuple = lambda v: (v,) if isinstance(v, str) else tuple(v or ())  # noqa: E731
    return Paper(
        id=entry["id"], title=entry["title"], date=entry["date"],
        links=Links(**{kind: as_tuple(links.get(kind)) for kind in LINK_KINDS}),
        category=entry.get("category", ""), subcategory=entry.get("subcategory", ""),
        secondary_category=entry.get("secondary_category", ""), short_name=entry.get("short_name", ""),
        arxiv=entry.get("arxiv", ""), methods=tuple(entry.get("methods", ())), venue=entry.get("venue", ""),
        abstract=entry.get("abstract", ""), abstract_source=entry.get("abstract_source", ""),
        added=entry.get("added", ""), notes=tuple(entry.get("notes", ())), source_file=file,
        source_line=getattr(entry, "line", 0))


def check_entry_file(file: str, data: object, validator, taxonomy: Taxonomy | None) -> list[Problem]:
    """All per-file checks of a list of entries."""
    problems = check.check_is_list(file, data)
    if problems:
        return problems
    problems += check.check_schema(file, data, validator)
    problems += check.check_text_values(file, data)
    problems += check.check_arxiv_and_links(file, data)
    if taxonomy is not None:
        problems += check.check_references(file, data, taxonomy)
    return problems


def sort_papers(papers: list[Paper]) -> tuple[Paper, ...]:
    """Newest first; within a month, by name (case-insensitive), then id."""
    by_name = sorted(papers, key=lambda p: (p.name.casefold(), p.id))
    return tuple(sorted(by_name, key=lambda p: p.date, reverse=True))


def check_taxonomy_references(taxonomy: Taxonomy, ids: set[str], display: str) -> list[Problem]:
    """Examples named by the taxonomy must be catalog entries."""
    problems = []
    for cat in taxonomy.categories:
        problems += [Problem(display, 0, cat.id, "examples", f"{ex!r} is not the id of a catalog entry")
                     for ex in cat.examples if ex not in ids]
    for boundary in taxonomy.boundaries:
        problems += [Problem(display, 0, boundary.id, "between", f"{c!r} is not a category")
                     for c in boundary.between if taxonomy.category(c) is None]
        if boundary.example not in ids:
            problems.append(Problem(display, 0, boundary.id, "example", f"{boundary.example!r} is not the id of a catalog entry"))
    return problems


def load_activities(data_dir: Path, ids: set[str]) -> tuple[tuple[Activity, ...], list[Problem]]:
    """Read data/activities.yaml (the group's workshop and highlighted papers)."""
    path = data_dir / ACTIVITIES_FILE
    if not path.exists():
        return (), []
    display = display_path(path, data_dir)
    raw, problems = read_yaml_file(path, display)
    if problems:
        return (), problems
    schema = json.loads((data_dir / SCHEMA_DIR / "activities.schema.json").read_text(encoding="utf-8"))
    for position, item in enumerate(raw or [], start=1):
        for error in Draft202012Validator(schema["$defs"]["activity"]).iter_errors(item):
            field, message = check.describe_schema_error(error)
            problems.append(Problem(display, check.line_of(item, field), check.entry_label(item, position), field, message))
        if isinstance(item, dict) and item.get("paper") and item["paper"] not in ids:
            problems.append(Problem(display, check.line_of(item, "paper"), check.entry_label(item, position), "paper",
                                    f"{item['paper']!r} is not the id of a catalog entry"))
    if problems:
        return (), problems
    return tuple(Activity(id=a["id"], kind=a["kind"], title=a["title"], summary=a["summary"], paper=a.get("paper", ""),
                          links=tuple((link["label"], link["url"]) for link in a["links"])) for a in raw), []


def load_catalog(data_dir: Path | str) -> Catalog:
    """Load, check and model everything under data_dir; raise CatalogError with every problem."""
    data_dir = Path(data_dir).resolve()
    taxonomy, problems = load_taxonomy(data_dir)
    paper_validator = schema_validator(str(data_dir / SCHEMA_DIR), "paper")
    example_validator = schema_validator(str(data_dir / SCHEMA_DIR), "example")
    located: list[tuple[str, int, dict]] = []
    papers: list[Paper] = []
    examples: list[Paper] = []
    sources = [(p, paper_validator, papers) for p in sorted((data_dir / PAPERS_DIR).glob("*.yaml"))]
    if (data_dir / STANDARD_FILE).exists():
        sources.append((data_dir / STANDARD_FILE, example_validator, examples))
    for path, validator, target in sources:
        display = display_path(path, data_dir)
        data, file_problems = read_yaml_file(path, display)
        file_problems = file_problems or check_entry_file(display, data, validator, taxonomy if target is papers else None)
        problems += file_problems
        if isinstance(data, list):
            located += [(display, n, e) for n, e in enumerate(data, start=1) if isinstance(e, dict)]
        if not file_problems:
            target += [build_paper(e, display) for e in data]
    problems += check.check_unique(located)
    ids = {e["id"] for _, _, e in located if isinstance(e.get("id"), str)}
    if taxonomy is not None:
        problems += check_taxonomy_references(taxonomy, ids, display_path(data_dir / TAXONOMY_FILE, data_dir))
    activities, activity_problems = load_activities(data_dir, ids)
    problems += activity_problems
    if problems:
        raise CatalogError(problems)
    return Catalog(taxonomy=taxonomy, papers=sort_papers(papers), standard_examples=sort_papers(examples),
                   activities=activities)
