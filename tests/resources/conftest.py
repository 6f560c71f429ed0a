import pytest

from tests.factories import ResourceIndexPageFactory


@pytest.fixture
def resource_index(home_page):
    return ResourceIndexPageFactory(parent=home_page)
