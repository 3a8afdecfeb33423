"""Interviews: the invitation with its answer link and calendar file, reminders, moving and cancelling,
the candidate's answer page and the recruitment calendar."""
