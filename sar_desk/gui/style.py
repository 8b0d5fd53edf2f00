"""The window's look: Fusion with a light, restrained palette and one accent colour.

Text sizes follow the user's text size: the system font's size (Windows' "Make text bigger",
a desktop's large-text setting) or ``SAR_DESK_TEXT_SCALE`` (1.5, 2...) scales every size in
the style sheet, never below the 10-point base.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f5f8b"
TEXT_SCALE_ENV = "SAR_DESK_TEXT_SCALE"
BASE_POINTS = 10.0


def text_scale(system_points: float) -> float:
    """How much bigger than the 10-point base the user wants text (never smaller)."""
    try:
        asked = float(os.environ.get(TEXT_SCALE_ENV, "") or 0)
    except ValueError:
        asked = 0.0
    if asked > 0:
        return min(max(asked, 1.0), 4.0)
    return max(1.0, system_points / BASE_POINTS)


def stylesheet(scale: float = 1.0) -> str:
    """The style sheet with every text size multiplied by `scale`."""

    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    return f"""
QWidget {{ font-size: {pt(10)}; }}
QLabel#panelTitle {{ font-size: {pt(16)}; font-weight: 600; color: #1c2b39;
                     padding-bottom: 6px; }}
QLabel#startTitle {{ font-size: {pt(24)}; font-weight: 600; color: {ACCENT}; }}
QLabel#startSubtitle {{ font-size: {pt(11)}; color: #4a5866; }}
QLabel#sectionTitle {{ font-size: {pt(11)}; font-weight: 600; color: #33475b; }}
QLabel#hint {{ color: #6b7785; }}
QLabel#dueDate {{ font-size: {pt(14)}; font-weight: 600; color: #1c2b39; }}
QLabel#daysLeft {{ font-size: {pt(12)}; font-weight: 600; color: {ACCENT}; }}
QLabel#daysLeft[overdue="true"] {{ color: #a12622; }}
QLabel#dropArea {{ border: 2px dashed #9fb3c8; border-radius: 8px; color: #4a5866;
                   background: #f7f9fb; font-size: {pt(11)}; }}
QListWidget#sidebar {{ background: #1f2d3a; color: #dfe6ee; border: none; font-size: {pt(11)};
                       padding-top: 12px; outline: 0; }}
QListWidget#sidebar::item {{ padding: 10px 18px; }}
QListWidget#sidebar::item:selected {{ background: {ACCENT}; color: white; }}
QGroupBox {{ font-weight: 600; color: #33475b; border: 1px solid #d5dde5; border-radius: 6px;
             margin-top: 14px; padding: 12px 10px 10px 10px; background: white; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QPushButton {{ padding: 5px 14px; border: 1px solid #b8c4d0; border-radius: 4px;
               background: #ffffff; }}
QPushButton:hover {{ background: #eef3f8; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border-color: {ACCENT};
                       font-weight: 600; }}
QPushButton#primary:disabled {{ background: #9fb3c8; border-color: #9fb3c8; }}
QPushButton:disabled {{ color: #9aa5b1; }}
QHeaderView::section {{ background: #eef2f6; padding: 4px 6px; border: none;
                        border-right: 1px solid #d5dde5; font-weight: 600; color: #33475b; }}
QTableView, QListView, QTextBrowser, QPlainTextEdit {{ border: 1px solid #d5dde5;
                                                       background: white; }}
QTableView {{ gridline-color: #edf1f5; selection-background-color: #d4e4f2;
              selection-color: #1c2b39; alternate-background-color: #f7f9fb; }}
QStatusBar {{ background: #eef2f6; color: #33475b; }}
"""


STYLESHEET = stylesheet()


def apply_style(app: QApplication) -> None:
    """Use Fusion (the same on every OS) with a light palette and our stylesheet."""
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f6f8"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1c2b39"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1c2b39"))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(text_scale(app.font().pointSizeF())))
