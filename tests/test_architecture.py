"""Layers point one way: ``home`` is the base; ``news`` and ``resources`` plug into it.

Checked on the source itself (every import, at the top or inside a function, and every template
``{% load %}``, ``{% include %}`` and ``{% extends %}``), so that a new dependency fails here
rather than in a circular import at start-up.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["home", "news", "resources", "agenda", "alerts", "support"]
CONTENT_APPS = set(APPS) - {"home"}
APP_LABEL = re.compile(r"[\"'](" + "|".join(CONTENT_APPS) + r")\.[A-Z]\w+[\"']")
TEMPLATE_TAG = re.compile(r"{%\s*(load|include|extends)\s+([^%]+)%}")


def python_files(app):
    return [path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


def template_files(app):
    return list((ROOT / app).rglob("*.html")) + list((ROOT / app).rglob("*.txt"))


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def tag_libraries():
    """``{library name: app}`` for the template tag libraries of our apps."""
    return {
        path.stem: app
        for app in APPS
        for path in (ROOT / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


def app_dependencies(app):
    """``{other app: [where]}``: what ``app`` uses of the other apps of the project."""
    found = {}
    for path in python_files(app):
        for module in imported_modules(path):
            target = module.split(".")[0]
            if target in APPS and target != app:
                found.setdefault(target, []).append(f"{path.relative_to(ROOT)}: import {module}")
        # Model labels in strings ("news.NewsPage") name an app as surely as an import.
        for match in re.finditer(APP_LABEL, path.read_text()):
            target = match.group(1)
            if target != app:
                found.setdefault(target, []).append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    libraries = tag_libraries()
    for path in template_files(app):
        for tag, argument in TEMPLATE_TAG.findall(path.read_text()):
            if tag == "load":
                targets = {libraries.get(name) for name in argument.split()}
            else:
                quoted = re.match(r"\s*[\"'](\w+)/", argument)
                targets = {quoted.group(1)} if quoted else set()
            for target in targets & set(APPS) - {app}:
                found.setdefault(target, []).append(f"{path.relative_to(ROOT)}: {tag} {argument}")
    return found


def test_home_uses_no_content_app():
    used = app_dependencies("home")
    assert not (CONTENT_APPS & set(used)), used


def test_the_apps_form_no_cycle():
    graph = {app: set(app_dependencies(app)) for app in APPS}

    def reaches(start, goal, seen=()):
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, (*seen, nxt)))
            for nxt in graph[start]
        )

    cycles = [app for app in APPS if reaches(app, app)]
    assert not cycles, graph


@pytest.mark.parametrize("app", sorted(CONTENT_APPS))
def test_content_apps_build_on_home(app):
    assert "home" in app_dependencies(app)


def test_the_checks_see_a_forbidden_import(tmp_path, monkeypatch):
    """The check itself works: an import of news added to home is reported."""
    fake_root = tmp_path
    for app in APPS:
        (fake_root / app / "templatetags").mkdir(parents=True)
    (fake_root / "home" / "bad.py").write_text("def f():\n    from news.models import NewsPage\n")
    (fake_root / "home" / "page.html").write_text('{% include "news/includes/card.html" %}')
    monkeypatch.setitem(globals(), "ROOT", fake_root)
    used = app_dependencies("home")
    assert set(used) == {"news"} and len(used["news"]) == 2
