import re

import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory


@pytest.mark.django_db
def test_home_page_renders_its_content(client, home_page):
    home_page.key_figures = [("figure", {"figure": "111", "label": "postes soutenus"})]
    home_page.save_revision().publish()
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le réseau." in html
    assert "111" in html and "postes soutenus" in html


@pytest.mark.django_db
def test_standard_page_renders_its_body(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Le Club",
        slug="le-club",
        body=[("heading", {"text": "Mise en réseau", "level": "h2"})],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert "<h2>Mise en réseau</h2>" in response.content.decode()


@pytest.mark.django_db
def test_unknown_url_answers_the_site_404_page(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.django_db
def test_main_menu_lists_pages_shown_in_menus(client, home_page):
    StandardPageFactory(parent=home_page, title="Le Club", slug="le-club", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Caché", slug="cache", show_in_menus=False)
    html = client.get("/le-club/").content.decode()
    nav = re.search(r'<nav id="menu-principal".*?</nav>', html, re.S).group(0)
    assert 'href="/le-club/" aria-current="page"' in nav
    assert "Caché" not in nav


@pytest.mark.django_db
def test_breadcrumbs_lead_from_home_to_the_page(client, home_page):
    parent = StandardPageFactory(parent=home_page, title="Le Club", slug="le-club")
    StandardPageFactory(parent=parent, title="Histoire", slug="histoire")
    html = client.get("/le-club/histoire/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert re.findall(r">([^<>]+)</a>", crumbs) == ["Club des Développeurs", "Le Club", "Histoire"]


class TestPageTreeRules(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = root.add_child(instance=HomePage(title="Accueil", slug="accueil2", headline="x"))
        Site.objects.update(root_page=cls.home)

    def test_only_one_home_page_can_exist(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_home_page_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_page_under_home_and_standard_pages_only(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_standard_page_can_be_created_in_the_admin(self):
        self.login()
        self.assertCanCreate(
            self.home,
            StandardPage,
            {
                "title": "Mentions légales",
                "slug": "mentions-legales",
                "introduction": "Qui publie ce site.",
                "body-count": "0",
            },
        )

    def test_pages_are_renderable(self):
        page = StandardPageFactory(parent=self.home, title="Accessibilité")
        self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(page)
        self.assertPageIsRenderable(self.home)


@pytest.mark.django_db
def test_routes_of_a_section_mark_it_as_an_ancestor_not_the_current_page(client, news_index):
    from tests.factories import ArticlePageFactory

    news_index.show_in_menus = True
    news_index.save_revision().publish()
    ArticlePageFactory(parent=news_index, themes=["Tourisme"])
    for path, marker in [
        ("/actualites/", 'href="/actualites/" aria-current="page"'),
        ("/actualites/themes/tourisme/", 'href="/actualites/" aria-current="true"'),
    ]:
        html = client.get(path).content.decode()
        nav = re.search(r'<nav id="menu-principal".*?</nav>', html, re.S).group(0)
        assert marker in nav, path


@pytest.mark.django_db
def test_footer_names_social_networks_as_they_write_themselves(client, home_page):
    from home.models import SiteSettings

    settings = SiteSettings.load()
    settings.social_links = [
        ("link", {"network": "linkedin", "url": "https://www.linkedin.com/company/exemple"}),
        ("link", {"network": "youtube", "url": "https://www.youtube.com/@exemple"}),
    ]
    settings.save()
    html = client.get("/").content.decode()
    assert ">LinkedIn<span" in html and ">YouTube<span" in html
