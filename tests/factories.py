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


# Resources ------------------------------------------------------------------------------------
# Imported here rather than at the top so that the news factories above stay untouched.
from resources.models import (  # noqa: E402
    Audience,
    Organisation,
    ResourceDocument,
    ResourceIndexPage,
    ResourceOrganisation,
    ResourcePage,
    ResourceRelatedPage,
)


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ressources"
    slug = "ressources"
    introduction = "Les dispositifs et les outils présentés par le Club."

    class Meta:
        model = ResourceIndexPage


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Structure {n}")
    acronym = factory.Sequence(lambda n: f"S{n}")
    website = "https://structure.example.org"

    class Meta:
        model = Organisation


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A Wagtail document with real bytes and its size recorded, as an upload would leave it."""

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="fiche.pdf", data=b"%PDF-1.4\n" + b"x" * 2048)

    @factory.post_generation
    def metadata(obj, create, extracted, **kwargs):
        obj._set_document_file_metadata()
        if create:
            obj.save()

    class Meta:
        skip_postgeneration_save = True


_resource_numbers = itertools.count(1)


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A published resource. Relations are passed as lists and published in one revision:

    ``themes=["Économie territoriale"]``, ``audiences=["communes"]`` (slugs),
    ``organisations=[org]``, ``documents=[doc]``, ``related_pages=[webinar]``.
    """

    title = factory.LazyFunction(lambda: f"Ressource {next(_resource_numbers)}")
    kind = "dispositif"
    summary = factory.LazyAttribute(lambda o: f"Le résumé de « {o.title} ».")

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if extracted:
            obj.themes.set(extracted)
            obj._factory_dirty = True

    @factory.post_generation
    def audiences(obj, create, extracted, **kwargs):
        if extracted:
            obj.audiences.set(list(Audience.objects.filter(slug__in=extracted)))
            obj._factory_dirty = True

    @factory.post_generation
    def organisations(obj, create, extracted, **kwargs):
        if extracted:
            obj.organisation_links = [ResourceOrganisation(organisation=o) for o in extracted]
            obj._factory_dirty = True

    @factory.post_generation
    def documents(obj, create, extracted, **kwargs):
        if extracted:
            obj.documents = [ResourceDocument(document=d) for d in extracted]
            obj._factory_dirty = True

    @factory.post_generation
    def related_pages(obj, create, extracted, **kwargs):
        if extracted:
            obj.related_news = [ResourceRelatedPage(related_page=p) for p in extracted]
            obj._factory_dirty = True

    @factory.post_generation
    def publish_relations(obj, create, extracted, **kwargs):
        if create and getattr(obj, "_factory_dirty", False):
            obj.save_revision().publish()
            obj.refresh_from_db()
