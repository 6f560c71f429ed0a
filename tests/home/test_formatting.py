"""French dates and times have one owner (``home.formatting``), used everywhere a visitor reads
one: cards, search results, resources and feed items all write ``1er décembre 2020`` and ``14 h``.
"""

import datetime
import html
import re
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from home import formatting
from resources.status import ResourceStatus, describe_status
from tests.factories import (
    ArticlePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    WebinarPageFactory,
)

PARIS = ZoneInfo("Europe/Paris")
FIRST_OF_DECEMBER_2PM = datetime.datetime(2020, 12, 1, 14, 0, tzinfo=PARIS)


def render(source, **context):
    return Template(source).render(Context(context))


def test_dates_and_times_the_french_way():
    utc = FIRST_OF_DECEMBER_2PM.astimezone(datetime.UTC)  # 13:00 UTC: written in Paris time
    assert formatting.date_fr(datetime.date(2020, 12, 1)) == "1er décembre 2020"
    assert formatting.date_fr(datetime.date(2020, 11, 30)) == "30 novembre 2020"
    assert formatting.date_fr(utc) == "1er décembre 2020"
    assert formatting.day_date_fr(utc) == "mardi 1er décembre 2020"
    assert formatting.time_fr(utc) == "14 h"
    assert formatting.time_fr(utc + datetime.timedelta(minutes=30)) == "14 h 30"
    assert formatting.time_fr(utc + datetime.timedelta(minutes=5)) == "14 h 05"
    assert formatting.datetime_fr(utc) == "mardi 1er décembre 2020 à 14 h"
    for function in (formatting.date_fr, formatting.day_date_fr, formatting.time_fr):
        assert function(None) == "" and function("") == ""


def test_the_same_filters_in_every_template_library():
    source = "{{ d|date_fr }} | {{ t|day_date_fr }} | {{ t|time_fr }} | {{ t|datetime_fr }}"
    expected = "1er décembre 2020 | mardi 1er décembre 2020 | 14 h | mardi 1er décembre 2020 à 14 h"
    context = {"d": datetime.date(2020, 12, 1), "t": FIRST_OF_DECEMBER_2PM}
    assert render("{% load french_dates %}" + source, **context) == expected
    assert render("{% load news_tags %}" + source, **context) == expected


def test_resource_statuses_use_the_shared_dates():
    assert describe_status(ResourceStatus.OPEN, None, datetime.date(2021, 4, 1)) == (
        "Ouvert jusqu'au 1er avril 2021"
    )
    assert describe_status(ResourceStatus.UPCOMING, datetime.date(2021, 3, 1), None) == (
        "À venir : ouverture le 1er mars 2021"
    )


@pytest.mark.django_db
def test_search_results_write_the_first_of_the_month_the_french_way(client, news_index):
    ArticlePageFactory(parent=news_index, title="Bilan de saison", date=datetime.date(2020, 12, 1))
    page = client.get("/recherche/", {"q": "saison"}).content.decode()
    assert '<time datetime="2020-12-01">1er décembre 2020</time>' in page


@pytest.mark.django_db
def test_resource_page_writes_its_dates_and_related_news_dates(client, home_page, news_index):
    webinar = WebinarPageFactory(
        parent=news_index, title="Session", starts_at=FIRST_OF_DECEMBER_2PM
    )
    index = ResourceIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(parent=index, title="Appel", related_pages=[webinar])
    resource.opens_on = datetime.date(2021, 3, 1)
    resource.closes_on = datetime.date(2021, 4, 1)
    resource.save_revision().publish()
    page = client.get(resource.url).content.decode()
    assert '<time datetime="2021-03-01">1er mars 2021</time>' in page
    assert '<time datetime="2021-04-01">1er avril 2021</time>' in page
    assert '<time datetime="2020-12-01">1er décembre 2020</time>' in page


@pytest.mark.django_db
def test_feed_items_write_webinar_times_without_zero_minutes(client, news_index):
    WebinarPageFactory(
        parent=news_index,
        title="Session de décembre",
        date=datetime.date(2020, 12, 1),
        starts_at=FIRST_OF_DECEMBER_2PM,
        duration_minutes=90,
    )
    feed = html.unescape(client.get("/actualites/webinaires/flux.rss").content.decode())
    feed = re.sub(r"<[^>]+>", "", html.unescape(feed))
    assert "Webinaire du mardi 1er décembre 2020, de 14 h à 15 h 30 (heure de Paris)" in feed
