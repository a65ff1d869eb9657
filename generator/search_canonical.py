"""Puts Pagefind's filter files and meta file in a canonical order, so the same site gives the same index bytes.

Pagefind 1.5.2 writes the values of each filter (filter/<lang>_<hash>.pf_filter) and the list of filters in
the meta file (pagefind.<lang>_<hash>.pf_meta) in the order of a Rust HashMap, seeded at random in each run.
Each of those files is gzip of b"pagefind_dcd" + CBOR (minicbor: every struct an array of its fields):
  filter: [filter name, [[value, [page number, ...]], ...]]
  meta:   [version, [[fragment hash, word count], ...], [[from, to, index hash], ...],
           [[filter name, filter hash], ...], [[sort name, [page number, ...]], ...]]
Both are named by a hash of their CBOR (without the signature): "<lang>_" + Pagefind's SHA-1 hex (each byte
in hex without its leading zero), 7 characters of it for a filter, len(lang) + 8 for the meta; and
pagefind-entry.json names the meta. Here the values, the filters and the sorts are sorted by name, and each
file is written again under the name Pagefind would give those bytes, with every reference to it updated.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
# The gzip header Pagefind's own files carry (flate2 at its best level): no name, no time (mtime 0), XFL 2
# (best compression), OS 255 (unknown). Written by hand: Python's gzip module puts another OS byte in some
# versions, and a header with the time in it would differ between two builds.
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
FILTER_HASH = 7  # hex characters of a filter file's name after "<lang>_"
# The errors a file that is not what Pagefind 1.5.2 writes can give, while it is read or its fields taken.
MALFORMED = (OSError, EOFError, ValueError, KeyError, IndexError, TypeError, AttributeError, zlib.error)


def canonicalise(bundle: Path) -> str | None:
    """Rewrite the bundle's filter and meta files in name order; what stopped it, or None."""
    entry_path = bundle / "pagefind-entry.json"
    try:
        entry_text = entry_path.read_text(encoding="utf-8")
        for language, about in json.loads(entry_text)["languages"].items():
            old = about["hash"]
            new = _canonical_language(bundle, language, old)
            entry_text = _renamed(entry_text, old, new)
        entry_path.write_text(entry_text, encoding="utf-8")
    except MALFORMED as err:  # cbor2's decode error is a ValueError
        return f"the index could not be put in order ({type(err).__name__}: {err})"
    return None


def pagefind_hash(body: bytes) -> str:
    """Pagefind's hash of a file's content: SHA-1, each byte in hex without a leading zero (its utils.rs)."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(body).digest())


def _canonical_language(bundle: Path, language: str, meta_hash: str) -> str:
    """Sort one language's filters and meta, write them under their new names; returns the meta's hash."""
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_path)
    filter_paths = [bundle / "filter" / f"{filter_hash}.pf_filter" for _name, filter_hash in meta[3]]
    filters = sorted((_read(path) for path in filter_paths), key=lambda index: index[0])
    written: dict[str, bytes] = {}
    meta[3] = []
    for index in filters:
        index[1].sort(key=lambda value: value[0])
        body = cbor2.dumps(index)
        name = _free_name(f"{language}_{pagefind_hash(body)}", len(language) + 1 + FILTER_HASH, written)
        written[name] = body
        meta[3].append([index[0], name])
    meta[4].sort(key=lambda sort: sort[0])
    meta_body = cbor2.dumps(meta)
    new_hash = f"{language}_{pagefind_hash(meta_body)[:len(language) + 8]}"
    # All old files go before any new one is written: a new name may be an old name of another filter.
    for path in [*filter_paths, meta_path]:
        path.unlink()
    for name, body in written.items():
        _write(bundle / "filter" / f"{name}.pf_filter", body)
    _write(bundle / f"pagefind.{new_hash}.pf_meta", meta_body)
    return new_hash


def _free_name(full: str, length: int, taken: dict[str, bytes]) -> str:
    """The hash cut to length, made longer while another file of the language has it (as Pagefind does)."""
    while full[:length] in taken and length < len(full):
        length += 1
    return full[:length]


def _renamed(entry_text: str, old: str, new: str) -> str:
    """pagefind-entry.json with a language's meta hash replaced, the rest of its bytes as Pagefind wrote them."""
    field = f'"hash":"{old}"'
    if entry_text.count(field) != 1:
        raise ValueError(f"pagefind-entry.json names the meta {old} {entry_text.count(field)} times, not once")
    return entry_text.replace(field, f'"hash":"{new}"')


def _read(path: Path) -> list:
    """A filter or meta file's CBOR, decoded."""
    raw = zlib.decompress(path.read_bytes(), wbits=31)
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path.name} does not begin with {SIGNATURE!r}")
    decoded = cbor2.loads(raw[len(SIGNATURE):])
    if not isinstance(decoded, list):
        raise TypeError(f"{path.name} holds a {type(decoded).__name__}, not an array")
    return decoded


def _write(path: Path, body: bytes) -> None:
    """Write a signed, gzipped file with Pagefind's fixed header."""
    raw = SIGNATURE + body
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    trailer = struct.pack("<II", zlib.crc32(raw), len(raw) & 0xFFFFFFFF)
    path.write_bytes(GZIP_HEADER + deflate.compress(raw) + deflate.flush() + trailer)
