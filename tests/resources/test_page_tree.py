import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage
from resources.models import AUDIENCES, Audience, ResourceIndexPage, ResourcePage
from tests.factories import OrganisationFactory, ResourceIndexPageFactory, ResourcePageFactory


class ResourcePageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = root.add_child(
            instance=HomePage(title="Club", slug="accueil", headline="Le réseau.")
        )
        Site.objects.all().delete()
        Site.objects.create(hostname="localhost", port=80, root_page=cls.home, is_default_site=True)
        cls.index = ResourceIndexPageFactory(parent=cls.home)
        cls.resource = ResourcePageFactory(parent=cls.index, title="Boostez", slug="boostez")

    def setUp(self):
        user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
        self.client.force_login(user)

    def test_index_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, ResourceIndexPage)
        self.assertCanNotCreateAt(NewsIndexPage, ResourceIndexPage)

    def test_only_one_index(self):
        self.assertEqual(ResourceIndexPage.max_count, 1)
        self.assertFalse(ResourceIndexPage.can_create_at(self.home))

    def test_resources_live_under_the_index_only_and_have_no_children(self):
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, {})
        self.assertCanNotCreateAt(HomePage, ResourcePage)

    def test_home_page_accepts_the_index(self):
        self.assertCanCreateAt(HomePage, ResourceIndexPage)

    def test_pages_are_routable_and_renderable(self):
        self.assertPageIsRoutable(self.index)
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRoutable(self.resource)
        self.assertPageIsRenderable(self.resource)
        self.assertEqual(self.index.url, "/ressources/")

    def test_editor_creates_a_resource_with_every_structured_field(self):
        organisation = OrganisationFactory(name="CNER", acronym="CNER")
        audiences = Audience.objects.filter(slug__in=["communes", "artisans-commercants"])
        data = nested_form_data(
            {
                "title": "Aide à l'artisanat",
                "slug": "aide-artisanat",
                "kind": "dispositif",
                "summary": "Une aide pour les artisans.",
                "body": streamfield([("heading", {"text": "Détails", "level": "h2"})]),
                "organisation_links": inline_formset([{"organisation": organisation.pk}]),
                "themes": "#économie territoriale, Collectivité territoriale",
                "eligibility": rich_text("<p>Les artisans.</p>"),
                "provides": rich_text("<p>Une subvention.</p>"),
                "opens_on": "2021-01-01",
                "closes_on": "2021-06-30",
                "official_url": "https://www.nouvelle-aquitaine.fr",
                "contact_name": "Service artisanat",
                "contact_email": "artisanat@example.org",
                "contact_phone": "05 00 00 00 00",
                "documents": inline_formset([]),
                "related_news": inline_formset([]),
            }
        )
        data["audiences"] = [str(a.pk) for a in audiences]  # a multiple value, not a formset
        self.assertCanCreate(self.index, ResourcePage, data)
        page = ResourcePage.objects.get(slug="aide-artisanat")
        self.assertEqual(page.organisations, [organisation])
        self.assertEqual(
            sorted(a.slug for a in page.audiences.all()), ["artisans-commercants", "communes"]
        )
        self.assertEqual(
            sorted(t.slug for t in page.themes.all()),
            ["collectivite-territoriale", "economie-territoriale"],
        )

    def test_closing_before_opening_is_refused(self):
        page = ResourcePage(
            title="Incohérente",
            slug="incoherente",
            summary="…",
            opens_on=datetime.date(2021, 6, 1),
            closes_on=datetime.date(2021, 5, 1),
        )
        with self.assertRaises(ValidationError) as caught:
            page.clean()
        self.assertIn("closes_on", caught.exception.message_dict)

    def test_admin_forms_and_snippet_listing_open(self):
        OrganisationFactory(name="CNER", acronym="CNER")
        urls = [
            f"/admin/pages/add/resources/resourcepage/{self.index.pk}/",
            f"/admin/pages/{self.resource.pk}/edit/",
            f"/admin/pages/{self.index.pk}/edit/",
            "/admin/snippets/resources/organisation/",
            "/admin/snippets/resources/organisation/add/",
        ]
        for url in urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
        html = self.client.get(urls[0]).content.decode()
        for tab in ["Contenu", "Fiche", "Documents et liens", "Promotion", "Publication"]:
            self.assertIn(tab, html)

    def test_organisation_slug_is_made_from_its_acronym_and_unique(self):
        first = OrganisationFactory(name="Agence A", acronym="ADI", slug="")
        second = OrganisationFactory(name="Agence B", acronym="ADI", slug="")
        third = OrganisationFactory(name="Région Nouvelle-Aquitaine", acronym="", slug="")
        self.assertEqual(
            [first.slug, second.slug, third.slug], ["adi", "adi-2", "region-nouvelle-aquitaine"]
        )


@pytest.mark.django_db(transaction=True)
def test_audiences_survive_a_database_flush():
    """Transactional tests flush the database; the fixed vocabulary must come back."""
    call_command("flush", interactive=False, verbosity=0)
    assert list(Audience.objects.values_list("slug", flat=True)) == [s for s, _ in AUDIENCES]
