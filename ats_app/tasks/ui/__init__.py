"""The Tasks page and its state."""
