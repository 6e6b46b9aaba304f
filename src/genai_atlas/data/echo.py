"""User input shown back to the user: shortened and with control characters escaped.

An entry id, a path or a search typed by the user may be any text: a 100,000-character paste, an
escape sequence that would clear the terminal, bytes that are not UTF-8 (Python hands those over
as lone surrogates). Every message that quotes such input passes it through ``echo`` first.
"""

from __future__ import annotations

import unicodedata

ECHO_LIMIT = 80


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as os.fsdecode/argv hand it over
        return f"\\x{code - 0xDC00:02x}"
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if char == "\r":
        return "\\r"
    category = unicodedata.category(char)
    # Cc: C0/C1 controls (ESC, BEL, …); Cs: other lone surrogates; Cf: bidi overrides and other
    # invisible format characters that could disguise the text; Zl/Zp: line separators.
    if category in ("Cc", "Cs", "Cf", "Zl", "Zp"):
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def echo(text: object, limit: int = ECHO_LIMIT) -> str:
    """``text`` made safe to print or show: control characters escaped, at most about ``limit``
    characters (longer text ends in "…" and says how long it was)."""
    raw = str(text)
    escaped = "".join(_escape(char) for char in raw[:limit])
    if len(raw) <= limit and len(escaped) <= limit:
        return escaped
    return f"{escaped[:limit]}… ({len(raw):,} characters)"
