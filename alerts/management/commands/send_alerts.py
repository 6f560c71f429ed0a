"""Run by the scheduler every 15 minutes (deploy/systemd/club-send-alerts.timer).

Sends what the outbox holds (e-mails the SMTP server refused earlier, support requests included),
then the immediate alerts, and on Mondays the weekly digests; deletes unconfirmed requests older
than 7 days. Safe to run twice at once or again after a crash: see ``alerts/sending.py``.
"""

from django.core.management.base import BaseCommand

from alerts import sending


class Command(BaseCommand):
    help = "Envoie les alertes par e-mail et les e-mails en attente (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--weekly",
            action="store_true",
            help="Envoie aussi les sélections hebdomadaires, même si l'on n'est pas lundi "
            "(une par abonné et par semaine).",
        )

    def handle(self, *args, weekly=False, **options):
        report = sending.run(force_weekly=weekly)
        self.stdout.write(
            f"Alertes : {report.alerts_sent} e-mail(s) envoyé(s) ({report.items_claimed} "
            f"contenu(s)), {report.alerts_failed} en attente"
            f"{' ; sélection hebdomadaire incluse' if report.weekly else ''}.\n"
            f"File d'attente : {report.retried_sent} e-mail(s) renvoyé(s), "
            f"{report.retried_failed} toujours en échec.\n"
            f"Purge : {report.purged_unconfirmed} demande(s) non confirmée(s), "
            f"{report.purged_messages} e-mail(s) de plus de 30 jours."
        )
