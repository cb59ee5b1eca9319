"""No lost edits, by a three-way merge: two people change the same item; the second save
applies only the fields its author changed and keeps the fields only the other changed; a
field both changed asks which to keep, with both values side by side."""

import pytest
from django.test import Client
from django.urls import reverse

from faqs.models import FAQ
from initiatives.models import Initiative
from tests.admin_forms import assert_saved, form_data
from tests.factories import FAQFactory, InitiativeFactory, RoleUserFactory, TopicFactory

pytestmark = pytest.mark.django_db


def signed_in(username, role="Publisher"):
    client = Client()
    client.force_login(RoleUserFactory(username=username, role=role))
    return client


@pytest.fixture
def two():
    return signed_in("amal"), signed_in("budi")


def change_url(obj):
    opts = type(obj)._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_different_fields_are_merged(two):
    amal, budi = two
    faq = FAQFactory(question="Who leads?", answer="The Secretary-General.")
    change = change_url(faq)
    amal_form, budi_form = amal.get(change), budi.get(change)
    assert_saved(amal.post(change, form_data(amal_form, answer="The Secretary-General of ASEAN.")))
    saved = budi.post(change, form_data(budi_form, question="Who leads the Secretariat?"))
    assert_saved(saved)
    faq.refresh_from_db()
    assert faq.question == "Who leads the Secretariat?"  # Budi's
    assert faq.answer == "The Secretary-General of ASEAN."  # Amal's, kept
    followed = budi.get(change)
    assert "their changes to answer are kept" in followed.content.decode()


def test_many_to_many_links_are_merged(two):
    amal, budi = two
    trade, health, energy = (TopicFactory(name=n) for n in ("Trade", "Health", "Energy"))
    item = InitiativeFactory(topics=[trade])
    change = change_url(item)
    amal_form, budi_form = amal.get(change), budi.get(change)
    assert_saved(amal.post(change, form_data(amal_form, topics=[str(trade.pk), str(health.pk)])))
    assert_saved(budi.post(change, form_data(budi_form, summary="Budi's summary.")))
    item.refresh_from_db()
    assert set(item.topics.all()) == {trade, health} and item.summary == "Budi's summary."
    del energy


def test_a_field_both_changed_asks_for_a_choice_side_by_side(two):
    amal, budi = two
    faq = FAQFactory(question="Who leads?", answer="Old answer.", slug="who-leads")
    change = change_url(faq)
    amal_form, budi_form = amal.get(change), budi.get(change)
    assert_saved(amal.post(change, form_data(amal_form, answer="Amal's answer.", slug="leads")))
    asked = budi.post(change, form_data(budi_form, answer="Budi's answer.", question="Who?"))
    assert asked.status_code == 200
    form = asked.context["adminform"].form
    [clash] = form.clashes
    assert str(clash["label"]) == "answer"
    assert (clash["mine"], clash["theirs"]) == ("Budi's answer.", "Amal's answer.")
    html = asked.content.decode()
    assert "Keep mine" in html and "Keep theirs (amal)" in html
    assert '<fieldset class="merge-choice"' in html and "<legend>Answer</legend>" in html
    # Nothing saved yet; Amal's slug is shown in the form (kept).
    assert FAQ.objects.get(pk=faq.pk).answer == "Amal's answer."
    assert form["slug"].value() == "leads"
    # Saving without a choice asks again; with one, the merge is saved.
    again = form_data(asked)
    assert budi.post(change, again).status_code == 200
    again[clash["input"]] = "theirs"
    assert_saved(budi.post(change, again))
    faq.refresh_from_db()
    assert (faq.question, faq.answer, faq.slug) == ("Who?", "Amal's answer.", "leads")


def test_choosing_mine_keeps_mine(two):
    amal, budi = two
    faq = FAQFactory(answer="Old.")
    change = change_url(faq)
    amal_form, budi_form = amal.get(change), budi.get(change)
    assert_saved(amal.post(change, form_data(amal_form, answer="Amal's.")))
    asked = budi.post(change, form_data(budi_form, answer="Budi's."))
    again = form_data(asked)
    again[asked.context["adminform"].form.clashes[0]["input"]] = "mine"
    assert_saved(budi.post(change, again))
    assert FAQ.objects.get(pk=faq.pk).answer == "Budi's."


def test_a_third_save_after_the_choice_asks_again(two):
    amal, budi = two
    carla = signed_in("carla")
    faq = FAQFactory(answer="Old.")
    change = change_url(faq)
    amal_form, budi_form = amal.get(change), budi.get(change)
    assert_saved(amal.post(change, form_data(amal_form, answer="Amal's.")))
    asked = budi.post(change, form_data(budi_form, answer="Budi's."))
    assert_saved(carla.post(change, form_data(carla.get(change), answer="Carla's.")))
    again = form_data(asked)
    again[asked.context["adminform"].form.clashes[0]["input"]] = "mine"
    asked_again = budi.post(change, again)
    assert asked_again.status_code == 200
    assert asked_again.context["adminform"].form.clashes[0]["theirs"] == "Carla's."
    assert FAQ.objects.get(pk=faq.pk).answer == "Carla's."


def test_identical_changes_are_no_clash(two):
    amal, budi = two
    faq = FAQFactory(answer="Old.")
    change = change_url(faq)
    amal_form, budi_form = amal.get(change), budi.get(change)
    assert_saved(amal.post(change, form_data(amal_form, answer="Same.")))
    assert_saved(budi.post(change, form_data(budi_form, answer="Same.")))


def test_an_editor_changing_a_new_draft_merges_too():
    amal, budi = signed_in("amal", "Editor"), signed_in("budi", "Editor")
    faq = FAQFactory(state="draft", answer="Old.", question="Q?")
    change = change_url(faq)
    amal_form, budi_form = amal.get(change), budi.get(change)
    assert_saved(amal.post(change, form_data(amal_form, answer="Amal's.")))
    assert_saved(budi.post(change, form_data(budi_form, question="Budi's?")))
    faq.refresh_from_db()
    assert (faq.question, faq.answer) == ("Budi's?", "Amal's.")
    assert Initiative  # (imported for the module's other tests)


# --- co-editors of a draft of a live item ----------------------------------------------


def test_two_editors_on_one_draft_merge_and_see_each_others_saves():
    from publishing.models import Draft, DraftRevision

    amal, budi = signed_in("amal", "Editor"), signed_in("budi", "Editor")
    live = FAQFactory(question="Who leads?", answer="Old.")
    change = change_url(live)
    # Amal starts the draft; both then open it.
    assert_saved(amal.post(change, form_data(amal.get(change), answer="Amal's first.")))
    amal_form, budi_form = amal.get(change), budi.get(change)
    assert_saved(amal.post(change, form_data(amal_form, answer="Amal's second.")))
    assert_saved(budi.post(change, form_data(budi_form, question="Who leads it?")))
    data = Draft.objects.get().data["fields"]
    assert (data["question"], data["answer"]) == ("Who leads it?", "Amal's second.")
    assert DraftRevision.objects.count() == 3
    page = budi.get(reverse("admin:faqs_faq_draft", args=[live.pk])).content.decode()
    assert "Saves of this draft" in page and "amal" in page and "budi" in page
    # The live item is untouched.
    assert FAQ.objects.get(pk=live.pk).answer == "Old."


def test_two_editors_on_one_draft_clash_on_a_field():
    amal, budi = signed_in("amal", "Editor"), signed_in("budi", "Editor")
    live = FAQFactory(answer="Old.")
    change = change_url(live)
    assert_saved(amal.post(change, form_data(amal.get(change), question="Amal's question?")))
    amal_form, budi_form = amal.get(change), budi.get(change)
    assert_saved(amal.post(change, form_data(amal_form, answer="Amal's.")))
    asked = budi.post(change, form_data(budi_form, answer="Budi's."))
    assert asked.status_code == 200
    [clash] = asked.context["adminform"].form.clashes
    assert (clash["mine"], clash["theirs"]) == ("Budi's.", "Amal's.")
    assert "Keep theirs (amal)" in asked.content.decode()
