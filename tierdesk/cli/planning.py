"""``tierdesk`` commands. Tiers, the day's list and the manager's month: tiers, today, plan,
kpi, alerts."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from tierdesk.cli.common import (
    EXIT_REFUSED,
    counted,
    date_option,
    open_archive,
)

if TYPE_CHECKING:
    from tierdesk.core.archive import Archive


def add_parsers(sub: Any) -> None:

    tiers = sub.add_parser("tiers", help="tier rules, reassessment and overrides")
    tiers_sub = tiers.add_subparsers(dest="tiers_command", metavar="ACTION", required=True)
    assess = tiers_sub.add_parser("assess", help="grade every customer for a period")
    assess.add_argument("--period", help="2026-Q4, 2026-11 or 2026 (default: this quarter)")
    assess.add_argument("--apply", action="store_true",
                        help="set the new tiers and keep them in the history")
    rules = tiers_sub.add_parser("rules", help="show or change the tier model")
    rules.add_argument("--tiers", help="names, top first: A,B,C,D or 钻石,金,银,会员")
    rules.add_argument("--weights", help="sales=40,profit=30,loyalty=15,potential=15")
    rules.add_argument("--method", choices=("share", "threshold"))
    rules.add_argument("--shares", help="percent of customers per tier: 10,20,30,40")
    rules.add_argument("--thresholds", help="lowest score of each upper tier: 75,50,25")
    override = tiers_sub.add_parser("override", help="set a customer's tier by hand")
    override.add_argument("number")
    override.add_argument("tier")
    override.add_argument("--reason", required=True)
    clear = tiers_sub.add_parser("clear-override", help="let reassessment grade it again")
    clear.add_argument("number")
    norms = tiers_sub.add_parser("norms", help="contact norms: compliance, who is behind, "
                                 "overdue customers")
    norms.add_argument("--date", help="as of this day (default: today)")
    norms.add_argument("--overdue", type=int, default=20, metavar="N",
                       help="list the N most overdue customers (default 20)")
    chart = tiers_sub.add_parser("chart", help="write a tier chart as PNG or PDF")
    chart.add_argument("kind", choices=("distribution", "pareto", "migration", "compliance",
                                        "regions"))
    chart.add_argument("out", help="file to write, .png or .pdf")
    chart.add_argument("--date", help="as of this day (default: today)")

    today = sub.add_parser("today", help="the day's list: calls and visits due, norms, "
                                         "greetings, open complaints")
    today.add_argument("--salesperson", metavar="CODE", help="one salesperson's list")
    today.add_argument("--date", help="YYYY-MM-DD (default: today)")

    plan = sub.add_parser("plan", help="next month's visit quotas: propose, publish, print")
    plan.add_argument("--month", help="YYYY-MM (default: next month)")
    plan.add_argument("--publish", action="store_true",
                      help="publish the plan (frozen from then on)")
    plan.add_argument("--pdf", metavar="OUT.pdf", help="print every salesperson's sheet")
    plan.add_argument("--xlsx", metavar="OUT.xlsx",
                      help="the team summary and one sheet per salesperson")
    plan.add_argument("--date", help="plan as of this day (default: today)")

    kpi = sub.add_parser("kpi", help="KPI scorecards of the team and retention for a period")
    kpi.add_argument("--from", dest="first", help="YYYY-MM-DD (default: last month's first)")
    kpi.add_argument("--to", dest="last", help="YYYY-MM-DD (default: last month's last)")
    kpi.add_argument("--xlsx", metavar="OUT.xlsx", help="the scorecards and definitions")
    kpi.add_argument("--date", help="as of this day (default: today)")

    alerts = sub.add_parser("alerts", help="problem alerts: customers, salespeople, regions")
    alerts.add_argument("--kind", choices=("at_risk", "incomplete_file", "over_visited",
                                           "few_visits", "weak_region", "low_development"))
    alerts.add_argument("--date", help="as of this day (default: today)")


def _numbers(text: str) -> tuple[float, ...]:
    try:
        return tuple(float(part) for part in text.replace("，", ",").split(",") if part.strip())
    except ValueError:
        raise ValueError(f"not a list of numbers: {text}") from None


def cmd_tiers(args: argparse.Namespace, location: str | None) -> int:
    from dataclasses import replace

    from tierdesk.core.tiers import grades

    archive = open_archive(location)
    if args.tiers_command == "rules":
        current = archive.tiers.rules()
        changes: dict[str, object] = {}
        if args.tiers:
            changes["tiers"] = tuple(t.strip() for t in args.tiers.replace("，", ",")
                                     .split(","))
        if args.weights:
            weights = {}
            for part in args.weights.replace("，", ",").split(","):
                name, _, value = part.partition("=")
                weights[name.strip()] = _numbers(value)[0] if value else 0.0
            changes["weights"] = {**current.weights, **weights}
        if args.method:
            changes["method"] = args.method
        if args.shares:
            changes["shares"] = _numbers(args.shares)
        if args.thresholds:
            changes["thresholds"] = _numbers(args.thresholds)
        shown = archive.tiers.save_rules(replace(current, **changes)) if changes else current
        print(f"tiers:      {', '.join(shown.tiers)}")
        print("weights:    " + ", ".join(f"{k} {v:g}" for k, v in shown.weights.items()))
        if shown.method == "share":
            print("shares:     " + ", ".join(f"{t} {s:g}%" for t, s in
                                             zip(shown.tiers, shown.shares, strict=True)))
        else:
            print("thresholds: " + ", ".join(f"{t} from {v:g}" for t, v in
                                             zip(shown.tiers, shown.thresholds, strict=False)))
        return 0
    if args.tiers_command in ("norms", "chart"):
        return _tier_views(archive, args)
    if args.tiers_command in ("override", "clear-override"):
        cid = archive.customers.find_by_number(args.number)
        if args.tiers_command == "override":
            archive.tiers.override_tier(cid, args.tier, args.reason)
            print(f"{args.number} is now {args.tier.upper()} until the override is removed.")
        else:
            archive.tiers.remove_override(cid)
            print(f"{args.number} will be graded by the next reassessment.")
        return 0
    period = args.period or grades.current_quarter(dt.date.today())
    assessment = archive.tiers.assess(period)
    changed = archive.tiers.apply_assessment(assessment) if args.apply else None
    counts, shares, changes = (assessment.counts(), assessment.sales_share(),
                               assessment.changes())
    total = max(len(assessment), 1)
    print(f"Tier assessment {period} (12 months of orders up to {assessment.as_of}):")
    print(f"  {'tier':6} {'customers':>10} {'share':>7} {'of sales':>9}")
    for tier in assessment.rules.tiers:
        print(f"  {tier:6} {counts[tier]:>10,} {counts[tier] / total:>7.1%} "
              f"{shares[tier]:>9.1%}")
    print(f"  up {changes.get('up', 0):,}, down {changes.get('down', 0):,}, "
          f"new {changes.get('new', 0):,}, unchanged {changes.get('same', 0):,}; "
          f"{int(assessment.overridden.sum()):,} set by hand")
    if changed is None:
        print("Nothing was changed; add --apply to set these tiers.")
    else:
        print(f"Applied: {counted(changed, 'tier')} changed; every grade is kept in the "
              "history.")
    return 0


def _tier_views(archive: Archive, args: argparse.Namespace) -> int:
    from tierdesk.core.tiers import norms

    day = date_option(args.date)
    picture = archive.tiers.picture(day)
    people = {p.id.hex: p.name for p in archive.office.salespeople(with_counts=False)}
    runs = archive.tiers.assessment_runs()
    moves = None
    if args.tiers_command == "chart" and args.kind == "migration" and len(runs) > 1:
        moves = (archive.tiers.migration(runs[1].assessed_at, runs[0].assessed_at),
                 runs[1].period, runs[0].period)
    if args.tiers_command == "chart":
        from tierdesk.reports import charts

        if not args.out.lower().endswith((".png", ".pdf")):
            print("error: the chart file must end in .png or .pdf", file=sys.stderr)
            return 2
        if args.kind == "migration" and moves is None:
            print("error: the migration chart needs two applied reassessments",
                  file=sys.stderr)
            return 1
        figure = charts.new_figure(args.kind)
        charts.draw(figure, args.kind, picture, people, moves=moves)
        charts.save_chart(figure, args.out)
        print(f"Wrote {args.out}")
        return 0
    report = picture.norms
    assert report is not None
    print(f"Contact norms as of {day} (compliance: the norm met in the last full period):")
    print(f"  {'tier':6} {'customers':>10} {'met':>7} {'overdue':>8} {'calls due':>10} "
          f"{'visits due':>11}")
    for row in picture.rows:
        c = row.compliance
        if c.customers:
            print(f"  {row.tier:6} {c.customers:>10,} {c.rate or 0:>7.1%} {c.overdue:>8,} "
                  f"{c.calls_due:>10,} {c.visits_due:>11,}")
    behind = report.behind()
    if behind:
        print("Salespeople, furthest behind first (customers overdue / with a norm):")
        for key, c in behind[:10]:
            print(f"  {people.get(key or '', '-'):12} {c.overdue:>6,} / {c.customers:<6,} "
                  f"met last period {c.rate or 0:.0%}")
    overdue = report.overdue()
    print(f"Overdue customers: {len(overdue):,}")
    for status in overdue[:args.overdue]:
        what = "; ".join(m.render() for m in norms.describe(status))
        print(f"  {status.number:16} {status.tier:3} {status.name}: {what}")
    return 0


def cmd_today(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.reports.today_report import today_lines

    archive = open_archive(location)
    day = date_option(args.date)
    person_id, who = None, "everyone"
    if args.salesperson:
        person = archive.office.salesperson(args.salesperson)
        person_id, who = person.id, f"{person.name} ({person.code})"
    listing = archive.service.today(day, person_id)
    now = dt.datetime.combine(day, dt.datetime.now().time())
    print("\n".join(today_lines(listing, who=who, now=now)))
    return 0


def cmd_plan(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.planning import plans
    from tierdesk.core.service.followups import add_months
    from tierdesk.reports.plan_report import plan_lines, plan_tables

    today = date_option(args.date)
    month = plans.parse_month(args.month) if args.month else add_months(today.replace(day=1), 1)
    archive = open_archive(location)
    plan = archive.planning.month_plan(month, today)
    if args.publish:
        if plan.status == "published":
            print(f"tierdesk: the plan for {month:%Y-%m} was published already",
                  file=sys.stderr)
            return EXIT_REFUSED
        archive.planning.save_month_plan(plan, publish=True)
    print("\n".join(plan_lines(plan)))
    if args.pdf:
        from tierdesk.render.plan_sheets import plan_to_pdf

        plan_to_pdf(plan, args.pdf)
        print(f"Wrote {args.pdf}")
    if args.xlsx:
        from tierdesk.excel.writer import write_tables

        write_tables(args.xlsx, plan_tables(plan))
        print(f"Wrote {args.xlsx}")
    return 0


def cmd_kpi(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.planning.kpis import KPIS
    from tierdesk.core.service.followups import add_months
    from tierdesk.reports.kpi_report import kpi_name, kpi_text, scorecard_table

    today = date_option(args.date)
    first = date_option(args.first) if args.first else add_months(today.replace(day=1), -1)
    last = date_option(args.last) if args.last else add_months(first, 1) - dt.timedelta(days=1)
    if last < first:
        print("tierdesk: the period ends before it starts", file=sys.stderr)
        return EXIT_REFUSED
    archive = open_archive(location)
    cards = archive.planning.scorecards(first, last, today)
    print(f"Scorecards {first} to {last} ({cards[0].working_days if cards else 0} working days)")
    print("code  " + "  ".join(kpi_name(k)[:12].ljust(12) for k in KPIS))
    for card in cards:
        print(f"{card.code:5} " + "  ".join(kpi_text(card, k)[:12].ljust(12) for k in KPIS))
    office, _people = archive.planning.retention(add_months(last, -12) + dt.timedelta(days=1), last)
    rate = "-" if office.rate is None else f"{office.rate:.1%}"
    print(f"Retention over the 12 months to {last}: {rate} "
          f"({office.lost} lost of {office.snapshot})")
    if args.xlsx:
        from tierdesk.excel.writer import write_tables

        write_tables(args.xlsx, scorecard_table(cards, f"KPI {first} to {last}"))
        print(f"Wrote {args.xlsx}")
    return 0


def cmd_alerts(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.planning.alerts import figures_text

    found = open_archive(location).planning.problem_alerts(date_option(args.date))
    shown = [a for a in found if args.kind in (None, a.kind)]
    for alert in shown:
        seen = f"  [acknowledged: {alert.note}]" if alert.note is not None else ""
        print(f"{alert.kind:16} {alert.subject}: {figures_text(alert)}. {alert.action}{seen}")
    print(counted(len(shown), "problem"))
    return 0


COMMANDS = {
    "tiers": cmd_tiers,
    "today": cmd_today,
    "plan": cmd_plan,
    "kpi": cmd_kpi,
    "alerts": cmd_alerts,
}
