# Generated from forms/welcome_dialog.ui by packaging/build_ui.py; do not edit.


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCommandLinkButton, QDialog, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_WelcomeDialog(object):
    def setupUi(self, WelcomeDialog):
        if not WelcomeDialog.objectName():
            WelcomeDialog.setObjectName(u"WelcomeDialog")
        WelcomeDialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(WelcomeDialog)
        self.layout.setObjectName(u"layout")
        self.title = QLabel(WelcomeDialog)
        self.title.setObjectName(u"title")

        self.layout.addWidget(self.title)

        self.intro = QLabel(WelcomeDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.emptyButton = QCommandLinkButton(WelcomeDialog)
        self.emptyButton.setObjectName(u"emptyButton")

        self.layout.addWidget(self.emptyButton)

        self.openButton = QCommandLinkButton(WelcomeDialog)
        self.openButton.setObjectName(u"openButton")

        self.layout.addWidget(self.openButton)

        self.demoButton = QCommandLinkButton(WelcomeDialog)
        self.demoButton.setObjectName(u"demoButton")

        self.layout.addWidget(self.demoButton)

        self.location = QLabel(WelcomeDialog)
        self.location.setObjectName(u"location")
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.location)


        self.retranslateUi(WelcomeDialog)

        QMetaObject.connectSlotsByName(WelcomeDialog)
    # setupUi

    def retranslateUi(self, WelcomeDialog):
        WelcomeDialog.setWindowTitle(QCoreApplication.translate("WelcomeDialog", u"Welcome to TierDesk", None))
        self.title.setText(QCoreApplication.translate("WelcomeDialog", u"<h2>Welcome to TierDesk</h2>", None))
        self.intro.setText(QCoreApplication.translate("WelcomeDialog", u"TierDesk keeps your office's customer archive: visit cards, the master file, tiers and visit quotas. How would you like to start?", None))
        self.emptyButton.setText(QCoreApplication.translate("WelcomeDialog", u"Start an empty office", None))
        self.emptyButton.setDescription(QCoreApplication.translate("WelcomeDialog", u"A new archive in your data folder; add regions, salespeople and customers.", None))
        self.openButton.setText(QCoreApplication.translate("WelcomeDialog", u"Open an existing database file\u2026", None))
        self.openButton.setDescription(QCoreApplication.translate("WelcomeDialog", u"An archive copied from another computer or kept on a shared drive.", None))
        self.demoButton.setText(QCoreApplication.translate("WelcomeDialog", u"Try the demo office", None))
        self.demoButton.setDescription(QCoreApplication.translate("WelcomeDialog", u"A sample office with 60 salespeople in 7 regions and two years of history, in a separate file.", None))
    # retranslateUi

