"""Fixtures of the hardening tests: the two editorial roles, as in tests/editorial."""

from tests.editorial.conftest import (  # noqa: F401
    editor,
    editor_client,
    moderator,
    moderator_client,
)
