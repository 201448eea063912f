# Generated from forms/visit_entry.ui by packaging/build_ui.py; do not edit.


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QGridLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QWidget)

class Ui_VisitEntry(object):
    def setupUi(self, VisitEntry):
        if not VisitEntry.objectName():
            VisitEntry.setObjectName(u"VisitEntry")
        self.grid = QGridLayout(VisitEntry)
        self.grid.setObjectName(u"grid")
        self.dateLabel = QLabel(VisitEntry)
        self.dateLabel.setObjectName(u"dateLabel")

        self.grid.addWidget(self.dateLabel, 0, 0, 1, 1)

        self.visitDate = QDateEdit(VisitEntry)
        self.visitDate.setObjectName(u"visitDate")
        self.visitDate.setCalendarPopup(True)
        self.visitDate.setDisplayFormat(u"yyyy-MM-dd")

        self.grid.addWidget(self.visitDate, 0, 1, 1, 1)

        self.channelLabel = QLabel(VisitEntry)
        self.channelLabel.setObjectName(u"channelLabel")

        self.grid.addWidget(self.channelLabel, 0, 2, 1, 1)

        self.channel = QComboBox(VisitEntry)
        self.channel.setObjectName(u"channel")

        self.grid.addWidget(self.channel, 0, 3, 1, 1)

        self.purposeLabel = QLabel(VisitEntry)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.grid.addWidget(self.purposeLabel, 0, 4, 1, 1)

        self.purpose = QLineEdit(VisitEntry)
        self.purpose.setObjectName(u"purpose")

        self.grid.addWidget(self.purpose, 0, 5, 1, 1)

        self.summaryLabel = QLabel(VisitEntry)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.grid.addWidget(self.summaryLabel, 1, 0, 1, 1)

        self.summary = QLineEdit(VisitEntry)
        self.summary.setObjectName(u"summary")

        self.grid.addWidget(self.summary, 1, 1, 1, 5)

        self.outcomeLabel = QLabel(VisitEntry)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.grid.addWidget(self.outcomeLabel, 2, 0, 1, 1)

        self.outcome = QLineEdit(VisitEntry)
        self.outcome.setObjectName(u"outcome")

        self.grid.addWidget(self.outcome, 2, 1, 1, 2)

        self.nextStepLabel = QLabel(VisitEntry)
        self.nextStepLabel.setObjectName(u"nextStepLabel")

        self.grid.addWidget(self.nextStepLabel, 2, 3, 1, 1)

        self.nextStep = QLineEdit(VisitEntry)
        self.nextStep.setObjectName(u"nextStep")

        self.grid.addWidget(self.nextStep, 2, 4, 1, 2)

        self.hasNextVisit = QCheckBox(VisitEntry)
        self.hasNextVisit.setObjectName(u"hasNextVisit")

        self.grid.addWidget(self.hasNextVisit, 3, 0, 1, 2)

        self.nextVisit = QDateEdit(VisitEntry)
        self.nextVisit.setObjectName(u"nextVisit")
        self.nextVisit.setEnabled(False)
        self.nextVisit.setCalendarPopup(True)
        self.nextVisit.setDisplayFormat(u"yyyy-MM-dd")

        self.grid.addWidget(self.nextVisit, 3, 2, 1, 1)

        self.errorLabel = QLabel(VisitEntry)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.grid.addWidget(self.errorLabel, 3, 3, 1, 2)

        self.saveButton = QPushButton(VisitEntry)
        self.saveButton.setObjectName(u"saveButton")

        self.grid.addWidget(self.saveButton, 3, 5, 1, 1)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.visitDate)
        self.channelLabel.setBuddy(self.channel)
        self.purposeLabel.setBuddy(self.purpose)
        self.summaryLabel.setBuddy(self.summary)
        self.outcomeLabel.setBuddy(self.outcome)
        self.nextStepLabel.setBuddy(self.nextStep)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.visitDate, self.channel)
        QWidget.setTabOrder(self.channel, self.purpose)
        QWidget.setTabOrder(self.purpose, self.summary)
        QWidget.setTabOrder(self.summary, self.outcome)
        QWidget.setTabOrder(self.outcome, self.nextStep)
        QWidget.setTabOrder(self.nextStep, self.hasNextVisit)
        QWidget.setTabOrder(self.hasNextVisit, self.nextVisit)
        QWidget.setTabOrder(self.nextVisit, self.saveButton)

        self.retranslateUi(VisitEntry)
        self.hasNextVisit.toggled.connect(self.nextVisit.setEnabled)

        QMetaObject.connectSlotsByName(VisitEntry)
    # setupUi

    def retranslateUi(self, VisitEntry):
        VisitEntry.setWindowTitle(QCoreApplication.translate("VisitEntry", u"New entry", None))
        self.dateLabel.setText(QCoreApplication.translate("VisitEntry", u"D&ate", None))
        self.channelLabel.setText(QCoreApplication.translate("VisitEntry", u"C&hannel", None))
        self.purposeLabel.setText(QCoreApplication.translate("VisitEntry", u"P&urpose", None))
        self.summaryLabel.setText(QCoreApplication.translate("VisitEntry", u"&Discussed", None))
        self.summary.setPlaceholderText(QCoreApplication.translate("VisitEntry", u"What was discussed", None))
        self.outcomeLabel.setText(QCoreApplication.translate("VisitEntry", u"Outco&me", None))
        self.nextStepLabel.setText(QCoreApplication.translate("VisitEntry", u"Ne&xt step", None))
        self.hasNextVisit.setText(QCoreApplication.translate("VisitEntry", u"&Next visit on", None))
        self.saveButton.setText(QCoreApplication.translate("VisitEntry", u"Save &entry", None))
    # retranslateUi

