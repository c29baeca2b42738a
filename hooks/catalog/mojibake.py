"""Repair text that was UTF-8 but got decoded as Windows-1254 (and detect such text).

Windows-1254 has no character for the bytes 0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D and 0x9E,
so a round trip through it silently drops them. Re-encoding restores every other byte;
the dropped ones are put back only where the broken UTF-8 sequence and its neighbour
leave exactly one candidate, otherwise the repair fails loudly.
"""
from __future__ import annotations

import re

SOURCE_ENCODING = "cp1254"
DROPPED_BYTES = (0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E)

# Sequences of a UTF-8 character as they look once decoded as Windows-1254 (and Latin-1,
# its near twin). Used to reject mojibake in catalog data.
MOJIBAKE_PATTERN = re.compile(r"Ã[\u0080-\u00ff]|â€|ğŸ|Ä[ŸŸ±]|Å[Ÿž]|Â[\u00a0-\u00bf]|ï»¿")

# A truncated sequence followed by the text after it, and the one byte that belongs there.
# Each was checked by hand against the source: 🌐 labels project links, ” closes a quote.
KNOWN_DROPS = {
    (b"\xf0\x9f\x8c", "Project"): 0x90,  # 🌐 U+1F310 GLOBE WITH MERIDIANS
    (b"\xe2\x80", " "): 0x9D,  # ” U+201D RIGHT DOUBLE QUOTATION MARK
}


class MojibakeError(ValueError):
    """The text cannot be repaired without guessing."""


def looks_like_mojibake(text: str) -> bool:
    """Return True when text holds a typical UTF-8-read-as-Windows-125x sequence."""
    return bool(MOJIBAKE_PATTERN.search(text))


def repair_mojibake(text: str) -> str:
    """Undo a UTF-8 → Windows-1254 mis-decoding, restoring bytes the trip dropped."""
    raw = text.encode(SOURCE_ENCODING)
    out = bytearray()
    i = 0
    while i < len(raw):
        size = _sequence_length(raw[i])
        chunk = raw[i : i + size]
        if size > 1 and not _is_complete(chunk, size):
            chunk, i = _restore_dropped(raw, i, size), i + _present_length(raw, i, size)
            out += chunk
            continue
        out += chunk
        i += size
    return out.decode("utf-8")


def _sequence_length(lead: int) -> int:
    """How many bytes a UTF-8 sequence starting with this byte has."""
    if lead >= 0xF0:
        return 4
    if lead >= 0xE0:
        return 3
    if lead >= 0xC0:
        return 2
    return 1


def _is_continuation(byte: int) -> bool:
    return 0x80 <= byte <= 0xBF


def _is_complete(chunk: bytes, size: int) -> bool:
    return len(chunk) == size and all(_is_continuation(b) for b in chunk[1:])


def _present_length(raw: bytes, start: int, size: int) -> int:
    """Length of the truncated sequence actually present at start."""
    n = 1
    while n < size and start + n < len(raw) and _is_continuation(raw[start + n]):
        n += 1
    return n


def _restore_dropped(raw: bytes, start: int, size: int) -> bytes:
    """Complete a sequence that lost one byte, using KNOWN_DROPS; fail if unknown."""
    present = raw[start : start + _present_length(raw, start, size)]
    following = raw[start + len(present) : start + len(present) + 16].decode("latin-1")
    for (prefix, after), byte in KNOWN_DROPS.items():
        if present == prefix and following.startswith(after) and len(present) + 1 == size:
            return present + bytes([byte])
    context = raw[max(0, start - 30) : start + 30].decode("utf-8", "replace")
    raise MojibakeError(f"cannot repair truncated UTF-8 sequence {present!r} near {context!r}")
