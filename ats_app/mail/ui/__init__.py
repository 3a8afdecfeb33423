"""The Email templates page and its state."""
