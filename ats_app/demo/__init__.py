"""Believable demo data in six languages (`ats demo-data`). Development data, not a product rule: only the
CLI and the development tools import it."""
