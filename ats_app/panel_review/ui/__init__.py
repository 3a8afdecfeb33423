"""Panel review in the staff UI: the project page's Review panels section (progress and revoking)."""
