"""What every concern stands on: the database engine, deployment settings, errors, translations and dates,
tokens, passwords, phone numbers and the private file store. Nothing here knows a business rule."""
