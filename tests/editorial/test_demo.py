"""Demo content: the editorial setup runs last; local demo accounts exist only with DEBUG."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail import hooks

from home.demo import editorial, site
from home.demo.loader import DEMO_CONTENT_HOOK
from home.editorial.roles import EDITORS, MODERATORS, WORKFLOW_NAME, section_index_pages
from news import demo as news_demo
from resources import demo as resources_demo

pytestmark = pytest.mark.django_db


def test_demo_loaders_come_from_every_app_the_site_first_and_the_editorial_setup_last():
    assert hooks.get_hooks(DEMO_CONTENT_HOOK) == [
        site.load,
        news_demo.load,
        resources_demo.load,
        editorial.load,
    ]


def test_demo_sections_are_moderated_and_open_to_both_roles(settings):
    settings.DEBUG = False
    call_command("load_demo_content", verbosity=0)
    sections = list(section_index_pages())
    assert [page.slug for page in sections] == ["actualites", "ressources"]
    for page in sections:
        assert page.get_workflow().name == WORKFLOW_NAME
        groups = set(page.group_permissions.values_list("group__name", flat=True))
        assert groups == {EDITORS, MODERATORS}


def test_no_demo_accounts_without_debug(settings):
    settings.DEBUG = False
    call_command("load_demo_content", verbosity=0)
    assert not get_user_model().objects.filter(username__in=["redactrice", "moderateur"]).exists()


def test_demo_accounts_on_a_developer_machine(settings, client, capsys):
    settings.DEBUG = True
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    assert "Rien à créer" in capsys.readouterr().out.splitlines()[-1]
    users = get_user_model().objects.filter(username__in=["redactrice", "moderateur"])
    assert {(user.username, user.groups.get().name) for user in users} == {
        ("redactrice", EDITORS),
        ("moderateur", MODERATORS),
    }
    assert all(user.email for user in users)  # so that they receive the notifications
    for user in users:
        assert not user.is_superuser and not user.is_staff
        assert client.login(username=user.username, password=user.username)
        assert client.get("/admin/").status_code == 200
