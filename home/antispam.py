"""What keeps the public forms (e-mail alerts, support requests) free of spam and abuse.

Three checks, none needing JavaScript or a third-party service:

- a **honeypot** field that people never see (hidden by the stylesheet) and robots fill in;
- a **minimum time to submit**: the form carries a signed timestamp (``django.core.signing``)
  written when the page is rendered; a submission sooner than ``ANTISPAM_MIN_SECONDS`` after it, or
  with a forged or very old stamp, is refused. Each rendering writes a fresh stamp, so a visitor who
  corrects an error simply sends the form again;
- **rate limits** counted in the shared cache (Redis in production), so that they hold across every
  application server: per IP address, loose enough for a shared office network, and per e-mail
  address (``ANTISPAM_LIMITS``).

Generic on purpose: the alerts and the support apps both use it, and home holds what several apps
share.
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache

HONEYPOT_FIELD = "site_web"
STARTED_FIELD = "debut"
STARTED_SALT = "home.antispam.started"

#: (number of submissions, window in seconds) per scope; several windows per scope may apply.
DEFAULT_LIMITS = {
    # A few submissions a minute from one office are fine; dozens are not.
    "ip": [(8, 60), (60, 60 * 60)],
    # One address: a handful of submissions an hour (a typo corrected, a second request).
    "address": [(3, 60 * 60)],
}

REJECTED = (
    "Votre envoi n'a pas pu être accepté. Si vous êtes une personne, écrivez-nous à "
    "l'adresse indiquée en pied de page."
)
TOO_FAST = (
    "Le formulaire a été envoyé trop vite après l'ouverture de la page. Vérifiez vos réponses, "
    "puis envoyez-le de nouveau."
)
EXPIRED = (
    "Le formulaire a expiré ou a été modifié. Vérifiez vos réponses, puis envoyez-le de nouveau."
)
TOO_MANY = (
    "Trop d'envois en peu de temps depuis votre connexion ou pour cette adresse. Réessayez dans "
    "quelques minutes ; vos réponses sont conservées ci-dessous."
)


def min_seconds():
    return getattr(settings, "ANTISPAM_MIN_SECONDS", 3)


def max_age():
    """How long a rendered form stays valid: a day, enough to write a long project."""
    return getattr(settings, "ANTISPAM_MAX_AGE", 24 * 60 * 60)


def sign_started(now=None):
    """The signed moment the form was rendered (seconds since the epoch)."""
    return signing.Signer(salt=STARTED_SALT).sign(str(int(now if now is not None else time.time())))


def check_started(value, now=None):
    """``None`` when the stamp is genuine and old enough, else the French error to show."""
    try:
        started = int(signing.Signer(salt=STARTED_SALT).unsign(value or ""))
    except (signing.BadSignature, ValueError):
        return EXPIRED
    elapsed = (now if now is not None else time.time()) - started
    if elapsed > max_age() or elapsed < 0:
        return EXPIRED
    if elapsed < min_seconds():
        return TOO_FAST
    return None


class FreshTimestampInput(forms.HiddenInput):
    """A hidden input that always renders a new stamp, even when the form is shown again with
    errors: the time is counted from the last rendering."""

    def get_context(self, name, value, attrs):
        return super().get_context(name, sign_started(), attrs)


class AntiSpamFormMixin(forms.Form):
    """Adds the honeypot and the signed stamp to a form, and checks both in ``clean()``.

    Templates render both with ``{% include "includes/antispam_fields.html" %}`` and load
    ``home/css/forms.css``, which hides the honeypot from people (screen readers included).

    After validation, ``is_spam`` tells whether the honeypot was filled in.
    """

    site_web = forms.CharField(
        label="Laissez ce champ vide",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    debut = forms.CharField(required=False, widget=FreshTimestampInput)

    is_spam = False

    def clean(self):
        cleaned = super().clean()
        if self.data.get(HONEYPOT_FIELD):
            self.is_spam = True
            raise forms.ValidationError(REJECTED, code="honeypot")
        problem = check_started(self.data.get(STARTED_FIELD))
        if problem:
            raise forms.ValidationError(problem, code="timing")
        return cleaned


# Rate limits -----------------------------------------------------------------------------------
def client_ip(request):
    """The visitor's address. Behind ``ANTISPAM_TRUSTED_PROXIES`` reverse proxies (0 by default),
    it is read from the right of ``X-Forwarded-For``, where the proxies append it."""
    proxies = getattr(settings, "ANTISPAM_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _digest(value):
    return hashlib.sha256(str(value).strip().lower().encode()).hexdigest()[:32]


def hit(scope, kind, value, now=None):
    """Count one submission of ``value`` (an IP or an address) in ``scope``; False over a limit.

    Fixed windows in the shared cache: ``add`` then ``incr`` are atomic on Redis and local memory,
    so concurrent requests on several servers are all counted. Values are hashed: no address is
    stored in clear in the cache.
    """
    limits = getattr(settings, "ANTISPAM_LIMITS", DEFAULT_LIMITS).get(kind, [])
    now = now if now is not None else time.time()
    allowed = True
    for count, window in limits:
        key = f"antispam:{scope}:{kind}:{window}:{int(now // window)}:{_digest(value)}"
        cache.add(key, 0, timeout=window + 5)
        try:
            current = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window + 5)
            current = 1
        if current > count:
            allowed = False
    return allowed


def allow_ip(request, scope):
    return hit(scope, "ip", client_ip(request))


def allow_address(scope, address):
    return hit(scope, "address", address)


def check_submission(request, form, scope):
    """Validate a public form (``AntiSpamFormMixin``) and count it against both rate limits.

    Returns the status to answer with: 200 when the form is valid and allowed (the caller acts on
    ``form.cleaned_data``), 429 when the client or the address submits too often (the error is on
    the form, what was typed is kept), 400 for a spam-looking submission, and 200 for an ordinary
    invalid form shown again with its errors. Call ``form.is_valid()`` again to tell 200s apart.
    """
    ip_allowed = allow_ip(request, scope)
    valid = form.is_valid()
    if not ip_allowed or (valid and not allow_address(scope, form.cleaned_data["email"])):
        form.add_error(None, TOO_MANY)
        return 429
    if not valid:
        return 400 if form.is_spam else 200
    return 200
