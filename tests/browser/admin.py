"""Helpers of the browser tests that work in the admin: the two roles' members and their sessions."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.browser.captures import VIEWPORT


def make_member(username, group_name):
    """A member of ``group_name`` whose password is ``<username>-secret``."""
    user = get_user_model().objects.create_user(
        username, f"{username}@exemple.fr", f"{username}-secret", first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"{username}-secret")
    page.get_by_role("button", name="S'identifier").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def open_session(browser, base_url, username):
    """A logged-in admin tab of its own (own cookies), at the size of the guide's screenshots."""
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, base_url, username)
    return page
