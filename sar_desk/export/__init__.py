"""Building the disclosure bundle: redacted render records, PDF/HTML, records, checks."""
