"""Factories for tests (the demo content command serves people, not tests).

Shared by every test folder; add new factories at the end of the file.
"""

import datetime
import itertools

import factory
import wagtail_factories
from django.utils import timezone

from home.models import StandardPage
from news.models import (
    ArticlePage,
    NewsIndexPage,
    Speaker,
    TestimonialPage,
    WebinarPage,
)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.LazyAttribute(lambda o: f"Description de {o.title}")


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page standard {n}")
    introduction = "Une page de contenu."

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités"
    slug = "actualites"
    introduction = "Les nouvelles du Club."

    class Meta:
        model = NewsIndexPage


_news_numbers = itertools.count(1)


class NewsPageFactoryMixin(factory.Factory):
    """Fields every news item has. Pass ``themes=["Économie territoriale"]`` to tag it.

    Titles (hence slugs) are numbered across all kinds, so that siblings never share a slug.
    """

    title = factory.LazyFunction(lambda: f"Actualité {next(_news_numbers)}")
    date = factory.Sequence(lambda n: datetime.date(2021, 1, 1) - datetime.timedelta(days=n))
    introduction = factory.LazyAttribute(lambda o: f"Le chapô de « {o.title} ».")

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if extracted:
            obj.themes.set(extracted)
            if create:
                obj.save_revision().publish()


class ArticlePageFactory(NewsPageFactoryMixin, wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True


class WebinarPageFactory(NewsPageFactoryMixin, wagtail_factories.PageFactory):
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    duration_minutes = 60
    attendance = "online"
    registration_url = "https://inscription.example.org/webinaire"

    class Meta:
        model = WebinarPage
        skip_postgeneration_save = True


class TestimonialPageFactory(NewsPageFactoryMixin, wagtail_factories.PageFactory):
    __test__ = False

    speaker_name = "Camille Exemple"
    speaker_role = "Chargée de mission"
    organisation = "Communauté de communes du Val de l'Eyre"
    departement = "33"
    pull_quote = "Le Club nous a fait gagner du temps."

    class Meta:
        model = TestimonialPage
        skip_postgeneration_save = True


class SpeakerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Intervenant {n}")
    role = "Chef de projet"
    organisation = "ADI Nouvelle-Aquitaine"

    class Meta:
        model = Speaker
