"""Form fields the listings' filters share (news, resources)."""

from django import forms


class SlugChoiceField(forms.ModelChoiceField):
    """An optional choice of model instances by slug, as a filter reads it from the query string.

    A value the database cannot compare (a NUL character, which PostgreSQL refuses in a string, or
    a value longer than any slug) is just an invalid choice, checked before any query: a hand-made
    address gets the filter's usual answer, never a server error.
    """

    MAX_LENGTH = 100

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and ("\x00" in value or len(value) > self.MAX_LENGTH):
            raise forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")
        return super().to_python(value)


class ThemeChoiceField(SlugChoiceField):
    """A theme (``home.Theme``) chosen by slug (``?theme=economie-territoriale``), shown as
    ``#Économie territoriale``."""

    def label_from_instance(self, obj):
        return obj.hashtag
