from .audience import AUDIENCES, Audience
from .organisation import Organisation
from .pages import (
    PRESENTERS_HOOK,
    ResourceDocument,
    ResourceIndexPage,
    ResourceKind,
    ResourceOrganisation,
    ResourcePage,
    ResourcePageTheme,
    ResourceRelatedPage,
)

__all__ = [
    "AUDIENCES",
    "PRESENTERS_HOOK",
    "Audience",
    "Organisation",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourceKind",
    "ResourceOrganisation",
    "ResourcePage",
    "ResourcePageTheme",
    "ResourceRelatedPage",
]
