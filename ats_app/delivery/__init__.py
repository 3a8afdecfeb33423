"""Getting messages out: the outbox (email and SMS rows), the delivery worker and its leases, Resend
and the SMS gateway, the webhook, sealed links and the Outbox page."""
