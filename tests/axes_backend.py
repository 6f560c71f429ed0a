"""django-axes' backend for the test settings, letting the test client's ``login()`` through.

Django's ``Client.login()`` authenticates without an HTTP request, which axes' backend refuses
(it has no client address to count). Every login through a view still goes through axes: it
passes the request, and this backend then is axes' own. It is axes' ``AxesBackend`` (with
``ModelBackend``'s ``get_user``) because Wagtail's test helpers log in with the first backend.
"""

from axes.backends import AxesBackend


class AxesBackendAllowingTestClientLogin(AxesBackend):
    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None  # Client.login(): the next backend checks the password
        return super().authenticate(request, username, password, **kwargs)
