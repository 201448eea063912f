# Generated from forms/customer_dialog.ui by packaging/build_ui.py; do not edit.


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QWidget)

class Ui_CustomerDialog(object):
    def setupUi(self, CustomerDialog):
        if not CustomerDialog.objectName():
            CustomerDialog.setObjectName(u"CustomerDialog")
        self.grid = QGridLayout(CustomerDialog)
        self.grid.setObjectName(u"grid")
        self.nameLabel = QLabel(CustomerDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.grid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.name = QLineEdit(CustomerDialog)
        self.name.setObjectName(u"name")

        self.grid.addWidget(self.name, 0, 1, 1, 1)

        self.nameError = QLabel(CustomerDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setVisible(False)
        self.nameError.setStyleSheet(u"color: #b00020;")
        self.nameError.setWordWrap(True)

        self.grid.addWidget(self.nameError, 1, 1, 1, 1)

        self.contactNameLabel = QLabel(CustomerDialog)
        self.contactNameLabel.setObjectName(u"contactNameLabel")

        self.grid.addWidget(self.contactNameLabel, 2, 0, 1, 1)

        self.contactName = QLineEdit(CustomerDialog)
        self.contactName.setObjectName(u"contactName")

        self.grid.addWidget(self.contactName, 2, 1, 1, 1)

        self.contactNameError = QLabel(CustomerDialog)
        self.contactNameError.setObjectName(u"contactNameError")
        self.contactNameError.setVisible(False)
        self.contactNameError.setStyleSheet(u"color: #b00020;")
        self.contactNameError.setWordWrap(True)

        self.grid.addWidget(self.contactNameError, 3, 1, 1, 1)

        self.mobileLabel = QLabel(CustomerDialog)
        self.mobileLabel.setObjectName(u"mobileLabel")

        self.grid.addWidget(self.mobileLabel, 4, 0, 1, 1)

        self.mobile = QLineEdit(CustomerDialog)
        self.mobile.setObjectName(u"mobile")

        self.grid.addWidget(self.mobile, 4, 1, 1, 1)

        self.mobileError = QLabel(CustomerDialog)
        self.mobileError.setObjectName(u"mobileError")
        self.mobileError.setVisible(False)
        self.mobileError.setStyleSheet(u"color: #b00020;")
        self.mobileError.setWordWrap(True)

        self.grid.addWidget(self.mobileError, 5, 1, 1, 1)

        self.landlineLabel = QLabel(CustomerDialog)
        self.landlineLabel.setObjectName(u"landlineLabel")

        self.grid.addWidget(self.landlineLabel, 6, 0, 1, 1)

        self.landline = QLineEdit(CustomerDialog)
        self.landline.setObjectName(u"landline")

        self.grid.addWidget(self.landline, 6, 1, 1, 1)

        self.landlineError = QLabel(CustomerDialog)
        self.landlineError.setObjectName(u"landlineError")
        self.landlineError.setVisible(False)
        self.landlineError.setStyleSheet(u"color: #b00020;")
        self.landlineError.setWordWrap(True)

        self.grid.addWidget(self.landlineError, 7, 1, 1, 1)

        self.emailLabel = QLabel(CustomerDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.grid.addWidget(self.emailLabel, 8, 0, 1, 1)

        self.email = QLineEdit(CustomerDialog)
        self.email.setObjectName(u"email")

        self.grid.addWidget(self.email, 8, 1, 1, 1)

        self.emailError = QLabel(CustomerDialog)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setVisible(False)
        self.emailError.setStyleSheet(u"color: #b00020;")
        self.emailError.setWordWrap(True)

        self.grid.addWidget(self.emailError, 9, 1, 1, 1)

        self.wechatLabel = QLabel(CustomerDialog)
        self.wechatLabel.setObjectName(u"wechatLabel")

        self.grid.addWidget(self.wechatLabel, 10, 0, 1, 1)

        self.wechat = QLineEdit(CustomerDialog)
        self.wechat.setObjectName(u"wechat")

        self.grid.addWidget(self.wechat, 10, 1, 1, 1)

        self.wechatError = QLabel(CustomerDialog)
        self.wechatError.setObjectName(u"wechatError")
        self.wechatError.setVisible(False)
        self.wechatError.setStyleSheet(u"color: #b00020;")
        self.wechatError.setWordWrap(True)

        self.grid.addWidget(self.wechatError, 11, 1, 1, 1)

        self.addressLabel = QLabel(CustomerDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.grid.addWidget(self.addressLabel, 12, 0, 1, 1)

        self.address = QLineEdit(CustomerDialog)
        self.address.setObjectName(u"address")

        self.grid.addWidget(self.address, 12, 1, 1, 1)

        self.addressError = QLabel(CustomerDialog)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setVisible(False)
        self.addressError.setStyleSheet(u"color: #b00020;")
        self.addressError.setWordWrap(True)

        self.grid.addWidget(self.addressError, 13, 1, 1, 1)

        self.industryLabel = QLabel(CustomerDialog)
        self.industryLabel.setObjectName(u"industryLabel")

        self.grid.addWidget(self.industryLabel, 14, 0, 1, 1)

        self.industry = QLineEdit(CustomerDialog)
        self.industry.setObjectName(u"industry")

        self.grid.addWidget(self.industry, 14, 1, 1, 1)

        self.industryError = QLabel(CustomerDialog)
        self.industryError.setObjectName(u"industryError")
        self.industryError.setVisible(False)
        self.industryError.setStyleSheet(u"color: #b00020;")
        self.industryError.setWordWrap(True)

        self.grid.addWidget(self.industryError, 15, 1, 1, 1)

        self.regionLabel = QLabel(CustomerDialog)
        self.regionLabel.setObjectName(u"regionLabel")

        self.grid.addWidget(self.regionLabel, 16, 0, 1, 1)

        self.region = QComboBox(CustomerDialog)
        self.region.setObjectName(u"region")

        self.grid.addWidget(self.region, 16, 1, 1, 1)

        self.regionError = QLabel(CustomerDialog)
        self.regionError.setObjectName(u"regionError")
        self.regionError.setVisible(False)
        self.regionError.setStyleSheet(u"color: #b00020;")
        self.regionError.setWordWrap(True)

        self.grid.addWidget(self.regionError, 17, 1, 1, 1)

        self.salespersonLabel = QLabel(CustomerDialog)
        self.salespersonLabel.setObjectName(u"salespersonLabel")

        self.grid.addWidget(self.salespersonLabel, 18, 0, 1, 1)

        self.salesperson = QComboBox(CustomerDialog)
        self.salesperson.setObjectName(u"salesperson")

        self.grid.addWidget(self.salesperson, 18, 1, 1, 1)

        self.salespersonError = QLabel(CustomerDialog)
        self.salespersonError.setObjectName(u"salespersonError")
        self.salespersonError.setVisible(False)
        self.salespersonError.setStyleSheet(u"color: #b00020;")
        self.salespersonError.setWordWrap(True)

        self.grid.addWidget(self.salespersonError, 19, 1, 1, 1)

        self.statusLabel = QLabel(CustomerDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.grid.addWidget(self.statusLabel, 20, 0, 1, 1)

        self.status = QComboBox(CustomerDialog)
        self.status.setObjectName(u"status")

        self.grid.addWidget(self.status, 20, 1, 1, 1)

        self.statusError = QLabel(CustomerDialog)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setVisible(False)
        self.statusError.setStyleSheet(u"color: #b00020;")
        self.statusError.setWordWrap(True)

        self.grid.addWidget(self.statusError, 21, 1, 1, 1)

        self.tierLabel = QLabel(CustomerDialog)
        self.tierLabel.setObjectName(u"tierLabel")

        self.grid.addWidget(self.tierLabel, 22, 0, 1, 1)

        self.tier = QComboBox(CustomerDialog)
        self.tier.setObjectName(u"tier")

        self.grid.addWidget(self.tier, 22, 1, 1, 1)

        self.tierError = QLabel(CustomerDialog)
        self.tierError.setObjectName(u"tierError")
        self.tierError.setVisible(False)
        self.tierError.setStyleSheet(u"color: #b00020;")
        self.tierError.setWordWrap(True)

        self.grid.addWidget(self.tierError, 23, 1, 1, 1)

        self.potentialLabel = QLabel(CustomerDialog)
        self.potentialLabel.setObjectName(u"potentialLabel")

        self.grid.addWidget(self.potentialLabel, 24, 0, 1, 1)

        self.potential = QComboBox(CustomerDialog)
        self.potential.setObjectName(u"potential")

        self.grid.addWidget(self.potential, 24, 1, 1, 1)

        self.potentialError = QLabel(CustomerDialog)
        self.potentialError.setObjectName(u"potentialError")
        self.potentialError.setVisible(False)
        self.potentialError.setStyleSheet(u"color: #b00020;")
        self.potentialError.setWordWrap(True)

        self.grid.addWidget(self.potentialError, 25, 1, 1, 1)

        self.customerSinceLabel = QLabel(CustomerDialog)
        self.customerSinceLabel.setObjectName(u"customerSinceLabel")

        self.grid.addWidget(self.customerSinceLabel, 26, 0, 1, 1)

        self.customerSince = QLineEdit(CustomerDialog)
        self.customerSince.setObjectName(u"customerSince")
        self.customerSince.setPlaceholderText(u"2024-03-05")

        self.grid.addWidget(self.customerSince, 26, 1, 1, 1)

        self.customerSinceError = QLabel(CustomerDialog)
        self.customerSinceError.setObjectName(u"customerSinceError")
        self.customerSinceError.setVisible(False)
        self.customerSinceError.setStyleSheet(u"color: #b00020;")
        self.customerSinceError.setWordWrap(True)

        self.grid.addWidget(self.customerSinceError, 27, 1, 1, 1)

        self.notesLabel = QLabel(CustomerDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.grid.addWidget(self.notesLabel, 28, 0, 1, 1)

        self.notes = QPlainTextEdit(CustomerDialog)
        self.notes.setObjectName(u"notes")
        self.notes.setMaximumHeight(80)

        self.grid.addWidget(self.notes, 28, 1, 1, 1)

        self.notesError = QLabel(CustomerDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setVisible(False)
        self.notesError.setStyleSheet(u"color: #b00020;")
        self.notesError.setWordWrap(True)

        self.grid.addWidget(self.notesError, 29, 1, 1, 1)

        self.buttons = QDialogButtonBox(CustomerDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.grid.addWidget(self.buttons, 30, 0, 1, 2)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.contactNameLabel.setBuddy(self.contactName)
        self.mobileLabel.setBuddy(self.mobile)
        self.landlineLabel.setBuddy(self.landline)
        self.emailLabel.setBuddy(self.email)
        self.wechatLabel.setBuddy(self.wechat)
        self.addressLabel.setBuddy(self.address)
        self.industryLabel.setBuddy(self.industry)
        self.regionLabel.setBuddy(self.region)
        self.salespersonLabel.setBuddy(self.salesperson)
        self.statusLabel.setBuddy(self.status)
        self.tierLabel.setBuddy(self.tier)
        self.potentialLabel.setBuddy(self.potential)
        self.customerSinceLabel.setBuddy(self.customerSince)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CustomerDialog)

        QMetaObject.connectSlotsByName(CustomerDialog)
    # setupUi

    def retranslateUi(self, CustomerDialog):
        CustomerDialog.setWindowTitle(QCoreApplication.translate("CustomerDialog", u"Customer", None))
        self.nameLabel.setText(QCoreApplication.translate("CustomerDialog", u"Customer &name", None))
        self.contactNameLabel.setText(QCoreApplication.translate("CustomerDialog", u"&Contact person", None))
        self.mobileLabel.setText(QCoreApplication.translate("CustomerDialog", u"&Mobile", None))
        self.landlineLabel.setText(QCoreApplication.translate("CustomerDialog", u"&Landline", None))
        self.emailLabel.setText(QCoreApplication.translate("CustomerDialog", u"&E-mail", None))
        self.wechatLabel.setText(QCoreApplication.translate("CustomerDialog", u"&WeChat", None))
        self.addressLabel.setText(QCoreApplication.translate("CustomerDialog", u"&Address", None))
        self.industryLabel.setText(QCoreApplication.translate("CustomerDialog", u"&Industry", None))
        self.regionLabel.setText(QCoreApplication.translate("CustomerDialog", u"Re&gion", None))
        self.salespersonLabel.setText(QCoreApplication.translate("CustomerDialog", u"&Salesperson", None))
        self.statusLabel.setText(QCoreApplication.translate("CustomerDialog", u"S&tatus", None))
        self.tierLabel.setText(QCoreApplication.translate("CustomerDialog", u"Tie&r", None))
        self.potentialLabel.setText(QCoreApplication.translate("CustomerDialog", u"&Potential (1-5)", None))
        self.customerSinceLabel.setText(QCoreApplication.translate("CustomerDialog", u"C&ustomer since", None))
        self.notesLabel.setText(QCoreApplication.translate("CustomerDialog", u"N&otes", None))
    # retranslateUi

