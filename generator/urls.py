"""Web addresses from the data: parsed with a real URL parser, checked, and written percent-encoded.

A data URL (a citation, an article's original) is never written into a page as it was typed:
validation checks it with `fault`, and every page writes it through `href`. The site's own links
between its pages are built from validated ids elsewhere (`markdown_text.page_target`), never here.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

SCHEMES = ("http", "https")
# What a written address keeps as it is: ASCII letters and digits, RFC 3986's unreserved marks and
# the delimiters that give a path and a query their meaning. Everything else is percent-encoded as
# UTF-8: quotes, "<>", "()[]{}", "|", "\", "^", "`", "#" inside a fragment, and every non-ASCII
# character. So no character of an address can end a Markdown link or an HTML attribute, or open
# Pelican's {attach} or |filename| link syntax, whatever the editor typed.
_KEPT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&*+,;=:@/?")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
# Unicode categories no address may hold: controls, invisible format characters (bidi overrides,
# zero-width spaces), separators, surrogates. They hide what a link really points to.
_HIDDEN = {"Cc", "Cf", "Cs", "Zs", "Zl", "Zp"}


@dataclass(frozen=True)
class Fault:
    """Why a text is not an address the site may link to: what was found in it, and how to fix it."""

    found: str
    hint: str


def fault(url: str) -> Fault | None:
    """What is wrong with url as a link of the site, or None when it is a sound http(s) address."""
    hidden = _hidden_character(url)
    if hidden:
        return hidden
    try:
        parts = urlsplit(url)
    except ValueError as error:  # such as an unclosed "[" of an IPv6 host
        return Fault(f"an address the URL parser rejects ({error})", "check the part after '://'")
    return _scheme_fault(parts) or _host_fault(parts)


def href(url: str) -> str:
    """The address as a page writes it: scheme and host normalised, everything else percent-encoded.

    The result holds only letters, digits and `-._~!$&*+,;=:@/?#%`; "&" still needs HTML escaping
    in an attribute, as any text does.
    """
    problem = fault(url)
    if problem is not None:
        raise ValueError(f"not an address the site may link to: {url!r} has {problem.found}")
    parts = urlsplit(url)
    host = _ascii_host(parts.hostname)
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    written = f"{parts.scheme.lower()}://{netloc}{_encode(parts.path)}"
    if parts.query:
        written += "?" + _encode(parts.query)
    if parts.fragment:
        written += "#" + _encode(parts.fragment)
    return written


def _hidden_character(url: str) -> Fault | None:
    for position, char in enumerate(url, start=1):
        if char.isspace() or unicodedata.category(char) in _HIDDEN:
            if char == " ":
                return Fault(f"a space at character {position}", "write a space as %20")
            name = unicodedata.name(char, "a control character")
            return Fault(f"the invisible character U+{ord(char):04X} ({name}) at character {position}",
                         "delete it: it may have come with a copy and paste")
    return None


def _scheme_fault(parts: SplitResult) -> Fault | None:
    scheme = parts.scheme.lower()
    if not scheme:
        return Fault("no scheme", "start it with https://")
    if scheme not in SCHEMES:
        return Fault(f"the scheme '{parts.scheme}:'", "only http:// and https:// addresses become links")
    return None


def _host_fault(parts: SplitResult) -> Fault | None:
    if not parts.hostname:
        return Fault("no host name", "write it as https://example.org/page")
    if "@" in parts.netloc:
        return Fault("a user name or password before the host", "remove everything up to '@'")
    try:
        parts.port
    except ValueError:
        return Fault(f"a port that is not a number from 0 to 65535 in {parts.netloc!r}", "remove the port")
    if _ascii_host(parts.hostname) is None:
        return Fault(f"the host name {parts.hostname!r}", "a host is a domain name such as example.org, or an IP address")
    return None


def _ascii_host(hostname: str | None) -> str | None:
    """The host as links write it: an IP address, or a domain in ASCII (IDNA); None if neither."""
    if not hostname:
        return None
    try:
        return ipaddress.ip_address(hostname).compressed
    except ValueError:
        pass
    try:
        ascii_host = hostname.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    labels = ascii_host[:-1].split(".") if ascii_host.endswith(".") else ascii_host.split(".")
    return ascii_host if all(_LABEL.fullmatch(label) for label in labels) else None


def _encode(part: str) -> str:
    """Percent-encode every character not kept as it is; "%XX" escapes already there stay."""
    out, position = [], 0
    while position < len(part):
        escape = _ESCAPE.match(part, position)
        if escape:
            out.append(escape.group())
            position = escape.end()
            continue
        char = part[position]
        out.append(char if char in _KEPT else "".join(f"%{byte:02X}" for byte in char.encode("utf-8")))
        position += 1
    return "".join(out)
