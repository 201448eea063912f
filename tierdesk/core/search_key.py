"""What a customer is found by: name, pinyin (full and initials), number, phones, contacts.

The key is one lower-case line kept on the customer row, so the list can search 150,000
customers without joins: ``张三贸易`` is found by ``zhangsanmaoyi`` and by ``zsmy``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from tierdesk.core.validation import to_halfwidth

_HAN = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=65536)
def pinyin_forms(text: str) -> tuple[str, str]:
    """Full pinyin and initials of the Chinese characters in ``text`` (empty if none)."""
    if not _HAN.search(text):
        return "", ""
    syllables = [s for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore") if s]
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables).lower()
    return full, initials


def normalise_query(text: str) -> str:
    """What the search box holds, in the form keys are stored: half-width, lower, no spaces."""
    return re.sub(r"\s+", "", to_halfwidth(text)).lower()


def build_search_key(*, name: str, number: str, phones: Iterable[str] = (),
                     people: Iterable[str] = (),
                     known: dict[str, tuple[str, str]] | None = None) -> str:
    """The search key; ``known`` may give the pinyin forms of texts already converted (bulk
    generation composes names from parts whose pinyin it has)."""
    parts: list[str] = []
    for text in (name, *people):
        if not text:
            continue
        plain = normalise_query(text)
        full, initials = (known or {}).get(text) or pinyin_forms(plain)
        parts.extend(p for p in (plain, full, initials) if p)
    parts.append(normalise_query(number))
    parts.extend(re.sub(r"\D", "", p) for p in phones if p)
    return "|".join(p for p in parts if p)
