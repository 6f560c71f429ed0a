"""The whole life of a subscription, through the public pages as a visitor and their mail software
see them: subscribe, confirm, receive an alert, unsubscribe in one POST, receive nothing more."""

import pytest
from django.core import mail

from alerts.models import Delivery, OutboxMessage, Subscription
from tests.alerts.helpers import (
    OTHER_THEME,
    THEME,
    THEME_SLUG,
    html_part,
    link_to,
    path_of,
    send_alerts,
    subscribe_data,
)
from tests.factories import ArticlePageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def publish_article(site, title, themes):
    return ArticlePageFactory(parent=site["news_index"], title=title, themes=themes)


def test_subscribe_confirm_alert_unsubscribe(site, client, csrf_client):
    old = publish_article(site, "Publié avant l'abonnement", [THEME])
    # The short form of a theme page sends the visitor to the full form, filled in.
    theme_page = client.get(f"/actualites/themes/{THEME_SLUG}/")
    assert 'action="/alertes/"' in theme_page.content.decode()
    assert f'name="theme" value="{THEME_SLUG}"' in theme_page.content.decode()

    page = client.get(f"/alertes/?email=camille@exemple.fr&theme={THEME_SLUG}")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'value="camille@exemple.fr"' in html
    assert f'value="{THEME_SLUG}"' in html and "checked" in html
    assert "7 jours" in html and "désabonnement en un clic" in html  # what is stored and why

    response = client.post("/alertes/", subscribe_data(kinds=["article", "ressource"]))
    assert response.status_code == 302
    assert response["Location"] == "/alertes/demande-envoyee/"
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["camille@exemple.fr"]
    assert confirmation.subject.startswith("Confirmez votre abonnement")
    assert "#Économie territoriale" in confirmation.body
    confirm_url = link_to(confirmation, "/alertes/confirmer/")
    assert confirm_url.startswith("http://testserver/alertes/confirmer/")

    # Before confirmation nothing but the confirmation is sent.
    publish_article(site, "Publié avant la confirmation", [THEME])
    send_alerts()
    assert len(mail.outbox) == 1

    # Opening the link shows a button (a link checker's GET confirms nothing); the button confirms.
    assert client.get(path_of(confirm_url)).status_code == 200
    assert not Subscription.objects.get().is_confirmed
    confirmed = client.post(path_of(confirm_url))
    assert "Abonnement confirmé" in confirmed.content.decode()
    assert Subscription.objects.get().is_confirmed

    matching = publish_article(site, "Webinaire sur l'économie <b>locale</b>", [THEME])
    publish_article(site, "Hors thème", [OTHER_THEME])
    resource = ResourcePageFactory(parent=site["resource_index"], themes=[THEME])
    send_alerts()

    alerts = mail.outbox[1:]
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert.to == ["camille@exemple.fr"]
    assert "2 nouveautés" in alert.subject
    assert matching.title in alert.body and resource.title in alert.body
    assert "Hors thème" not in alert.body and old.title not in alert.body
    assert f"http://testserver{matching.url}" in alert.body
    html = html_part(alert)
    assert "Webinaire sur l&#x27;économie &lt;b&gt;locale&lt;/b&gt;" in html  # escaped
    unsubscribe_url = alert.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url.startswith("http://testserver/alertes/desabonner/")
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    message = alert.message()
    assert message["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert link_to(alert, "/alertes/gerer/").startswith("http://testserver/alertes/gerer/")
    assert Delivery.objects.count() == 2

    # A second run sends nothing new.
    send_alerts()
    assert len(mail.outbox) == 2

    # RFC 8058: the mail software POSTs "List-Unsubscribe=One-Click", without cookie or CSRF token.
    response = csrf_client.post(
        path_of(unsubscribe_url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Vous êtes désabonné" in response.content.decode()
    assert not Subscription.objects.exists()
    assert (
        not Delivery.objects.exists()
        and not OutboxMessage.objects.filter(subscription__isnull=False).exists()
    )

    publish_article(site, "Publié après le désabonnement", [THEME])
    send_alerts()
    assert len(mail.outbox) == 2

    # Replaying the one-click POST answers that the address is no longer subscribed.
    again = csrf_client.post(
        path_of(unsubscribe_url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert again.status_code == 200
    assert "n'est plus abonnée" in again.content.decode()


def test_unsubscribe_link_asks_for_a_click_before_unsubscribing(site, client):
    subscription = Subscription.objects.create(email="a@exemple.fr")
    from alerts import tokens

    url = f"/alertes/desabonner/{tokens.make_token(subscription, tokens.UNSUBSCRIBE)}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Me désabonner" in page.content.decode()
    assert Subscription.objects.exists()


def test_the_forms_are_never_cached(site, client):
    for url in ["/alertes/", "/accompagnement/"]:
        response = client.get(url)
        assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_news_listing_offers_the_short_form(site, client):
    html = client.get("/actualites/").content.decode()
    assert 'action="/alertes/"' in html and 'method="get"' in html
    assert "csrfmiddlewaretoken" not in html  # the listing stays cacheable
