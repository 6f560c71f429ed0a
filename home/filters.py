"""The listings' filters, one mechanism for every app: django-filter ``FilterSet``s.

A listing (``/actualites/``, ``/ressources/``) reads its filters from the query string, so that a
filtered list can be bookmarked, shared and works without JavaScript. ``news/filters.py`` and
``resources/filters.py`` declare which filters each listing has, on ``ListingFilterSet``; this
module holds what they share:

- one policy for bad values: a value that names nothing the listing can show (an unknown kind,
  theme or organisation, ``annee=abc``, a NUL character, 10,000 characters, a parameter given
  twice) makes the filter set invalid and the listing answers 404: a wrong address, never a server
  error, and never a page that pretends to filter. An empty value means "all" (what the form sends
  for "Tous les types"); parameters that are not filters (``page``, ``utm_source``...) are left to
  others (``home.pagination``) or ignored.
- the slug choice field, that refuses odd values before any query;
- the words of the active filters (``summary()``) and a link that removes each one
  (``active_filters()``).

See https://django-filter.readthedocs.io/en/stable/ref/filterset.html for the FilterSet API
(``is_valid()``, ``errors``, ``qs``, ``form``).
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.forms.models import ModelChoiceIterator
from django.http import QueryDict
from django_filters.fields import ModelChoiceField

# The query parameter of the page number: not a filter, dropped when a filter changes.
PAGE_PARAM = "page"


class KnownChoiceIterator(ModelChoiceIterator):
    """The choices of a ``SlugChoiceField`` given its ``instances``: no query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.instances:
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.instances) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.instances)


class SlugChoiceField(ModelChoiceField):
    """An optional choice of model instances by slug, as a filter reads it from the query string.

    A value the database cannot compare (a NUL character, which PostgreSQL refuses in a string, or
    a value longer than any slug) is just an invalid choice, checked before any query: a hand-made
    address gets the filter's usual answer, never a server error.

    ``instances``, when given, are the choices already fetched (kept in the shared cache by the
    listing): the field then offers and checks them without a query.
    """

    MAX_LENGTH = 100

    def __init__(self, queryset=None, *, instances=None, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("required", False)
        self.instances = None if instances is None else list(instances)
        if self.instances is not None:
            self.iterator = KnownChoiceIterator
        super().__init__(queryset, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and ("\x00" in value or len(value) > self.MAX_LENGTH):
            raise forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")
        if self.instances is None or value in self.empty_values:
            return super().to_python(value)
        for obj in self.instances:
            if str(getattr(obj, self.to_field_name)) == str(value):
                return obj
        raise forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")


class ThemeChoiceField(SlugChoiceField):
    """A theme (``home.Theme``) chosen by slug (``?theme=economie-territoriale``), shown as
    ``#Économie territoriale``."""

    def label_from_instance(self, obj):
        return obj.hashtag


class FlagCheckbox(forms.CheckboxInput):
    """A checkbox whose value is also written by hand in links (``?ouvert=1``, ``?ouvert=non``).

    It hands the raw text to ``FlagField``, which says whether it means yes, no or nothing.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=lambda value: value is True)

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class FlagField(forms.Field):
    """Yes or no: ``1``, ``on`` (what a ticked checkbox sends), ``true``, ``oui`` mean yes; an
    absent or empty value, ``0``, ``off``, ``false``, ``non`` mean no; anything else is invalid."""

    widget = FlagCheckbox
    TRUE_VALUES = {"1", "on", "true", "oui", "yes"}
    FALSE_VALUES = {"", "0", "off", "false", "non", "no"}

    def __init__(self, *, active_label, **kwargs):
        self.active_label = active_label  # the filter in words when it is on
        super().__init__(**kwargs)

    def to_python(self, value):
        if value is None or isinstance(value, bool):
            return bool(value)
        text = str(value).strip().lower()
        if text in self.TRUE_VALUES:
            return True
        if text in self.FALSE_VALUES:
            return False
        raise forms.ValidationError("Valeur inattendue (oui ou non).", code="invalid")

    def prepare_value(self, value):
        # How the checkbox shows a submitted value: ticked for yes only.
        try:
            return self.to_python(value)
        except forms.ValidationError:
            return False


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """Filters on a model instance chosen by slug (``SlugChoiceField``)."""

    field_class = SlugChoiceField


class ThemeFilter(SlugChoiceFilter):
    """Filters on a theme chosen by slug, shown as a hashtag (``ThemeChoiceField``)."""

    field_class = ThemeChoiceField


class FlagFilter(django_filters.BooleanFilter):
    """A yes/no filter shown as one checkbox (``FlagField``); give it a ``method`` that narrows the
    queryset for yes and returns it unchanged for no."""

    field_class = FlagField


class ListingFilterForm(forms.Form):
    """The form under every listing's filter set: labels without a colon, one value per filter."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        getlist = getattr(self.data, "getlist", None)
        for name in self.fields:
            # ``?theme=a&theme=b`` would otherwise filter on the last one, silently.
            if getlist is not None and len(getlist(name)) > 1:
                self.add_error(name, forms.ValidationError("Un seul choix.", code="repeated"))
        return cleaned_data


@dataclass(frozen=True)
class ActiveFilter:
    """One filter in effect: ``text`` (``#Économie territoriale``), ``label`` (``Thème :
    #Économie territoriale``) and ``remove_url``, the listing without it (``?type=guide``)."""

    name: str
    text: str
    label: str
    remove_url: str


class ListingFilterSet(django_filters.FilterSet):
    """The base of every listing's filters; subclasses declare their filters.

    Always bound to the query string (``request.GET``); the view calls ``is_valid()`` and answers
    404 when it is false, then lists ``qs``.
    """

    class Meta:
        form = ListingFilterForm

    def __init__(self, data, queryset, **kwargs):
        super().__init__(QueryDict() if data is None else data, queryset, **kwargs)

    @property
    def values(self):
        """The valid filters in effect, ``{name: value}`` in declaration order (after ``is_valid``)."""
        cleaned = getattr(self.form, "cleaned_data", {})
        return {
            name: cleaned[name]
            for name in self.filters
            if cleaned.get(name) not in (None, "", False)
        }

    @property
    def is_active(self):
        return bool(self.values)

    def count_key(self, *listing):
        """``listing`` (what is filtered: an index page's id) and the filters in effect, as the
        key of the listing's total (``home.pagination.paginate``)."""
        chosen = (f"{name}={getattr(value, 'pk', value)}" for name, value in self.values.items())
        return (*listing, *chosen)

    def value_text(self, name, value):
        """A filter's value in words, as its field shows it."""
        field = self.form.fields[name]
        if isinstance(field, FlagField):
            return field.active_label
        if isinstance(field, forms.ModelChoiceField):
            return field.label_from_instance(value)
        labels = {str(key): label for key, label in field.choices}
        return str(labels.get(str(value), value))

    def remove_url(self, name):
        """The query string without filter ``name`` (and back to the first page)."""
        params = self.data.copy()
        for key in (name, PAGE_PARAM):
            params.pop(key, None)
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else "?"

    def active_filters(self):
        """``[ActiveFilter]``: each filter in effect, in declaration order."""
        active = []
        for name, value in self.values.items():
            field = self.form.fields[name]
            text = self.value_text(name, value)
            label = text if isinstance(field, FlagField) else f"{field.label} : {text}"
            active.append(ActiveFilter(name, text, label, self.remove_url(name)))
        return active

    def summary(self):
        """The filters in effect in words: ``Webinaires, #Économie territoriale, 2020``."""
        return ", ".join(self.value_text(name, value) for name, value in self.values.items())
