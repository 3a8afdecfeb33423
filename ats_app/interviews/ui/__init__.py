"""The invitation wizard and the recruitment calendar."""
