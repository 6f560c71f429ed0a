"""The public pages of the alerts. None is ever cached (``never_cache``): they carry a CSRF token,
a fresh anti-spam stamp or a personal link.

The short forms on the theme pages and the news listing send a GET to ``/alertes/``, which shows
this full form filled in: those cached pages need no CSRF token.
"""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alerts import subscriptions, tokens
from alerts.forms import PreferencesForm, SubscribeForm, initial_from_query
from home import antispam

SCOPE = "alertes"


def link_problem(request, problem):
    return render(request, "alerts/link_problem.html", {"problem": problem}, status=problem.status)


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        status = antispam.check_submission(request, form, SCOPE)
        if status == 200 and form.is_valid():
            data = form.cleaned_data
            subscriptions.request_subscription(
                data["email"], data["themes"], data["kinds"], data["rhythm"]
            )
            return redirect("alerts:requested")
    else:
        form = SubscribeForm(initial=initial_from_query(request.GET))
    return render(request, "alerts/subscribe.html", {"form": form}, status=status)


@never_cache
def requested(request):
    return render(request, "alerts/requested.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: a mail scanner opening the link confirms nothing."""
    try:
        subscription = tokens.read_token(token, tokens.CONFIRM)
    except tokens.LinkProblem as problem:
        return link_problem(request, problem)
    if subscription.is_confirmed:
        return render(
            request,
            "alerts/confirmed.html",
            {"subscription": subscription, "already": True, **_links(subscription)},
        )
    if request.method == "POST":
        subscriptions.confirm(subscription)
        return render(
            request,
            "alerts/confirmed.html",
            {"subscription": subscription, "already": False, **_links(subscription)},
        )
    return render(request, "alerts/confirm.html", {"subscription": subscription})


def _links(subscription):
    return {
        "manage_token": tokens.make_token(subscription, tokens.MANAGE),
        "unsubscribe_token": tokens.make_token(subscription, tokens.UNSUBSCRIBE),
    }


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    try:
        subscription = tokens.read_token(token, tokens.MANAGE)
    except tokens.LinkProblem as problem:
        return link_problem(request, problem)
    saved = False
    if request.method == "POST" and request.POST.get("action") == "supprimer":
        subscriptions.delete(subscription)
        return render(request, "alerts/deleted.html")
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            subscriptions.save_choices(subscription, data["themes"], data["kinds"], data["rhythm"])
            saved = True
    else:
        form = PreferencesForm(
            initial={
                "themes": list(subscription.themes.all()),
                "kinds": subscription.kind_list,
                "rhythm": subscription.rhythm,
            }
        )
    return render(
        request,
        "alerts/manage.html",
        {"form": form, "subscription": subscription, "saved": saved, "token": token},
    )


@never_cache
@csrf_exempt  # RFC 8058: mail software sends the one-click POST with no cookie and no token.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks for a click (link checkers open GET links); POST unsubscribes at once.

    The signed token is the proof: it is only in the e-mails sent to the address. Replaying it after
    the subscription is gone answers that it is gone (200), as RFC 8058 expects of a repeat.
    """
    try:
        subscription = tokens.read_token(token, tokens.UNSUBSCRIBE)
    except tokens.LinkProblem as problem:
        if problem is tokens.GONE:
            return render(request, "alerts/unsubscribed.html", {"already": True})
        return link_problem(request, problem)
    if request.method == "POST":
        subscriptions.delete(subscription)
        return render(request, "alerts/unsubscribed.html", {"already": False})
    return render(
        request, "alerts/unsubscribe.html", {"subscription": subscription, "token": token}
    )
