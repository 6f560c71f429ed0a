"""Page-tree rules, admin creation and rendering of every news page type."""

import datetime

from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage, Theme
from news.models import ArticlePage, NewsIndexPage, NewsPage, TestimonialPage, WebinarPage
from tests.editorial.helpers import WEBINAR_FIELDS
from tests.factories import (
    ArticlePageFactory,
    NewsIndexPageFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)

KINDS = {ArticlePage, WebinarPage, TestimonialPage}
TESTIMONIAL_FIELDS = {
    "speaker_name": "Camille Exemple",
    "speaker_role": "",
    "organisation": "Communauté de communes du Val de l'Eyre",
    "territory": "",
    "departement": "33",
    "pull_quote": "Le Club nous a fait gagner du temps.",
    "webinar": "",
}


class NewsPageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = root.add_child(instance=HomePage(title="Accueil", slug="accueil2", headline="x"))
        Site.objects.update(root_page=cls.home)
        cls.index = NewsIndexPageFactory(parent=cls.home)

    def test_news_index_only_under_the_home_page_and_only_once(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)
        self.assertFalse(NewsIndexPage.can_create_at(self.home))  # max_count = 1, one exists

    def test_news_index_holds_the_three_kinds_only(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, KINDS)
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)

    def test_each_kind_only_under_the_news_index_and_nothing_below(self):
        for model in KINDS:
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {NewsIndexPage})
                self.assertCanCreateAt(NewsIndexPage, model)
                self.assertCanNotCreateAt(HomePage, model)
                self.assertCanNotCreateAt(StandardPage, model)
                self.assertAllowedSubpageTypes(model, set())

    def test_the_shared_base_model_is_never_created_by_editors(self):
        self.assertFalse(NewsPage.is_creatable)
        self.assertCanNotCreateAt(NewsIndexPage, NewsPage)

    def test_every_kind_is_renderable_and_routable(self):
        pages = [
            self.index,
            ArticlePageFactory(parent=self.index),
            WebinarPageFactory(parent=self.index),
            TestimonialPageFactory(parent=self.index),
        ]
        for page in pages:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(self.index, "themes/")
        self.assertPageIsRenderable(self.index, "themes/")

    def test_every_kind_can_be_previewed_in_the_admin(self):
        self.assertPageIsPreviewable(self.index)
        cases = [
            (ArticlePageFactory, {}),
            (WebinarPageFactory, WEBINAR_FIELDS),
            (TestimonialPageFactory, TESTIMONIAL_FIELDS),
        ]
        for factory, fields in cases:
            page = factory(parent=self.index)
            with self.subTest(page=type(page).__name__):
                data = self.article_form(title=page.title, slug=page.slug, **fields)
                self.assertPageIsPreviewable(page, post_data=data)

    def article_form(self, **fields):
        data = {
            "title": "Un article du Club",
            "slug": "un-article-du-club",
            "date": "2020-11-30",
            "introduction": "Le chapô de l'article.",
            "body": streamfield([("paragraph", rich_text("<p>Le corps de l'article.</p>"))]),
            "themes": "#économie territoriale, Économie territoriale, ÉCONOMIE TERRITORIALE",
            "author": "",
            "related_links": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
        data.update(fields)
        return nested_form_data(data)

    def test_an_article_is_created_in_the_admin_with_its_themes_normalised(self):
        Theme.objects.create(name="Économie territoriale")
        self.login()
        self.assertCanCreate(self.index, ArticlePage, self.article_form())
        article = ArticlePage.objects.get(slug="un-article-du-club")
        assert [theme.slug for theme in article.themes.all()] == ["economie-territoriale"]
        assert Theme.objects.count() == 1

    def test_themes_typed_in_the_admin_create_one_ascii_theme(self):
        self.login()
        self.assertCanCreate(
            self.index,
            ArticlePage,
            self.article_form(themes="#Collectivité territoriale, collectivité territoriale"),
        )
        assert list(Theme.objects.values_list("name", "slug")) == [
            ("Collectivité territoriale", "collectivite-territoriale")
        ]

    def test_a_webinar_is_created_in_the_admin(self):
        self.login()
        data = self.article_form(title="Un webinaire", slug="un-webinaire", **WEBINAR_FIELDS)
        self.assertCanCreate(self.index, WebinarPage, data)
        webinar = WebinarPage.objects.get(slug="un-webinaire")
        # The date follows the session, whatever the editor typed.
        assert webinar.date == datetime.date(2030, 3, 15)
        assert timezone.localtime(webinar.starts_at).hour == 14
