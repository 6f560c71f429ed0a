"""``/accompagnement/``: the support request form. Never cached (CSRF token, anti-spam stamp)."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home import antispam
from support import requests
from support.forms import SupportRequestForm, initial_from_query

SCOPE = "accompagnement"
DELAYED = "differe"


@never_cache
@require_http_methods(["GET", "POST"])
def request_form(request):
    status = 200
    if request.method == "POST":
        form = SupportRequestForm(request.POST)
        status = antispam.check_submission(request, form, SCOPE)
        if status == 200 and form.is_valid():
            _, sent = requests.submit(form.cleaned_data)
            url = reverse("support:received")
            return redirect(url if all(sent) else f"{url}?envoi={DELAYED}")
    else:
        form = SupportRequestForm(initial=initial_from_query(request.GET))
    return render(request, "support/request_form.html", {"form": form}, status=status)


@never_cache
def received(request):
    return render(
        request, "support/received.html", {"delayed": request.GET.get("envoi") == DELAYED}
    )
