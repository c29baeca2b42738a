"""Blocks held back from a page's Markdown and spliced into the finished page."""
from __future__ import annotations

import pytest
from catalog.late_html import PLACEHOLDER, LateBlocks


def test_held_blocks_replace_their_placeholders() -> None:
    late = LateBlocks()
    table, island = "<table><tr><td>a</td></tr></table>", '<script type="application/json">[1]</script>'
    markdown = f"## Title\n\n{late.hold(table)}\n\ntext\n\n{late.hold(island)}\n"
    assert table not in markdown and len(PLACEHOLDER.findall(markdown)) == 2
    assert late.splice(f"<main>{markdown}</main>") == f"<main>## Title\n\n{table}\n\ntext\n\n{island}\n</main>"


def test_the_same_block_twice_is_one_entry_and_a_page_without_placeholders_is_unchanged() -> None:
    late = LateBlocks()
    assert late.hold("<p>x</p>") == late.hold("<p>x</p>") and len(late.blocks) == 1
    assert late.splice("<p>nothing held</p>") == "<p>nothing held</p>"


def test_a_placeholder_from_a_cleared_build_is_an_error_not_an_empty_gap() -> None:
    late = LateBlocks()
    placeholder = late.hold("<table></table>")
    late.clear()
    with pytest.raises(KeyError):
        late.splice(placeholder)
