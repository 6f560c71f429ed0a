"""Dates, times and durations written the French way, for templates and model methods.

Month and day names come from Django's translations (``LANGUAGE_CODE = "fr"``); what Django's
``date`` filter cannot do alone is French typography: ``1er décembre``, ``14 h 30``.
"""

import datetime

from django.utils import dateformat, timezone


def date_fr(value):
    """``30 novembre 2020``; ``1er décembre 2020`` for the first day of a month."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    text = dateformat.format(value, "j F Y")
    return f"1er{text[1:]}" if value.day == 1 else text


def time_fr(value):
    """``14 h``, ``14 h 30`` (Paris time)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"


def datetime_fr(value):
    """``lundi 30 novembre 2020 à 14 h 30`` (Paris time)."""
    if value is None or value == "":
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{dateformat.format(local, 'l')} {date_fr(local)} à {time_fr(local)}"


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
