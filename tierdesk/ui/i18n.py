"""Interface language: Simplified Chinese or English, following the system unless chosen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from tierdesk.core.i18n import Message

LANGUAGES = ("system", "zh_CN", "en")
SETTING = "ui/language"


def chosen_language(settings: QSettings) -> str:
    value = str(settings.value(SETTING, "system"))
    return value if value in LANGUAGES else "system"


def effective_language(choice: str) -> str:
    if choice == "system":
        return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"
    return choice


class Translators:
    """The translators installed in the application, replaced when the language changes."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []

    def install(self, choice: str) -> str:
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        language = effective_language(choice)
        from tierdesk.ui.forms import resources_rc  # noqa: F401  (registers :/translations)

        # English is the source text; its catalogue gives the counting texts their singular.
        ours = QTranslator(app)
        if ours.load(f":/translations/tierdesk_{language}.qm"):
            app.installTranslator(ours)
            self._installed.append(ours)
        if language == "zh_CN":
            qt_own = QTranslator(app)
            if qt_own.load("qtbase_zh_CN",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt_own)
                self._installed.append(qt_own)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                           if language == "zh_CN" else QLocale(QLocale.Language.English))
        return language


def tr_message(message: Message) -> str:
    """A core message in the interface language, its placeholders filled in."""
    return message.render(QCoreApplication.translate)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
