"""Safe, fast YAML reading that remembers the line of every entry, key and list item."""
from __future__ import annotations

from collections.abc import Hashable

import yaml

try:  # libyaml's parser is about five times faster than the pure-Python one
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _BaseLoader = yaml.SafeLoader

MERGE_TAG = "tag:yaml.org,2002:merge"


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


class LineLoader(_BaseLoader):
    """Safe loader that keeps dates as plain strings and records line numbers."""


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> LineDict:
    own = sum(1 for key_node, _ in node.value if key_node.tag != MERGE_TAG)
    loader.flatten_mapping(node)
    merged = len(node.value) - own  # flatten_mapping puts the pairs merged in with '<<' first
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines, result.duplicate_keys = {}, {}
    inherited = set()  # keys that came from a merge: the mapping's own key may override them
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a single value, not a list or mapping", key_node.start_mark)
        if key in result and key not in inherited:  # recorded, not raised: the report names the entry
            result.duplicate_keys[key] = key_node.start_mark.line + 1
            continue
        if index < merged:
            inherited.add(key)
        else:
            inherited.discard(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_plain_string(loader: LineLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_plain_string)


def parse_yaml(text: str):
    """Parse YAML text into LineDicts, LineLists and scalars (dates stay strings)."""
    return yaml.load(text, Loader=LineLoader)  # LineLoader derives from SafeLoader
