"""Settings for the site processes the backup tests start: the test settings, with the media
folder taken from MEDIA_ROOT so that every process of one scenario shares it."""

import os

from config.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["MEDIA_ROOT"]
