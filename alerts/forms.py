"""The subscription form (``/alertes/``) and the preferences form (``/alertes/gerer/...``)."""

from django import forms

from alerts.kinds import ALERT_KINDS
from alerts.models import Rhythm
from home.antispam import AntiSpamFormMixin
from home.models import Theme

MAX_CHOICES = 100
MAX_SLUG_LENGTH = 100


class ThemesField(forms.ModelMultipleChoiceField):
    """Themes by slug. Values no database could compare (a NUL character, a huge string) or too
    many of them are an invalid choice, checked before any query."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Theme.objects.order_by("name"),
            to_field_name="slug",
            required=False,
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )
        self.error_messages["invalid_choice"] = "« %(value)s » n'est pas un des thèmes proposés."

    def label_from_instance(self, obj):
        return obj.hashtag

    def clean(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        if len(values) > MAX_CHOICES or any(
            not isinstance(v, str) or "\x00" in v or len(v) > MAX_SLUG_LENGTH for v in values
        ):
            raise forms.ValidationError(
                "Choisissez parmi les thèmes proposés.", code="invalid_choice"
            )
        return super().clean(value)


class PreferencesForm(forms.Form):
    themes = ThemesField(
        label="Thèmes",
        help_text="Aucun thème coché : vous serez averti sur tous les thèmes.",
    )
    kinds = forms.MultipleChoiceField(
        label="Types de contenus",
        choices=ALERT_KINDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Aucun type coché : articles, webinaires, témoignages et ressources.",
    )
    rhythm = forms.ChoiceField(
        label="Rythme",
        choices=Rhythm.choices,
        initial=Rhythm.IMMEDIATE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kinds"].error_messages["invalid_choice"] = (
            "« %(value)s » n'est pas un des types proposés."
        )


class SubscribeForm(AntiSpamFormMixin, PreferencesForm):
    email = forms.EmailField(
        label="Votre adresse e-mail",
        max_length=254,
        help_text="Format attendu : nom@domaine.fr",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = ["email", "themes", "kinds", "rhythm"]


def initial_from_query(query):
    """What the short forms (theme pages, news listing) pass by GET: ``email``, ``theme``, ``type``.

    Only values that mean something are kept; the rest is ignored, never an error.
    """
    initial = {}
    email = query.get("email", "")
    if email and len(email) <= 254 and "\x00" not in email:
        initial["email"] = email.strip()
    slugs = [
        slug
        for slug in query.getlist("theme")[:MAX_CHOICES]
        if slug and len(slug) <= MAX_SLUG_LENGTH and "\x00" not in slug
    ]
    if slugs:
        initial["themes"] = list(Theme.objects.filter(slug__in=slugs))
    kinds = [kind for kind in query.getlist("type") if kind in dict(ALERT_KINDS)]
    if kinds:
        initial["kinds"] = kinds
    return initial
