"""asean_portal/gunicorn_conf.py as gunicorn reads it: its logger with the access log on
and off."""

import importlib.util
import logging

import pytest
from django.conf import settings
from gunicorn.config import Config
from gunicorn.glogging import Logger

CONF = settings.BASE_DIR / "asean_portal" / "gunicorn_conf.py"


def loaded_conf(monkeypatch, access_log):
    monkeypatch.setenv("ACCESS_LOG", access_log)
    spec = importlib.util.spec_from_file_location("gunicorn_conf_under_test", CONF)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def gunicorn_loggers():
    """gunicorn's logger adds handlers to the named loggers it sets up: removed after."""
    yield
    for name in ("gunicorn.error", "gunicorn.access"):
        for handler in list(logging.getLogger(name).handlers):
            logging.getLogger(name).removeHandler(handler)


def fields_built(conf):
    """How many times the server's logger built a request's access-log fields when asked to
    log one request, with logging configured by a dict as the conf configures it."""
    cfg = Config()
    if hasattr(conf, "logger_class"):
        cfg.set("logger_class", conf.logger_class)
    built = []

    class Counting(cfg.logger_class):
        def atoms(self, *args):
            built.append(args)
            return {}

    logger = Counting(cfg)
    # What a logging dict makes gunicorn decide (its setup() reads cfg.logconfig_dict);
    # set here, so that this test does not configure the test process's logging.
    logger._access_log_enabled = True
    logger.access(resp=None, req=None, environ={}, request_time=None)
    return len(built)


def test_without_the_access_log_no_request_builds_its_fields(monkeypatch, gunicorn_loggers):
    conf = loaded_conf(monkeypatch, "0")
    assert conf.accesslog is None
    assert issubclass(conf.logger_class, Logger)
    assert fields_built(conf) == 0


def test_with_the_access_log_every_request_is_logged(monkeypatch, gunicorn_loggers):
    conf = loaded_conf(monkeypatch, "1")
    assert conf.accesslog == "-"
    assert not hasattr(conf, "logger_class")  # gunicorn's own
    assert fields_built(conf) == 1
