"""PyInstaller hook: Presidio's YAML files must exist on disk beside its modules.

Presidio finds ``conf/*.yaml`` through ``recognizer_registry/../conf``; on POSIX that path only
resolves when the package directories exist on disk, hence "pyz+py" (ecosystem.md section 4.1).
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("presidio_analyzer")
hiddenimports = collect_submodules("presidio_analyzer")
module_collection_mode = "pyz+py"
