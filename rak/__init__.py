"""The `rak` command line: a thin layer over ``extractor`` and ``checks``."""
