"""PyInstaller hook: ship tldextract's bundled public-suffix snapshot (we never fetch it)."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("tldextract")
