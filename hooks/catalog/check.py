"""Every rule the catalog data must follow; each check returns problems, none raises.

The JSON Schemas in data/schema/ describe the shape of an entry (and drive editors);
the checks here translate schema errors into plain messages and add the rules a schema
cannot express: references into the taxonomy, uniqueness, dates against arXiv ids, and
what kind of page a link points to.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .mojibake import looks_like_mojibake
from .problems import Problem
from .text import arxiv_id_from_url, date_from_arxiv
from .yaml_io import LineDict

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
URL_PATTERN = re.compile(r"^https?://[^\s/]+\.[^\s]*$")
PATTERN_MESSAGES = {
    "date": "{value!r} is not a month in YYYY-MM form",
    "added": "{value!r} is not a day in YYYY-MM-DD form",
    "arxiv": "{value!r} is not a bare arXiv id like 2505.14362",
    "id": "{value!r} is not a lowercase slug (a-z, 0-9, single hyphens)",
    "category": "{value!r} is not a lowercase slug (a-z, 0-9, single hyphens)",
    "subcategory": "{value!r} is not a lowercase slug (a-z, 0-9, single hyphens)",
    "secondary_category": "{value!r} is not a lowercase slug (a-z, 0-9, single hyphens)",
}
TYPE_NAMES = {"string": "a string", "array": "a list", "object": "a mapping", "integer": "a whole number"}
# Hosts whose URL path says whether it is a model or a data set.
DATASET_PATH = re.compile(r"^https?://(www\.)?(huggingface\.co|hf\.co)/datasets/", re.I)
MODEL_HUB = re.compile(r"^https?://(www\.)?(huggingface\.co|hf\.co)/(?!datasets/|spaces/|papers/|blog/|docs/)", re.I)
DATASET_HOSTS = re.compile(r"^https?://(www\.)?(kaggle\.com/datasets|zenodo\.org)", re.I)


def entry_label(entry: object, position: int) -> str:
    """How messages name an entry: its id when it has a usable one, else '#position'."""
    if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"].strip():
        return entry["id"]
    return f"#{position}"


def line_of(entry: object, field: str) -> int:
    """Line of a (dotted) field inside an entry, falling back to the entry's own line."""
    node, line = entry, getattr(entry, "line", 0)
    for part in field.split("."):
        if not isinstance(node, LineDict):
            break
        line = node.line_of(part)
        node = node.get(part)
    return line


# File-level checks


def check_raw_text(file: str, raw: bytes) -> list[Problem]:
    """Encoding problems that must be caught before YAML parsing."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return [Problem(file, 1, "", "", "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [Problem(file, line, "", "", f"is not valid UTF-8 ({err.reason} at byte {err.start})")]
    return []


def check_is_list(file: str, data: object) -> list[Problem]:
    """A papers file must hold a non-empty YAML list of entries."""
    if data is None:
        return [Problem(file, 1, "", "", "file is empty; expected a list of entries")]
    if not isinstance(data, list):
        kind = "a mapping" if isinstance(data, dict) else f"a {type(data).__name__}"
        return [Problem(file, getattr(data, "line", 1), "", "", f"expected a list of entries, found {kind}")]
    return []


# Entry checks


def check_schema(file: str, entries: list, validator: Draft202012Validator) -> list[Problem]:
    """Translate JSON Schema errors into located, plain-language problems."""
    problems = []
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(Problem(file, 0, f"#{position}", "", f"expected a mapping of fields, found {_type_name(entry)}"))
            continue
        label = entry_label(entry, position)
        for error in validator.iter_errors(entry):
            field, message = describe_schema_error(error)
            problems.append(Problem(file, line_of(entry, field.split(".")[0] if field else ""), label, field, message))
    return problems


def describe_schema_error(error: ValidationError) -> tuple[str, str]:
    """(dotted field, message) for one schema error."""
    path = [str(p) for p in error.absolute_path if not isinstance(p, int)]
    field, value, kind = ".".join(path), error.instance, error.validator
    if kind == "required":
        missing = re.search(r"'(.+?)' is a required property", error.message).group(1)
        return ".".join(path + [missing]), "missing required field"
    if kind in ("additionalProperties", "unevaluatedProperties"):
        names = re.findall(r"'([^']+)'", error.message.split("(")[-1] if "(" in error.message else error.message)
        unknown = [n for n in names if n not in error.schema.get("properties", {})] or names
        return ".".join(path + [unknown[0]]), "unknown field (check the spelling against data/schema/paper.schema.json)"
    if error.validator is None or kind == "false":  # a `false` subschema: field not allowed here
        return field, "is not allowed here (standard-reasoning examples have no category)"
    if kind == "type":
        return field, f"must be {TYPE_NAMES.get(error.validator_value, error.validator_value)}, not {_type_name(value)}"
    if kind == "pattern":
        template = PATTERN_MESSAGES.get(path[-1] if path else "", "{value!r} is not an absolute http(s) URL")
        return field, template.format(value=value)
    if kind == "oneOf":  # a links value: one URL or a list of URLs
        return field, _describe_urls(value)
    if kind == "maxLength":
        return field, f"is {len(value)} characters long; at most {error.validator_value} allowed"
    if kind in ("minLength", "minItems"):
        return field, "must not be empty"
    if kind == "uniqueItems":
        return field, "lists the same value twice"
    return field, error.message


def _describe_urls(value: object) -> str:
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, str):
            return f"must be a URL or a list of URLs, not {_type_name(item)}"
        if not URL_PATTERN.match(item):
            return f"{item!r} is not an absolute http(s) URL"
    return "must be a URL or a non-empty list of URLs"


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (null)"
    return "a string"


def check_text_values(file: str, entries: list) -> list[Problem]:
    """No control characters and no mojibake in any text value."""
    problems = []
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            continue
        for field, text in _strings(entry):
            if CONTROL_CHARS.search(text.replace("\n", "")):
                char = CONTROL_CHARS.search(text.replace("\n", "")).group()
                problems.append(Problem(file, line_of(entry, field), entry_label(entry, position), field,
                                        f"contains the control character U+{ord(char):04X}"))
            if looks_like_mojibake(text):
                problems.append(Problem(file, line_of(entry, field), entry_label(entry, position), field,
                                        "looks like mojibake (UTF-8 read as Windows-125x, e.g. 'â€' or 'ğŸ'); repair the text"))
    return problems


def _strings(node: object, prefix: str = "") -> Iterable[tuple[str, str]]:
    """(dotted field, text) for every string in an entry; list items keep their parent's field."""
    if isinstance(node, str):
        yield prefix, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, prefix)


def check_references(file: str, entries: list, taxonomy) -> list[Problem]:
    """Category, subcategory, secondary category and methods exist in the taxonomy."""
    problems = []
    method_ids = {m.id for m in taxonomy.methods}
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            continue
        label = entry_label(entry, position)

        def report(field: str, message: str) -> None:
            problems.append(Problem(file, line_of(entry, field), label, field, message))

        category = taxonomy.category(entry.get("category")) if isinstance(entry.get("category"), str) else None
        if "category" in entry and isinstance(entry["category"], str) and category is None:
            report("category", f"{entry['category']!r} is not a category of the taxonomy "
                               f"({', '.join(c.id for c in taxonomy.categories)})")
        sub = entry.get("subcategory")
        if category and isinstance(sub, str) and category.subcategory(sub) is None:
            allowed = ", ".join(s.id for s in category.subcategories) or "none"
            report("subcategory", f"{sub!r} is not a subcategory of {category.id} ({allowed})")
        if category and category.subcategories and "subcategory" not in entry:
            report("subcategory", f"missing; {category.id} papers sit in one of: "
                                  f"{', '.join(s.id for s in category.subcategories)}")
        second = entry.get("secondary_category")
        if isinstance(second, str) and taxonomy.category(second) is None:
            report("secondary_category", f"{second!r} is not a category of the taxonomy")
        elif isinstance(second, str) and second == entry.get("category"):
            report("secondary_category", "is the same as category; leave it out")
        for method in entry.get("methods") or []:
            if isinstance(method, str) and method not in method_ids:
                report("methods", f"{method!r} is not a known method ({', '.join(sorted(method_ids))})")
    return problems


def check_arxiv_and_links(file: str, entries: list) -> list[Problem]:
    """arXiv id agrees with date and paper link; model and data-set links point to such pages."""
    problems = []
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            continue
        label = entry_label(entry, position)

        def report(field: str, message: str) -> None:
            problems.append(Problem(file, line_of(entry, field), label, field, message))

        arxiv, date = entry.get("arxiv"), entry.get("date")
        if isinstance(arxiv, str) and re.fullmatch(r"\d{4}\.\d{4,5}", arxiv):
            if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}", date) and date != date_from_arxiv(arxiv):
                report("date", f"{date!r} disagrees with arXiv id {arxiv} (released {date_from_arxiv(arxiv)})")
        links = entry.get("links") if isinstance(entry.get("links"), dict) else {}
        for url in _urls(links.get("paper")):
            linked = arxiv_id_from_url(url)
            if linked and linked != arxiv:
                report("links.paper", f"links arXiv {linked} but the entry's arxiv is {arxiv or 'not set'}")
        for url in _urls(links.get("models")):
            if DATASET_PATH.match(url) or DATASET_HOSTS.match(url):
                report("links.models", f"{url} is a data set, not a model; move it to links.datasets")
        for url in _urls(links.get("datasets")):
            if MODEL_HUB.match(url) and "/collections/" not in url:
                report("links.datasets", f"{url} is a model page, not a data set; move it to links.models")
    return problems


def _urls(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def check_unique(located: list[tuple[str, int, dict]]) -> list[Problem]:
    """Ids, arXiv ids and paper links are unique across all files.

    `located` holds (file, position, entry) for every entry of every file, in load order;
    the second and later occurrences are reported, naming the first.
    """
    problems = []
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for file, position, entry in located:
        label = entry_label(entry, position)
        for field in ("id", "arxiv"):
            value = entry.get(field)
            if not isinstance(value, str):
                continue
            key = (field, unicodedata.normalize("NFC", value))
            if key in seen:
                first_file, first_line = seen[key]
                problems.append(Problem(file, line_of(entry, field), label, field,
                                        f"{value!r} is already used by the entry at {first_file}:{first_line}"))
            else:
                seen[key] = (file, line_of(entry, field))
    return problems
