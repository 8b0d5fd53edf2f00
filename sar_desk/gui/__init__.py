"""The desktop window (PySide6). Every PySide6 import in SAR Desk lives under this package."""
