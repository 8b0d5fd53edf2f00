"""SAR Desk: search, redact and disclose workplace chat for UK SAR and FOI requests."""

__version__ = "0.1.0"
