"""A person's page as schema.org JSON-LD: a ``Person`` with the posts held today as
``jobTitle`` and the ASEAN Secretariat (the node ``public.structured_data`` defines, by its
own site) as ``worksFor`` while they hold one."""

from public.structured_data import secretariat_ref, to_json

__all__ = ["person", "to_json"]


def person(request, person, current=()):
    url = request.build_absolute_uri(person.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": url + "#person",
        "name": person.name,
        "url": url,
        "mainEntityOfPage": url,
    }
    if person.honorific:
        data["honorificPrefix"] = person.honorific
    if person.portrait:
        data["image"] = request.build_absolute_uri(person.portrait.url)
    if person.nationality_id:
        data["nationality"] = {"@type": "Country", "name": person.nationality.name}
    titles = list(dict.fromkeys(appointment.role.title for appointment in current))
    if titles:
        data["jobTitle"] = titles[0] if len(titles) == 1 else titles
        data["worksFor"] = secretariat_ref(request)
    return data
