"""Tasks for recruiters: calls to make (with their log) and candidates' requests from the portal."""
