"""An editor changes a session's time or cancels it in the admin: the calendars follow."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from agenda.models import AgendaPage
from home.models import HomePage
from news.models import WebinarPage
from tests.agenda.ics import events_by_uid
from tests.editorial.helpers import WEBINAR_FIELDS
from tests.factories import NewsIndexPageFactory


def session_form(**fields):
    data = {
        "title": "Présentation des aides",
        "slug": "presentation-des-aides",
        "date": "2030-03-15",
        "introduction": "Les aides régionales.",
        "body": streamfield([]),
        "themes": "Économie territoriale",
        "author": "",
        "related_links": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        **WEBINAR_FIELDS,
        "session_type": "presentation-dispositif",
    }
    data.update(fields)
    return nested_form_data(data)


class SessionEditedInTheAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = root.add_child(instance=HomePage(title="Accueil", slug="accueil2", headline="x"))
        Site.objects.update(root_page=cls.home)
        cls.index = NewsIndexPageFactory(parent=cls.home)
        cls.agenda = cls.home.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))

    def publish(self, page, **fields):
        data = session_form(**fields)
        data["action-publish"] = "action-publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        page.refresh_from_db()
        return page

    def event(self, page):
        events = events_by_uid(self.client.get("/agenda/agenda.ics").content)
        return events[f"session-{page.pk}@club-developpeurs-nouvelle-aquitaine.fr"]

    def test_time_changes_and_cancellation_reach_subscribers(self):
        self.login()
        self.assertCanCreate(self.index, WebinarPage, session_form())
        page = WebinarPage.objects.get(slug="presentation-des-aides")
        assert page.kind_label == "Présentation de dispositif"
        assert self.event(page)["SEQUENCE"] == 0
        self.publish(page, title="Présentation des aides régionales")
        assert page.sequence == 0
        self.publish(page, starts_at="2030-03-15 15:00")
        assert page.sequence == 1
        event = self.event(page)
        assert event.start.astimezone(datetime.UTC).hour == 14  # 15:00 Paris in March (UTC+1)
        assert event["SEQUENCE"] == 1 and str(event["STATUS"]) == "CONFIRMED"
        self.publish(page, starts_at="2030-03-15 15:00", cancelled="on")
        event = self.event(page)
        assert event["SEQUENCE"] == 2 and str(event["STATUS"]) == "CANCELLED"
        assert page.cancelled and page.live
        assert timezone.localtime(page.starts_at).hour == 15

    def test_a_session_longer_than_a_week_is_a_form_error_and_nothing_is_lost(self):
        self.login()
        data = session_form(duration_minutes="20000")
        data["action-publish"] = "action-publish"
        add = reverse("wagtailadmin_pages:add", args=("news", "webinarpage", self.index.pk))
        response = self.client.post(add, data)
        assert response.status_code == 200
        form = response.context["form"]
        assert "au plus une semaine" in str(form.errors["duration_minutes"])
        assert form["title"].value() == "Présentation des aides"
        assert not WebinarPage.objects.filter(slug="presentation-des-aides").exists()
