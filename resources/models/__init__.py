# isort: off
from .audience import AUDIENCES, Audience
from .organisation import Organisation
from .pages import (
    PRESENTERS_HOOK,
    ResourceDocument,
    ResourceKind,
    ResourceOrganisation,
    ResourcePage,
    ResourcePageTheme,
    ResourceRelatedPage,
)

# Last: the library's filters are built on the models above.
from .index import ResourceIndexPage
# isort: on

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
