"""Confirmed subscriptions and published items for the sending tests."""

from django.utils import timezone

from alerts.models import Rhythm, Subscription
from home.models import Theme
from tests.factories import ArticlePageFactory


def confirmed(email, themes=(), kinds="", rhythm=Rhythm.IMMEDIATE, confirmed_at=None):
    subscription = Subscription.objects.create(
        email=email,
        kinds=kinds,
        rhythm=rhythm,
        confirmed_at=confirmed_at or timezone.now(),
    )
    subscription.themes.set(Theme.objects.filter(name__in=themes))
    return subscription


def article(site, title, themes):
    return ArticlePageFactory(parent=site["news_index"], title=title, themes=list(themes))
