"""Employment contracts: templates with versions and merge variables, the contract PDF, the candidate's
acknowledgement."""
