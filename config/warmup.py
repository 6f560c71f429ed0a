"""What a worker would otherwise do on its first requests, done once in gunicorn's master.

Gunicorn loads the app in the master and forks the workers from it (``preload_app``), again each
time it recycles one (``max_requests``). Without this, every new worker compiles the templates,
imports the Wagtail hook modules and builds the URL resolver while visitors wait: hundreds of
milliseconds on the requests that find it cold. Done before the fork, the work is inherited.
Nothing here reaches the database or the cache, so a master started while either is down
still starts.
"""

from pathlib import Path

from django.template import engines
from django.template.exceptions import TemplateDoesNotExist, TemplateSyntaxError
from django.urls import get_resolver
from wagtail import hooks


def template_names(engine):
    """The names of every ``.html`` template the Django engine can find (project and apps)."""
    names = set()
    for loader in engine.engine.template_loaders:
        for directory in getattr(loader, "get_dirs", lambda: [])():
            root = Path(directory)
            names.update(str(path.relative_to(root)) for path in root.rglob("*.html"))
    return sorted(names)


def warm_up():
    """Compile every template into the cached loader, import the hooks, build the URL resolver."""
    get_resolver().url_patterns  # noqa: B018 (imports every URLconf)
    hooks.get_hooks("club_home_sections")  # imports every app's wagtail_hooks module
    engine = engines["django"]
    compiled = 0
    for name in template_names(engine):
        try:
            engine.get_template(name)
            compiled += 1
        except (TemplateDoesNotExist, TemplateSyntaxError):
            continue  # a template only another engine or a test reads
    return compiled
