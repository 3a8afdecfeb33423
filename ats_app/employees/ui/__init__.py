"""The Employees page and its state."""
