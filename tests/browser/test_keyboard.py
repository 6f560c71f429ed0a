"""Keyboard-only use: skip links, the mobile menu, visible focus; reduced motion; print styles."""

import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

ACTIVE = "() => document.activeElement"
FOCUS_OUTLINE_JS = """() => {
  const style = getComputedStyle(document.activeElement);
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
}"""


def active(page, expression):
    return page.evaluate(f"() => {{ const el = document.activeElement; return {expression}; }}")


def tab_until(page, predicate, limit=15):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active(page, predicate):
            return
    pytest.fail(f"no element matching {predicate} within {limit} presses of Tab")


@pytest.fixture
def phone(page, live_server, small_site):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    return page


def test_mobile_menu_opens_walks_and_closes_with_the_keyboard(phone, screenshots_dir):
    page = phone
    toggle = page.locator(".menu-toggle")
    links = page.locator("#menu-principal a")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert links.count() >= 2 and not links.first.is_visible()

    tab_until(page, "el.classList.contains('menu-toggle')")
    assert page.evaluate(FOCUS_OUTLINE_JS), "the focused menu button shows no outline"

    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.screenshot(path=screenshots_dir / "menu-mobile-ouvert-390.png")
    names = [links.nth(i).inner_text() for i in range(links.count())]
    for name in names:  # Tab walks the menu links in order, each visible and outlined
        page.keyboard.press("Tab")
        assert active(page, "el.textContent.trim()") == name
        assert active(page, "el.closest('#menu-principal') !== null")
        assert page.evaluate(FOCUS_OUTLINE_JS), f"no visible focus on « {name} »"
        assert page.locator(":focus").is_visible()
    page.keyboard.press("Tab")  # then the search box, also in the panel
    assert active(page, "el.id") == "header-search-q"

    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert active(page, "el.classList.contains('menu-toggle')")
    assert not links.first.is_visible()

    page.keyboard.press("Space")  # a real button: Space works as well as Enter
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "false"


def test_current_page_is_announced_in_the_menu(page, live_server, small_site):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + small_site["club"].url)
    current = page.locator('#menu-principal a[aria-current="page"]')
    assert current.count() == 1 and current.inner_text() == "Le Club"


def test_skip_links_are_the_first_stop_and_reach_their_target(phone, live_server):
    page = phone
    home = live_server.url + "/"
    page.keyboard.press("Tab")
    assert active(page, "el.textContent.trim()") == "Aller au contenu"
    box = page.locator(":focus").bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, "the focused skip link is off screen"
    page.keyboard.press("Enter")
    assert active(page, "el.id") == "contenu"

    page.goto(home)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert active(page, "el.textContent.trim()") == "Aller au menu"
    page.keyboard.press("Enter")  # the closed mobile menu opens to receive the focus
    assert page.locator(".menu-toggle").get_attribute("aria-expanded") == "true"
    assert active(page, "el.id") == "menu-principal"
    assert page.locator("#menu-principal a").first.is_visible()

    page.goto(home)
    for _ in range(3):
        page.keyboard.press("Tab")
    assert active(page, "el.textContent.trim()") == "Aller à la recherche"
    page.keyboard.press("Enter")
    assert active(page, "el.id") == "header-search-q"
    page.keyboard.type("aides")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/?q=aides")
    assert page.title().startswith("Recherche « aides »")


def test_desktop_shows_the_menu_without_a_toggle(page, live_server, small_site):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/")
    assert not page.locator(".menu-toggle").is_visible()
    assert page.locator("#menu-principal a").first.is_visible()
    assert page.locator("#header-search-q").is_visible()


def test_menu_is_usable_without_javascript(browser, live_server, small_site):
    """Closed on a phone from the first frame; the "Menu" link and the skip links open it."""
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/")
    toggle = page.locator(".menu-toggle")
    links = page.locator("#menu-principal a")
    assert toggle.is_visible() and not links.first.is_visible()
    tab_until(page, "el.classList.contains('menu-toggle')")
    page.keyboard.press("Enter")
    assert links.first.is_visible() and page.locator("#header-search-q").is_visible()

    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert active(page, "el.textContent.trim()") == "Aller au menu"
    page.keyboard.press("Enter")
    assert links.first.is_visible()
    page.keyboard.press("Tab")  # the focus moved into the menu with the skip link
    assert active(page, "el.closest('#menu-principal') !== null")
    context.close()


def test_the_script_swaps_the_menu_link_for_a_button_without_moving_anything(
    browser, live_server, small_site
):
    """The box of the toggle is the same before (no JavaScript) and after the script runs."""
    boxes = {}
    for javascript in (False, True):
        context = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
        page = context.new_page()
        page.goto(live_server.url + "/")
        toggle = page.locator(".menu-toggle")
        boxes[javascript] = (toggle.evaluate("el => el.tagName"), toggle.bounding_box())
        boxes[javascript, "main"] = page.locator("main").bounding_box()
        context.close()
    assert boxes[False][0] == "A" and boxes[True][0] == "BUTTON"
    assert boxes[False][1] == boxes[True][1]
    assert boxes[False, "main"] == boxes[True, "main"]


def test_reduced_motion_turns_transitions_off(page, live_server, small_site):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/")
    duration = (
        "() => getComputedStyle(document.querySelector('#menu-principal a')).transitionDuration"
    )
    page.emulate_media(reduced_motion="no-preference")
    assert page.evaluate(duration) != "0s"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(duration) == "0s"


def test_print_shows_the_content_only(page, live_server, small_site, screenshots_dir):
    page.goto(live_server.url + small_site["club"].url)
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-footer", ".skip-links", ".breadcrumbs"):
        assert not page.locator(selector).is_visible(), f"{selector} is printed"
    assert page.locator("main h1").is_visible()
    page.pdf(path=screenshots_dir / "impression-page-standard.pdf")
