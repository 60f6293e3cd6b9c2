"""Text from outside (a typed answer, a file name, a stored report) is shown as text,
never run by the terminal: escape sequences could clear the screen, retitle the window,
plant a link or query the terminal. Typed answers lose them on the way in; what is shown
has every control character made visible (ESC as "^["), and JSON escapes them."""

from __future__ import annotations

import re

# A whole escape sequence: CSI (ESC [ ... or the C1 byte 0x9b), OSC (ESC ] ... up to BEL or
# ST, or 0x9d), and the two-byte ESC forms.
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-Z\\-_]"
)
# Control characters other than tab and newline: C0, DEL and C1; and the bidirectional
# overrides and isolates, which reorder what is shown ("Trojan Source") without a control byte.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """`text` without escape sequences or control characters (tabs and newlines stay)."""
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return "^" + chr(code + 64)  # caret notation: ESC is ^[
    if code == 0x7F:
        return "^?"
    return f"<{code:02X}>" if code <= 0x9F else f"<U+{code:04X}>"


def visible(text: str) -> str:
    """`text` with every control character (but tab and newline) shown as a harmless mark."""
    return _CONTROL.sub(_shown, text)


def visible_strings(value):
    """A copy of a report (dicts, lists, strings) with every string made visible."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {key: visible_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [visible_strings(item) for item in value]
    return value


def json_text(text: str) -> str:
    """JSON written with ensure_ascii=False keeps DEL and C1 characters raw (C0 is already
    escaped): escape them too, as JSON allows for any character."""
    return re.sub(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]", lambda m: f"\\u{ord(m.group(0)):04x}", text)
