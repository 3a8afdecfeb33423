"""Panel review: a shortlist sent to internal and outside reviewers, who rate it 1–7 from a sealed link.

Rules (no Reflex): panels (the panel's life and scope: its link, which candidates are still in it, until when
ratings may change), reviewing (a reviewer's ratings, Done, the blind view of the others), notices (the
emails to the requester and the reviewers). The Send to review panel action, the public review page
(routes) and the staff UI (ui) sit beside them.
"""
