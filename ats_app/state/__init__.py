"""Reflex State classes: thin. They find the user, check the right, call a service, keep one page of rows."""
