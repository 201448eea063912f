"""The tiers area of the front door: the office's tier rules, assessment and overrides, the
tier picture and contact norms. Grades and views (and numpy with them) are read when first
asked for, not at every start."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from tierdesk.core.area import Area
from tierdesk.core.changes import Change, Changed
from tierdesk.core.tiers import norms
from tierdesk.core.tiers import rules as tier_rules
from tierdesk.core.tiers.rules import TierRules

if TYPE_CHECKING:
    from tierdesk.core.tiers import grades, views
else:
    from tierdesk.core.later import Later

    grades, views = Later("tierdesk.core.tiers.grades"), Later("tierdesk.core.tiers.views")


class TiersArea(Area):
    def rules(self) -> TierRules:
        return self._read(tier_rules.load_rules)

    def save_rules(self, rules: TierRules) -> TierRules:
        return self._write(Change(Changed.SETTINGS), tier_rules.save_rules, rules)

    def assess(self, period: str, *, rules: TierRules | None = None,
               today: dt.date | None = None) -> grades.Assessment:
        return self._read(grades.assess_tiers, period, rules=rules, today=today)

    def apply_assessment(self, assessment: grades.Assessment) -> int:
        """One transaction: every grade lands, or none does (after a backup)."""
        self._db.backups.before_risky_work("reassessment")
        return self._write(Change(Changed.BULK), grades.apply_assessment, assessment)

    def override_tier(self, customer_id: uuid.UUID, tier: str, reason: str) -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,), ("tier",)), grades.override_tier,
                    customer_id, tier, reason)

    def remove_override(self, customer_id: uuid.UUID, reason: str = "") -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,), ()), grades.remove_override,
                    customer_id, reason)

    def tier_history(self, customer_id: uuid.UUID) -> list[grades.TierHistoryRow]:
        return self._read(grades.tier_history, customer_id)

    def picture(self, today: dt.date) -> views.TierPicture:
        return self._read(views.tier_picture, today)

    def assessment_runs(self) -> list[views.AssessmentRun]:
        return self._read(views.assessment_runs)

    def migration(self, before: dt.datetime, after: dt.datetime) -> dict[tuple[str, str], int]:
        return self._read(views.migration, before, after)

    def customer_norm(self, customer_id: uuid.UUID, today: dt.date) -> norms.NormStatus | None:
        return self._read(norms.customer_norm, customer_id, today)
