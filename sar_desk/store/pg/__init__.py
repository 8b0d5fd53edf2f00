"""The PostgreSQL team store (issue 17): cases as schemas on a shared server.

SQLite stays the default store; everything PostgreSQL-specific lives in this package so the
SQLite modules keep their dialect to themselves.
"""
