"""Values computed once per request: what several templates, cards or headers of one page ask
for again (a theme's address, the breadcrumb trail, an index page, a feed's state).

Kept on the request object itself, so they end with it; without a request (a management
command, a test calling a helper) the value is computed each time.
"""


def once_per_request(request, name, key, compute):
    """``compute()``, computed once per request for ``name`` (what is kept) and ``key`` (which
    one: a page, a theme)."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault(f"_memo_{name}", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]
