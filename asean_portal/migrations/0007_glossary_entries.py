"""A first glossary of the acronyms people search for; staff keep it in the admin."""

from django.db import migrations

ENTRIES = [
    ("AADMER", "ASEAN Agreement on Disaster Management and Emergency Response"),
    ("ADMM", "ASEAN Defence Ministers' Meeting"),
    ("AEC", "ASEAN Economic Community"),
    ("AFTA", "ASEAN Free Trade Area"),
    ("AHA", "ASEAN Coordinating Centre for Humanitarian Assistance on disaster management"),
    ("AICHR", "ASEAN Intergovernmental Commission on Human Rights"),
    ("AMS", "ASEAN Member States"),
    ("APSC", "ASEAN Political-Security Community"),
    ("ARF", "ASEAN Regional Forum"),
    ("ASCC", "ASEAN Socio-Cultural Community"),
    ("ASEC", "ASEAN Secretariat"),
    ("ASW", "ASEAN Single Window"),
    ("ATIGA", "ASEAN Trade in Goods Agreement"),
    ("CPR", "Committee of Permanent Representatives to ASEAN"),
    ("EAS", "East Asia Summit"),
    ("IAI", "Initiative for ASEAN Integration"),
    ("MPAC", "Master Plan on ASEAN Connectivity"),
    ("RCEP", "Regional Comprehensive Economic Partnership"),
    ("SEANWFZ", "Southeast Asia Nuclear Weapon-Free Zone"),
]


def add_entries(apps, schema_editor):
    GlossaryEntry = apps.get_model("asean_portal", "GlossaryEntry")
    for acronym, expansion in ENTRIES:
        if not GlossaryEntry.objects.filter(acronym__iexact=acronym).exists():
            GlossaryEntry.objects.create(acronym=acronym, expansion=expansion)


def remove_entries(apps, schema_editor):
    GlossaryEntry = apps.get_model("asean_portal", "GlossaryEntry")
    for acronym, expansion in ENTRIES:
        GlossaryEntry.objects.filter(acronym=acronym, expansion=expansion).delete()


class Migration(migrations.Migration):
    dependencies = [("asean_portal", "0006_search_engines")]

    operations = [migrations.RunPython(add_entries, remove_entries)]
