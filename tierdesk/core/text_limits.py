"""How long a text each field takes: the one place the limits are kept.

A text above its limit is refused with a message giving the limit and the length; nothing is
ever cut to fit. The limits are far above what a sales office writes (a company's name in 100
characters, what was discussed at a visit in 5,000), and never above what the column holds in
PostgreSQL, which refuses a longer value itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tierdesk.core.errors import Problem, ValidationError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store.models import (
    AlertNote,
    Complaint,
    Contact,
    Customer,
    CustomerDate,
    FollowUpLog,
    Holiday,
    JournalEntry,
    MonthPlan,
    Order,
    Payment,
    Region,
    Salesperson,
    ServiceJob,
    Survey,
    TierAssessment,
    Visit,
    VisitChange,
)

NAME = 100          # a company's, a person's, a region's, a holiday's
LINE = 300          # a line of text: an address, a purpose, a note on a call
BLOCK = 5_000       # a block of text: what was discussed, a complaint, its answer
COMMENT = 2_000     # a customer's comment on a survey, a manager's note on an alert
# A phone number as typed, before it is put in its usual form: "+86 138-0013-8000 转 1234".
TYPED_PHONE = 32
EMAIL = 200

# The most characters each column takes, by the model's column.
LONGEST: dict[Any, int] = {
    Customer.number: 40,
    Customer.name: NAME,
    Customer.contact_name: NAME,
    Customer.email: EMAIL,
    Customer.wechat: NAME,
    Customer.address: LINE,
    Customer.industry: NAME,
    Customer.tier: 16,
    # The running notes on a customer, added to over the years.
    Customer.notes: 100_000,
    Contact.name: NAME,
    Contact.position: NAME,
    Region.code: 16,
    Region.name: NAME,
    Salesperson.code: 32,
    Salesperson.name: NAME,
    Holiday.name: NAME,
    JournalEntry.person: NAME,       # who writes, as the history keeps them
    MonthPlan.office_name: NAME,     # the office's name, printed on its plans
    Visit.purpose: LINE,
    Visit.summary: BLOCK,
    Visit.outcome: LINE,
    Visit.next_step: LINE,
    VisitChange.new_value: LINE,     # why an entry was struck out
    Order.reference: 64,
    Order.product: 200,
    Payment.method: 32,
    Complaint.category: 64,
    Complaint.description: BLOCK,
    Complaint.answer: BLOCK,
    Complaint.resolution: BLOCK,
    ServiceJob.kind: 64,
    ServiceJob.description: BLOCK,
    CustomerDate.note: LINE,
    FollowUpLog.note: LINE,
    Survey.comment: COMMENT,
    AlertNote.note: COMMENT,
    TierAssessment.reason: LINE,     # why a tier was set by hand
}

TOO_LONG = QT_TRANSLATE_NOOP(
    "Validation", "This text is {length:,} characters long; at most {limit:,} are allowed.")


def longest(column: Any) -> int:
    """The most characters ``column`` (a model's column, or a number of characters) takes."""
    return column if isinstance(column, int) else LONGEST[column]


def check_length(field: str, text: str, column: Any) -> str:
    """``text`` as it is when it fits ``column`` (a model's column from LONGEST, or a number
    of characters); otherwise ValidationError naming the field, the limit and the length."""
    limit = longest(column)
    if len(text) > limit:
        raise ValidationError([_too_long(field, len(text), limit)])
    return text


def limits(**columns: Any) -> dict[str, int]:
    """Field -> the most characters it takes, for fields given with their columns."""
    return {field: longest(column) for field, column in columns.items()}


def too_long(values: Mapping[str, object], most: Mapping[str, int]) -> list[Problem]:
    """A problem for each text among ``values`` longer than ``most`` allows its field (for
    many rows at once: a text that fits costs a length and a comparison)."""
    return [_too_long(field, len(text), limit) for field, limit in most.items()
            if isinstance(text := values.get(field), str) and len(text) > limit]


def _too_long(field: str, length: int, limit: int) -> Problem:
    return Problem(field, Message("Validation", TOO_LONG, {"length": length, "limit": limit}))
