"""The window's look: Fusion with a light, restrained palette and one accent colour."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f5f8b"

STYLESHEET = f"""
QWidget {{ font-size: 10pt; }}
QLabel#panelTitle {{ font-size: 16pt; font-weight: 600; color: #1c2b39; padding-bottom: 6px; }}
QLabel#startTitle {{ font-size: 24pt; font-weight: 600; color: {ACCENT}; }}
QLabel#startSubtitle {{ font-size: 11pt; color: #4a5866; }}
QLabel#sectionTitle {{ font-size: 11pt; font-weight: 600; color: #33475b; }}
QLabel#hint {{ color: #6b7785; }}
QLabel#dueDate {{ font-size: 14pt; font-weight: 600; color: #1c2b39; }}
QLabel#daysLeft {{ font-size: 12pt; font-weight: 600; color: {ACCENT}; }}
QLabel#daysLeft[overdue="true"] {{ color: #a12622; }}
QLabel#dropArea {{ border: 2px dashed #9fb3c8; border-radius: 8px; color: #4a5866;
                   background: #f7f9fb; font-size: 11pt; }}
QListWidget#sidebar {{ background: #1f2d3a; color: #dfe6ee; border: none; font-size: 11pt;
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
    app.setStyleSheet(STYLESHEET)
