"""Bytes → text in any encoding Arabic sites use: BOM, then the declared charset, then detection.

Order and why:
1. A byte-order mark is unambiguous (UTF-8, UTF-16, UTF-32).
2. Strict UTF-8: Arabic in windows-1256 or ISO-8859-6 is practically never valid UTF-8 (its
   letters are lead bytes without continuation bytes), so a clean UTF-8 decode is trusted even
   over a declaration: pages re-saved as UTF-8 often keep an old `windows-1256` meta tag, and
   every byte string "decodes" as windows-1256, so trusting the tag would give mojibake.
3. A charset declared in the document (`<meta charset>`, `http-equiv`, `<?xml encoding?>`) for
   bytes that are not UTF-8: it tells windows-1256 from ISO-8859-6, which statistics confuse.
4. charset-normalizer picks among the rest (windows-1256, ISO-8859-6, UTF-16 without BOM, …).
Bytes that none of these decode cleanly raise `InputError`, which the reader turns into a Failure.
"""

from __future__ import annotations

import codecs
import re

from marsad.errors import InputError

# (BOM, codec) longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Declarations sit in the head; 4 KiB covers any real page head without scanning whole files.
_DECLARATION_WINDOW_BYTES = 4096
_DECLARED = re.compile(
    rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']"""
    rb"""|<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# Share of C0 control characters (other than whitespace) above which a "decoded" text is noise:
# real articles have none; a wrong 8-bit guess over binary data has many.
_MAX_CONTROL_SHARE = 0.01


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    """The bytes without a byte-order mark, and the codec the mark names (None without one)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], name
    return data, None


def declared_charset(data: bytes) -> str | None:
    """The codec a document declares in its head, if Python knows it."""
    match = _DECLARED.search(data[:_DECLARATION_WINDOW_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes) -> str:
    """Decode a document's bytes; raise InputError when no encoding gives readable text."""
    body, bom_codec = strip_bom(data)
    if bom_codec is not None:
        return _strict(body, bom_codec)
    for candidate in ("utf-8", declared_charset(body)):
        if candidate is None:
            continue
        try:
            return _checked(body.decode(candidate))
        except (UnicodeDecodeError, InputError):
            continue
    return _checked(_detect(body))


def _strict(data: bytes, codec: str) -> str:
    try:
        return _checked(data.decode(codec))
    except UnicodeDecodeError as exc:
        raise InputError(f"bytes are not valid {codec} despite its byte-order mark: {exc}") from exc


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable bytes: no text encoding fits (binary file?)")
    return str(best)


def _checked(text: str) -> str:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise InputError("undecodable bytes: decoded text is mostly control characters")
    return text
