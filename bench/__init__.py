"""The benchmark (``make bench``, ``make bench-load``): never part of the production site."""
