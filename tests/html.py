"""Helpers to read the HTML the site serves, shared by the test folders."""

import re

REMOTE = r"(?:https?:)?//"


def remote_resources(html):
    """What a browser would fetch from another site: images, scripts, frames, stylesheets, icons.

    Canonical and alternate links only name addresses (absolute by nature): they are not fetched.
    """
    found = re.findall(rf'\b(?:src|srcset)="({REMOTE}[^"]*)"', html)
    found += re.findall(r"<iframe\b[^>]*>", html)
    for tag in re.findall(r"<link\b[^>]+>", html):
        if not re.search(r'rel="(?:canonical|alternate)"', tag):
            found += re.findall(rf'href="({REMOTE}[^"]*)"', tag)
    return found
