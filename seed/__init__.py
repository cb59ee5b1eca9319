"""The Secretariat's seed content: the article (``secretariat.txt``), its parser, the
curated data around it, and the loader behind ``manage.py load_seed_content``."""
