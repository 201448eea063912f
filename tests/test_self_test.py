"""`tierdesk --self-test`, run in this process: it passes on a working installation, and a
broken step ends it with one line naming the step and a non-zero exit code."""

from __future__ import annotations

import pytest

from tierdesk.cli import main
from tierdesk.cli import self_test as checks


def test_the_self_test_passes_and_says_what_it_checked(capsys):
    assert main(["--self-test"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    done = [line.split(":")[0] for line in out.splitlines() if line.startswith("ok  ")]
    assert done == [f"ok  {name}" for name, _check in checks.CHECKS]
    assert "self-test passed: 7 checks" in out.splitlines()[-1]


def test_a_pdf_without_its_chinese_text_fails_the_card_check_in_one_line(capsys, monkeypatch):
    from tierdesk.render import pdf

    def print_without_text(_facts, _cards, path, **_options):
        pdf.html_to_pdf("<p>card</p>", path)

    monkeypatch.setattr(pdf, "print_cards_to_pdf", print_without_text)
    assert main(["--self-test"]) == checks.EXIT_FAILED
    out, err = capsys.readouterr()
    assert err.count("\n") == 1
    assert err.startswith("tierdesk self-test failed: card PDF: the card's PDF lacks the "
                          "Chinese text")
    assert "ok  visit on a card" in out and "ok  card PDF" not in out
    assert "passed" not in out


def test_a_fault_in_a_step_is_named_with_its_kind(capsys, monkeypatch):
    from tierdesk.core import demo

    def broken(*_args, **_kw):
        raise RuntimeError("the demo office could not be written\nsecond line")

    monkeypatch.setattr(demo, "build_demo", broken)
    assert main(["--self-test"]) == checks.EXIT_FAILED
    err = capsys.readouterr().err
    assert err == ("tierdesk self-test failed: demo office: RuntimeError: the demo office "
                   "could not be written\n")


@pytest.mark.parametrize(("text", "wanted", "found"), [
    ("客户：张三", "客户", True),
    ("客⼾：张三", "客户", True),         # the reader gave back the radical's code point
    ("⾃检：回访", "自检：回访", True),
    ("客人", "客户", False),
    ("Tiers", "Tier", True),
])
def test_text_read_back_from_a_pdf_matches_radicals_for_ideographs(text, wanted, found):
    assert checks.holds_text(text, wanted) is found
