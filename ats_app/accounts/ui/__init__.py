"""The Reflex side of accounts: the session cookie, the guard, the logged-in user's state, the login page."""
