"""Every rule the catalog data must follow; each check returns problems, none raises.

The JSON Schemas in data/schema/ describe the shape of a file (and drive editors); the
checks here translate schema errors into plain messages and add the rules a schema cannot
express: references into the taxonomy, uniqueness, dates against arXiv ids, and what kind
of page a link points to. A place in a file is a path of keys and list positions; the
first list position on it picks the entry that a message names.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from .mojibake import looks_like_mojibake
from .problems import Problem
from .text import arxiv_id_from_url, date_from_arxiv, dates_allowed_by_arxiv
from .yaml_io import LineDict, LineList, RefusedYaml

if TYPE_CHECKING:  # annotations only: see load.schema_validator
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

# Characters YAML does not allow in a file (tab, line breaks and printable Unicode are fine).
NON_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Control characters a text value must not hold, even written as an escape like "\x07".
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ARXIV_ID = re.compile(r"\d{4}\.\d{4,5}")
URL_PATTERN = re.compile(r"^https?://[^\s/]+\.[^\s]*$")  # as in data/schema/paper.schema.json
MONTH = re.compile(r"\d{4}-\d{2}")
SLUG_MESSAGE = "{value} is not a lowercase slug (a-z, 0-9, single hyphens)"
URL_MESSAGE = "{value} is not an absolute http(s) URL"
PATTERN_MESSAGES = {
    "date": "{value} is not a month in YYYY-MM form",
    "added": "{value} is not a day in YYYY-MM-DD form",
    "arxiv": "{value} is not a bare arXiv id like 2505.14362",
    **dict.fromkeys(("id", "category", "subcategory", "secondary_category", "examples", "between", "example"),
                    SLUG_MESSAGE),
    **dict.fromkeys(("paper", "project", "code", "models", "datasets", "url"), URL_MESSAGE),
}
TYPE_NAMES = {"string": "a string", "array": "a list", "object": "a mapping", "integer": "a whole number"}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
DOCUMENT_KINDS = {list: "a list of entries", dict: "a mapping of fields"}
QUOTE_LIMIT = 60  # longer values are cut in messages; an enormous title must not flood the report
# Hosts whose URL path says whether it is a model or a data set.
DATASET_PATH = re.compile(r"^https?://(www\.)?(huggingface\.co|hf\.co)/datasets/", re.IGNORECASE)
MODEL_HUB = re.compile(r"^https?://(www\.)?(huggingface\.co|hf\.co)/(?!datasets/|spaces/|papers/|blog/|docs/)", re.IGNORECASE)
DATASET_HOSTS = re.compile(r"^https?://(www\.)?(kaggle\.com/datasets|zenodo\.org)", re.IGNORECASE)
SYNTAX_HINTS = {
    "mapping values are not allowed": "; put a value that contains ': ' in quotes",
}
TAXONOMY_SECTIONS = ("methods", "categories", "boundaries")
# What an author list must not hold: placeholders for names left out, affiliation or footnote marks, initials alone.
AUTHOR_PLACEHOLDER = re.compile(r"\bet\.?\s*al\b|^\s*(and\s+)?others\s*$|^\s*(n/?a|unknown|anonymous|tbd|\?+)\s*$",
                                re.IGNORECASE)
AUTHOR_MARKS = re.compile(r"[0-9*†‡§¶]")
INITIALS_ONLY = re.compile(r"(\s*[A-Z]\.?(-[A-Z]\.?)?)+\s*")


# Locating


def entry_label(entry: object, position: int) -> str:
    """How messages name an entry: its id when it has a usable one, else '#position'."""
    if isinstance(entry, dict) and isinstance(entry.get("id"), str) and 0 < len(entry["id"].strip()) <= QUOTE_LIMIT:
        return entry["id"]
    return f"#{position}"


def line_at(node: object, path: Iterable) -> int:
    """Line of the deepest key or list item of path present in node; the node's own line if none is."""
    line = getattr(node, "line", 0)
    for part in path:
        if isinstance(node, LineDict) and part in node:
            line, node = node.key_lines[part], node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line, node = node.item_lines[part], node[part]
        else:
            break
    return line


def line_of(entry: object, field: str) -> int:
    """Line of a dotted field inside an entry (a missing one gives its parent's line)."""
    return line_at(entry, field.split(".") if field else ())


def locate(file: str, document: object, path: tuple, message: str) -> Problem:
    """A problem at path in a parsed file, named by the entry the path enters and the field inside it."""
    return Problem(file, line_at(document, path), *_entry_and_field(document, path), message)


def _entry_and_field(document: object, path: tuple) -> tuple[str, str]:
    """How a report names the place path leads to: the entry the path enters, and the field inside it.
    The path may end beyond what the document holds (a file read only up to a refused value)."""
    node, entry, field = document, "", []
    for part in path:
        present = part < len(node) if isinstance(node, list) else isinstance(node, dict) and part in node
        if isinstance(node, list):
            if not entry:  # the first list position picks the entry; the field is the keys after it
                entry, field = entry_label(node[part] if present else None, part + 1), []
        else:
            field.append(str(part))
        node = node[part] if present else None
    return entry, ".".join(field)


def locate_refused(file: str, refused: RefusedYaml) -> Problem:
    """A problem for YAML the reader refused, at the line of the refused value."""
    return Problem(file, refused.line, *_entry_and_field(refused.document, refused.path), refused.message)


def _node_at(document: object, path: tuple) -> object:
    """The value at a path that is known to exist."""
    for part in path:
        document = document[part]
    return document


def _quote(value: object) -> str:
    """repr of a value for a message, cut when long so the report stays readable."""
    text = repr(value)
    if len(text) <= QUOTE_LIMIT:
        return text
    return f"{text[: QUOTE_LIMIT - 10]}… ({len(value) if isinstance(value, str) else len(text)} characters)"


def _type_name(value: object) -> str:
    """What a YAML value is, in a maintainer's words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (null)"
    return "a string"


def _nodes(node: object, path: tuple = ()) -> Iterable[tuple[tuple, object]]:
    """(path, node) for node and every value inside it."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _nodes(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, path + (index,))


# File-level checks


def check_raw_text(file: str, raw: bytes) -> list[Problem]:
    """Encoding problems and characters YAML rejects, caught before parsing so each gets its line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return [Problem(file, 1, "", "", "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return [undecodable_problem(file, raw, err)]
    return [Problem(file, text.count("\n", 0, match.start()) + 1, "", "",
                    f"contains the non-printable character U+{ord(match.group()):04X}; remove it")
            for match in NON_PRINTABLE.finditer(text)]


def undecodable_problem(file: str, raw: bytes, err: UnicodeDecodeError) -> Problem:
    """Where raw stops being UTF-8: the line, and the byte offset in the message (UTF-16 named when its
    byte-order mark shows it)."""
    line = raw[: err.start].count(b"\n") + 1
    hint = "; it looks like UTF-16" if raw.startswith(UTF16_BOMS) else ""
    return Problem(file, line, "", "", f"file is not valid UTF-8 ({err.reason} at byte {err.start}{hint}); "
                                        "save it as UTF-8")


def describe_syntax_error(reason: str) -> str:
    """The message for a YAML syntax error, with a hint for the usual mistake."""
    hint = next((h for start, h in SYNTAX_HINTS.items() if reason.startswith(start)), "")
    return f"YAML syntax error: {reason}{hint}"


def check_document(file: str, data: object, expected: type = list) -> list[Problem]:
    """A file must hold a list of entries (or, for the taxonomy, a mapping); an empty list is fine."""
    if data is None:
        return [Problem(file, 1, "", "", f"file is empty; expected {DOCUMENT_KINDS[expected]}")]
    if not isinstance(data, expected):
        return [Problem(file, getattr(data, "line", 1), "", "",
                        f"expected {DOCUMENT_KINDS[expected]}, found {_type_name(data)}")]
    return []


# Shape of a file


def check_schema(file: str, document: object, validator: Draft202012Validator) -> list[Problem]:
    """Translate JSON Schema errors for a whole file into located, plain-language problems."""
    problems = []
    for error in validator.iter_errors(document):
        parent = _node_at(document, tuple(error.absolute_path))
        for path, message in describe_schema_error(error, parent):
            problems.append(locate(file, document, path, message))
    return problems


def describe_schema_error(error: ValidationError, node: object) -> list[tuple[tuple, str]]:
    """(path, message) pairs for one schema error; node is the value at the error's path."""
    path, value, kind = tuple(error.absolute_path), error.instance, error.validator
    field = next((str(p) for p in reversed(path) if not isinstance(p, int)), "")
    if kind == "required":
        missing = re.search(r"'(.+?)' is a required property", error.message).group(1)
        return [(path + (missing,), "missing required field")]
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        return [(path + (key,), _unknown_field(key, known)) for key in value if key not in known]
    if kind is None:  # a `false` subschema: jsonschema leaves the key off the path, so find it by identity
        key = next((k for k, v in node.items() if v is value), "") if isinstance(node, dict) else ""
        return [(path + (key,), "is not allowed here (standard-reasoning examples have no category)")]
    if kind == "type":
        expected = TYPE_NAMES.get(error.validator_value, error.validator_value)
        hint = "; put it in quotes" if error.validator_value == "string" and _type_name(value) == "a number" else ""
        return [(path, f"must be {expected}, not {_type_name(value)}{hint}")]
    if kind == "pattern":
        template = PATTERN_MESSAGES.get(field, "{value} does not have the expected form")
        return [(path, template.format(value=_quote(value)))]
    if kind == "dependentRequired":
        missing = re.search(r"'(.+?)' is a dependency of '(.+?)'", error.message)
        return [(path + (missing.group(1),), f"missing required field (it goes with {missing.group(2)})")]
    if kind == "anyOf" and all("required" in option for option in error.validator_value):
        return [(path, f"needs at least one of: {', '.join(o['required'][0] for o in error.validator_value)}")]
    if kind == "oneOf" and "authors" in path:
        return [(path, "must not be empty" if value == "" else
                 "must be a name (given names first), or {organisation: <name>} for an organisation")]
    if kind == "oneOf":  # a links value: one URL or a list of URLs
        return [_describe_urls(path, value)]
    if kind == "enum":
        return [(path, f"{_quote(value)} is not one of: {', '.join(map(str, error.validator_value))}")]
    if kind in ("minimum", "maximum"):
        return [(path, f"must be {'at least' if kind == 'minimum' else 'at most'} {error.validator_value}, not {value}")]
    if kind == "maxLength":
        return [(path, f"is {len(value)} characters long; at most {error.validator_value} allowed")]
    if kind in ("minLength", "minItems") and error.validator_value == 1:
        return [(path, "must not be empty")]
    if kind in ("minItems", "maxItems"):
        bound = "at least" if kind == "minItems" else "at most"
        return [(path, f"must have {bound} {error.validator_value} items, not {len(value)}")]
    if kind == "uniqueItems":
        return [(path, "lists the same value twice")]
    return [(path, error.message)]


def _unknown_field(key: object, known: list[str]) -> str:
    """Message for a key the schema does not know, suggesting the nearest known one."""
    close = difflib.get_close_matches(str(key), known, n=1)
    return f"unknown field; did you mean {close[0]!r}?" if close else f"unknown field; allowed: {', '.join(known)}"


def _describe_urls(path: tuple, value: object) -> tuple[tuple, str]:
    """(path, message) for a links value that is not one URL or a list of URLs, at its first bad item."""
    items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    for index, item in items:
        at = path if index is None else path + (index,)
        if not isinstance(item, str):
            return at, f"must be a URL or a list of URLs, not {_type_name(item)}"
        if not URL_PATTERN.match(item):
            return at, URL_MESSAGE.format(value=_quote(item))
    return path, "must be a URL or a non-empty list of URLs"


# Values anywhere in a file


def check_duplicate_keys(file: str, document: object) -> list[Problem]:
    """A key given twice in one mapping, reported at the repeat: YAML would silently keep one of the values."""
    return [replace(locate(file, document, path + (key,), f"is given twice (first on line {node.key_lines[key]}); "
                                                          "keep one"), line=line)
            for path, node in _nodes(document) if isinstance(node, LineDict)
            for key, line in node.duplicate_keys.items()]


def check_text_values(file: str, document: object) -> list[Problem]:
    """No control characters and no mojibake in any text value."""
    problems = []
    for path, text in _nodes(document):
        if not isinstance(text, str):
            continue
        control = CONTROL_CHARS.search(text)
        if control:
            problems.append(locate(file, document, path, f"contains the control character U+{ord(control.group()):04X}; remove it"))
        if looks_like_mojibake(text):
            problems.append(locate(file, document, path, "looks like mojibake (UTF-8 read as Windows-125x, "
                                                         "e.g. 'â€' or 'ğŸ'); repair the text"))
    return problems


# Rules per entry


def check_authors(file: str, entries: list) -> list[Problem]:
    """Author lists hold real names, each once (unless the entry says two authors share it)."""
    return [locate(file, entries, (index, *path), message)
            for index, entry in enumerate(entries) if isinstance(entry, dict) and isinstance(entry.get("authors"), list)
            for path, message in _author_problems(entry)]


def _author_problems(entry: dict) -> list[tuple[tuple, str]]:
    """(path, message) for each name of an entry's (schema-valid) author list that cannot be a person's name."""
    problems = []
    shared = entry.get("shared_author_names") if isinstance(entry.get("shared_author_names"), list) else []
    first_position: dict[str, int] = {}
    for position, author in enumerate(entry["authors"]):
        name = author if isinstance(author, str) else author.get("organisation") if isinstance(author, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue  # the schema reports it
        path = ("authors", position) if isinstance(author, str) else ("authors", position, "organisation")
        folded = unicodedata.normalize("NFC", " ".join(name.split())).casefold()
        if folded in first_position and name not in shared:
            problems.append((path, (f"{_quote(name)} is listed twice (first as author {first_position[folded] + 1}); "
                                   "list each author once, or name it in shared_author_names if two authors share it")))
        first_position.setdefault(folded, position)
        reason = _not_a_name(name, isinstance(author, dict))
        if reason:
            problems.append((path, f"{_quote(name)} {reason}"))
    counts = {n: sum(1 for a in entry["authors"] if a == n) for n in shared if isinstance(n, str)}
    problems += [(("shared_author_names", index), f"{_quote(n)} is not listed twice in authors")
                 for index, n in enumerate(shared) if counts.get(n, 0) < 2]
    return problems


def _not_a_name(name: str, organisation: bool) -> str:
    """Why name cannot stand in an author list, or ''."""
    if AUTHOR_PLACEHOLDER.search(name):
        return ("is a placeholder, not a name; list the names the source shows and set authors_complete: false "
                "when it shows only some")
    if AUTHOR_MARKS.search(name):
        return "holds a number or footnote mark; write the name alone, without affiliation marks"
    if not organisation and "," in name:
        return "has a comma; write one name per item, given names first ('Ziwei Zheng', not 'Zheng, Ziwei')"
    if not organisation and INITIALS_ONLY.fullmatch(name):
        return "is only initials; write the name as the paper spells it"
    return ""


def check_venues(file: str, entries: list, venues: dict) -> list[Problem]:
    """An entry's venue is one of data/venues.yaml's names."""
    problems = []
    for index, entry in enumerate(entries):
        venue = entry.get("venue") if isinstance(entry, dict) else None
        if isinstance(venue, str) and venue not in venues:
            close = difflib.get_close_matches(venue, list(venues), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "add it to data/venues.yaml first"
            problems.append(locate(file, entries, (index, "venue"), f"{_quote(venue)} is not a venue of "
                                                                      f"data/venues.yaml; {hint}"))
    return problems


def check_references(file: str, entries: list, taxonomy) -> list[Problem]:
    """Category, subcategory, secondary category and methods exist in the taxonomy; the id is not a section's."""
    anchors = taxonomy.section_anchors()
    return [locate(file, entries, (index, *path), message)
            for index, entry in enumerate(entries) if isinstance(entry, dict)
            for path, message in _reference_problems(entry, taxonomy) + _anchor_problems(entry, anchors)]


def _anchor_problems(entry: dict, anchors: set[str]) -> list[tuple[tuple, str]]:
    """A paper's row is anchored at its id on its table pages (multimodal/#cof), where each section is anchored at
    its subcategory's id or boundary-<category> (`anchors`): one id, two places, and a link lands on the first."""
    paper_id = entry.get("id")
    if isinstance(paper_id, str) and paper_id in anchors:
        message = (f"{_quote(paper_id)} is also the anchor of a section of the category pages (a subcategory or a "
                   "boundary section); choose another id")
        return [(("id",), message)]
    return []


def check_triage_references(file: str, records: list, taxonomy) -> list[Problem]:
    """A triage record's category, subcategory and methods exist in the taxonomy; only an added paper must also
    sit in a subcategory (a rejection may name just the category it was weighed against)."""
    return [locate(file, records, (index, *path), message)
            for index, record in enumerate(records) if isinstance(record, dict)
            for path, message in _reference_problems(record, taxonomy, record.get("decision") == "added")]


def _reference_problems(entry: dict, taxonomy, require_subcategory: bool = True) -> list[tuple[str, str]]:
    """(path, message) for each taxonomy reference of one entry that does not resolve."""
    problems = []
    category_ids = ", ".join(c.id for c in taxonomy.categories)
    cat_id, sub, second = (entry.get(k) for k in ("category", "subcategory", "secondary_category"))
    category = taxonomy.category(cat_id) if isinstance(cat_id, str) else None
    if isinstance(cat_id, str) and category is None:
        problems.append((("category",), f"{_quote(cat_id)} is not a category of the taxonomy ({category_ids})"))
    if category and isinstance(sub, str) and category.subcategory(sub) is None:
        problems.append((("subcategory",), _wrong_subcategory(sub, category, taxonomy)))
    if require_subcategory and category and category.subcategories and "subcategory" not in entry:
        allowed = ", ".join(s.id for s in category.subcategories)
        problems.append((("subcategory",), f"missing; {category.id} papers sit in one of: {allowed}"))
    if isinstance(second, str) and taxonomy.category(second) is None:
        problems.append((("secondary_category",), f"{_quote(second)} is not a category of the taxonomy ({category_ids})"))
    elif isinstance(second, str) and second == cat_id:
        problems.append((("secondary_category",), "is the same as category; leave it out"))
    methods = entry.get("methods")
    method_ids = ", ".join(sorted(m.id for m in taxonomy.methods))
    problems += [(("methods", index), f"{_quote(method)} is not a known method ({method_ids})")
                 for index, method in enumerate(methods if isinstance(methods, list) else [])
                 if isinstance(method, str) and taxonomy.method(method) is None]
    return problems


def _wrong_subcategory(sub: str, category, taxonomy) -> str:
    """Message for a subcategory its category does not have, naming the category that has it."""
    if not category.subcategories:
        return f"{category.id} has no subcategories; leave it out"
    owner = next((c.id for c in taxonomy.categories if c.subcategory(sub)), "")
    elsewhere = f"; it belongs to {owner}" if owner else ""
    return (f"{_quote(sub)} is not a subcategory of {category.id} "
            f"({', '.join(s.id for s in category.subcategories)}){elsewhere}")


def check_arxiv_and_links(file: str, entries: list) -> list[Problem]:
    """arXiv id agrees with date and paper link; model and data-set links point to such pages."""
    return [locate(file, entries, (index, *path), message)
            for index, entry in enumerate(entries) if isinstance(entry, dict)
            for path, message in _arxiv_and_link_problems(entry)]


def _arxiv_and_link_problems(entry: dict) -> list[tuple[str, str]]:
    """(path, message) for each disagreement between an entry's arXiv id, date and links."""
    problems = []
    arxiv, date = entry.get("arxiv"), entry.get("date")
    well_formed = isinstance(arxiv, str) and ARXIV_ID.fullmatch(arxiv)
    if well_formed and isinstance(date, str) and MONTH.fullmatch(date) and date not in dates_allowed_by_arxiv(arxiv):
        problems.append((("date",), f"{date!r} disagrees with arXiv id {arxiv} (released {date_from_arxiv(arxiv)})"))
    links = entry.get("links") if isinstance(entry.get("links"), dict) else {}
    # a malformed arxiv is reported by the schema; comparing links with it would only repeat that
    for path, url in _urls(links, "paper") if well_formed or "arxiv" not in entry else []:
        linked = arxiv_id_from_url(url)
        if linked and linked != arxiv:
            problems.append((path, f"links arXiv {linked} but the entry's arxiv is {arxiv}" if arxiv else
                                   f"links arXiv {linked} but the entry has no arxiv; add arxiv: '{linked}'"))
    problems += [(path, f"{url} is a data set, not a model; move it to links.datasets")
                 for path, url in _urls(links, "models") if DATASET_PATH.match(url) or DATASET_HOSTS.match(url)]
    problems += [(path, f"{url} is a model page, not a data set; move it to links.models")
                 for path, url in _urls(links, "datasets") if MODEL_HUB.match(url) and "/collections/" not in url]
    return problems


def _urls(links: dict, kind: str) -> list[tuple[tuple, str]]:
    """(path in the entry, URL) for each URL of one kind of link."""
    value = links.get(kind)
    if isinstance(value, str):
        return [(("links", kind), value)]
    items = enumerate(value) if isinstance(value, list) else ()
    return [(("links", kind, index), url) for index, url in items if isinstance(url, str)]


def check_unique(located: list[tuple[str, int, dict]]) -> list[Problem]:
    """Ids and arXiv ids are unique across all files.

    `located` holds (file, position, entry) for every mapping entry of every file, in load
    order; the second and later occurrences are reported, naming the first.
    """
    problems = []
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for file, position, entry in located:
        for field in ("id", "arxiv"):
            value = entry.get(field)
            if not isinstance(value, str):
                continue
            key = (field, unicodedata.normalize("NFC", value))
            if key in seen:
                first_file, first_line = seen[key]
                problems.append(Problem(file, line_of(entry, field), entry_label(entry, position), field,
                                        f"{_quote(value)} is already used by the entry at {first_file}:{first_line}"))
            else:
                seen[key] = (file, line_of(entry, field))
    return problems


# The taxonomy


def check_taxonomy(file: str, taxonomy: LineDict) -> list[Problem]:
    """Rules for a schema-valid taxonomy: ids unique in each list, boundaries between categories."""
    problems = []
    lists = [(section,) for section in TAXONOMY_SECTIONS]
    lists += [("categories", n, "subcategories") for n in range(len(taxonomy["categories"]))]
    for path in lists:
        seen: set[str] = set()
        for index, item in enumerate(_node_at(taxonomy, path)):
            if item["id"] in seen:
                problems.append(locate(file, taxonomy, path + (index, "id"), f"{item['id']!r} is used twice in {path[-1]}"))
            seen.add(item["id"])
    problems += _shared_subcategory_problems(file, taxonomy)
    category_ids = {c["id"] for c in taxonomy["categories"]}
    for index, boundary in enumerate(taxonomy["boundaries"]):
        problems += [locate(file, taxonomy, ("boundaries", index, "between", n), f"{c!r} is not a category")
                     for n, c in enumerate(boundary["between"]) if c not in category_ids]
    return problems


def _shared_subcategory_problems(file: str, taxonomy: LineDict) -> list[Problem]:
    """A subcategory id another category already has: the all-papers page filters by subcategory id alone (its
    rows' data-sub, the facet, `?sub=`), and a wrong subcategory's message names the one category that has it."""
    problems = []
    owners: dict[str, str] = {}
    for n, category in enumerate(taxonomy["categories"]):
        for index, sub in enumerate(category["subcategories"]):
            owner = owners.setdefault(sub["id"], category["id"])
            if owner != category["id"]:
                problems.append(locate(file, taxonomy, ("categories", n, "subcategories", index, "id"),
                                       f"{sub['id']!r} is already a subcategory of {owner}; subcategory ids must "
                                       "differ across categories"))
    return problems


def check_taxonomy_references(file: str, taxonomy: LineDict, ids: set[str]) -> list[Problem]:
    """Examples named by the taxonomy must be catalog entries."""
    problems = []
    for index, category in enumerate(taxonomy["categories"]):
        problems += [locate(file, taxonomy, ("categories", index, "examples", n),
                            f"{example!r} is not the id of a catalog entry")
                     for n, example in enumerate(category["examples"]) if example not in ids]
    for index, boundary in enumerate(taxonomy["boundaries"]):
        if boundary["example"] not in ids:
            problems.append(locate(file, taxonomy, ("boundaries", index, "example"),
                                   f"{boundary['example']!r} is not the id of a catalog entry"))
    return problems


def check_activity_references(file: str, activities: list, ids: set[str]) -> list[Problem]:
    """An activity that names a catalog paper must name an existing one."""
    return [locate(file, activities, (index, "paper"), f"{_quote(item['paper'])} is not the id of a catalog entry")
            for index, item in enumerate(activities)
            if isinstance(item, dict) and isinstance(item.get("paper"), str) and item["paper"] not in ids]
