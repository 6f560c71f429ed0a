"""What a subscriber may ask to be alerted of: every kind of news (``news.kinds.KINDS``) and the
resources, each by a short slug stored in ``Subscription.kinds``."""

from news.kinds import KINDS

RESOURCE = "ressource"

#: (slug, plural label) in the order the forms list them.
ALERT_KINDS = [(kind.slug, kind.plural) for kind in KINDS] + [(RESOURCE, "Ressources")]
ALERT_KIND_SLUGS = [slug for slug, _ in ALERT_KINDS]
ALERT_KIND_LABELS = dict(ALERT_KINDS)


def parse_kinds(value):
    """The known kind slugs in a comma-separated string, in the forms' order."""
    given = {part.strip() for part in (value or "").split(",")}
    return [slug for slug in ALERT_KIND_SLUGS if slug in given]


def join_kinds(slugs):
    """The comma-separated string stored for ``slugs`` (unknown ones dropped)."""
    return ",".join(parse_kinds(",".join(slugs or [])))
