"""Signed links of the alerts: confirm, manage, unsubscribe. No account and no password.

Each link carries the subscription's id and its ``key``, signed with ``django.core.signing``
(``TimestampSigner``) and a salt per purpose, so that a link made for one purpose opens nothing
else. Confirmation links expire after ``CONFIRMATION_MAX_AGE`` (unconfirmed requests are deleted
then anyway); management and unsubscribe links, sent in every alert, stay valid as long as the
subscription lives. Deleting the subscription voids them all.
"""

import datetime

from django.core import signing

from alerts.models import Subscription

CONFIRM = "confirmer"
MANAGE = "gerer"
UNSUBSCRIBE = "desabonner"
CONFIRMATION_MAX_AGE = datetime.timedelta(days=7)
MAX_AGES = {CONFIRM: CONFIRMATION_MAX_AGE, MANAGE: None, UNSUBSCRIBE: None}
MAX_TOKEN_LENGTH = 300


class LinkProblem(Exception):
    """A link that opens nothing: ``status`` and a French ``title`` and ``message`` for the page."""

    def __init__(self, status, title, message):
        super().__init__(title)
        self.status = status
        self.title = title
        self.message = message


INVALID = LinkProblem(
    400,
    "Ce lien n'est pas valide",
    "L'adresse de ce lien est incomplète ou a été modifiée. Copiez-la en entier depuis l'e-mail "
    "reçu, ou abonnez-vous de nouveau.",
)
EXPIRED = LinkProblem(
    400,
    "Ce lien a expiré",
    "Un lien de confirmation vaut 7 jours ; passé ce délai, la demande est effacée. "
    "Abonnez-vous de nouveau pour recevoir un nouveau lien.",
)
GONE = LinkProblem(
    404,
    "Cet abonnement n'existe plus",
    "Il a été supprimé, ou la demande n'a pas été confirmée dans les 7 jours. Rien ne vous sera "
    "envoyé à cette adresse.",
)


def _signer(purpose):
    return signing.TimestampSigner(salt=f"alerts.{purpose}")


def make_token(subscription, purpose):
    return _signer(purpose).sign_object({"s": subscription.pk, "k": subscription.key})


def read_token(token, purpose):
    """The subscription a link opens, or ``LinkProblem``."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise INVALID
    try:
        data = _signer(purpose).unsign_object(token, max_age=MAX_AGES[purpose])
    except signing.SignatureExpired:
        raise EXPIRED from None
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        raise INVALID from None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise INVALID
    found = Subscription.objects.filter(pk=data["s"], key=str(data.get("k", ""))).first()
    if found is None:
        raise GONE
    return found
