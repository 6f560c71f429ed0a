"""Hardening against attackers and careless operators (issue 13).

- ``client_ip``: the visitor's address, read from the trusted proxy only;
- ``throttle`` and ``views``: the page-password form and the admin password reset are throttled
  on the shared cache (the admin login is throttled by django-axes, see the settings);
- ``csp``: the Content-Security-Policy of the public site and of the admin;
- ``media``: images and documents that a live page uses are covered by moderation.
"""
