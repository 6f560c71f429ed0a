"""The production WSGI application plus the uploaded media, for ``make lighthouse`` only.

Production serves images from S3 or the reverse proxy, not from Django; on loopback this wrapper
plays that part so that the audited pages show their images. ``autorefresh``: image renditions are
written while the pages are first served, after this starts.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from config.wsgi import application as django_application

application = WhiteNoise(
    django_application, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True
)
