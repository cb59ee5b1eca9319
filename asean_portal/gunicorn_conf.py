"""gunicorn settings for `make serve`; every value can be set from the environment."""

import multiprocessing
import os

from gunicorn.glogging import Logger

from asean_portal.log_format import stdout_logging

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Threaded workers: a sync worker's own request keeps it from telling the arbiter it is
# alive, so a long streamed download (the admin's export of 100,000 initiatives: 109 MB,
# minutes) was killed at ``timeout`` however steadily it streamed. A gthread worker's main
# loop keeps telling it; ``timeout`` still ends a worker that is truly stuck.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
max_requests = 5000  # recycle workers now and then; jitter avoids all restarting together
max_requests_jitter = 500
ACCESS_LOG = os.environ.get("ACCESS_LOG", "1") == "1"
accesslog = "-" if ACCESS_LOG else None


class WithoutAccessLog(Logger):
    """gunicorn's logger when the access log is off. With logging configured by a dict (as
    below), gunicorn builds every request's access-log fields and hands them to a logger
    that then drops them: 4.9% of a worker's Python time on an initiative's page under
    ``make bench`` (py-spy, GIL samples). This one builds nothing."""

    def access(self, resp, req, environ, request_time):
        pass


if not ACCESS_LOG:
    logger_class = WithoutAccessLog

errorlog = "-"
settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "asean_portal.settings.prod")
raw_env = [f"DJANGO_SETTINGS_MODULE={settings_module}"]
# gunicorn's control socket defaults to one path per user ($HOME/.gunicorn/gunicorn.ctl), so
# several servers on one machine would fight over it: off unless a path is given.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True

# gunicorn's own lines (access log, worker starts and errors) go to stdout as JSON, like
# the portal's (LOG_FORMAT=text for plain lines).
logconfig_dict = stdout_logging(
    os.environ.get("LOG_FORMAT", "json"),
    "INFO",
    {"gunicorn.error": "INFO", "gunicorn.access": "INFO" if ACCESS_LOG else "WARNING"},
)
