"""Load data/ into a validated Catalog, or raise CatalogError listing every problem.

The one entry point is `load_catalog(data_dir)`. Files are read in sorted order with a
safe loader; each entry becomes a typed model once, after all checks have passed.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from . import check, load_cache
from .models import (
    LINK_KINDS,
    Activity,
    Author,
    Boundary,
    Catalog,
    Category,
    Links,
    Method,
    Paper,
    Subcategory,
    Taxonomy,
    TriageRecord,
    Venue,
)
from .problems import CatalogError, Problem
from .yaml_io import LineDict, RefusedYaml, parse_yaml

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

TAXONOMY_FILE = "taxonomy.yaml"
PAPERS_DIR = "papers"
STANDARD_FILE = "standard-reasoning.yaml"
ACTIVITIES_FILE = "activities.yaml"
VENUES_FILE = "venues.yaml"
TRIAGE_DIR = "triage"
SCHEMA_DIR = "schema"
TAXONOMY_SCHEMA = "taxonomy.schema.json"
PAPER_SCHEMA = "paper.schema.json"
STANDARD_SCHEMA = "standard-reasoning.schema.json"
ACTIVITIES_SCHEMA = "activities.schema.json"
VENUES_SCHEMA = "venues.schema.json"
TRIAGE_SCHEMA = "triage.schema.json"


# Reading files


def read_yaml_file(path: Path, display: str) -> tuple[object, list[Problem]]:
    """Parse one YAML file; problems name the file and the line of a syntax error."""
    if not path.is_file():
        return None, [Problem(display, 0, "", "", "file is missing")]
    raw = path.read_bytes()
    problems = check.check_raw_text(display, raw)
    if problems:
        return None, problems
    try:
        return parse_yaml(raw.decode("utf-8")), []
    except RefusedYaml as refused:
        return None, [check.locate_refused(display, refused)]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        reason = getattr(err, "problem", None) or str(err)
        return None, [Problem(display, line, "", "", check.describe_syntax_error(reason))]


def read_schemas(schema_dir: str) -> dict[str, dict]:
    """Every schema file of schema_dir, by file name."""
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in Path(schema_dir).glob("*.json")}


@lru_cache(maxsize=16)
def fast_schema_check(schema_dir: str, schema_file: str) -> Callable[[object], bool]:
    """Whether a document is valid against one schema file of schema_dir (references to its siblings resolved),
    by jsonschema-rs: 10,000 papers in about 0.03 s, where jsonschema takes seconds. It only says yes or no; the
    problems of a document it rejects come from `schema_validator`, so every message stays as it was."""
    import jsonschema_rs  # here, like jsonschema: a build whose catalog comes from load_cache validates nothing

    schemas = read_schemas(schema_dir)
    registry = jsonschema_rs.Registry([(schema.get("$id", name), schema) for name, schema in schemas.items()])
    return jsonschema_rs.validator_for(schemas[schema_file], registry=registry).is_valid


@lru_cache(maxsize=16)
def schema_validator(schema_dir: str, schema_file: str) -> Draft202012Validator:
    """A validator for one schema file of schema_dir, resolving references to its siblings: the problems of a
    document `fast_schema_check` rejected."""
    # Imported here: only a document with a problem needs it (0.09 s, 6% of a build of the real catalog).
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schemas = read_schemas(schema_dir)
    resources = [(uri, Resource.from_contents(schema)) for name, schema in schemas.items()
                 for uri in (name, schema.get("$id", name))]
    return Draft202012Validator(schemas[schema_file], registry=Registry().with_resources(resources))


def display_path(path: Path, data_dir: Path) -> str:
    """Path as messages show it: relative to the project (e.g. data/papers/multimodal.yaml)."""
    return str(path.relative_to(data_dir.parent)) if path.is_relative_to(data_dir.parent) else str(path)


def read_checked_file(path: Path, data_dir: Path, schema: str, expected: type = list) -> tuple[str, object, list[Problem]]:
    """(display path, data, problems) of one data file checked against its schema; data is None if unusable."""
    display = display_path(path, data_dir)
    data, problems = read_yaml_file(path, display)
    problems = problems or check.check_document(display, data, expected)
    if problems:
        return display, None, problems
    schema_dir = str(data_dir / SCHEMA_DIR)
    if not fast_schema_check(schema_dir, schema)(data):
        problems = check.check_schema(display, data, schema_validator(schema_dir, schema))
    problems += check.check_duplicate_keys(display, data) + check.check_text_values(display, data)
    return display, data, problems


# Taxonomy


def build_taxonomy(raw: dict) -> Taxonomy:
    """Turn the validated taxonomy mapping into models."""
    categories = tuple(
        Category(id=c["id"], title=c["title"], short_title=c["short_title"], summary=c["summary"],
                 source_heading=c["source_heading"],
                 definition=c["definition"], examples=tuple(c["examples"]),
                 subcategories=tuple(Subcategory(**s) for s in c["subcategories"]))
        for c in raw["categories"])
    return Taxonomy(
        interleaving_reasoning=raw["interleaving_reasoning"], standard_reasoning=raw["standard_reasoning"],
        methods=tuple(Method(**m) for m in raw["methods"]), categories=categories,
        boundaries=tuple(Boundary(id=b["id"], between=tuple(b["between"]), rule=b["rule"],
                                  reasoning=b["reasoning"], example=b["example"]) for b in raw["boundaries"]))


def load_taxonomy(data_dir: Path) -> tuple[LineDict | None, list[Problem]]:
    """Read and check data/taxonomy.yaml; the mapping is returned only when it has no problems."""
    display, raw, problems = read_checked_file(data_dir / TAXONOMY_FILE, data_dir, TAXONOMY_SCHEMA, dict)
    if raw is None or problems:
        return None, problems
    problems = check.check_taxonomy(display, raw)
    return (None if problems else raw), problems


# Papers


def build_paper(entry: dict, file: str, venues: dict[str, Venue]) -> Paper:
    """Turn one validated entry mapping into a Paper."""
    links = entry["links"]
    as_tuple = lambda v: (v,) if isinstance(v, str) else tuple(v or ())
    return Paper(
        id=entry["id"], title=entry["title"], date=entry["date"],
        links=Links(**{kind: as_tuple(links.get(kind)) for kind in LINK_KINDS}),
        category=entry.get("category", ""), subcategory=entry.get("subcategory", ""),
        secondary_category=entry.get("secondary_category", ""), short_name=entry.get("short_name", ""),
        arxiv=entry.get("arxiv", ""), methods=tuple(entry.get("methods", ())), venue=venues.get(entry.get("venue", "")),
        authors=tuple(Author(a) if isinstance(a, str) else Author(a["organisation"], organisation=True)
                      for a in entry.get("authors", ())),
        authors_complete=entry.get("authors_complete", True), authors_source=entry.get("authors_source", ""),
        shared_author_names=tuple(entry.get("shared_author_names", ())),
        abstract=entry.get("abstract", ""), abstract_source=entry.get("abstract_source", ""),
        added=entry.get("added", ""), notes=tuple(entry.get("notes", ())), source_file=file,
        source_line=getattr(entry, "line", 0))


def sort_papers(papers: list[Paper]) -> tuple[Paper, ...]:
    """Newest first; within a month, by name (case-insensitive), then id."""
    by_name = sorted(papers, key=lambda p: (p.name.casefold(), p.id))
    return tuple(sorted(by_name, key=lambda p: p.date, reverse=True))


def load_venues(data_dir: Path) -> tuple[dict[str, Venue], list[Problem]]:
    """Read data/venues.yaml, the controlled names of venues; name -> Venue."""
    path = data_dir / VENUES_FILE
    if not path.exists():
        return {}, []
    display, raw, problems = read_checked_file(path, data_dir, VENUES_SCHEMA)
    if raw is None:
        return {}, problems
    names = [item.get("name") if isinstance(item, dict) else None for item in raw]
    problems += [check.locate(display, raw, (index, "name"), f"{name!r} is listed twice")
                 for index, name in enumerate(names) if isinstance(name, str) and name in names[:index]]
    if problems:
        return {}, problems
    return {item["name"]: Venue(item["name"], item["full_name"], item["kind"]) for item in raw}, []


def load_activities(data_dir: Path, ids: set[str]) -> tuple[tuple[Activity, ...], list[Problem]]:
    """Read data/activities.yaml (the group's workshop and highlighted papers)."""
    path = data_dir / ACTIVITIES_FILE
    if not path.exists():
        return (), []
    display, raw, problems = read_checked_file(path, data_dir, ACTIVITIES_SCHEMA)
    if raw is not None:
        problems += check.check_activity_references(display, raw, ids)
    if problems:
        return (), problems
    return tuple(Activity(id=a["id"], kind=a["kind"], title=a["title"], summary=a["summary"], paper=a.get("paper", ""),
                          links=tuple((link["label"], link["url"]) for link in a["links"])) for a in raw), []


# Triage


def load_triage(data_dir: Path | str, paths: list[Path] | None = None) -> tuple[tuple[TriageRecord, ...], list[Problem]]:
    """Read and check the triage files (data/triage/*.yaml, or the files given): the records, and the problems
    of the files that have any (their records are left out). The build never reads them."""
    data_dir = Path(data_dir).resolve()
    raw_taxonomy, _ = load_taxonomy(data_dir)  # its problems are load_catalog's to report
    taxonomy = build_taxonomy(raw_taxonomy) if raw_taxonomy is not None else None
    records: list[TriageRecord] = []
    problems: list[Problem] = []
    for path in paths if paths is not None else sorted((data_dir / TRIAGE_DIR).glob("*.yaml")):
        display, data, file_problems = read_checked_file(path.resolve(), data_dir, TRIAGE_SCHEMA)
        if data is not None and taxonomy is not None:
            file_problems += check.check_triage_references(display, data, taxonomy)
        problems += file_problems
        if data is not None and not file_problems:
            records += [build_triage_record(entry, display) for entry in data]
    return tuple(records), problems


def build_triage_record(entry: dict, file: str) -> TriageRecord:
    """Turn one validated triage mapping into a TriageRecord."""
    plain = {k: v for k, v in entry.items() if k not in ("methods", "nearest")}
    return TriageRecord(file=file, line=getattr(entry, "line", 0), methods=tuple(entry.get("methods", ())),
                        nearest=tuple(entry.get("nearest", ())), **plain)


def load_catalog(data_dir: Path | str) -> Catalog:
    """Load, check and model everything under data_dir; raise CatalogError with every problem.

    A tree whose files are byte for byte those of the last good load comes from load_cache.
    """
    data_dir = Path(data_dir).resolve()
    if not load_cache.enabled():
        return load_catalog_uncached(data_dir)
    key = load_cache.content_key(data_dir)
    catalog = load_cache.read(data_dir, key)
    if not isinstance(catalog, Catalog):  # a miss, or a file that is not a catalog
        catalog = load_catalog_uncached(data_dir)
        load_cache.write(data_dir, key, catalog)
    return catalog


def load_catalog_uncached(data_dir: Path) -> Catalog:
    """Parse and check every file of data_dir (resolved) and build the models."""
    raw_taxonomy, problems = load_taxonomy(data_dir)
    taxonomy = build_taxonomy(raw_taxonomy) if raw_taxonomy is not None else None
    venues, venue_problems = load_venues(data_dir)
    problems += venue_problems
    located: list[tuple[str, int, dict]] = []
    papers: list[Paper] = []
    examples: list[Paper] = []
    sources = [(p, PAPER_SCHEMA, papers) for p in sorted((data_dir / PAPERS_DIR).glob("*.yaml"))]
    if (data_dir / STANDARD_FILE).exists():
        sources.append((data_dir / STANDARD_FILE, STANDARD_SCHEMA, examples))
    for path, schema, target in sources:
        display, data, file_problems = read_checked_file(path, data_dir, schema)
        if data is not None:
            file_problems += (check.check_arxiv_and_links(display, data) + check.check_authors(display, data)
                              + check.check_venues(display, data, venues))
            if target is papers and taxonomy is not None:
                file_problems += check.check_references(display, data, taxonomy)
            located += [(display, n, e) for n, e in enumerate(data, start=1) if isinstance(e, dict)]
        problems += file_problems
        if not file_problems:
            target += [build_paper(e, display, venues) for e in data]
    problems += check.check_unique(located)
    ids = {e["id"] for _, _, e in located if isinstance(e.get("id"), str)}
    if raw_taxonomy is not None:
        problems += check.check_taxonomy_references(display_path(data_dir / TAXONOMY_FILE, data_dir), raw_taxonomy, ids)
    activities, activity_problems = load_activities(data_dir, ids)
    problems += activity_problems
    if problems:
        raise CatalogError(problems)
    return Catalog(taxonomy=taxonomy, papers=sort_papers(papers), standard_examples=sort_papers(examples),
                   activities=activities, venues=tuple(venues.values()))
