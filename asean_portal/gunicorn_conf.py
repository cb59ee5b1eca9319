"""gunicorn settings for `make serve`; every value can be set from the environment."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
max_requests = 5000  # recycle workers now and then; jitter avoids all restarting together
max_requests_jitter = 500
accesslog = "-" if os.environ.get("ACCESS_LOG", "1") == "1" else None
errorlog = "-"
settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "asean_portal.settings.prod")
raw_env = [f"DJANGO_SETTINGS_MODULE={settings_module}"]
