import pytest
from django.test import Client

from tests.factories import ResourceIndexPageFactory


@pytest.fixture
def site(news_index):
    """Home page, news index and resource index: somewhere to publish."""
    resource_index = ResourceIndexPageFactory(parent=news_index.get_parent())
    return {"news_index": news_index, "resource_index": resource_index}


@pytest.fixture
def csrf_client():
    """A client that enforces CSRF like a browser-less mail client would meet it."""
    return Client(enforce_csrf_checks=True)
