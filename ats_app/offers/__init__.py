"""Offers: the terms a candidate is offered, their answer from a sealed link, and offers that expire."""
