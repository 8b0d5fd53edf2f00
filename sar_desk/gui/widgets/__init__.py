"""The panels of the case window, one module each."""
