"""Writing email: the kinds and their tags, default texts per language, recruiters' templates, the
editor's text format, sandboxed rendering, tag values and drafts checked field by field before they are
queued. Mail knows nothing of the actions that send it."""
