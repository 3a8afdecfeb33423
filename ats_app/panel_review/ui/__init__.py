"""The Send to review panel form."""
