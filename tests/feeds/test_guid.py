"""An item keeps its id when its title or address changes: readers never show it twice."""

import pytest

from tests.feeds import checks
from tests.feeds.conftest import publish


def ids_and_links(client, fmt):
    parsed = checks.check_feed(client.get(f"/actualites/flux.{fmt}").content, fmt)
    return {entry.id: entry.link for entry in parsed.entries}


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_guid_survives_renaming_and_reslugging(client, make_feed_item, fmt):
    page = make_feed_item(title="Premier titre", slug="premier-titre")
    before = ids_and_links(client, fmt)
    [guid] = before
    assert before[guid] == "http://testserver/actualites/premier-titre/"
    first_published = page.first_published_at

    page.title = "Un tout autre titre"
    page.slug = "un-tout-autre-titre"
    publish(page)

    after = ids_and_links(client, fmt)
    assert list(after) == [guid]
    assert after[guid] == "http://testserver/actualites/un-tout-autre-titre/"
    assert page.first_published_at == first_published
    parsed = checks.check_feed(client.get(f"/actualites/flux.{fmt}").content, fmt)
    assert parsed.entries[0].title == "Un tout autre titre"


@pytest.mark.django_db
def test_guid_is_a_tag_uri_that_is_the_same_in_every_feed(client, news):
    page = news["webinaire"]
    expected = f"tag:club-developpeurs-nouvelle-aquitaine.fr,{page.first_published_at.date().isoformat()}:actualites/{page.pk}"
    for path in [
        "/actualites/flux",
        "/actualites/webinaires/flux",
        "/actualites/themes/collectivite-territoriale/flux",
    ]:
        for fmt in ("rss", "atom"):
            parsed = checks.check_feed(client.get(f"{path}.{fmt}").content, fmt)
            assert expected in {entry.id for entry in parsed.entries}, (path, fmt)


@pytest.mark.django_db
def test_guids_are_unique_and_feeds_have_distinct_ids(client, news):
    parsed = checks.check_atom(client.get("/actualites/flux.atom").content)
    assert len({entry.id for entry in parsed.entries}) == 3
    feed_ids = {
        checks.check_atom(client.get(f"{path}.atom").content).feed.id
        for path in [
            "/actualites/flux",
            "/actualites/articles/flux",
            "/actualites/themes/economie-territoriale/flux",
        ]
    }
    assert len(feed_ids) == 3
