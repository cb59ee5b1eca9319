"""One JSON object per log line on stdout, for Django's and gunicorn's logs alike."""

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

# gunicorn's access log atoms (see its docs) and the names they get in the JSON.
ACCESS_FIELDS = {
    "h": "remote",
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "D": "duration_us",
    "f": "referer",
    "a": "user_agent",
}


class JsonFormatter(BaseJsonFormatter):
    """``{"time", "level", "logger", "message", ...extra}``; gunicorn's access lines become
    fields (method, path, status, duration) instead of one formatted string."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault(
            "rename_fields", {"levelname": "level", "name": "logger", "exc_info": "traceback"}
        )
        super().__init__("%(levelname)s %(name)s %(message)s", *args, **kwargs)

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        request = log_data.pop("request", None)
        if request is not None and hasattr(request, "path"):
            # django.request attaches the request object; keep what identifies it.
            log_data.setdefault("method", request.method)
            log_data.setdefault("path", request.path)
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            for atom, field in ACCESS_FIELDS.items():
                value = record.args.get(atom)
                if value not in (None, "-"):
                    log_data[field] = int(value) if str(value).isdigit() else value
        log_data.pop("args", None)


def stdout_logging(log_format, level, loggers):
    """A ``logging.config.dictConfig`` dict: everything to stdout in ``log_format``
    ("json" or "text"). ``loggers`` maps a logger name to its level; those loggers write
    once (they do not also pass their records to the root logger)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "asean_portal.log_format.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": log_format,
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            name: {"handlers": ["stdout"], "level": logger_level, "propagate": False}
            for name, logger_level in loggers.items()
        },
    }
