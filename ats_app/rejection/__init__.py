"""Rejecting well: the type from how far the applicant got, the reason, the candidate's "why", the email
now, later or not at all, undo while the candidate has not been told, and the rejection reasons report."""
