"""Bytes to text: refuse binaries, undo compression, detect the encoding.

UTF-8 (with or without BOM), UTF-16/32 (with or without BOM) and legacy single-byte
encodings such as cp1251 or latin-1 all read right; corrupt UTF-8, NUL bytes inside
text and binary formats are refused with a coded error.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import unicodedata
import zlib

from charset_normalizer import from_bytes

from newsgraph.errors import Code, IngestError

# magic numbers of common binary formats that end up in news folders
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
GZIP_MAGIC = b"\x1f\x8b"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# a UTF-8 multi-byte sequence that is well formed
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with, or None when it may be text."""
    head = data[:16]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if magic == b"MZ" and not _looks_like_pe(data):
                continue
            return name
    return None


def _looks_like_pe(data: bytes) -> bool:
    return len(data) > 0x40 and b"This program" in data[:512]


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def header_charset(content_type: str) -> str | None:
    """The charset parameter of an HTTP Content-Type header."""
    match = _CHARSET_PARAM.search(content_type or "")
    return match.group(1) if match else None


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def gunzip(data: bytes, *, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing truncated streams and output past ``max_bytes``."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(1 << 20):
                out.write(chunk)
                if out.tell() > max_bytes:
                    raise IngestError(Code.TOO_LARGE, f"decompresses past {max_bytes:,} bytes")
    except (EOFError, OSError, zlib.error) as exc:
        raise IngestError(Code.BAD_COMPRESSION, f"gzip: {exc}") from None
    return out.getvalue()


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode ``data`` to text, or raise IngestError (NG101, NG102, NG104).

    Order: byte-order mark, a declared charset that decodes cleanly, strict UTF-8,
    BOM-less UTF-16/32, then charset-normalizer over legacy encodings.
    """
    if not data.strip():
        raise IngestError(Code.EMPTY, "no bytes" if not data else "only white space")
    if kind := sniff_binary(data):
        raise IngestError(Code.BINARY, kind)
    text = _decode_by_bom(data) or _decode_declared(data, declared)
    if text is None:
        text = _decode_utf16_without_bom(data)
    if text is None:
        text = _decode_utf8(data)
    if text is None:
        text = _decode_legacy(data)
    return _check_text(text)


def _decode_by_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise IngestError(Code.BAD_ENCODING, f"{encoding} with BOM: {exc.reason}") from None
    return None


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly valid UTF-8 with some bad sequences is corrupt UTF-8, not a legacy encoding.
    valid = len(_UTF8_MULTIBYTE.findall(data))
    high = sum(1 for b in data if b >= 0x80)
    invalid_bytes = high - sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    if valid and 2 * valid >= invalid_bytes:
        raise IngestError(
            Code.BAD_ENCODING,
            f"invalid UTF-8: {invalid_bytes} stray bytes among {valid} valid sequences",
        )
    return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM shows as NUL bytes (the high byte of ASCII) on one parity.

    Without a single NUL byte nothing says UTF-16: any even run of ASCII bytes also
    decodes as (CJK) UTF-16, so text with no NUL is never taken for it.
    """
    sample = data[:8192]
    nuls = sample.count(0)
    if len(sample) < 4 or nuls < max(1, len(sample) // 20):
        return None
    even_nul, odd_nul = sample[0::2].count(0), sample[1::2].count(0)
    if max(even_nul, odd_nul) < 0.9 * nuls:
        return None
    encoding = "utf-16-le" if odd_nul > even_nul else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _script_plausible(text) else None


_LATIN_LEGACY = ("cp1252", "cp1250", "iso8859_15", "cp1257")
# punctuation and symbols that legacy-encoded news text really contains
_COMMON_MARKS = set(
    "\u00a0\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014"
    "\u2022\u2026\u00b0\u00a3\u20ac\u00a9\u00ae\u00b7\u00a7\u2122"
)


def _decode_legacy(data: bytes) -> str:
    """A single-byte legacy encoding, chosen for sense and checked for it."""
    if b"\x00" in data:
        raise IngestError(Code.BAD_ENCODING, "NUL bytes in text")
    sample = data[:200_000]
    letters = sum(1 for b in sample if b >= 0x80 or chr(b).isalpha())
    high = sum(1 for b in sample if b >= 0x80)
    if high < 0.3 * max(letters, 1):
        encoding, text, score = _best_latin(data)
        plausible = score >= 0.9
    else:
        best = from_bytes(sample).best()
        if best is None or best.encoding is None:
            raise IngestError(Code.BAD_ENCODING, "no text encoding fits")
        encoding = best.encoding
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise IngestError(Code.BAD_ENCODING, f"not valid {encoding}") from None
        plausible = _script_plausible(text)
    if not plausible:
        raise IngestError(Code.BAD_ENCODING, f"invalid UTF-8 and implausible as {encoding}")
    return text


def _best_latin(data: bytes) -> tuple[str, str, float]:
    """Mostly-ASCII text: the Latin legacy encoding whose non-ASCII characters make most sense."""
    best = ("cp1252", "", -1.0)
    for encoding in _LATIN_LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _latin_score(text)
        if score > best[2]:
            best = (encoding, text, score)
    return best


def _latin_score(text: str) -> float:
    """Share of non-ASCII characters that are accented letters inside words
    (or one-letter words such as French "à") or ordinary news punctuation."""
    odd = [i for i, ch in enumerate(text) if ord(ch) > 127]
    good = 0
    for i in odd:
        ch = text[i]
        if unicodedata.category(ch).startswith("L") and "LATIN" in unicodedata.name(ch, ""):
            word = _word_at(text, i)
            good += len(word) == 1 or any(c.isascii() and c.isalpha() for c in word)
        else:
            good += ch in _COMMON_MARKS
    return good / len(odd) if odd else 1.0


def _word_at(text: str, i: int) -> str:
    start, end = i, i + 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def _script_plausible(text: str) -> bool:
    """Non-ASCII letters mostly belong to one ordinary script (no presentation forms)."""
    scripts: dict[str, int] = {}
    total = 0
    for ch in text[:50_000]:
        if ord(ch) > 127 and ch.isalpha():
            name = unicodedata.name(ch, "")
            if "FORM" in name or not name:
                return False
            scripts[name.split()[0]] = scripts.get(name.split()[0], 0) + 1
            total += 1
    return not total or max(scripts.values()) / total >= 0.85


def _check_text(text: str) -> str:
    if "\x00" in text:
        raise IngestError(Code.BAD_ENCODING, "NUL characters in text")
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > 0.02:
        raise IngestError(Code.BINARY, f"{controls} control characters in {len(sample)}")
    if not text.strip():
        raise IngestError(Code.EMPTY, "only white space")
    return text
