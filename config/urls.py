from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemaps import sitemap_index, sitemap_section

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", home_views.search, name="search"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Page routes that end in a feed file name (the news index's /actualites/flux.rss...): served
    # by Wagtail like every page, whose own URL pattern only takes paths that end with a slash.
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.(?:rss|atom))$", wagtail_views.serve, name="feed_serve"),
    # Wagtail's page serving comes last: it catches every other URL.
    path("", include(wagtail_urls)),
]
