"""SQLModel tables, one module per aggregate. Importing this package registers them all."""

from ats_app.models.application import Application, ApplicationEvent, ApplicationStatus
from ats_app.models.candidate import Candidate, CandidateAccount, CandidateLink, CandidateSession, DuplicateDismissal
from ats_app.models.contract import Contract, ContractTemplate, ContractTemplateVersion
from ats_app.models.employee import Employee, EmployeeEvent
from ats_app.models.interview import Interview, InterviewAcceptance, InterviewRecruiter, Task
from ats_app.models.message import Message, MessageStatus, WebhookEvent
from ats_app.models.offer import Offer
from ats_app.models.organisation import Department, Position, PrivacyText, Setting
from ats_app.models.panel_review import PanelContact, PanelReview, PanelReviewApplication, Rating, Reviewer
from ats_app.models.project import ProjectAdvert, ProjectEvent, ProjectRecruiter, ProjectStatus, RecruitmentProject
from ats_app.models.templates import EmailTemplate, RejectionReason, RejectionType
from ats_app.models.user import AuditEvent, Role, User, UserLink, UserSession

__all__ = [
    "Application", "ApplicationEvent", "ApplicationStatus", "AuditEvent", "Candidate", "CandidateAccount",
    "CandidateLink", "CandidateSession", "Contract", "ContractTemplate", "ContractTemplateVersion", "Department",
    "DuplicateDismissal", "EmailTemplate", "Employee", "EmployeeEvent", "Interview", "InterviewAcceptance",
    "InterviewRecruiter", "Message", "MessageStatus", "Offer", "PanelContact", "PanelReview",
    "PanelReviewApplication", "Position", "PrivacyText", "ProjectAdvert", "ProjectEvent", "ProjectRecruiter",
    "ProjectStatus", "Rating", "RecruitmentProject", "RejectionReason", "RejectionType", "Reviewer", "Role",
    "Setting", "Task", "User", "UserLink", "UserSession", "WebhookEvent",
]
