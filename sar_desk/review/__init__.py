"""Review: reason codes, decisions with four eyes, bulk actions, sign-off and the redaction log."""
