"""The RFC 5545 check of the tests finds what it is meant to find."""

from tests.agenda.ics import rfc5545_problems

VALID = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
    b"SUMMARY:Un\\, deux\\; trois\\nquatre\r\n"
    b"DESCRIPTION:" + b"x" * 62 + b"\r\n " + b"y" * 40 + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_a_valid_file_has_no_problem():
    assert rfc5545_problems(VALID) == []


def test_bare_newlines_long_lines_and_unescaped_text_are_found():
    problems = rfc5545_problems(VALID.replace(b"\r\n", b"\n"))
    assert any("bare LF" in problem for problem in problems)
    long_line = VALID.replace(b"\r\n " + b"y" * 40, b"y" * 40)
    assert any("octets (75 at most)" in problem for problem in rfc5545_problems(long_line))
    unescaped = VALID.replace(b"Un\\, deux\\; trois", b"Un, deux; trois")
    assert rfc5545_problems(unescaped) == [
        "SUMMARY: unescaped character in 'Un, deux; trois\\\\nquatre'"
    ]
