"""Helpers of the alerts and support tests: a site to publish in, form data, links in e-mails."""

import io
import re
import time

from django.core import mail
from django.core.management import call_command

from home.antispam import sign_started

THEME = "Économie territoriale"
THEME_SLUG = "economie-territoriale"
OTHER_THEME = "Collectivité territoriale"


def stamp(seconds_ago=10):
    """The anti-spam stamp of a form opened ``seconds_ago`` seconds ago."""
    return sign_started(time.time() - seconds_ago)


def subscribe_data(email="camille@exemple.fr", themes=(THEME_SLUG,), kinds=(), rhythm="immediat"):
    return {
        "email": email,
        "themes": list(themes),
        "kinds": list(kinds),
        "rhythm": rhythm,
        "site_web": "",
        "debut": stamp(),
    }


def links_in(message):
    """The http(s) addresses in a message's plain-text body."""
    return re.findall(r"https?://\S+", message.body)


def link_to(message, fragment):
    return next(link for link in links_in(message) if fragment in link)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def html_part(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def sent_to(address):
    return [message for message in mail.outbox if address in message.to]


def send_alerts(*args):
    """``manage.py send_alerts``; what it printed."""
    out = io.StringIO()
    call_command("send_alerts", *args, stdout=out)
    return out.getvalue()
