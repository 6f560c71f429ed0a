"""Sliding admin sessions without a write per request.

A logged-in editor's session ends after ``SESSION_COOKIE_AGE`` (8 hours) without activity. Django
slides the expiry only when the session is saved; ``SESSION_SAVE_EVERY_REQUEST`` would save it on
every request (a database write, and a ``Set-Cookie`` that makes the response uncacheable, for
each page and asset call of the admin). This middleware instead marks the session modified when
its last refresh is older than ``SESSION_REFRESH_INTERVAL`` seconds: the expiry still slides,
give or take those few minutes, at one write per interval. Requests without a session cookie
(visitors) are not touched: no session is loaded, created or varied on.
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in

REFRESHED_AT = "_club_session_refreshed_at"


def mark_refreshed(sender, request, user, **kwargs):
    """At login the session is saved anyway: record it, so the next request writes nothing."""
    request.session[REFRESHED_AT] = int(time.time())


class SlidingSessionMiddleware:
    """Place after ``AuthenticationMiddleware``."""

    def __init__(self, get_response):
        self.get_response = get_response
        user_logged_in.connect(mark_refreshed, dispatch_uid="club-sliding-session")

    def __call__(self, request):
        response = self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            now = int(time.time())
            if now - request.session.get(REFRESHED_AT, 0) >= settings.SESSION_REFRESH_INTERVAL:
                request.session[REFRESHED_AT] = now  # saved, with a new expiry, by Django
        return response
