"""Twenty staff members save twenty items in the admin at the same moment (threads, one
client each, each in its own connection, released together by a barrier).

``python -m tests.publishing.parallel_saves`` runs it against a database of its own
(``DATABASE_URL``; migrated first) and prints the answers' statuses as JSON: the SQLite file
case needs a database file that several connections share, which the test suite's
in-memory database is not."""

import json
import threading

SAVES = 20


def save_in_parallel(saves=SAVES):
    """``[(status, where), ...]`` of ``saves`` simultaneous admin saves of different FAQs,
    and the answers the items hold afterwards."""
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from faqs.models import FAQ
    from tests.admin_forms import form_data
    from tests.factories import FAQFactory, StaffFactory

    faqs = [FAQFactory(slug=f"parallel-{n}", answer="Before.") for n in range(saves)]
    people = [StaffFactory(username=f"parallel-{n}") for n in range(saves)]
    # Each person opens the form first, one after another (the test client's captured
    # context is per process, not per thread); then all save at once.
    forms = []
    for number in range(saves):
        client = Client(raise_request_exception=False)
        client.force_login(people[number])
        url = reverse("admin:faqs_faq_change", args=[faqs[number].pk])
        forms.append((client, url, form_data(client.get(url), answer=f"After, by {number}.")))
    barrier = threading.Barrier(saves)
    answers = [None] * saves

    def save(number):
        client, url, data = forms[number]
        try:
            barrier.wait(timeout=60)
            response = client.post(url, data)
            answers[number] = (response.status_code, response.get("Location", ""))
        except Exception as error:  # noqa: BLE001 - reported, never lost
            answers[number] = (f"{type(error).__name__}: {error}", "")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(saves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = sorted(
        FAQ.objects.filter(slug__startswith="parallel-").values_list("answer", flat=True)
    )
    return answers, saved


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asean_portal.settings.test")
    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    answers, saved = save_in_parallel()
    print(json.dumps({"answers": answers, "saved": saved}))
