"""The Settings page and its state."""
