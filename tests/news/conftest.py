"""Fixtures of the news tests."""

import pytest

from tests.conftest import make_news


@pytest.fixture
def news_items(news_index):
    return make_news(news_index, 5)
