"""The filters of the resource listing: GET parameters, combinable, never an error.

Parameters (French, as visitors see them in the address bar):
``type`` (kind), ``public`` (audience slug), ``theme`` (theme slug), ``structure`` (organisation
slug) and ``ouvert`` (open or permanent today). A value that names nothing is ignored, as if the
filter were not set: a stale bookmark still shows a useful list rather than an error page.
"""

from django import forms
from django.utils import timezone

from home.forms import SlugChoiceField, ThemeChoiceField
from home.models import Theme
from resources.models import (
    Audience,
    Organisation,
    ResourceKind,
    ResourceOrganisation,
    ResourcePageTheme,
)
from resources.queries import with_card_data
from resources.status import open_on_q


class CheckboxFlag(forms.CheckboxInput):
    """A checkbox also set by hand in a link: ``?ouvert=1`` means yes, ``?ouvert=0`` means no."""

    FALSE_VALUES = {"", "0", "false", "off", "non"}

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if value is None:
            return False
        return str(value).strip().lower() not in self.FALSE_VALUES


class ResourceFilterForm(forms.Form):
    type = forms.ChoiceField(
        label="Type de ressource",
        required=False,
        choices=[("", "Tous les types")] + ResourceKind.choices,
    )
    public = SlugChoiceField(Audience.objects.all(), label="Public", empty_label="Tous les publics")
    theme = ThemeChoiceField(Theme.objects.none(), label="Thème", empty_label="Tous les thèmes")
    structure = SlugChoiceField(
        Organisation.objects.none(), label="Structure porteuse", empty_label="Toutes les structures"
    )
    ouvert = forms.BooleanField(
        label="Seulement les ressources ouvertes aujourd'hui",
        required=False,
        widget=CheckboxFlag,
        help_text="Dispositifs dont l'appel est en cours, et ressources permanentes.",
    )

    def __init__(self, data, resources, **kwargs):
        # Offer only the themes and organisations that lead to at least one resource.
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(
            resource_items__content_object__in=resources
        ).distinct()
        self.fields["structure"].queryset = Organisation.objects.filter(
            resource_links__page__in=resources
        ).distinct()


class ResourceFilter:
    """Applies the valid filters of ``data`` (a QueryDict) to ``resources`` (a queryset)."""

    def __init__(self, data, resources, today=None):
        self.data = data
        self.resources = resources
        self.today = today or timezone.localdate()
        self.form = ResourceFilterForm(data, resources)
        self.form.is_valid()  # invalid fields are left out of cleaned_data, hence ignored
        self.values = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value is not None and value != "" and value is not False
        }

    @property
    def is_active(self):
        return bool(self.values)

    def results(self):
        queryset = self.resources
        values = self.values
        if "type" in values:
            queryset = queryset.filter(kind=values["type"])
        if "public" in values:
            queryset = queryset.filter(audiences=values["public"])
        if "theme" in values:
            tagged = ResourcePageTheme.objects.filter(tag=values["theme"])
            queryset = queryset.filter(pk__in=tagged.values("content_object_id"))
        if "structure" in values:
            links = ResourceOrganisation.objects.filter(organisation=values["structure"])
            queryset = queryset.filter(pk__in=links.values("page_id"))
        if values.get("ouvert"):
            queryset = queryset.filter(open_on_q(self.today))
        return with_card_data(queryset)

    def active_filters(self):
        """``[{"label": "Public : Communes", "remove_url": "?theme=..."}]``, in form order."""
        active = []
        for name, field in self.form.fields.items():
            if name not in self.values:
                continue
            value = self.values[name]
            if name == "type":
                label = f"{field.label} : {ResourceKind(value).label}"
            elif name == "ouvert":
                label = "Ouvertes aujourd'hui"
            else:
                label = f"{field.label} : {field.label_from_instance(value)}"
            params = self.data.copy()
            params.pop(name, None)
            params.pop("page", None)
            encoded = params.urlencode()
            active.append({"label": label, "remove_url": f"?{encoded}" if encoded else "?"})
        return active
