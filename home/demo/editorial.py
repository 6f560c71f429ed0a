"""Demo content of the editorial workflow: roles on the demo sections, and two local accounts.

Runs last, once the section pages exist: their page permissions and moderation workflow are set up
here (``ensure_editorial_setup`` also runs when a section page is created; this makes sure of it).

On a developer's machine only (``DEBUG``), two accounts let anyone try the workflow with the
editor's guide (docs/guide-redaction.md): ``redactrice`` / ``redactrice`` (Rédacteurs) and
``moderateur`` / ``moderateur`` (Modérateurs). Like ``ensure_local_admin``, production never gets
them.
"""

from django.conf import settings
from django.contrib.auth import get_user_model

from home.editorial.roles import EDITORS, MODERATORS, ensure_editorial_setup

DEMO_ACCOUNTS = [
    # username (= password), first name, last name, group
    ("redactrice", "Camille", "Rédactrice", EDITORS),
    ("moderateur", "Dominique", "Modérateur", MODERATORS),
]


def demo_accounts(loader, groups):
    User = get_user_model()
    accounts = {}
    for username, first_name, last_name, group_name in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username,
                f"{username}@exemple.fr",
                username,
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.add(groups[group_name])
            loader._note(True, f"compte de démonstration « {username} » ({group_name})")
        else:
            loader._note(False, f"compte de démonstration « {username} »")
        accounts[username] = user
    return accounts


def load(loader, **context):
    setup = ensure_editorial_setup()
    sections = ", ".join(page.title for page in setup["sections"]) or "aucune rubrique"
    loader._note(False, f"rôles et circuit de validation ({sections})")
    result = {"editorial": setup}
    if settings.DEBUG:
        groups = {group.name: group for group in setup["groups"]}
        result["demo_accounts"] = demo_accounts(loader, groups)
    return result
