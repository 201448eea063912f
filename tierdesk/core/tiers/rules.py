"""The office's tier model: tier names and colours, criteria weights, and how scores become
tiers (a share of customers per tier, or score thresholds). An office setting."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from itertools import pairwise

from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.store.models import Setting
from tierdesk.core.validation import Checker, clean_text

SETTING = "tier_rules"
NORM_PERIODS = ("month", "quarter")
MAX_CONTACTS = 31


@dataclass(frozen=True)
class ContactNorm:
    """How often a tier's customers are to be contacted: calls and on-site visits counted
    separately, each so many times a month or a quarter (0: no norm)."""

    calls: int = 0
    call_period: str = "month"
    visits: int = 0
    visit_period: str = "month"

    def required(self, kind: str) -> tuple[int, str]:
        return (self.calls, self.call_period) if kind == "call" else \
            (self.visits, self.visit_period)


# DOMAIN figures: the top tier two calls and one visit a month; the next one call a month and
# one visit a quarter; the office sets the lower tiers (a call a quarter for the third).
DEFAULT_NORMS = (ContactNorm(2, "month", 1, "month"), ContactNorm(1, "month", 1, "quarter"),
                 ContactNorm(1, "quarter", 0, "quarter"), ContactNorm(0, "quarter", 0, "quarter"),
                 ContactNorm(0, "quarter", 0, "quarter"))
CRITERIA = ("sales", "profit", "loyalty", "potential")
METHODS = ("share", "threshold")
DEFAULT_COLOURS = ("#c0392b", "#e67e22", "#2e86c1", "#7f8c8d", "#95a5a6")


@dataclass(frozen=True)
class TierRules:
    tiers: tuple[str, ...] = ("A", "B", "C", "D")
    colours: tuple[str, ...] = DEFAULT_COLOURS[:4]
    weights: dict[str, float] = field(default_factory=lambda: {
        "sales": 40.0, "profit": 30.0, "loyalty": 15.0, "potential": 15.0})
    method: str = "share"
    shares: tuple[float, ...] = (10.0, 20.0, 30.0, 40.0)   # % of customers, top tier first
    thresholds: tuple[float, ...] = (75.0, 50.0, 25.0)     # lowest score of each upper tier
    norms: tuple[ContactNorm, ...] = DEFAULT_NORMS[:4]

    def norm(self, tier: str) -> ContactNorm | None:
        if tier not in self.tiers:
            return None
        index = self.tiers.index(tier)
        return self.norms[index] if index < len(self.norms) else ContactNorm()


def check_rules(rules: TierRules) -> TierRules:
    """The rules cleaned, or a ValidationError naming each field that does not make sense."""
    checker = Checker()
    tiers = tuple(clean_text(t) for t in rules.tiers)
    if not 3 <= len(tiers) <= 5:
        checker.add("tiers", QT_TRANSLATE_NOOP("Validation", "Use 3 to 5 tiers."))
    if any(not t for t in tiers) or len(set(tiers)) != len(tiers):
        checker.add("tiers", QT_TRANSLATE_NOOP("Validation",
                                               "Each tier needs its own, non-empty name."))
    weights = {c: float(rules.weights.get(c, 0) or 0) for c in CRITERIA}
    if any(w < 0 for w in weights.values()):
        checker.add("weights", QT_TRANSLATE_NOOP("Validation", "A weight cannot be negative."))
    elif sum(weights.values()) <= 0:
        checker.add("weights", QT_TRANSLATE_NOOP(
            "Validation", "At least one criterion needs a weight above zero."))
    if rules.method not in METHODS:
        checker.add("method", QT_TRANSLATE_NOOP("Validation",
                                                "Choose shares of customers or thresholds."))
    shares = tuple(float(s) for s in rules.shares)
    thresholds = tuple(float(t) for t in rules.thresholds)
    if rules.method == "share":
        if len(shares) != len(tiers) or any(s <= 0 for s in shares):
            checker.add("shares", QT_TRANSLATE_NOOP(
                "Validation", "Give every tier a share above zero."))
        elif abs(sum(shares) - 100) > 0.01:
            checker.add("shares", QT_TRANSLATE_NOOP(
                "Validation", "The shares add up to {total}%; they must add up to 100%."),
                total=f"{sum(shares):g}")
    if rules.method == "threshold":
        if len(thresholds) != len(tiers) - 1:
            checker.add("thresholds", QT_TRANSLATE_NOOP(
                "Validation", "Give a threshold for every tier but the last."))
        elif any(not 0 <= t <= 100 for t in thresholds) or any(
                a <= b for a, b in pairwise(thresholds)):
            checker.add("thresholds", QT_TRANSLATE_NOOP(
                "Validation", "Thresholds go from 100 down to 0, each lower than the one "
                "before (they overlap now)."))
    norms = tuple(rules.norms[:len(tiers)]) + DEFAULT_NORMS[len(rules.norms):len(tiers)]
    for norm in norms:
        counts = (norm.calls, norm.visits)
        if any(not isinstance(c, int) or not 0 <= c <= MAX_CONTACTS for c in counts):
            checker.add("norms", QT_TRANSLATE_NOOP(
                "Validation", "Calls and visits are whole numbers from 0 to {most}."),
                most=MAX_CONTACTS)
            break
        if norm.call_period not in NORM_PERIODS or norm.visit_period not in NORM_PERIODS:
            checker.add("norms", QT_TRANSLATE_NOOP("Validation",
                                                   "A norm counts per month or per quarter."))
            break
    checker.raise_if_any()
    colours = tuple(rules.colours[:len(tiers)]) + DEFAULT_COLOURS[len(rules.colours):len(tiers)]
    return TierRules(tiers, colours, weights, rules.method, shares, thresholds, norms)


def load_rules(session: Session) -> TierRules:
    from tierdesk.core.office.settings import load_settings

    row = session.get(Setting, SETTING)
    tiers = load_settings(session).tiers
    if row is None or not isinstance(row.value, dict):
        default = TierRules()
        if tiers == default.tiers:
            return default
        count = len(tiers)
        return TierRules(tiers, DEFAULT_COLOURS[:count], default.weights, "share",
                         tuple(100 / count for _ in tiers),
                         tuple(100 * (count - i) / count for i in range(1, count)),
                         DEFAULT_NORMS[:count])
    value = dict(row.value)
    stored_tiers = tuple(value.get("tiers", tiers))
    norms = tuple(ContactNorm(**n) for n in value.get("norms", ()) if isinstance(n, dict))
    norms += DEFAULT_NORMS[len(norms):len(stored_tiers)]
    return TierRules(tiers=stored_tiers,
                     colours=tuple(value.get("colours", DEFAULT_COLOURS)),
                     weights=dict(value.get("weights", {})),
                     method=str(value.get("method", "share")),
                     shares=tuple(value.get("shares", ())),
                     thresholds=tuple(value.get("thresholds", ())), norms=norms)


def save_rules(session: Session, rules: TierRules) -> TierRules:
    """Validate and store; the tier names become the office's tiers."""
    from tierdesk.core.office.settings import save_settings, store_setting

    checked = check_rules(rules)
    value = asdict(checked)
    value = {k: list(v) if isinstance(v, tuple) else v for k, v in value.items()}
    value["norms"] = [asdict(n) for n in checked.norms]
    store_setting(session, SETTING, value)
    save_settings(session, tiers=list(checked.tiers))
    return checked
