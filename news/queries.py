"""The queries behind every news listing.

Two rules hold everywhere a visitor sees news (listing, theme pages, home page, related pages):

- only what the public may read (``home.visibility``): live, outside any private section, already
  past its go-live date and not past its expiry date (Wagtail's ``live`` flag only follows the dates
  when ``publish_scheduled`` runs);
- a number of SQL queries that does not grow with the number of items: the page of results is
  fetched first, then made specific one model at a time, then images (with their renditions),
  portraits and themes are fetched in one query each for the whole page of results
  (``for_cards()``); a listing reads only the ids of its page and takes the cards it shows from
  ``home.card_html``, which renders each card once per generation.
"""

from django.utils import timezone

from home.card_html import card_html
from home.cards import image_prefetch
from home.models import Theme
from home.page_cache.derived import derived

from .models import NewsPage, TestimonialPage, WebinarPage
from .models.webinar import ends_at_expression, not_ended

HOME_LATEST_COUNT = 3


def visible(model=NewsPage, now=None):
    """Every ``model`` page a visitor may read, newest first."""
    return model.objects.visible(now).order_by("-date", "-pk")


def news_years(news):
    """The years that have at least one item among ``news``, newest first."""
    return [day.year for day in news.dates("date", "year", order="DESC")]


def _webinars_with_end(now):
    # The home page's highlight is about webinars proper; the agenda lists every kind of session.
    webinars = visible(WebinarPage, now).filter(session_type=WebinarPage.kind, cancelled=False)
    return webinars.annotate(ends_at_db=ends_at_expression())


def next_webinar(now=None):
    """The next webinar that has not ended yet (one in progress counts), or ``None``."""
    now = now or timezone.now()
    return not_ended(_webinars_with_end(now), now).order_by("starts_at", "pk").first()


def latest_recap(now=None):
    """The most recent webinar that has ended and has a recap (summary or replay), or ``None``."""
    now = now or timezone.now()
    return (
        _webinars_with_end(now)
        .filter(ends_at_db__lte=now)
        .exclude(recap_summary="", replay_url="")
        .order_by("-starts_at", "-pk")
        .first()
    )


def featured_testimonial(now=None):
    """The most recent testimonial, with its portrait and renditions."""
    return visible(TestimonialPage, now).prefetch_related(image_prefetch("portrait")).first()


def home_sections(home, now=None, request=None):
    """What the home page shows of the news, in a constant number of queries.

    ``latest_news``: the cards of the three most recent items (HTML, ``home.card_html``);
    ``highlight_webinar``: the next webinar or, when none is announced, the latest recap
    (``highlight_is_upcoming`` says which); ``testimonial``;
    ``themes``: themes with their counts (counted once per generation, ``home.page_cache.derived``:
    the one aggregate here that grows with the site).
    """
    now = now or timezone.now()
    news = visible(now=now).descendant_of(home)
    webinar = next_webinar(now)
    upcoming = webinar is not None
    if webinar is None:
        webinar = latest_recap(now)
    return {
        "latest_news": card_html(request, news.values_list("pk", flat=True)[:HOME_LATEST_COUNT]),
        "highlight_webinar": webinar,
        "highlight_is_upcoming": upcoming,
        "testimonial": featured_testimonial(now),
        "themes": derived(
            request, "home-themes", lambda: list(Theme.objects.with_counts(count=news)), home.pk
        ),
    }
