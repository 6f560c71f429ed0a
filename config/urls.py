from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import health
from home import views as home_views
from home.security import views as security_views
from home.sitemaps import sitemap_index, sitemap_section

urlpatterns = [
    # Hardening (issue 13): Wagtail's password reset and password forms, throttled. Routed
    # before Wagtail's own URLs, which they replace.
    path(
        "admin/password_reset/",
        security_views.PasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        security_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        security_views.authenticate_with_document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", home_views.search, name="search"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("alertes/", include("alerts.urls")),
    path("accompagnement/", include("support.urls")),
    path("sante/", health.health, name="health"),
]

if settings.LOADTEST_CEILING_VIEW:
    # The load test's bare Django view, measured beside the pages (see deploy/loadtest.sh).
    urlpatterns += [path("loadtest/ok/", health.ceiling, name="loadtest_ceiling")]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.SERVE_MEDIA_FILES and not settings.DEBUG:
    # Media on the app servers' disk (no S3), cached by the proxy. Never documents: they are
    # served at /documents/ with Wagtail's permission checks.
    urlpatterns += [
        re_path(
            r"^media/(?!documents/)(?P<path>.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [
    # Page routes that end in a file name (the news index's /actualites/flux.rss, the agenda's
    # /agenda/agenda.ics...): served by Wagtail like every page, whose own URL pattern only takes
    # paths that end with a slash.
    re_path(
        r"^((?:[\w\-]+/)*[\w\-]+\.(?:rss|atom|ics))$", wagtail_views.serve, name="page_file_serve"
    ),
    # Wagtail's page serving comes last: it catches every other URL.
    path("", include(wagtail_urls)),
]
