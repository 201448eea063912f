"""Tabs down the left side with their names written level: every tab of a customer's master
file in reach on a laptop screen, none behind scroll arrows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QStyle,
    QStyleOptionTab,
    QStylePainter,
    QTabBar,
    QTabWidget,
    QWidget,
)


class LevelTabBar(QTabBar):
    """A west-side tab bar whose labels read left to right instead of bottom to top."""

    def tabSizeHint(self, index: int) -> QSize:
        size = super().tabSizeHint(index)
        size.transpose()
        return size

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionTab()
        for index in range(self.count()):
            self.initStyleOption(option, index)
            painter.drawControl(QStyle.ControlElement.CE_TabBarTabShape, option)
            painter.save()
            size = option.rect.size()
            size.transpose()
            rect = QRect(QPoint(), size)
            rect.moveCenter(option.rect.center())
            option.rect = rect
            centre = self.tabRect(index).center()
            painter.translate(centre)
            painter.rotate(90)
            painter.translate(-centre)
            painter.drawControl(QStyle.ControlElement.CE_TabBarTabLabel, option)
            painter.restore()


def side_tabs(parent: QWidget | None = None) -> QTabWidget:
    tabs = QTabWidget(parent)
    tabs.setTabBar(LevelTabBar(tabs))
    tabs.setTabPosition(QTabWidget.TabPosition.West)
    tabs.setUsesScrollButtons(False)
    return tabs
