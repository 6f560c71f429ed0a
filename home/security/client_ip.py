"""The visitor's IP address, as the login throttles see it.

Behind the reverse proxy every request comes from the proxy's address, and the visitor's address
is in ``X-Forwarded-For``, which the proxy appends to whatever the visitor sent. So the header is
believed only when the request comes from a proxy listed in ``settings.TRUSTED_PROXIES``, and
only its right-most entries: the left ones are whatever the visitor chose to write. Without a
trusted proxy the address is the peer's (``REMOTE_ADDR``), and a forged header changes nothing.
"""

import ipaddress

from django.conf import settings


def _networks():
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.TRUSTED_PROXIES]


def _is_trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request):
    """The client's address: the right-most address that no trusted proxy wrote."""
    peer = request.META.get("REMOTE_ADDR", "")
    networks = _networks()
    if not networks or not _is_trusted(peer, networks):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:  # garbage written by the visitor: the proxy is all we know
                return peer
    return peer
