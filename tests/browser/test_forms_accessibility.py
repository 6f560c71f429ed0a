"""The two public forms (e-mail alerts, support request) pass axe-core's WCAG 2.1 A/AA rules with no
serious or critical violation, empty and in their error states, at phone and desktop widths; and a
person can subscribe with a real browser (the honeypot stays empty, the stamp is accepted).

Same approach as ``test_accessibility.py``: axe-core from ``axe-playwright-python``, Debian's
Chromium, screenshots in tests/artifacts/screenshots/.
"""

import pytest

from tests.browser.axe import audit_at_widths

FORMS = [("alertes", "/alertes/"), ("accompagnement", "/accompagnement/")]


def check(page, key, screenshots_dir):
    problems = audit_at_widths(page, key, screenshots_dir)
    assert not problems, f"{key}\n" + "\n".join(problems)


@pytest.mark.parametrize(("key", "path"), FORMS, ids=[key for key, _ in FORMS])
def test_the_form_and_its_error_state_are_accessible(
    key, path, page, live_server, demo_site, screenshots_dir
):
    response = page.goto(live_server.url + path)
    assert response.status == 200
    assert page.locator("main form button[type=submit]").count()
    # The honeypot is neither seen nor reachable.
    assert not page.locator("input[name=site_web]").is_visible()
    check(page, f"formulaire-{key}", screenshots_dir)

    # Sent empty: the error summary, then each field's error, in French.
    page.locator("main form.public-form button[type=submit]").click()
    page.wait_for_load_state()
    summary = page.locator(".form-errors")
    assert summary.is_visible()
    assert "Champ requis" in summary.inner_text()
    assert page.locator(".field__error").count() >= 1
    assert page.locator("[aria-invalid=true]").count() >= 1
    check(page, f"formulaire-{key}-erreurs", screenshots_dir)


def test_a_person_subscribes_in_a_real_browser(page, live_server, demo_site, settings):
    settings.ANTISPAM_MIN_SECONDS = 1
    page.goto(live_server.url + "/alertes/")
    page.get_by_label("Votre adresse e-mail").fill("camille@exemple.fr")
    page.get_by_label("Une sélection chaque lundi").check()
    page.wait_for_timeout(1200)
    page.get_by_role("button", name="M'abonner").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Vérifiez votre messagerie"
    from alerts.models import Subscription

    subscription = Subscription.objects.get()
    assert subscription.email == "camille@exemple.fr" and subscription.rhythm == "hebdomadaire"
