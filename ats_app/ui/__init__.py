"""Reflex pieces every page shares: the shell and navigation, the UI language and `t()`, form helpers,
paged lists and status badges."""
