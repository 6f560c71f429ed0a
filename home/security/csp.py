"""The Content-Security-Policy of every response: strict on the public site, workable in the admin.

django-csp (https://django-csp.readthedocs.io/) writes the header; this middleware only chooses
the policy for each request, from the settings:

- ``CONTENT_SECURITY_POLICY``: the public site. No inline script or style, nothing from another
  host, no plugin, no framing (``frame-ancestors 'none'``).
- ``ADMIN_CONTENT_SECURITY_POLICY_UPDATE``, added under ``/admin/``: Wagtail's admin writes inline
  scripts (inline panels, date pickers) and inline styles, previews uploads from ``blob:`` URLs
  and frames its own page previews.
- a page previewed in the admin: Wagtail renders it through the middleware again, with a request
  of the page's own path marked ``is_preview``; it keeps the public policy, framed by the admin.
- ``CSP_MEDIA_SOURCES``: the S3 bucket or custom domain that serves images, when there is one.
- ``REPLAY_FRAME_SOURCES``, when ``NEWS_EMBED_REPLAYS`` is on: the video players of webinar
  replays (news/replay.py); otherwise no page may contain a frame.

A view that sets its own policy (django-csp's decorators) or its own header (Wagtail's document
view sends ``default-src 'none'``) keeps it.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"


def _merge(policy, additions):
    merged = {name: list(sources) for name, sources in policy.items()}
    for name, sources in additions.items():
        current = [source for source in merged.get(name, []) if source != "'none'"]
        merged[name] = current + [source for source in sources if source not in current]
    return merged


def public_policy():
    """The public site's directives, with the media and replay hosts of this deployment."""
    additions = {}
    if settings.CSP_MEDIA_SOURCES:
        additions["img-src"] = list(settings.CSP_MEDIA_SOURCES)
        additions["media-src"] = list(settings.CSP_MEDIA_SOURCES)
    if getattr(settings, "NEWS_EMBED_REPLAYS", False):
        additions["frame-src"] = list(settings.REPLAY_FRAME_SOURCES)
    return _merge(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], additions)


def preview_policy():
    """A page previewed in the admin: the public policy, framed by the admin's preview panel."""
    return _merge(public_policy(), {"frame-ancestors": ["'self'"]})


def admin_policy():
    """The admin's directives: the public ones plus what Wagtail's admin needs."""
    return _merge(public_policy(), settings.ADMIN_CONTENT_SECURITY_POLICY_UPDATE)


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the public or the admin policy depending on the path."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PREFIX):
            config = admin_policy()
        elif getattr(request, "is_preview", False):  # Wagtail's preview request, see above
            config = preview_policy()
        else:
            config = public_policy()
        return PolicyParts(config, parts.update, parts.replace, parts.nonce)
