from .base_page import BasePage, CardPreviewMixin
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings
from .theme import Theme

__all__ = ["BasePage", "CardPreviewMixin", "HomePage", "SiteSettings", "StandardPage", "Theme"]
