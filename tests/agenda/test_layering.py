"""The agenda builds on the news and the site-wide app; neither of them names the agenda."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AGENDA_REFERENCE = re.compile(r"\bagenda(?:\.|_tags|/)|from agenda\b|import agenda\b")


def test_news_and_home_do_not_depend_on_the_agenda():
    offenders = []
    for app in ["home", "news", "resources", "templates"]:
        for path in (ROOT / app).rglob("*"):
            if path.suffix not in {".py", ".html"} or "migrations" in path.parts:
                continue
            if AGENDA_REFERENCE.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_check_finds_a_reference():
    assert AGENDA_REFERENCE.search("from agenda.links import agenda_for")
    assert AGENDA_REFERENCE.search("{% load agenda_tags %}")
    assert AGENDA_REFERENCE.search('{% include "agenda/includes/x.html" %}')
    assert not AGENDA_REFERENCE.search("Ajouter à mon agenda")
