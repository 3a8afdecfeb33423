"""Send letter: printed letters (application received, application rejected) as one A4 PDF."""
