"""Requests for individual support ("accompagnement individuel"), kept 3 years (RGPD).

Stored before anything else: the e-mails to the team and to the requester go through the outbox
(``alerts.outbox``), so that a request is never lost when the SMTP server is down.
"""

from django.db import models

from support.territories import DEPARTEMENTS


class Role(models.TextChoices):
    ENGINEER = "ingenieur", "Chef de projet, développeur ou ingénieur territorial"
    ELECTED = "elu", "Élu ou élue"
    OFFICER = "agent", "Agent d'une collectivité ou d'un établissement public"
    OTHER = "autre", "Autre"


class Status(models.TextChoices):
    NEW = "nouvelle", "Nouvelle"
    IN_PROGRESS = "en-cours", "En cours"
    DONE = "traitee", "Traitée"


class SupportRequest(models.Model):
    name = models.CharField("nom et prénom", max_length=120)
    structure = models.CharField("structure", max_length=200)
    departement = models.CharField("département", max_length=3, choices=DEPARTEMENTS)
    territory = models.CharField("territoire", max_length=200, blank=True)
    role = models.CharField("fonction", max_length=20, choices=Role.choices)
    email = models.EmailField("adresse e-mail", max_length=254)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    project = models.TextField("projet", max_length=3000)
    themes = models.ManyToManyField(
        "home.Theme", verbose_name="thèmes", blank=True, related_name="support_requests"
    )
    resources = models.ManyToManyField(
        "resources.ResourcePage",
        verbose_name="ressources concernées",
        blank=True,
        related_name="support_requests",
    )
    status = models.CharField(
        "statut",
        max_length=20,
        choices=Status.choices,
        default=Status.NEW,
        help_text="Où en est la demande : l'équipe la passe « En cours » quand elle a pris "
        "contact, puis « Traitée ».",
    )
    created_at = models.DateTimeField("reçue le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        verbose_name = "demande d'accompagnement"
        verbose_name_plural = "demandes d'accompagnement"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_at"], name="support_request_created")]

    def __str__(self):
        return f"{self.name} – {self.structure}"

    def theme_names(self):
        return ", ".join(theme.hashtag for theme in self.themes.all())

    theme_names.short_description = "thèmes"

    def resource_titles(self):
        return ", ".join(resource.title for resource in self.resources.all())

    resource_titles.short_description = "ressources concernées"
