import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import (
    DateTimeField,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    Value,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import DocumentLinkBlock
from home.formatting import time_fr
from news import structured_data
from news.admin_forms import WebinarPageForm
from news.replay import replay_for

from .pages import NewsPage

ATTENDANCE_CHOICES = [
    ("online", "En ligne"),
    ("onsite", "Sur place"),
    ("hybrid", "En ligne et sur place"),
]

# The kinds of session the Club runs; all share the fields, pages and calendars of a webinar.
SESSION_TYPE_CHOICES = [
    ("webinaire", "Webinaire"),
    ("session-collective", "Session collective"),
    ("presentation-dispositif", "Présentation de dispositif"),
    ("atelier", "Atelier"),
]

# The longest a session may last (a week). It also bounds the search for the sessions not yet
# ended: those that started less than this long ago or later, an index range on ``starts_at``
# instead of every past session (``not_ended``).
LONGEST_SESSION = datetime.timedelta(days=7)


def ends_at_expression():
    """A session's end (``starts_at`` plus ``duration_minutes``) computed by the database, to
    annotate a queryset of sessions with as ``ends_at_db``."""
    minutes = Cast("duration_minutes", IntegerField()) * Value(datetime.timedelta(minutes=1))
    return ExpressionWrapper(
        F("starts_at") + ExpressionWrapper(minutes, output_field=DurationField()),
        output_field=DateTimeField(),
    )


def not_ended(queryset, now):
    """The sessions of ``queryset`` (annotated with ``ends_at_db``) that have not ended at
    ``now``; one in progress counts."""
    return queryset.filter(starts_at__gt=now - LONGEST_SESSION, ends_at_db__gt=now)


_KIND_PREFIX = re.compile(
    r"\s*(?:{})\s*[:–—-]\s*(?=\S)".format(
        "|".join(re.escape(label) for _, label in SESSION_TYPE_CHOICES)
    ),
    re.IGNORECASE,
)


def title_in_sentence(title):
    """A session's title as it reads after "lors du webinaire": without a leading kind of
    session ("Webinaire : Les aides" gives "Les aides")."""
    found = _KIND_PREFIX.match(title)
    return title[found.end() :] if found else title


# Fields whose change makes calendar subscribers update their copy (see ``WebinarPage.save``).
SCHEDULE_FIELDS = ("starts_at", "duration_minutes", "cancelled")


class SessionKindLabel:
    """``kind_label`` of a session: "Webinaire" on the class, the session's own type on a page.

    The kind of news stays "webinaire" for filters, feeds and search (``news.kinds`` reads the
    class), while a card, the page's kicker and the JSON-LD say "Session collective" or "Atelier".
    """

    def __get__(self, page, owner):
        if page is None:
            return "Webinaire"
        return page.get_session_type_display()


class WebinarSpeaker(Orderable):
    """A speaker of one webinar, in the order the editor chose."""

    page = ParentalKey("news.WebinarPage", related_name="speakers", on_delete=models.CASCADE)
    speaker = models.ForeignKey(
        "news.Speaker",
        verbose_name="intervenant",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Choisissez un intervenant existant ou créez-le depuis ce sélecteur.",
    )

    panels = [FieldPanel("speaker")]

    class Meta(Orderable.Meta):
        verbose_name = "intervenant du webinaire"
        verbose_name_plural = "intervenants du webinaire"


class WebinarPage(NewsPage):
    """A webinar: announced with its registration call, then recapped once it has taken place.

    Which face a visitor sees follows from ``starts_at`` and the clock; no editor switches it.
    """

    starts_at = models.DateTimeField(
        "début",
        help_text="Date et heure de début (heure de Paris).",
    )
    duration_minutes = models.PositiveSmallIntegerField(
        "durée (minutes)",
        default=60,
        validators=[
            MaxValueValidator(
                LONGEST_SESSION // datetime.timedelta(minutes=1),
                "Une session dure au plus une semaine (%(limit_value)s minutes).",
            )
        ],
        help_text="La durée prévue de la session, en minutes.",
    )
    attendance = models.CharField(
        "modalité",
        max_length=10,
        choices=ATTENDANCE_CHOICES,
        default="online",
        help_text="Comment assister à la session.",
    )
    online_url = models.URLField(
        "lien de connexion",
        blank=True,
        help_text="L'adresse de la visioconférence, si elle est publique.",
    )
    venue = models.CharField(
        "lieu",
        max_length=250,
        blank=True,
        help_text="L'adresse, pour une session sur place.",
    )
    registration_url = models.URLField(
        "lien d'inscription",
        blank=True,
        help_text="Le formulaire d'inscription ; montré tant que la session n'a pas eu lieu.",
    )
    session_type = models.CharField(
        "type de session",
        max_length=30,
        choices=SESSION_TYPE_CHOICES,
        default="webinaire",
        help_text="Webinaire, session collective, présentation de dispositif ou atelier : "
        "affiché sur les cartes, la page, l'agenda et les calendriers.",
    )
    cancelled = models.BooleanField(
        "session annulée",
        default=False,
        help_text="Cochez si la session n'aura pas lieu : la page l'annonce, l'inscription "
        "disparaît et les agendas abonnés reçoivent l'annulation. Ne dépubliez pas la page.",
    )
    sequence = models.PositiveIntegerField(
        "version de l'horaire",
        default=0,
        editable=False,
        help_text="Augmente à chaque changement d'horaire, de durée ou d'annulation : les "
        "agendas abonnés (SEQUENCE iCalendar) remplacent alors leur copie.",
    )
    recap_summary = RichTextField(
        "compte rendu",
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text="Ce qui s'est dit : montré une fois la session passée.",
    )
    key_takeaways = StreamField(
        [("takeaway", blocks.CharBlock(label="À retenir", max_length=300))],
        verbose_name="points clés",
        blank=True,
        help_text="Les trois à cinq idées à retenir de la session, une par ligne.",
    )
    replay_url = models.URLField(
        "lien du replay",
        blank=True,
        help_text="La vidéo de la session (YouTube, Vimeo, PeerTube...). Si la vidéo ne peut pas "
        "être intégrée, un simple lien est affiché.",
    )
    recap_documents = StreamField(
        [("document", DocumentLinkBlock())],
        verbose_name="supports et documents",
        blank=True,
        help_text="Le diaporama et les documents présentés pendant la session.",
    )

    kind = "webinaire"
    kind_label = SessionKindLabel()
    related_resources_heading = "Ressources présentées"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    event_panels = [
        FieldPanel("session_type"),
        FieldRowPanel(
            [
                FieldPanel(
                    "starts_at",
                    help_text="Date et heure de début (heure de Paris). Une nouvelle session "
                    "propose le même jour de la semaine suivante à 10 h : indiquez la vraie date.",
                ),
                FieldPanel("duration_minutes"),
            ]
        ),
        MultiFieldPanel(
            [FieldPanel("attendance"), FieldPanel("online_url"), FieldPanel("venue")],
            heading="Participer",
        ),
        FieldPanel("registration_url"),
        FieldPanel("cancelled"),
        InlinePanel("speakers", heading="Intervenants", label="Intervenant"),
    ]
    recap_panels = [
        FieldPanel("recap_summary"),
        FieldPanel("key_takeaways"),
        FieldPanel("replay_url"),
        FieldPanel("recap_documents"),
    ]
    search_fields = NewsPage.search_fields + [
        index.SearchField("recap_summary"),
        index.SearchField("key_takeaways"),
        index.FilterField("starts_at"),
    ]

    base_form_class = WebinarPageForm

    class Meta:
        verbose_name = "webinaire"
        verbose_name_plural = "webinaires"
        # Sessions are listed by start then id (soonest first, or latest first): the index reads
        # the first rows of either order without sorting every session of a range.
        indexes = [
            models.Index(fields=["starts_at", "newspage_ptr"], name="news_webinar_starts_at_id")
        ]

    def clean(self):
        super().clean()
        if self.attendance in ("onsite", "hybrid") and not self.venue:
            raise ValidationError({"venue": "Indiquez le lieu d'une session sur place."})

    def save(self, *args, **kwargs):
        if self.starts_at:
            self.date = timezone.localtime(self.starts_at).date()
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(SCHEDULE_FIELDS) & set(update_fields):
            self.sequence = self.next_sequence()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence"}
        super().save(*args, **kwargs)

    def get_structured_data(self, request):
        return [structured_data.event(self, request)]

    @cached_property
    def speaker_links(self):
        """The speakers in the editor's order, with their snippet, in one query."""
        return list(self.speakers.select_related("speaker__photo"))

    def next_sequence(self):
        """The iCalendar ``SEQUENCE`` this save should store.

        Compared with the row in the database, not with this object: Wagtail publishes a revision
        made from an older copy of the page (its ``sequence`` may be stale), and saving a draft of
        a live page writes none of the schedule fields. The counter never goes back.
        """
        if self.pk is None:
            return self.sequence or 0
        stored = type(self).objects.filter(pk=self.pk).values(*SCHEDULE_FIELDS, "sequence").first()
        if stored is None:
            return self.sequence or 0
        current = max(self.sequence or 0, stored["sequence"])
        changed = any(getattr(self, name) != stored[name] for name in SCHEDULE_FIELDS)
        return current + 1 if changed else current

    @property
    def title_in_sentence(self):
        return title_in_sentence(self.title)

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes or 0)

    def is_past(self, now=None):
        """True once the session has ended: the page then shows its recap."""
        return (now or timezone.now()) >= self.ends_at

    def is_upcoming(self, now=None):
        return not self.is_past(now)

    @property
    def has_recap(self):
        return bool(self.recap_summary or self.key_takeaways or self.replay_url)

    def get_context(self, request, *args, **kwargs):
        """The face of the page follows the clock: registration call before, recap after."""
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        is_past = self.is_past(now)
        context.update(
            is_past=is_past,
            speaker_list=[item.speaker for item in self.speaker_links],
            replay=replay_for(self.replay_url) if is_past else None,
            # A new session previewed before its first save has no testimonial pointing to it.
            testimonial_list=(
                list(self.testimonials.visible(now).newest_first()) if self.pk is not None else []
            ),
        )
        return context

    #: Preview modes showing one face whatever the date: the writer checks the recap before the
    #: session, or the announcement after it.
    ANNOUNCEMENT_PREVIEW_MODE = "annonce"
    RECAP_PREVIEW_MODE = "compte-rendu"

    @property
    def preview_modes(self):
        return [
            *super().preview_modes,
            (self.ANNOUNCEMENT_PREVIEW_MODE, "Annonce"),
            (self.RECAP_PREVIEW_MODE, "Compte rendu"),
        ]

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        if mode_name in (self.ANNOUNCEMENT_PREVIEW_MODE, self.RECAP_PREVIEW_MODE):
            is_past = mode_name == self.RECAP_PREVIEW_MODE
            context.update(is_past=is_past, replay=replay_for(self.replay_url) if is_past else None)
        return context

    @property
    def card_meta(self):
        if self.cancelled:
            return "Annulée"
        if self.is_upcoming():
            return f"À venir, à {time_fr(self.starts_at)}, {self.get_attendance_display().lower()}"
        return "Compte rendu en ligne" if self.has_recap else ""


WebinarPage.edit_handler = WebinarPage.build_edit_handler(
    [
        ObjectList(WebinarPage.event_panels, heading="Webinaire"),
        ObjectList(WebinarPage.recap_panels, heading="Compte rendu"),
    ]
)
