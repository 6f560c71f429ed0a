"""Run ``publish_scheduled`` in a loop, beside the development server (``make run``).

Wagtail publishes a scheduled page, and withdraws an expired one, only when ``publish_scheduled``
runs. In production a systemd timer or cron runs it every minute (README, "Scheduled
publishing"); on a developer's machine ``make run`` starts this loop in the background so that a
page scheduled one minute ahead goes live on time in the demo too. A failed run is logged and the
loop goes on: the next run catches up, as the command is idempotent.
"""

import logging
import os
import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL = 60.0


class Command(BaseCommand):
    help = "Lance publish_scheduled toutes les N secondes (60 par défaut), jusqu'à l'arrêt."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=float(os.environ.get("SCHEDULER_INTERVAL", DEFAULT_INTERVAL)),
            help="Seconds between two runs (default: $SCHEDULER_INTERVAL or 60).",
        )
        parser.add_argument(
            "--runs", type=int, default=0, help="Stop after this many runs (0: never)."
        )

    def handle(self, *args, interval, runs, **options):
        if not interval > 0:
            raise CommandError("--interval must be a positive number of seconds.")
        # `make run` stops the loop with SIGTERM when the development server stops.
        signal.signal(signal.SIGTERM, _stop)
        self.stdout.write(f"Scheduler: publish_scheduled every {interval:g} s.")
        self.stdout.flush()
        done = 0
        try:
            while True:
                self.run_once()
                done += 1
                if runs and done >= runs:
                    return
                time.sleep(interval)
        except (KeyboardInterrupt, SystemExit):
            self.stdout.write("Scheduler stopped.")

    def run_once(self):
        close_old_connections()
        try:
            call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
        except Exception:  # one failed run must not stop the next ones
            logger.exception("publish_scheduled failed; retrying at the next run")
        finally:
            close_old_connections()


def _stop(signum, frame):
    raise SystemExit(0)
