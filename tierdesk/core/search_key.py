"""What a customer is found by: name, pinyin (full and initials), number, phones, contacts.

Two lower-case keys are kept on the customer row, so the list can search 150,000 customers
without joins: ``search_key`` holds what is typed in Latin letters and digits (pinyin,
initials, number, phones, Latin words of names) and ``search_han`` the Chinese names.
Python compares pure-ASCII text far faster than text holding Chinese, so a search only scans
the key that can hold what was typed: ``张三贸易`` is found by ``zhangsanmaoyi``, by
``zsmy`` (ASCII key) and by ``三贸`` (Chinese key).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from tierdesk.core.validation import to_halfwidth

_HAN = re.compile(r"[\u3400-\u9fff]")
_ASCII_RUN = re.compile(r"[\x21-\x7e]+")
SEPARATOR = "|"


class SearchKeys(NamedTuple):
    ascii: str
    han: str


@lru_cache(maxsize=65536)
def pinyin_forms(text: str) -> tuple[str, str]:
    """Full pinyin and initials of the Chinese characters in ``text`` (empty if none)."""
    if not _HAN.search(text):
        return "", ""
    from pypinyin import Style, lazy_pinyin  # its dictionaries take a third of a second to load

    syllables = [s for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore") if s]
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables).lower()
    return full, initials


def normalise_query(text: str) -> str:
    """What the search box holds, in the form keys are stored: half-width, lower, no spaces."""
    return re.sub(r"\s+", "", to_halfwidth(text)).lower()


def build_search_keys(*, name: str, number: str, phones: Iterable[str] = (),
                      people: Iterable[str] = (),
                      known: dict[str, tuple[str, str]] | None = None) -> SearchKeys:
    """The two keys; ``known`` may give the pinyin forms of texts already converted (bulk
    generation composes names from parts whose pinyin it has)."""
    ascii_parts: list[str] = []
    han_parts: list[str] = []
    for text in (name, *people):
        if not text:
            continue
        plain = normalise_query(text)
        if plain.isascii():
            ascii_parts.append(plain)
            continue
        han_parts.append(plain)
        ascii_parts.extend(_ASCII_RUN.findall(plain))
        full, initials = (known or {}).get(text) or pinyin_forms(plain)
        ascii_parts.extend(p for p in (full, initials) if p)
    ascii_parts.append(normalise_query(number))
    ascii_parts.extend(re.sub(r"\D", "", p) for p in phones if p)
    return SearchKeys(SEPARATOR.join(dict.fromkeys(p for p in ascii_parts if p)),
                      SEPARATOR.join(dict.fromkeys(p for p in han_parts if p)))

