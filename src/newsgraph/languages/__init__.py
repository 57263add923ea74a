"""The languages newsgraph parses: one module each, registered through the
``newsgraph.languages`` entry point group (see :mod:`newsgraph.registry`).

A language is a parser that yields spaCy ``Doc`` objects plus the steps it runs;
:mod:`.en` is the English one. Articles in a language with no registered parser get
the steps that need no parse (publication date and time expressions) and a warning.
"""
