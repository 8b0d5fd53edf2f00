"""PyInstaller hook: fpdf2 loads its font metrics and ICC profiles as package data."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("fpdf")
