"""A first list of search synonyms: the everyday words people use for the portal's subjects
and the words its pages use. Staff keep them in the admin (Site content → Synonyms)."""

from django.db import migrations

ENTRIES = [
    ("disaster", "flood, typhoon, cyclone, earthquake, tsunami, emergency, humanitarian"),
    ("women", "gender, girls"),
    ("safety", "violence, protection"),
    ("single window", "customs, paperwork, trade facilitation, border, clearance"),
    ("member states", "countries, nations, members"),
    ("founded", "established, start, started, began, created, formed"),
    ("function", "role, purpose, mandate, job, responsibility"),
    ("challenges", "problems, difficulties, issues"),
    ("support", "help, assist, assistance"),
    ("leads", "runs, heads, head, boss, chief, in charge"),
    ("located", "city, address, headquarters, based"),
    ("finance", "finances, budget, money, funding, staff, human resources"),
    ("economic", "economy, business"),
    ("digital", "internet, online, technology, ict"),
    ("e-commerce", "online shopping, online trade, ecommerce"),
    ("education", "schools, school, learning, universities, students"),
    ("energy", "electricity, power, renewable"),
    ("connectivity", "transport, infrastructure, roads, railways, links"),
    ("transnational crime", "trafficking, drugs, terrorism, smuggling, crime"),
    ("migration", "migrant, migrants, workers"),
    ("external relations", "other countries, foreign, diplomacy, dialogue partners"),
    ("development gap", "poorer, catch up, inequality"),
    ("public outreach", "communication, awareness, media, press"),
    ("environment", "climate, pollution, haze, biodiversity"),
    ("health", "pandemic, disease, medical"),
    ("political-security", "security, defence, peace"),
]


def add_entries(apps, schema_editor):
    Synonym = apps.get_model("asean_portal", "Synonym")
    for words, also_finds in ENTRIES:
        if not Synonym.objects.filter(words__iexact=words).exists():
            Synonym.objects.create(words=words, also_finds=also_finds)


def remove_entries(apps, schema_editor):
    Synonym = apps.get_model("asean_portal", "Synonym")
    for words, also_finds in ENTRIES:
        Synonym.objects.filter(words=words, also_finds=also_finds).delete()


class Migration(migrations.Migration):
    dependencies = [("asean_portal", "0014_search_synonyms")]

    operations = [migrations.RunPython(add_entries, remove_entries)]
