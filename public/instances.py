"""Model instances made from values already read, as the ORM makes them for ``only()``."""


def with_only(model, **values):
    """An instance holding ``values`` (by attribute name, ``pk`` for the primary key), its
    other fields deferred: read from the database only if asked for. Made as
    ``Model(pk=…, slug=…, name=…)`` it would work out every other field's default (a
    Member State: 34 µs, against 7 µs this way); pages make one per link."""
    opts = model._meta
    if "pk" in values:
        values[opts.pk.attname] = values.pop("pk")
    names = [f.attname for f in opts.concrete_fields if f.attname in values]
    return model.from_db("default", names, [values[name] for name in names])
