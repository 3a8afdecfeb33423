"""The Outbox page, its state and the message status badge."""
