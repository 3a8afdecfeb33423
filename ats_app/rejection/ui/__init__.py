"""The rejection wizard and the rejection reasons report."""
