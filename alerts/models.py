"""E-mail alerts: subscriptions (double opt-in), what each was sent, and the outbox.

- ``Subscription``: one per address. Nothing but the confirmation e-mail is sent until the
  subscriber follows its link (``confirmed_at``); unconfirmed requests are deleted after 7 days by
  ``send_alerts``. ``key`` is part of every signed link: changing it voids them all.
- ``Delivery``: the items a subscriber was sent, unique per (subscription, page). Deliveries are
  written in the same transaction as the e-mail that carries them (``OutboxMessage``), so a crash
  and a second run never send the same item twice to the same person.
- ``OutboxMessage``: every e-mail of the site's public forms (confirmations, alerts, support
  requests) is stored before it is sent. One that the SMTP server refused stays here and is sent by
  the next ``send_alerts`` run.
"""

import secrets

from django.db import models
from django.db.models.functions import Lower

from alerts.kinds import ALERT_KIND_LABELS, join_kinds, parse_kinds


def new_key():
    return secrets.token_urlsafe(12)


class Rhythm(models.TextChoices):
    IMMEDIATE = "immediat", "Dès la publication"
    WEEKLY = "hebdomadaire", "Une sélection chaque lundi"


class Subscription(models.Model):
    email = models.EmailField("adresse e-mail", max_length=254)
    themes = models.ManyToManyField(
        "home.Theme",
        verbose_name="thèmes",
        blank=True,
        related_name="alert_subscriptions",
        help_text="Aucun thème : tous les thèmes.",
    )
    kinds = models.CharField(
        "types de contenus",
        max_length=200,
        blank=True,
        help_text="Slugs séparés par des virgules (article, webinaire, temoignage, ressource) ; "
        "vide : tous les types.",
    )
    rhythm = models.CharField(
        "rythme", max_length=20, choices=Rhythm.choices, default=Rhythm.IMMEDIATE
    )
    key = models.CharField("clé des liens", max_length=32, default=new_key, editable=False)
    created_at = models.DateTimeField("demandé le", auto_now_add=True)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)
    last_confirmation_sent_at = models.DateTimeField(
        "dernier e-mail de confirmation", null=True, blank=True, editable=False
    )
    last_digest_at = models.DateTimeField(
        "dernière sélection hebdomadaire", null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = "abonnement aux alertes"
        verbose_name_plural = "abonnements aux alertes"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="alerts_subscription_unique_email")
        ]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def kind_list(self):
        return parse_kinds(self.kinds)

    @kind_list.setter
    def kind_list(self, slugs):
        self.kinds = join_kinds(slugs)

    @property
    def kind_labels(self):
        return [ALERT_KIND_LABELS[slug] for slug in self.kind_list]

    def theme_names(self):
        return ", ".join(theme.hashtag for theme in self.themes.all())

    theme_names.short_description = "thèmes"

    def kinds_display(self):
        return ", ".join(self.kind_labels) or "Tous"

    kinds_display.short_description = "types de contenus"


class OutboxMessage(models.Model):
    class Purpose(models.TextChoices):
        CONFIRMATION = "confirmation", "Confirmation d'abonnement"
        MANAGE = "gestion", "Lien de gestion d'un abonnement"
        ALERT = "alerte", "Alerte"
        DIGEST = "selection", "Sélection hebdomadaire"
        SUPPORT_TEAM = "accompagnement-equipe", "Demande d'accompagnement (équipe)"
        SUPPORT_ACK = "accompagnement-accuse", "Accusé de réception d'une demande"

    purpose = models.CharField("objet", max_length=30, choices=Purpose.choices)
    subscription = models.ForeignKey(
        Subscription,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
        help_text="L'abonnement concerné : le supprimer supprime aussi ses e-mails en attente.",
    )
    to = models.EmailField("destinataire", max_length=254)
    subject = models.CharField("sujet", max_length=255)
    text = models.TextField("texte")
    html = models.TextField("HTML", blank=True)
    headers = models.JSONField("en-têtes", default=dict, blank=True)
    message_id = models.CharField("Message-ID", max_length=255)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)
    attempts = models.PositiveIntegerField("tentatives", default=0)
    last_error = models.TextField("dernière erreur", blank=True)
    lease_until = models.DateTimeField(
        "réservé jusqu'à",
        null=True,
        blank=True,
        help_text="Un envoi en cours le réserve : deux envois simultanés ne l'envoient pas deux "
        "fois ; un envoi interrompu le libère à cette heure.",
    )

    class Meta:
        verbose_name = "e-mail en attente"
        verbose_name_plural = "e-mails en attente"
        ordering = ["pk"]
        indexes = [models.Index(fields=["sent_at", "created_at"], name="alerts_outbox_pending")]

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.pk})"


class Delivery(models.Model):
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(
        OutboxMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "contenu envoyé"
        verbose_name_plural = "contenus envoyés"
        constraints = [
            models.UniqueConstraint(fields=["subscription", "page"], name="alerts_delivery_once")
        ]

    def __str__(self):
        return f"{self.subscription_id} → {self.page_id}"
