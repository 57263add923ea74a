"""A newsgraph extension: a step that counts the parser's sentences, and a reader for
``.tabnews`` files (one article a line: title, a tab, the text)."""

from newsgraph.inputs.raw import RawDoc
from newsgraph.registry import Reader, Step


def count_sentences(article, doc, state):
    """Runs after parsing (requires "doc"), in English only."""
    count = sum(1 for _ in doc.sents)
    return article.replace(extensions={**article.extensions, "sentences": count})


def read_tabnews(data, source, settings, *, url=None, charset=None):
    for n, line in enumerate(data.decode("utf-8").splitlines(), 1):
        if line.strip():
            title, _, text = line.partition("\t")
            yield RawDoc(source=f"{source}#{n}", kind="text", body=text, given={"title": title})


SENTENCE_COUNT = Step(
    "sentence_count",
    count_sentences,
    requires=("doc", "entities"),
    provides=("sentence_count",),
    languages=("en",),
)
TAB_READER = Reader("tabnews", read_tabnews, suffixes=(".tabnews",))
