"""Deletes support requests received more than 3 years ago (RGPD retention, stated on the form).

Run it daily from the scheduler, e.g. after ``send_alerts`` (README, "Alerts and support").
"""

from django.core.management.base import BaseCommand

from support.requests import RETENTION_YEARS, purge


class Command(BaseCommand):
    help = f"Supprime les demandes d'accompagnement reçues il y a plus de {RETENTION_YEARS} ans."

    def handle(self, *args, **options):
        deleted = purge()
        self.stdout.write(f"{deleted} demande(s) de plus de {RETENTION_YEARS} ans supprimée(s).")
