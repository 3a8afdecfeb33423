"""Every exception the product's rules raise, in one place.

A rule refuses in one of a few ways, and the caller (a Reflex state, a Starlette route, the worker)
turns the refusal into words for the person in front of it. Keeping them here means no concern has
to import another concern just to catch its "no". Messages are English texts to translate (N_), with
the parameters that fill them.
"""


class NotAllowed(PermissionError):
    """The user lacks the right for this action: nothing is done for anyone."""


class InvalidChoice(ValueError):
    """A choice in a form is missing or wrong (field names the form field); nothing is done."""

    def __init__(self, field: str, message: str, **params):
        super().__init__(message)
        self.field, self.message, self.params = field, message, params


class ActionRefused(Exception):
    """This applicant cannot take this action; reason is a message to translate, params fill it."""

    def __init__(self, reason: str, **params):
        super().__init__(reason)
        self.reason = reason
        self.params = params


class ProjectNotFound(LookupError):
    """No such project, or not one the user may see (we do not say which)."""


class ApplicationNotFound(LookupError):
    """No such application, or its project is not visible to the user (we do not say which)."""


class EmployeeNotFound(LookupError):
    """No such employee, or not one the user may see (a hiring manager sees their department's only)."""


class UserNotFound(LookupError):
    """No such user, or not one the administrator may manage (another department's user looks the same)."""


class UnknownTag(ValueError):
    """A `{tag}` the email's kind does not offer: the editor shows it next to the field."""

    def __init__(self, tags: list[str], allowed: tuple[str, ...]):
        self.tags = tags
        self.allowed = allowed
        super().__init__("Unknown tag: " + ", ".join("{" + tag + "}" for tag in tags))


class AnswerRefused(Exception):
    """A candidate's answer (to an interview or an offer) cannot be recorded; message is a text to translate."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PortalError(Exception):
    """A candidate's request in the portal that cannot be done; message is text to translate, params fill it."""

    def __init__(self, message: str, **params):
        super().__init__(message)
        self.message, self.params = message, params


class LinkUnusable(PortalError):
    """The set-password link is unknown, expired or already used: the candidate needs a new one."""

    def __init__(self, message: str):
        super().__init__(message)


class InvalidInput(PortalError):
    """One or more portal form fields are wrong; errors maps each field to its message. Nothing was changed."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(next(iter(errors.values())))
        self.errors = errors


class PortalApplicationNotFound(PortalError):
    """Not one of the candidate's own visible applications (another candidate's looks the same)."""


class DeliveryError(Exception):
    """The email provider did not take the message; retryable says whether a later attempt may succeed."""

    def __init__(self, message: str, *, retryable: bool, retry_after: float | None = None,
                 rate_limited: bool = False):
        super().__init__(message)
        self.retryable, self.retry_after, self.rate_limited = retryable, retry_after, rate_limited


class SmsError(DeliveryError):
    """The SMS gateway did not take the SMS; retryable says whether a later attempt may succeed."""


class ProjectRefused(ActionRefused):
    """A recruitment project cannot be published, closed, reopened or deleted now; reason (the first of
    reasons) is a message to translate. Nothing was changed."""

    def __init__(self, *reasons: str, **params):
        super().__init__(reasons[0], **params)
        self.reasons = list(reasons)


class NotTakingApplications(Exception):
    """The project is not open to candidates (a draft, closed, deleted, or past its deadline)."""


class AlreadyApplied(Exception):
    """The careers form's email already has a live application to the project: the visitor is thanked as
    usual and nothing is stored, so the form never tells anyone whether a given person applied."""


class ReviewClosed(Exception):
    """A panel reviewer's rating cannot be stored (past the due date, revoked, the candidate left the panel);
    message is a text to translate for them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
