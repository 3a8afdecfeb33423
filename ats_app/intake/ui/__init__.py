"""The intake screens: adding a candidate by hand on a project."""
