"""Backups that restore: the database and the media in one dated, checksummed archive.

``manage.py backup`` writes the archive (``archive``, ``database``, ``media``, ``manifest``),
prunes old ones (``retention``) and copies it to a private S3 prefix when configured
(``remote``); ``manage.py restore`` verifies every checksum before it touches anything, then
brings the archive back into an empty database and media storage (``restore``).

Only Django, Wagtail and the standard library are used here: like the rest of ``home``, this
package never imports ``news`` or ``resources``; it saves whatever the database holds.
"""


class BackupError(Exception):
    """A reason to stop that the operator can act on; commands show it as it is."""
