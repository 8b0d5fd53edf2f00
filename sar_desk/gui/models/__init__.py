"""Qt item models: adapters from `CaseSession` results to views."""
