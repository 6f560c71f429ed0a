"""The two password forms that are not the admin login, throttled (see ``throttle``).

- The page-password form (a page restricted by a shared password), and its twin for the documents
  of a protected collection: the attempts are counted per restriction and client address; a
  correct password clears the count.
- The admin's password reset: every request counts, per client address and per e-mail address,
  so that nobody can flood an editor's mailbox, from one address or from many. The answer stays
  the same whether the address has an account or not.

Both wrap Wagtail's own views, routed before Wagtail's URLs in ``config/urls.py``.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail import views as wagtail_views
from wagtail.admin.views import account
from wagtail.documents.views import serve as document_serve

from home.security.client_ip import client_ip
from home.security.throttle import PAGE_PASSWORD, PASSWORD_RESET

TOO_MANY_REQUESTS = 429


def _minutes(throttle):
    return max(1, throttle.window // 60)


def _admin_throttled(request, reason, minutes):
    return TemplateResponse(
        request,
        "security/admin_throttled.html",
        {"reason": reason, "minutes": minutes},
        status=TOO_MANY_REQUESTS,
    )


def admin_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (settings.AXES_LOCKOUT_CALLABLE), in French."""
    cool_off = settings.AXES_COOLOFF_TIME
    return _admin_throttled(
        request,
        "Trop de tentatives de connexion ont échoué pour cet identifiant depuis votre adresse.",
        max(1, int(cool_off.total_seconds()) // 60),
    ).render()


def _throttled_password_form(request, view, key, *args):
    """Run Wagtail's password ``view``; wrong passwords count, too many are refused for a while."""
    if request.method != "POST":
        return view(request, *args)
    key = (*key, client_ip(request))
    if PAGE_PASSWORD.is_blocked(*key):
        return TemplateResponse(
            request,
            "security/page_password_throttled.html",
            {"minutes": _minutes(PAGE_PASSWORD)},
            status=TOO_MANY_REQUESTS,
        )
    response = view(request, *args)
    if response.status_code == 302:  # the right password: access granted
        PAGE_PASSWORD.reset(*key)
    else:
        PAGE_PASSWORD.hit(*key)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form, refused for a while after too many wrong passwords."""
    return _throttled_password_form(
        request,
        wagtail_views.authenticate_with_password,
        ("page", page_view_restriction_id),
        page_view_restriction_id,
        page_id,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def authenticate_with_document_password(request, restriction_id):
    """The same for documents of a collection protected by a password."""
    return _throttled_password_form(
        request,
        document_serve.authenticate_with_password,
        ("collection", restriction_id),
        restriction_id,
    )


class PasswordResetView(account.PasswordResetView):
    """Wagtail's password reset, sending at most a few e-mails per hour per client and address."""

    def post(self, request, *args, **kwargs):
        email = request.POST.get("email", "").strip().lower()[:254]
        keys = [("ip", client_ip(request)), ("email", email)]
        if any(PASSWORD_RESET.is_blocked(*key) for key in keys):
            return _admin_throttled(
                request,
                "Trop de demandes de réinitialisation du mot de passe ont été faites.",
                _minutes(PASSWORD_RESET),
            )
        for key in keys:
            PASSWORD_RESET.hit(*key)
        return super().post(request, *args, **kwargs)
