"""SQLModel tables, one module per aggregate. Importing this package registers them all."""

from .application import Application, ApplicationEvent, ApplicationStatus
from .candidate import Candidate, CandidateAccount, CandidateLink, CandidateSession
from .employee import Employee
from .interview import Interview, InterviewAcceptance, InterviewRecruiter, Task
from .message import Message, MessageStatus, WebhookEvent
from .organisation import Department, Position, Setting
from .panel_review import PanelReview, PanelReviewApplication, Rating, Reviewer
from .project import ProjectStatus, RecruitmentProject
from .templates import EmailTemplate, RejectionReason, RejectionType
from .user import Role, User, UserSession

__all__ = [
    "Application", "ApplicationEvent", "ApplicationStatus", "Candidate", "CandidateAccount", "CandidateLink",
    "CandidateSession", "Department", "EmailTemplate",
    "Employee", "Interview", "InterviewAcceptance", "InterviewRecruiter", "Message", "MessageStatus",
    "PanelReview", "PanelReviewApplication", "Position", "ProjectStatus", "Rating", "RecruitmentProject",
    "RejectionReason", "RejectionType", "Reviewer", "Role", "Setting", "Task", "User", "UserSession", "WebhookEvent",
]
