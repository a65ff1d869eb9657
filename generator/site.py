"""What the Pelican theme needs from Python: the sanitizer that page bodies pass through."""

from __future__ import annotations

import nh3
from markupsafe import Markup

# The HTML our Markdown can produce, and nothing else: no scripts, styles, handlers or forms.
ALLOWED_TAGS = {"a", "p", "ul", "ol", "li", "strong", "em", "blockquote", "h2", "h3", "mark", "code", "br", "hr",
                "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "span", "sup", "abbr"}
ALLOWED_ATTRIBUTES = {"*": {"id", "class"}, "a": {"href", "title"}, "abbr": {"title"}}


def sanitize(html: str) -> Markup:
    """Clean HTML rendered from Markdown, so that data can never inject markup."""
    clean = nh3.clean(html or "", tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")
    return Markup(clean)


JINJA_FILTERS = {"sanitize": sanitize}
