"""Marking user-facing text in the Qt-free core for translation.

The core never imports Qt, yet its messages reach people through the GUI. Strings are marked
with :func:`QT_TRANSLATE_NOOP` so that ``pyside6-lupdate`` collects them under their context;
the GUI translates them at display time with ``QCoreApplication.translate(context, text)`` and
then fills in the ``{placeholders}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged; the call marks it for the translation catalogue."""
    del context
    return text


@dataclass(frozen=True)
class Message:
    """A translatable message: source text with ``{placeholders}`` and the values to fill in."""

    context: str
    text: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, translate: object | None = None) -> str:
        """The message in English, or through ``translate(context, text)`` when given."""
        source = translate(self.context, self.text) if callable(translate) else self.text
        try:
            return str(source).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.text.format(**self.params)

    def __str__(self) -> str:
        return self.render()
