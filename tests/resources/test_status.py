import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from resources.models import ResourcePage
from resources.status import ResourceStatus, compute_status, open_on_q
from tests.factories import ResourcePageFactory

PARIS = ZoneInfo("Europe/Paris")
OPENS = datetime.date(2021, 1, 1)
CLOSES = datetime.date(2021, 3, 31)


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.mark.parametrize(
    "now, opens_on, closes_on, expected",
    [
        (paris(2021, 2, 15, 12), None, None, ResourceStatus.PERMANENT),
        (paris(2020, 12, 31, 23, 59), OPENS, CLOSES, ResourceStatus.UPCOMING),
        (paris(2021, 1, 1, 0, 1), OPENS, CLOSES, ResourceStatus.OPEN),  # opening day counts
        (paris(2021, 3, 31, 23, 59), OPENS, CLOSES, ResourceStatus.OPEN),  # closing day counts
        (paris(2021, 4, 1, 0, 1), OPENS, CLOSES, ResourceStatus.CLOSED),
        (paris(2021, 2, 15, 12), None, CLOSES, ResourceStatus.OPEN),
        (paris(2021, 4, 1, 12), None, CLOSES, ResourceStatus.CLOSED),
        (paris(2020, 12, 1, 12), OPENS, None, ResourceStatus.UPCOMING),
        (paris(2030, 1, 1, 12), OPENS, None, ResourceStatus.OPEN),
    ],
)
def test_status_follows_the_paris_date(now, opens_on, closes_on, expected):
    with time_machine.travel(now, tick=False):
        assert compute_status(opens_on, closes_on) == expected


def test_status_uses_the_local_date_not_utc():
    # 1 April 00:30 in Paris is still 31 March (22:30) in UTC: the Paris date decides.
    with time_machine.travel(paris(2021, 4, 1, 0, 30), tick=False):
        assert compute_status(OPENS, CLOSES) == ResourceStatus.CLOSED


@pytest.mark.django_db
@pytest.mark.parametrize(
    "now, expected_status, expected_text",
    [
        (paris(2020, 12, 15, 12), "a-venir", "À venir : ouverture le 1er janvier 2021"),
        (paris(2021, 2, 15, 12), "ouvert", "Ouvert jusqu&#x27;au 31 mars 2021"),
        (paris(2021, 3, 31, 18), "ouvert", "Ouvert jusqu&#x27;au 31 mars 2021"),
        (paris(2021, 4, 1, 9), "clos", "Clos depuis le 31 mars 2021"),
    ],
)
def test_page_and_card_show_the_status_of_the_day(
    client, resource_index, now, expected_status, expected_text
):
    ResourcePageFactory(
        parent=resource_index, title="Aide", slug="aide", opens_on=OPENS, closes_on=CLOSES
    )
    with time_machine.travel(now, tick=False):
        for url in ["/ressources/aide/", "/ressources/"]:
            html = client.get(url).content.decode()
            assert f"resource-status--{expected_status}" in html
            assert expected_text in html


@pytest.mark.django_db
def test_open_now_filter_matches_the_computed_status_on_every_day(resource_index):
    cases = [
        (None, None),
        (OPENS, CLOSES),
        (None, CLOSES),
        (OPENS, None),
        (datetime.date(2021, 2, 1), datetime.date(2021, 2, 1)),
    ]
    for number, (opens_on, closes_on) in enumerate(cases):
        ResourcePageFactory(
            parent=resource_index, title=f"R{number}", opens_on=opens_on, closes_on=closes_on
        )
    day = datetime.date(2020, 12, 30)
    while day <= datetime.date(2021, 4, 2):
        in_db = set(ResourcePage.objects.filter(open_on_q(day)).values_list("title", flat=True))
        computed = {
            page.title
            for page in ResourcePage.objects.all()
            if page.get_status(day) in (ResourceStatus.OPEN, ResourceStatus.PERMANENT)
        }
        assert in_db == computed, day
        day += datetime.timedelta(days=1)


@pytest.mark.django_db
def test_open_now_filter_uses_the_frozen_clock(client, resource_index):
    ResourcePageFactory(
        parent=resource_index, title="Aide", slug="aide", opens_on=OPENS, closes_on=CLOSES
    )
    with time_machine.travel(paris(2021, 3, 31, 22), tick=False):
        assert "/ressources/aide/" in client.get("/ressources/?ouvert=1").content.decode()
    with time_machine.travel(paris(2021, 4, 1, 8), tick=False):
        html = client.get("/ressources/?ouvert=1").content.decode()
        assert "/ressources/aide/" not in html
        assert "Aucune ressource ne correspond" in html
