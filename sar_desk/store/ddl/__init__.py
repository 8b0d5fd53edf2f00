"""Frozen schema DDL, one module per migration step (see `store.migrations`).

Each module holds the SQL text of its step exactly as it shipped, so a case created by any
release migrates to the same schema as a new case. Never edit a shipped module.
"""
