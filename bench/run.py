"""Run a benchmark command with Django set up: ``python -m bench.run search|admin [options]``.

They are Django commands (arguments, output) that the site never installs: the benchmark
lives beside the site, not in it.
"""

import importlib
import os
import sys

COMMANDS = {"search": "bench.run_search", "admin": "bench.run_admin"}


def main(argv):
    if len(argv) < 2 or argv[1] not in COMMANDS:
        sys.exit(f"usage: python -m bench.run {{{'|'.join(COMMANDS)}}} [options]")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asean_portal.settings.dev")
    import django

    django.setup()
    command = importlib.import_module(COMMANDS[argv[1]]).Command()
    command.run_from_argv([argv[0], argv[1], *argv[2:]])


if __name__ == "__main__":
    main(sys.argv)
