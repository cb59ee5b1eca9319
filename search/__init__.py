"""Site-wide search: one ranked full-text search over published divisions, initiatives,
FAQs and topics, with facets, typo tolerance and an acronym glossary.

- ``models``: the index table, its vocabulary, the glossary, the queries that found nothing
- ``documents`` / ``indexing`` / ``signals``: what goes in the index and keeping it current
- ``query``: what a person typed, as clauses; ``engine``: one search from start to finish
- ``backends``: the one interface, with PostgreSQL and SQLite behind it
- ``views`` / ``forms`` / ``highlight``: the ``/search/`` page
"""
