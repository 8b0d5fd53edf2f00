"""Pure domain: dataclasses and functions with no I/O, no Qt, no SQL and no Presidio."""
