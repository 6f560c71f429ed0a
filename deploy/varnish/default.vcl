# Varnish in front of the gunicorn app servers (Debian's varnish package, VCL 4.1).
#
# - caches anonymous visitors' pages for the s-maxage the site sends (Cache-Control);
# - passes logged-in users (session cookie), the admin, documents and the health URL;
# - honours PURGE from Wagtail's frontend_cache (FRONTEND_CACHE_PURGE_URL): one change can
#   show on many pages (listings, theme pages, feeds, the home page), so any PURGE bans every
#   cached object, the same rule as the app servers' page cache generation;
# - serves /static/ (WhiteNoise's hashed files) and /media/ from its cache; never
#   /media/documents/: documents are served by Django at /documents/ with permission checks;
# - sets X-Forwarded-Proto (http here; a TLS terminator in front, trusted below, sets https).
#
# deploy/prod-local.sh replaces the backend port (8000) when it starts this file on loopback.
vcl 4.1;

import std;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .probe = {
        .url = "/sante/";
        .timeout = 2s;
        .interval = 5s;
        .window = 5;
        .threshold = 3;
    }
}

# Who may purge: the app servers.
acl purgers {
    "127.0.0.1";
    "::1";
}

# Who may tell us the visitor came over HTTPS: the TLS terminator (hitch, haproxy, a load balancer).
acl tls_terminators {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.x-url ~ .");
        return (synth(200, "Purged"));
    }

    if (!(client.ip ~ tls_terminators && req.http.X-Forwarded-Proto)) {
        set req.http.X-Forwarded-Proto = "http";
    }
    # Only the load test may ask the app for an uncached render, and never through the proxy.
    unset req.http.X-Page-Cache-Bypass;

    # One variant per encoding the app can send (static files: Brotli, gzip or plain, chosen by
    # WhiteNoise from Accept-Encoding and marked "Vary: Accept-Encoding"). varnishd runs with
    # http_gzip_support off, so this header reaches the app as written here.
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }

    if (req.url ~ "^/media/documents/") {
        return (synth(404, "Not found"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents|django-admin|sante)(/|$)") {
        return (pass);
    }
    if (req.url ~ "^/(static|media)/") {
        unset req.http.Cookie;
        return (hash);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Anonymous visitors all see the same page: their other cookies (csrftoken) change nothing,
    # and a page that needs one sets it, which keeps that answer out of the cache.
    unset req.http.Cookie;
    # One language: the page never depends on Accept-Language.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_backend_response {
    # Kept on the object so that bans are evaluated by the ban lurker, not by each request.
    set beresp.http.x-url = bereq.url;
    if (beresp.status >= 500) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # A few seconds of grace: one request refreshes an expired page while others get the copy.
    set beresp.grace = 10s;
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "HIT";
    } else {
        set resp.http.X-Proxy-Cache = "MISS";
    }
}
