"""The Send letter form and the link to its PDF."""
