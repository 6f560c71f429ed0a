"""A fixed-window counter of attempts on the shared cache (Redis in production).

django-axes throttles the admin login; the page-password form and the password reset are not
logins, so they count their attempts here. The cache is shared by every app server, and
``incr`` is atomic on Redis, so the limit holds across servers.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Throttle:
    """``limit`` attempts per ``window`` seconds for each key (client address, target...)."""

    name: str
    setting: str  # the setting holding (limit, window seconds)

    @property
    def limit(self):
        return getattr(settings, self.setting)[0]

    @property
    def window(self):
        return getattr(settings, self.setting)[1]

    def _key(self, *parts):
        digest = hashlib.sha256("\0".join(str(part) for part in parts).encode()).hexdigest()
        return f"throttle:{self.name}:{digest}"

    def is_blocked(self, *parts):
        return (cache.get(self._key(*parts)) or 0) >= self.limit

    def hit(self, *parts):
        """Count one attempt; the window starts with the first attempt."""
        key = self._key(*parts)
        if cache.add(key, 1, self.window):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, self.window)
            return 1

    def reset(self, *parts):
        cache.delete(self._key(*parts))


PAGE_PASSWORD = Throttle("page-password", "PAGE_PASSWORD_THROTTLE")
PASSWORD_RESET = Throttle("password-reset", "PASSWORD_RESET_THROTTLE")
