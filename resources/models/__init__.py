from .audience import AUDIENCES, Audience
from .organisation import Organisation
from .pages import (
    NEWS_PAGE_TYPES,
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
    "NEWS_PAGE_TYPES",
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
