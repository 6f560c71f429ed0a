"""Dates, times, durations and counts written the French way, for every app of the site.

The one place that writes a date or a time for people: templates use the filters of
``{% load french_dates %}`` (also registered by ``news_tags``), Python code imports these
functions. Month and day names come from Django's translations (``LANGUAGE_CODE = "fr"``); what
Django's ``date`` filter cannot do alone is French typography: ``1er décembre``, ``14 h 30``.
Aware datetimes are written in the site's time zone (Paris).
"""

import datetime

from django.utils import dateformat, timezone


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def date_fr(value):
    """``30 novembre 2020``; ``1er décembre 2020`` for the first day of a month."""
    if value is None or value == "":
        return ""
    value = _local(value)
    text = dateformat.format(value, "j F Y")
    return f"1er{text[1:]}" if value.day == 1 else text


def month_fr(value):
    """``décembre 2026``: the month and year (Paris time), as the agenda groups its sessions."""
    if value is None or value == "":
        return ""
    return dateformat.format(_local(value), "F Y")


def day_date_fr(value):
    """``mardi 1er décembre 2020``: the date with its day of the week."""
    if value is None or value == "":
        return ""
    value = _local(value)
    return f"{dateformat.format(value, 'l')} {date_fr(value)}"


def time_fr(value):
    """``14 h``, ``14 h 30`` (Paris time)."""
    if value is None or value == "":
        return ""
    value = _local(value)
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"


def datetime_fr(value):
    """``lundi 30 novembre 2020 à 14 h 30`` (Paris time)."""
    if value is None or value == "":
        return ""
    return f"{day_date_fr(value)} à {time_fr(value)}"


def duration_fr(minutes):
    """``45 minutes``, ``1 h``, ``1 h 30``."""
    minutes = int(minutes or 0)
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes > 1 else ''}"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h" if not rest else f"{hours} h {rest:02d}"


def count_fr(count, singular, plural, none):
    """``Aucune actualité`` / ``1 actualité`` / ``12 actualités`` (``none`` says zero in words)."""
    if not count:
        return none
    return f"{count} {singular if count == 1 else plural}"
