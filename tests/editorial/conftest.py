"""Fixtures of the editorial workflow tests: the two roles, their users, the news section."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from home.editorial.roles import EDITORS, MODERATORS


def make_user(username, group_name=None, **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@exemple.fr", "mot-de-passe", **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    """A member of the Rédacteurs group."""
    return make_user("redactrice", EDITORS, first_name="Camille")


@pytest.fixture
def moderator(db):
    """A member of the Modérateurs group."""
    return make_user("moderateur", MODERATORS, first_name="Dominique")


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def moderator_client(moderator):
    client = Client()
    client.force_login(moderator)
    return client
