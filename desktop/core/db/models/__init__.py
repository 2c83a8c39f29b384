"""All models, imported here so that Base.metadata is complete."""

from desktop.core.db.models.activity import ActivityServed, HomeVisit, MonthReport, PsksActivity, WorkPhoto
from desktop.core.db.models.aid import (
    Allocation,
    CollectionLog,
    DistributionEvent,
    Programme,
    Recipient,
    RecipientCheck,
)
from desktop.core.db.models.complaints import Complaint, ComplaintStep
from desktop.core.db.models.audit import AppSecret, AuditEntry
from desktop.core.db.models.imports import ImportBatch, ImportMapping
from desktop.core.db.models.office import OfficeProfile, Region
from desktop.core.db.models.ppks import PpksRecord
from desktop.core.db.models.psks import PsksCoverage, PsksEntry, PsksMember
from desktop.core.db.models.referral import (
    Institution,
    LetterCounter,
    LetterLogo,
    LetterNumber,
    Referral,
    ReferralEvent,
    SigningKey,
)
from desktop.core.db.models.reference import (
    Education,
    MaritalStatus,
    PpksAlias,
    PpksCategory,
    PsksAlias,
    PsksType,
    Relationship,
    Religion,
)
from desktop.core.db.models.registry import Community, DesilHistory, Family, Person
from desktop.core.db.models.users import RecoveryCode, User
from desktop.core.db.models.verivali import (
    Musdes,
    Proposal,
    ProposalPhoto,
    ProposalStep,
    VerivaliLine,
    VerivaliRound,
)

__all__ = [
    "Complaint", "ComplaintStep", "Musdes", "Proposal", "ProposalPhoto", "ProposalStep", "VerivaliLine",
    "VerivaliRound",
    "ActivityServed", "HomeVisit", "MonthReport", "PsksActivity", "WorkPhoto",
    "AppSecret", "LetterLogo", "RecoveryCode", "SigningKey", "User",
    "Allocation", "CollectionLog", "DistributionEvent", "Programme", "Recipient", "RecipientCheck",
    "AuditEntry", "Community", "Institution", "LetterCounter", "LetterNumber", "Referral", "ReferralEvent", "DesilHistory", "Education", "Family", "ImportBatch", "ImportMapping", "MaritalStatus", "OfficeProfile",
    "Person", "PpksAlias", "PpksCategory", "PpksRecord", "PsksAlias", "PsksCoverage", "PsksEntry",
    "PsksMember", "PsksType", "Region", "Relationship", "Religion",
]
