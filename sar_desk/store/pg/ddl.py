"""The frozen schema steps as PostgreSQL runs them: a reviewed translation of the SQLite text.

Each step in `store.migrations` ships as SQLite DDL. The team store runs the same steps through
`translate`, whose rules are few, explicit and tested (``tests/pg/test_pg_schema.py`` checks that
a case migrated this way matches the ``Table`` definitions column by column):

- an ``id INTEGER`` primary key becomes an identity-backed ``SERIAL`` (SQLite's rowid alias);
- ``user`` (reserved in PostgreSQL) is quoted; ``BLOB`` is ``BYTEA``; ``WITHOUT ROWID`` goes;
- the FTS5 message index becomes a generated ``tsvector`` column with a GIN index, so it needs
  no triggers; the trigram digits index becomes a plain table with a ``pg_trgm`` GIN index, and
  its delete trigger a PL/pgSQL trigger.

A statement no rule covers is refused (`UntranslatedStepError`), so a new SQLite-only construct
in a future step fails the tests instead of silently shipping a different schema. A future step
may instead give its own PostgreSQL text in `OVERRIDES`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TSV_COLUMN = "text_tsv"
"""The generated tsvector column on ``messages`` that replaces the FTS5 index."""

TS_CONFIG = "simple"
"""No stemming or stop words: the same words match as in SQLite's unicode61 tokenizer."""


class UntranslatedStepError(ValueError):
    """A frozen SQLite statement has no reviewed PostgreSQL translation."""


_FTS_MESSAGES = (
    f"ALTER TABLE messages ADD COLUMN {TSV_COLUMN} tsvector GENERATED ALWAYS AS "
    f"(to_tsvector('{TS_CONFIG}', sar_desk_words(text))) STORED",
    f"CREATE INDEX ix_messages_{TSV_COLUMN} ON messages USING gin ({TSV_COLUMN})",
)

_FOLD_FUNCTION = (
    # Accent folding as SQLite's remove_diacritics does it, without the unaccent extension (not
    # IMMUTABLE, so not usable in a generated column): translate the Latin letters with marks.
    "CREATE OR REPLACE FUNCTION sar_desk_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE RETURN lower(translate(t, "
    "'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ', "
    "'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyy'))"
)

_DIGITS = (
    "CREATE TABLE messages_digits (rowid BIGINT NOT NULL, digits TEXT NOT NULL, "
    "PRIMARY KEY (rowid))",
    "CREATE INDEX ix_messages_digits_trgm ON messages_digits USING gin (digits gin_trgm_ops)",
)

_DIGITS_DELETE = (
    "CREATE FUNCTION messages_digits_ad() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "DELETE FROM messages_digits WHERE rowid = OLD.id; "
    "DELETE FROM message_mentions WHERE message_id = OLD.id; RETURN OLD; END $$",
    "CREATE TRIGGER messages_digits_ad AFTER DELETE ON messages FOR EACH ROW "
    "EXECUTE FUNCTION messages_digits_ad()",
)

_FTS_ATTACHMENTS = (
    # Step 17's FTS5 table of attachment text (rowid = attachment id) as a plain table whose
    # generated tsvector column is indexed the same way as the messages' one.
    f"CREATE TABLE attachments_fts (rowid BIGINT NOT NULL, text TEXT NOT NULL, {TSV_COLUMN} "
    f"tsvector GENERATED ALWAYS AS (to_tsvector('{TS_CONFIG}', sar_desk_words(text))) STORED, "
    "PRIMARY KEY (rowid))",
    f"CREATE INDEX ix_attachments_fts_{TSV_COLUMN} ON attachments_fts USING gin ({TSV_COLUMN})",
)

_FTS_ATTACHMENTS_DELETE = (
    "CREATE FUNCTION attachments_fts_ad() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "DELETE FROM attachments_fts WHERE rowid = OLD.id; RETURN OLD; END $$",
    "CREATE TRIGGER attachments_fts_ad AFTER DELETE ON attachments FOR EACH ROW "
    "EXECUTE FUNCTION attachments_fts_ad()",
)

OVERRIDES: dict[int, tuple[str, ...]] = {}
"""A step's own PostgreSQL text, for steps whose SQLite text the rules do not cover."""

_WORDS_FUNCTION = (
    # unicode61 splits at every character that is not a letter or digit; PostgreSQL's parser
    # keeps e-mail addresses, hyphenated words and URLs whole. Splitting first makes the two
    # indexes hold the same words, so the same query finds the same messages on both stores.
    "CREATE OR REPLACE FUNCTION sar_desk_words(t text) RETURNS text LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE RETURN regexp_replace(sar_desk_fold(t), '[^[:alnum:]]+', ' ', 'g')"
)

_ORIGINALS = (
    # Originals live in the database so any team member's PC can work the case: the SQLite
    # store keeps them as read-only files in the case folder instead (same SHA-256 either way).
    "CREATE TABLE originals (sha256 TEXT NOT NULL, size BIGINT NOT NULL, stored_at TEXT NOT NULL, "
    "PRIMARY KEY (sha256))",
    "CREATE TABLE original_chunks (sha256 TEXT NOT NULL REFERENCES originals (sha256), "
    "seq INTEGER NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (sha256, seq))",
)

PREAMBLE: tuple[str, ...] = (_FOLD_FUNCTION, _WORDS_FUNCTION, *_ORIGINALS)
"""Run once in a new case schema before step 1: helpers the translated steps refer to, and the
tables only the team store has (originals held in the database)."""


def translate(statement: str) -> tuple[str, ...]:
    """One frozen SQLite statement as the PostgreSQL statements with the same effect.

    Raises:
        UntranslatedStepError: No reviewed rule covers the statement.
    """
    flat = " ".join(statement.split())
    if flat.startswith("CREATE VIRTUAL TABLE messages_fts "):
        return _FTS_MESSAGES
    if flat.startswith("CREATE TRIGGER messages_a") and "messages_fts" in flat:
        return ()  # the generated column keeps itself up to date
    if flat.startswith("CREATE VIRTUAL TABLE messages_digits "):
        return _DIGITS
    if flat.startswith("CREATE TRIGGER messages_digits_ad "):
        return _DIGITS_DELETE
    if flat.startswith("CREATE VIRTUAL TABLE attachments_fts "):
        return _FTS_ATTACHMENTS
    if flat.startswith("CREATE TRIGGER attachments_fts_ad "):
        return _FTS_ATTACHMENTS_DELETE
    if "VIRTUAL TABLE" in flat or flat.startswith("CREATE TRIGGER") or "PRAGMA" in flat:
        raise UntranslatedStepError(f"No PostgreSQL translation for: {flat[:80]}")
    text = statement
    if flat.startswith("CREATE TABLE") and re.search(r"PRIMARY KEY \(id\)", text):
        text = re.sub(r"^(\s*)id INTEGER NOT NULL", r"\1id SERIAL NOT NULL", text, flags=re.M)
    text = re.sub(r"(^|[\s(,])user(\s+TEXT|\s*[,)])", r'\1"user"\2', text, flags=re.M)
    text = re.sub(r"\bBLOB\b", "BYTEA", text)
    text = re.sub(r"\)\s*WITHOUT ROWID\s*$", ")", text)
    return (text,)


def translate_step(version: int, ddl: Sequence[str]) -> tuple[str, ...]:
    """A whole frozen step as PostgreSQL statements (its override, if it has one)."""
    if version in OVERRIDES:
        return OVERRIDES[version]
    return tuple(out for statement in ddl for out in translate(statement))
