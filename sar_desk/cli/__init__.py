"""The ``sar-desk`` command line: thin commands over `CaseSession` (see docs/cli-contract.md)."""
