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


_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
# Tone marks off: what pypinyin's plain style writes (ü as v).
_PLAIN = str.maketrans({**dict.fromkeys("àáǎā", "a"), **dict.fromkeys("èéěēêếề", "e"),
                        **dict.fromkeys("ìíǐī", "i"), **dict.fromkeys("òóǒō", "o"),
                        **dict.fromkeys("ùúǔū", "u"), **dict.fromkeys("üǘǚǜ", "v"),
                        **dict.fromkeys("ńňǹ", "n"), "ḿ": "m",
                        **dict.fromkeys("\u0300\u0301\u0304\u030c", None)})


class _Readings:
    """pypinyin's dictionaries, read directly: its word segmentation, then each word's
    reading from the phrase dictionary or each character's first reading. The same result
    as its lazy_pinyin in plain style, without its per-word machinery (a tenth of the time;
    an import of 150,000 customers converts 300,000 names)."""

    def __init__(self) -> None:
        # The dictionaries take a third of a second to load: only when first needed.
        from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
        from pypinyin.seg.mmseg import seg

        self.cut = seg.cut
        self.phrases = PHRASES_DICT
        self.chars = PINYIN_DICT
        self.words: dict[str, list[str]] = {}

    def word(self, word: str) -> list[str]:
        found = self.words.get(word)
        if found is None:
            phrase = self.phrases.get(word)
            readings = [r[0] for r in phrase] if phrase is not None else \
                [self.chars.get(ord(c), "") for c in word]
            found = self.words[word] = [r.split(",")[0].translate(_PLAIN) for r in readings
                                        if r]
        return found

    def of(self, text: str) -> list[str]:
        out: list[str] = []
        for run in _HAN_RUN.findall(text):
            for word in self.cut(run):
                out.extend(self.word(word))
        return out


@lru_cache(maxsize=1)
def _readings() -> _Readings:
    return _Readings()


def load_readings() -> None:
    """Load the dictionaries now (a background thread after start-up), so that the first
    edit of a customer does not wait two thirds of a second for them on the GUI thread."""
    _readings()


@lru_cache(maxsize=65536)
def pinyin_forms(text: str) -> tuple[str, str]:
    """Full pinyin and initials of the Chinese characters in ``text`` (empty if none)."""
    if not _HAN.search(text):
        return "", ""
    syllables = [s for s in _readings().of(text) if s]
    return "".join(syllables).lower(), "".join(s[0] for s in syllables).lower()


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

