"""The Recruitment overview page and its state."""
