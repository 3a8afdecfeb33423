"""Recruitment projects: the Recruitment overview (every project with its counts)."""
