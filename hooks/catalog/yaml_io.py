"""Safe, fast YAML reading that remembers the line of every entry, key and list item.

Catalog data arrives by pull request, so the reader is built for hostile input. It walks libyaml's
event stream itself, one event at a time and without recursion, and refuses what catalog data never
needs before anything is built from it: anchors and aliases (their expansion is the "billion
laughs" attack), explicit tags, and nesting deeper than any data file has (a deep enough nest
overflows the C stack of PyYAML's own composer and kills the process without a word).
"""
from __future__ import annotations

import yaml

try:  # libyaml's parser is about five times faster than the pure-Python one
    _Parser = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Parser = yaml.SafeLoader

# Deepest data file: taxonomy > categories > a category > subcategories > a subcategory (5);
# papers > an entry > links > datasets (4). One level to spare.
MAX_DEPTH = 6
STR_TAG = "tag:yaml.org,2002:str"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"  # dates stay the strings they were written as
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class LineDict(dict):
    """A mapping from YAML that knows its own line, each key's line, and keys given twice (1-based lines)."""

    line: int = 0
    key_lines: dict
    duplicate_keys: dict  # key -> line where it is given again; the first value is the one kept

    def line_of(self, key: str) -> int:
        """Line of key, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list from YAML that knows its own line and each item's line (1-based)."""

    line: int = 0
    item_lines: list


class RefusedYaml(Exception):
    """Valid YAML that catalog data must not use. `path` leads from the document to where it stands, and
    `document` is what was read up to there (so a report can name the entry)."""

    def __init__(self, line: int, path: tuple, message: str, document: object):
        super().__init__(f"line {line}: {message}")
        self.line, self.path, self.message, self.document = line, path, message, document


def _scalar(event: yaml.ScalarEvent) -> object:
    """The value of a plain or quoted scalar, typed as YAML's core schema says (dates stay strings)."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag in (STR_TAG, TIMESTAMP_TAG):
        return event.value
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)  # none for '<<' and '=': plain keys here (no aliases)
    return construct(_CONSTRUCTOR, yaml.ScalarNode(tag, event.value)) if construct else event.value


def _refusal(event: yaml.Event) -> str:
    """Why catalog data may not hold this event, or ''."""
    if isinstance(event, yaml.AliasEvent):
        return f"uses the YAML alias *{event.anchor}; write the value out (catalog data takes no anchors or aliases)"
    if getattr(event, "anchor", None):
        return f"sets the YAML anchor &{event.anchor}; remove it (catalog data takes no anchors or aliases)"
    if getattr(event, "tag", None):
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        return f"has the explicit YAML tag {tag}; remove it (catalog data takes no tags)"
    return ""


def parse_yaml(text: str):
    """Parse YAML text into LineDicts, LineLists and scalars (dates stay strings).

    Raises RefusedYaml for an anchor, alias, explicit tag or nesting deeper than MAX_DEPTH, and
    yaml.YAMLError for a syntax error or a key that is a list or mapping.
    """
    document = None
    stack: list = []  # open containers: [list] or [mapping, the key whose value comes next or None, its line]
    path: list = []  # keys and list positions leading to the value being read
    first_document = None
    for event in yaml.parse(text, Loader=_Parser):
        if isinstance(event, yaml.DocumentStartEvent):
            if first_document is not None:
                raise yaml.composer.ComposerError("expected a single document in the stream", first_document,
                                                  "but found another document", event.start_mark)
            first_document = event.start_mark
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        line = event.start_mark.line + 1
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            if path:
                path.pop()
            continue
        top = stack[-1] if stack else None
        in_list = top is not None and isinstance(top[0], LineList)
        at_key = top is not None and not in_list and top[1] is None
        if at_key and not isinstance(event, yaml.ScalarEvent):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a single value, not a list or mapping", event.start_mark)
        if in_list:
            path.append(len(top[0]))
        elif top is not None and not at_key:
            path.append(top[1])
        refusal = _refusal(event)
        if refusal:
            raise RefusedYaml(line, tuple(path), refusal, document)
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event)
        elif len(stack) >= MAX_DEPTH:
            raise RefusedYaml(line, tuple(path), f"nests lists and mappings more than {MAX_DEPTH} deep; "
                                                 "no catalog field is that deep", document)
        elif isinstance(event, yaml.MappingStartEvent):
            value = LineDict()
            value.line, value.key_lines, value.duplicate_keys = line, {}, {}
        else:
            value = LineList()
            value.line, value.item_lines = line, []
        if top is None:
            document = value
        elif in_list:
            top[0].append(value)
            top[0].item_lines.append(line)
            if isinstance(event, yaml.ScalarEvent):
                path.pop()
        elif at_key:
            if value in top[0]:  # recorded, not raised: the report names the entry; the first value is kept
                top[0].duplicate_keys[value] = line
            top[1], top[2] = value, line
        else:  # the value of the pending key
            mapping, key, key_line = top
            if key not in mapping.key_lines:
                mapping[key] = value
                mapping.key_lines[key] = key_line
            top[1] = None
            if isinstance(event, yaml.ScalarEvent):
                path.pop()
        if not isinstance(event, yaml.ScalarEvent):
            stack.append([value] if isinstance(value, LineList) else [value, None, 0])
    return document
