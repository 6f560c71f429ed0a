from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin"


class Command(BaseCommand):
    help = "Crée le compte d'administration local (admin / admin) s'il n'existe aucun superutilisateur."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusé : ce compte n'est créé qu'en développement (DEBUG=True).")
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("Un compte d'administration existe déjà.")
            return
        User.objects.create_superuser(USERNAME, "admin@example.org", PASSWORD)
        self.stdout.write(self.style.SUCCESS(f"Compte créé : {USERNAME} / {PASSWORD}"))
