"""Benchmark of the Excel import and export at office scale.

    python tests/perf/bench_import.py [--customers 150000] [--visits 1000000] [--skip-openpyxl]

Generates (once, cached in tests/perf/.cache/) a workbook of customers and their visits typed
the way an office's old archive is: Chinese headers, dates as date cells and as text, phone
numbers with spaces and dashes, channels as words. Then prints, side by side in one run:
- python-calamine parsing the workbook alone (every cell of both sheets to Python values);
- openpyxl in read-only mode parsing it alone;
- TierDesk's whole import into an empty archive: parse, validate, plan, write (one
  transaction), with the peak resident memory of that run;
- export of the customers: TierDesk's exporter against XlsxWriter writing the same rows bare.
The import and the export each run in a fresh process so that their memory is their own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
sys.path.insert(0, str(HERE.parent.parent))

CUSTOMER_HEADERS = ("客户编号", "客户名称", "联系人", "手机", "电话", "地址", "行业", "区域",
                    "业务员", "状态", "客户等级", "成长潜力", "建档日期", "备注")
VISIT_HEADERS = ("客户编号", "拜访日期", "拜访方式", "拜访目的", "洽谈内容", "拜访结果",
                 "下一步计划", "下次拜访日期")
CHANNEL_WORDS = ("上门拜访", "上门拜访", "电话", "电话", "微信", "邮件", "短信")
STATUS_WORDS = ("活跃", "活跃", "活跃", "活跃", "休眠", "潜在", "流失")


def build_workbook(customers: int, visits: int) -> Path:
    """The benchmark's workbook: a customer sheet and a visit sheet."""
    import xlsxwriter

    from tierdesk.core import demo

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"archive-{customers}-{visits}.xlsx"
    if path.exists():
        return path
    partial = path.with_suffix(".partial.xlsx")
    rng = random.Random(11)
    today = dt.date(2026, 11, 1)
    start = time.perf_counter()
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet = book.add_worksheet("客户档案")
    sheet.write_row(0, 0, CUSTOMER_HEADERS)
    numbers = []
    for row in range(1, customers + 1):
        code, region, cities, areas = demo.REGIONS[rng.randrange(len(demo.REGIONS))]
        number = f"{code}-{row:06d}"
        numbers.append(number)
        mobile = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        if rng.random() < 0.3:  # typed with spaces or dashes
            mobile = f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
        landline = f"{rng.choice(areas)}-{rng.randrange(2 * 10**6, 10**7)}" \
            if rng.random() < 0.6 else ""
        name = "".join((rng.choice(cities), rng.choice(demo.TRADE_WORDS),
                        rng.choice(demo.INDUSTRIES)[0], rng.choice(demo.SUFFIXES)))
        since = today - dt.timedelta(days=rng.randrange(30, 4000))
        sheet.write_row(row, 0, (number, name, demo._person_name(rng), mobile, landline,
                                 f"{rng.choice(cities)}市某某路{rng.randrange(1, 999)}号",
                                 rng.choice(demo.INDUSTRIES)[0], region,
                                 f"业务员{rng.randrange(1, 61):02d}", rng.choice(STATUS_WORDS),
                                 rng.choice("ABCD"), rng.randrange(1, 6)))
        if rng.random() < 0.8:
            sheet.write_datetime(row, 12, dt.datetime.combine(since, dt.time()), date_format)
        else:  # typed as text
            sheet.write_string(row, 12, f"{since.year}年{since.month}月{since.day}日")
        if rng.random() < 0.1:
            sheet.write_string(row, 13, "老客户，注意回款")
        if row % 50_000 == 0:
            print(f"\r  writing the benchmark workbook: {row:,} customers", end="",
                  file=sys.stderr)
    sheet = book.add_worksheet("拜访记录")
    sheet.write_row(0, 0, VISIT_HEADERS)
    for row in range(1, visits + 1):
        when = today - dt.timedelta(days=rng.randrange(0, 1500))
        sheet.write_string(row, 0, numbers[rng.randrange(customers)])
        if rng.random() < 0.9:
            sheet.write_datetime(row, 1, dt.datetime.combine(when, dt.time()), date_format)
        else:
            sheet.write_string(row, 1, when.strftime("%Y/%m/%d"))
        sheet.write_row(row, 2, (rng.choice(CHANNEL_WORDS), rng.choice(demo.PURPOSES),
                                 rng.choice(demo.SUMMARIES), rng.choice(demo.OUTCOMES),
                                 rng.choice(demo.NEXT_STEPS)))
        if rng.random() < 0.3:
            sheet.write_datetime(row, 7, dt.datetime.combine(when + dt.timedelta(days=30),
                                                             dt.time()), date_format)
        if row % 100_000 == 0:
            print(f"\r  writing the benchmark workbook: {row:,} visits   ", end="",
                  file=sys.stderr)
    book.close()
    partial.rename(path)
    print(f"\n  written in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return path


def parse_calamine(path: Path) -> tuple[float, int]:
    import python_calamine as pc

    start = time.perf_counter()
    book = pc.CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        cells += sum(len(r) for r in rows)
    return time.perf_counter() - start, cells


def parse_openpyxl(path: Path) -> tuple[float, int]:
    import openpyxl

    start = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    book.close()
    return time.perf_counter() - start, cells


def _peak_mb() -> float:
    """This process's peak resident memory. On Linux, the high-water mark of its own address
    space: getrusage's maxrss of a child also counts the parent's memory when it forked (the
    parent has just parsed the workbook twice)."""
    import resource

    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_import(path: Path) -> dict[str, object]:
    """TierDesk's import of the workbook into an empty archive, as `tierdesk import` runs
    it (in this process: run it in a fresh one to measure its memory)."""
    from tierdesk.core.store.db import open_database
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import import_workbook

    work = Path(tempfile.mkdtemp())
    db = open_database(work / "office.sqlite", backup_dir=work / "backups")
    start = time.perf_counter()
    outcome = import_workbook(db, open_workbook(path))
    seconds = time.perf_counter() - start
    db.close()
    shutil.rmtree(work, ignore_errors=True)
    return {"seconds": seconds, "peak_mb": _peak_mb(), "counts": outcome.written,
            "refused": len(outcome.refused)}


def run_export(customers: int) -> dict[str, object]:
    """TierDesk's customer export against XlsxWriter writing the same rows bare."""
    import xlsxwriter

    from tests.perf.bench_archive import build_office
    from tierdesk.core.store.db import open_database
    from tierdesk.excel import export
    from tierdesk.reports.labels import untranslated

    work = Path(tempfile.mkdtemp())
    copy = work / "office.sqlite"
    shutil.copyfile(build_office(customers), copy)  # the cached office stays as built
    db = open_database(copy, backup_dir=work / "backups")
    start = time.perf_counter()
    export.export_workbook(db, work / "tierdesk.xlsx", ("customers",))
    ours = time.perf_counter() - start
    headers = export.HEADERS["customers"]
    rows = list(export.customer_rows(db, None, untranslated))
    start = time.perf_counter()
    book = xlsxwriter.Workbook(str(work / "bare.xlsx"), {"constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, headers)
    for index, row in enumerate(rows, 1):
        sheet.write_row(index, 0, row)
    book.close()
    bare = time.perf_counter() - start
    db.close()
    shutil.rmtree(work, ignore_errors=True)
    return {"tierdesk": ours, "bare": bare}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=150_000)
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--skip-openpyxl", action="store_true")
    parser.add_argument("--child", choices=("import", "export"), help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "import":
        print(json.dumps(run_import(Path(args.path))))
        return
    if args.child == "export":
        print(json.dumps(run_export(args.customers)))
        return
    path = build_workbook(args.customers, args.visits)

    def child(kind: str) -> dict[str, object]:
        out = subprocess.run([sys.executable, __file__, "--child", kind, "--path", str(path),
                              "--customers", str(args.customers)],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out.strip().splitlines()[-1])

    calamine, cells = parse_calamine(path)
    openpyxl_s = None if args.skip_openpyxl else parse_openpyxl(path)[0]
    imported = child("import")
    exported = child("export")
    seconds = float(imported["seconds"])  # type: ignore[arg-type]
    size = path.stat().st_size >> 20
    print(f"Import benchmark: {args.customers:,} customers, {args.visits:,} visits, "
          f"{cells:,} cells, {size} MB workbook")
    print(f"  {'measure':46} {'measured':>10} {'target':>22}")
    rows = [("python-calamine parse alone (s)", f"{calamine:.1f}", "-"),
            ("openpyxl read-only parse alone (s)",
             "skipped" if openpyxl_s is None else f"{openpyxl_s:.1f}", "-"),
            ("TierDesk import: parse, check, write (s)", f"{seconds:.1f}",
             f"<= {1.5 * calamine:.1f} (1.5x calamine)"),
            ("  as a multiple of calamine", f"{seconds / calamine:.2f}x", "<= 1.5x"),
            ("  openpyxl's parse / TierDesk's import",
             "-" if openpyxl_s is None else f"{openpyxl_s / seconds:.1f}x", ">= 5x"),
            ("  peak memory of the import (MB)", f"{imported['peak_mb']:.0f}", "<= 1024"),
            ("export customers: TierDesk (s)", f"{exported['tierdesk']:.1f}", "-"),
            ("export customers: bare XlsxWriter (s)", f"{exported['bare']:.1f}", "-"),
            ("  TierDesk / bare",
             f"{float(exported['tierdesk']) / float(exported['bare']):.2f}x",  # type: ignore[arg-type]
             "<= 1.2x")]
    for name, value, target in rows:
        print(f"  {name:46} {value:>10} {target:>22}")
    print(f"  imported: {imported['counts']}")
    from tests.perf.bench_archive import machine_speed

    print(f"  {machine_speed()}")


if __name__ == "__main__":
    main()
