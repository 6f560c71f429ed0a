"""Factories for tests (the demo content command serves people, not tests)."""

import factory
import wagtail_factories

from home.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page standard {n}")
    introduction = "Une page de contenu."

    class Meta:
        model = StandardPage
