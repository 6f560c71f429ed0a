"""The support request form (``/accompagnement/``)."""

from django import forms
from django.core.validators import RegexValidator

from alerts.forms import ThemesField
from home.antispam import AntiSpamFormMixin
from resources.models import ResourcePage
from support.models import Role
from support.territories import DEPARTEMENTS

ONE_LINE = "Ce champ tient sur une ligne : retirez les retours à la ligne."


def one_line(value):
    """Names go into the team's e-mail body, never into a header; still, a name is one line."""
    if "\r" in value or "\n" in value:
        raise forms.ValidationError(ONE_LINE, code="line_break")


phone_validator = RegexValidator(
    r"^\+?[0-9 ().-]{6,30}$",
    "Saisissez un numéro de téléphone, par exemple 05 56 00 00 00 ou +33 5 56 00 00 00.",
)


class ResourcesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class SupportRequestForm(AntiSpamFormMixin, forms.Form):
    name = forms.CharField(
        label="Nom et prénom",
        max_length=120,
        validators=[one_line],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    structure = forms.CharField(
        label="Structure",
        max_length=200,
        validators=[one_line],
        help_text="Votre collectivité, intercommunalité, agence ou association.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.ChoiceField(label="Votre fonction", choices=[("", "Choisissez…"), *Role.choices])
    departement = forms.ChoiceField(
        label="Département", choices=[("", "Choisissez…"), *DEPARTEMENTS]
    )
    territory = forms.CharField(
        label="Territoire (facultatif)",
        max_length=200,
        required=False,
        validators=[one_line],
        help_text="La commune, l'intercommunalité ou le pays concerné par le projet.",
    )
    email = forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        help_text="Format attendu : nom@domaine.fr",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label="Téléphone (facultatif)",
        max_length=30,
        required=False,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    project = forms.CharField(
        label="Votre projet en quelques lignes",
        min_length=20,
        max_length=3000,
        help_text="Ce que vous voulez faire, où vous en êtes, ce qui vous bloque (3 000 caractères "
        "au plus).",
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    themes = ThemesField(label="Thèmes (facultatif)")
    resources = ResourcesField(
        label="Ressources concernées (facultatif)",
        queryset=ResourcePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Les dispositifs ou outils du site sur lesquels porte votre demande.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resources"].queryset = ResourcePage.objects.visible().order_by("title")
        self.fields["resources"].error_messages["invalid_choice"] = (
            "« %(value)s » n'est pas une des ressources proposées."
        )
        self.fields["resources"].error_messages["invalid_pk_value"] = (
            "« %(pk)s » n'est pas une des ressources proposées."
        )


def initial_from_query(query):
    """``?ressource=<id>`` from a resource page ticks that resource; anything else is ignored."""
    ids = [
        value for value in query.getlist("ressource")[:20] if value.isdigit() and len(value) < 12
    ]
    if not ids:
        return {}
    return {"resources": list(ResourcePage.objects.visible().filter(pk__in=ids))}
