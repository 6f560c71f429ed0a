from .mixins import BasePage
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings
from .theme import Theme

__all__ = ["BasePage", "HomePage", "SiteSettings", "StandardPage", "Theme"]
