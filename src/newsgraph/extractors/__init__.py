"""The NLP extractors: pure functions from a parsed article to records.

One package per layer, each with its word lists in its own ``data/`` folder:
:mod:`.times` (TIMEX3 values, publication dating), :mod:`.entities` (names, coreference,
role phrases, KB links), :mod:`.quotes` (direct and indirect speech, speakers) and
:mod:`.events` (PLOVER/CAMEO coding). :mod:`.stage` runs them, in the order their
registered steps require, over batches of articles.
"""
