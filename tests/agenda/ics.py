"""Reading and checking iCalendar files as a calendar application would.

``parse`` reads a file with both ``icalendar`` (the library that writes them) and ``vobject`` (an
independent parser); ``rfc5545_problems`` checks the text itself against RFC 5545 section 3.1:
CRLF line ends, lines of at most 75 octets, continuation lines starting with a space, and
TEXT values whose commas, semicolons, backslashes and newlines are escaped.
"""

import re

import icalendar
import vobject

# Properties of type TEXT whose values must be escaped (RFC 5545 3.3.11).
TEXT_PROPERTIES = {
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "NAME",
    "X-WR-CALNAME",
    "X-WR-CALDESC",
}
_NAME = re.compile(r"^[A-Za-z0-9-]+")


def unfold(text):
    """The content lines of ``text``, continuation lines joined (RFC 5545 3.1)."""
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def split_line(line):
    """``(name, value)`` of a content line (parameters skipped, quoted values respected)."""
    in_quotes = False
    for position, char in enumerate(line):
        if char == '"':
            in_quotes = not in_quotes
        elif char == ":" and not in_quotes:
            return _NAME.match(line).group(0).upper(), line[position + 1 :]
    raise AssertionError(f"no value in line {line!r}")


def rfc5545_problems(raw):
    """Everything in the bytes ``raw`` that RFC 5545 forbids, as sentences (empty when valid)."""
    problems = []
    if not raw.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    lines = raw.split(b"\r\n")
    if lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare LF or CR")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets (75 at most)")
        if number > 1 and not line:
            problems.append(f"line {number}: empty")
    if problems:
        return problems
    for line in unfold(raw.decode("utf-8"))[:-1]:
        name, value = split_line(line)
        if name in TEXT_PROPERTIES:
            unescaped = re.sub(r"\\[\\;,nN]", "", value)
            if re.search(r"[;\\]", unescaped) or (name != "CATEGORIES" and "," in unescaped):
                problems.append(f"{name}: unescaped character in {value!r}")
    return problems


def read_with_vobject(raw):
    """The calendar as ``vobject`` reads it, time zones taken from this file's VTIMEZONE.

    vobject keeps the first VTIMEZONE it met for each TZID for the rest of the process; a file
    read earlier (whose VTIMEZONE covers other years) would otherwise decide this file's times.
    """
    registry = vars(vobject.icalendar)["__tzidMap"]
    for tzid in [tzid for tzid in registry if tzid != "UTC"]:
        del registry[tzid]
    return vobject.readOne(raw.decode("utf-8"))


def parse(raw):
    """The calendar read by both parsers, after checking that they agree on the events.

    Returns the ``icalendar.Calendar``; fails if either parser refuses the file.
    """
    calendar = icalendar.Calendar.from_ical(raw)
    other = read_with_vobject(raw)
    events = calendar.events
    other_events = list(getattr(other, "vevent_list", []))
    assert [str(event["UID"]) for event in events] == [event.uid.value for event in other_events]
    for event, other_event in zip(events, other_events, strict=True):
        assert str(event["SUMMARY"]) == other_event.summary.value
        assert event.start == other_event.dtstart.value
        assert event.end == other_event.dtend.value
        if "DESCRIPTION" in event:
            assert str(event["DESCRIPTION"]) == other_event.description.value
        if "LOCATION" in event:
            assert str(event["LOCATION"]) == other_event.location.value
    return calendar


def events_by_uid(raw):
    return {str(event["UID"]): event for event in parse(raw).events}
