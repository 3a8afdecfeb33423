"""What emails the product sends (template kinds) and which EasyCruit tags each kind may use.

A kind is a purpose ("rejection.after_first_interview"); each has a default text per language
(mail.defaults) that recruiters may override per language and department. Tags are the
`{firstname}` merge fields recruiters write; the list per kind is what the editor accepts, so an
interview tag in an offer email is an error in the editor rather than a blank in the sent mail.
"""

from dataclasses import dataclass

from ats_app.applications.stages import SCREENING, STAGES, email_kind
from ats_app.core.i18n import N_

# Tags every email about a candidate may use.
CANDIDATE_TAGS = (
    "firstname", "lastname", "fullname", "candidateemail",
    "projecttitle", "position", "department", "companyname",
    "recruitername", "recruiteremail", "applicationdate", "today",
)
# An email to a review panel is about several candidates at once: the project's tags, not one candidate's.
PANEL_TAGS = ("projecttitle", "position", "department", "companyname", "recruitername", "recruiteremail", "today")
INTERVIEW_TAGS = ("interviewdate", "interviewtime", "duration", "address", "interviewers", "interviewtype")
# An offer's terms (offers.current.OFFER_TAGS, spelled here: mail never imports offers) and its answer link.
OFFER_EMAIL_TAGS = ("offerposition", "offerdepartment", "startdate", "salary", "hours", "placeofwork",
                    "offervaliduntil", "offersummary", "offerterms", "offerlink")


@dataclass(frozen=True)
class Kind:
    """One template kind: its code, its label (for the editor list), its extra tags and the tags it starts
    from (the candidate's, unless the email is about several candidates)."""

    code: str
    label: str
    extra_tags: tuple[str, ...] = ()
    group: str = "candidate"  # candidate, internal (to colleagues), letter
    base_tags: tuple[str, ...] = CANDIDATE_TAGS

    @property
    def tags(self) -> tuple[str, ...]:
        return self.base_tags + self.extra_tags


KINDS: tuple[Kind, ...] = (
    Kind("application_received", N_("Application received")),
    # After screening questions also names the requirement the candidate's answers did not meet.
    *(Kind(email_kind(stage.code), stage.email_label, ("message", "requirement") if stage.code == SCREENING
           else ("message",)) for stage in STAGES),
    Kind("interview.initial", N_("Invitation to initial meeting / phone interview"), INTERVIEW_TAGS + ("confirmlink",)),
    Kind("interview.first", N_("Invitation to first interview"), INTERVIEW_TAGS + ("confirmlink",)),
    Kind("interview.second", N_("Invitation to second interview"), INTERVIEW_TAGS + ("confirmlink",)),
    Kind("interview.third", N_("Invitation to third interview"), INTERVIEW_TAGS + ("confirmlink",)),
    Kind("interview.reminder", N_("Interview reminder"), INTERVIEW_TAGS + ("confirmlink",)),
    Kind("offer", N_("Job offer"), OFFER_EMAIL_TAGS),
    Kind("candidate_saved", N_("Saved in the CV database, with a set-password link"), ("setpasswordlink",)),
    Kind("transferred_to_cv_database", N_("Transferred to the CV database")),
    Kind("panel_review", N_("Invitation to review candidates (panel)"),
         ("reviewlink", "reviewername", "duedate", "candidatecount"), group="internal", base_tags=PANEL_TAGS),
    Kind("contract", N_("Employment contract (cover email)"), ("startdate", "contractlink")),
    Kind("letter.application_received", N_("Letter: application received"), group="letter"),
    Kind("letter.application_rejected", N_("Letter: application rejected"), ("message",), group="letter"),
)
KINDS_BY_CODE = {kind.code: kind for kind in KINDS}

# Ad-hoc emails (Send email) and the Forward email use the candidate tags only.
CUSTOM_KIND = Kind("custom", N_("Custom email"))

# An email to employees (the Employees page): about the person as employed, not an application.
EMPLOYEE_TAGS = ("firstname", "lastname", "fullname", "position", "department", "companyname")
EMPLOYEE_KIND = Kind("employee", N_("Email to employees"), group="internal", base_tags=EMPLOYEE_TAGS)
_AD_HOC = {CUSTOM_KIND.code: CUSTOM_KIND, EMPLOYEE_KIND.code: EMPLOYEE_KIND}

# EasyCruit's own spellings, accepted as aliases so a pasted EasyCruit template keeps working.
ALIASES = {
    "candidate-given-name": "firstname", "given-name": "firstname", "first-name": "firstname",
    "candidate-family-name": "lastname", "family-name": "lastname", "last-name": "lastname",
    "surname": "lastname", "name": "fullname", "applicant-name": "fullname", "sender-name": "fullname",
    "project-title": "projecttitle", "project": "projecttitle", "vacancy-title": "projecttitle",
    "title": "projecttitle", "job": "projecttitle", "job-position": "position",
    "department-name": "department", "company": "companyname", "company-name": "companyname",
    "employer-name": "companyname", "recruiter-name": "recruitername", "contact-person-name": "recruitername",
    "contact-person": "recruitername", "contact-person-email": "recruiteremail", "interviewer": "interviewers",
    "collaborative-link-url": "reviewlink", "ballot-link": "reviewlink", "link": "setpasswordlink",
    "url": "setpasswordlink", "date": "today",
}


def kind_for(code: str) -> Kind:
    """The kind for code (custom for an unknown or empty code)."""
    return KINDS_BY_CODE.get(code) or _AD_HOC.get(code, CUSTOM_KIND)


def canonical_tag(name: str) -> str:
    """The tag name a template variable is rendered under."""
    return ALIASES.get(name, name)
