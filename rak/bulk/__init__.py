"""Bulk runs: the one-file pipeline mapped over many files, each file isolated.

``discover`` turns the command line's PATH... into input files (and the files it skips, with
the reason); ``pool`` runs each file in a worker process with its own time limit, so a file
that fails, hangs or kills its worker becomes a result like any other; ``summary`` makes one
line per input file; ``outputs`` and ``indexpage`` write what ``--out DIR`` asks for, only
inside that folder. ``run`` joins them; the commands in ``rak/`` stay thin.

Nothing is imported here, so the commands can declare their options from ``rak.bulk.cli``
without loading the extractor (``rak --help`` stays fast); ``run_bulk`` is in ``rak.bulk.run``.
"""
