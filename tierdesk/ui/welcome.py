"""First run: start an empty office, open an existing file, or try the demo office."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialog, QWidget

from tierdesk.ui.actions import on_click
from tierdesk.ui.file_dialogs import open_file_name
from tierdesk.ui.forms.ui_welcome_dialog import Ui_WelcomeDialog


class WelcomeDialog(QDialog):
    EMPTY, OPEN, DEMO = "empty", "open", "demo"

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WelcomeDialog()
        self.ui.setupUi(self)
        self.choice: str | None = None
        self.path: Path | None = None
        self.ui.location.setText(self.tr("Your archive is kept in {path}").format(
            path=default_path))
        on_click(self.ui.emptyButton.clicked, lambda: self._choose(self.EMPTY))
        # For the new, empty archive: encrypted at once (a laptop that may be lost).
        self.encrypt = QCheckBox(self.tr("Encrypt this archive (it opens with a passphrase)"))
        self.encrypt.setObjectName("encryptCheck")
        self.ui.layout.insertWidget(self.ui.layout.indexOf(self.ui.emptyButton) + 1,
                                    self.encrypt)
        on_click(self.ui.openButton.clicked, self._open)
        on_click(self.ui.demoButton.clicked, lambda: self._choose(self.DEMO))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _open(self) -> None:
        path = open_file_name(self, self.tr("Open a TierDesk database"),
                              self.tr("TierDesk databases (*.sqlite *.db);;All files (*)"))
        if path:
            self.path = Path(path)
            self._choose(self.OPEN)
