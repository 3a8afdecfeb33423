"""A template rendered as a candidate will read it: for the latest real applicant in that language.

Values the template's kind needs but a plain application lacks (an interview time, a confirm link, a
personal message) are filled with believable examples, and say so, so the preview shows the layout
of the real email without inventing anything that is sent.
"""

from datetime import date, timedelta

from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.core import config
from ats_app.core.i18n import N_, gettext
from ats_app.mail.compose import Draft, render_draft, sender_user
from ats_app.mail.kinds import kind_for
from ats_app.mail.render import TagValues
from ats_app.mail.tag_values import long_date, offer_summary, recipients, sample_values
from ats_app.models import Application, Candidate, RecruitmentProject

LINK_LABELS = {"confirmlink": N_("Answer the invitation"), "setpasswordlink": N_("Choose your password"),
               "reviewlink": N_("Review the candidates"), "contractlink": N_("Open your contract"),
               "offerlink": N_("Answer the offer")}
EXAMPLE_MESSAGE = N_("(Your personal message to the candidate appears here.)")
EXAMPLE_REQUIREMENT = N_("the right to work in the EU/EEA")


def example_values(kind: str, language: str) -> TagValues:
    """Examples for the tags a kind adds to the candidate tags."""
    _ = lambda message: gettext(language, message)  # noqa: E731
    day = date.today() + timedelta(days=7)
    examples = {"interviewdate": long_date(day, language), "interviewtime": "10:00", "duration": "60 min",
                "address": "Storgata 1, 0155 Oslo", "interviewers": "Ola Hansen", "interviewtype": "",
                "startdate": long_date(day + timedelta(days=60), language), "reviewername": "Ola Hansen",
                "message": _(EXAMPLE_MESSAGE), "requirement": _(EXAMPLE_REQUIREMENT),
                "duedate": long_date(day, language), "candidatecount": "4",
                # an offer's terms (offers.current fills them from the offer)
                "offerposition": "Backend developer", "salary": "52 000 NOK " + _(N_("per month")),
                "hours": _(N_("37.5 hours a week")), "placeofwork": "Oslo",
                "offervaliduntil": long_date(day + timedelta(days=7), language)}
    examples["offersummary"] = offer_summary(examples, language)
    extra = kind_for(kind).extra_tags
    values = {k: v for k, v in examples.items() if k in extra}
    links = {k: (config.link(f"/preview/{k}"), _(label)) for k, label in LINK_LABELS.items() if k in extra}
    return TagValues(values, links)


def preview_template(session: Session, user: CurrentUser, kind: str, language: str, subject: str,
                     body_text: str) -> tuple[str, str, str]:
    """(candidate name, subject, HTML) of the edited text for the latest applicant writing language."""
    latest = session.exec(select(Application.id).join(Candidate, Candidate.id == Application.candidate_id)
                          .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
                          .where(Candidate.language == language, col(Application.deleted_at).is_(None),
                                 col(Candidate.anonymised_at).is_(None), visible_projects(user))
                          .order_by(col(Application.applied_at).desc()).limit(1)).first()
    me = sender_user(session, user)
    people = recipients(session, [latest], me) if latest else []
    base = people[0].values if people else sample_values(session, me, language)
    name = people[0].name if people else gettext(language, "an example candidate")
    extra = example_values(kind, language)
    values = TagValues({**base.values, **extra.values}, extra.links)
    email = render_draft(session, Draft(language, subject, body_text), kind, values, language)
    return name, email.subject, email.html
