"""The spaCy pipeline for Vietnamese plans: underthesea words as tokens, rulers from the data.

- `planextract.underthesea_tokenizer.v1` (registered): spaCy tokens are underthesea's
  words ("Thông tin", "Truyền thông" are one token each), aligned to the input text so
  that `doc.text == text` and every offset holds.
- `gazetteer_ruler` (a component with one job): marks AGENCY spans from the agency
  gazetteer and PROVINCE spans from the provinces gazetteer, on `doc.ents` and in
  `doc.spans["ruler"]`.

`pipeline()` loads it once per process; nothing is downloaded: the tokenizer's model
ships inside the underthesea package and the rulers come from `planextract/data/`.
A trained pipeline (`models/planextract-ner`, shipped in the wheel, see `train.py` and
`resources.py`) is the whole thing — tokenizer, ruler, then the trained components (the
NER) that add what the rules miss — so `spacy.load(planextract.MODEL_NAME)` is what
`extract` runs; `set_model()` or PLANEXTRACT_MODEL chooses another or none.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from .model_choice import MODEL_ENV, check_model, model_path, set_model, using_model  # noqa: F401 (re-exported)

AGENCY, PROVINCE, LEGAL_REF, DATE, TIMEFRAME, PERCENT, INDICATOR = (
    "AGENCY", "PROVINCE", "LEGAL_REF", "DATE", "TIMEFRAME", "PERCENT", "INDICATOR")
LABELS = (AGENCY, PROVINCE, LEGAL_REF, DATE, TIMEFRAME, PERCENT, INDICATOR)
_TIMEFRAME = re.compile(
    r"(?:giai đoạn\s+)?\b20\d{2}\s*[-–]\s*20\d{2}\b|\bđến (?:hết )?năm\s+20\d{2}\b"
    r"|\bQuý\s+[IV]{1,3}/20\d{2}\b|\b(?:hằng|hàng) (?:năm|quý|tháng)\b|\bđịnh kỳ\s+0?6\s+tháng\b", re.I)
RULER_SPANS = "ruler"
RULER = "gazetteer_ruler"


class UndertheseaTokenizer:
    """Text → Doc whose tokens are underthesea's words, whitespace kept exactly."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from underthesea import word_tokenize
        words, spaces = align_words(text, word_tokenize(text) if text.strip() else [])
        return Doc(self.vocab, words=words, spaces=spaces)

    # Nothing to save: the model lives in the underthesea package.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "UndertheseaTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "UndertheseaTokenizer":
        return self


def align_words(text: str, words: list[str]) -> tuple[list[str], list[bool]]:
    """spaCy words and trailing-space flags that reproduce `text` exactly. Text the
    tokenizer skipped or changed is kept as whitespace-separated tokens of its own."""
    out_words: list[str] = []
    spaces: list[bool] = []
    pos = 0

    def add_raw(chunk: str) -> None:
        for m in re.finditer(r"\S+|\s+", chunk):
            if m.group(0) == " " and out_words and not spaces[-1]:
                spaces[-1] = True
            else:
                out_words.append(m.group(0))
                spaces.append(False)

    for word in words:
        found = text.find(word, pos)
        if found < 0 or not word:
            continue
        add_raw(text[pos:found])
        out_words.append(word)
        spaces.append(False)
        pos = found + len(word)
    add_raw(text[pos:])
    return out_words, spaces


TOKENIZER = "planextract.underthesea_tokenizer.v1"


@registry.tokenizers(TOKENIZER)
def create_underthesea_tokenizer():
    def make_tokenizer(nlp):
        return UndertheseaTokenizer(nlp.vocab)
    return make_tokenizer


@Language.factory(RULER, default_config={"province": None})
def make_gazetteer_ruler(nlp: Language, name: str, province: str | None):
    return GazetteerRuler(province)


class GazetteerRuler:
    """Spans the rules know, from the data files: AGENCY (agency gazetteer), PROVINCE
    (provinces), LEGAL_REF (citations), DATE, TIMEFRAME ("2022 - 2025", "đến hết năm 2025",
    "hằng năm") and PERCENT (a value with its comparator words: "đạt trên 80%")."""

    def __init__(self, province: str | None = None):
        self.province = province

    def __call__(self, doc: Doc) -> Doc:
        spans = [span for start, end, label in rule_spans(doc.text, self.province)
                 if (span := doc.char_span(start, end, label=label, alignment_mode="expand")) is not None]
        doc.spans[RULER_SPANS] = spans
        doc.ents = filter_spans(list(doc.ents) + spans)
        return doc


def rule_spans(text: str, province: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, label) of everything the rules find in a text."""
    from .extract.agencies import find_agencies
    from .extract.dates import DATE_PATTERN
    from .extract.references import citation_pattern
    from .analyze.quantities import find_quantities
    from .provinces import province_mentions
    out = [(s, e, AGENCY) for s, e, _ in find_agencies(text, province)]
    out += [(s, e, PROVINCE) for s, e, _ in province_mentions(text)]
    out += [(m.start(), m.end(), LEGAL_REF) for m in citation_pattern().finditer(text)]
    out += [(m.start(), m.end(), DATE) for m in re.finditer(rf"(?:ngày\s+)?(?:{DATE_PATTERN})", text)]
    out += [(m.start(), m.end(), TIMEFRAME) for m in _TIMEFRAME.finditer(text)]
    out += [(q.start, q.end, PERCENT) for q in find_quantities(text) if q.percent]
    return sorted(out)


def pipeline() -> Language:
    """The pipeline for the chosen model, built once per process and model."""
    path = model_path()
    return _pipeline(str(path) if path else None)


@lru_cache(maxsize=4)
def _pipeline(model: str | None) -> Language:
    if model is None:
        nlp = blank()
        nlp.add_pipe(RULER)
        return nlp
    check_model(Path(model))
    nlp = spacy.load(model)
    if RULER not in nlp.pipe_names:  # a pipeline of trained components only (trained elsewhere)
        nlp.add_pipe(RULER, first=True)
    return nlp


def whole_pipeline(trained: Language) -> Language:
    """The pipeline planextract runs, around the trained components of `trained`: the
    underthesea tokenizer, the ruler, then every trained component in its order (the NER;
    a span categorizer or a tok2vec too if a new recipe adds them). The ruler runs first:
    the NER keeps its entities and adds around them. `train` saves this, so that
    `spacy.load` of a saved model gives what `extract` runs."""
    nlp = blank()
    nlp.add_pipe(RULER)
    for name in trained.pipe_names:
        if name != RULER:
            nlp.add_pipe(name, source=trained)
    for key in ("name", "version", "description", "author", "license", "performance", "planextract"):
        if key in trained.meta:
            nlp.meta[key] = trained.meta[key]
    return nlp


def blank() -> Language:
    """A pipeline with the underthesea tokenizer and nothing else."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})


def entity_spans(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the pipeline's flat entities in each unit of a text, as
    offsets into the text."""
    nlp = pipeline()
    out = []
    for (start, _end), doc in zip(units, nlp.pipe(text[s:e] for s, e in units)):
        out += [(start + ent.start_char, start + ent.end_char, ent.label_) for ent in doc.ents]
    return out


def has_model() -> bool:
    return "ner" in pipeline().pipe_names


def model_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of what the trained NER adds to the rules; nothing without a model."""
    if not has_model():
        return []
    doc = pipeline()(text)
    ruler = {(s.start_char, s.end_char) for s in doc.spans[RULER_SPANS]}
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if (e.start_char, e.end_char) not in ruler]


def agency_spans(text: str) -> list[Span]:
    """AGENCY spans of a text, in order."""
    return [e for e in pipeline()(text).ents if e.label_ == AGENCY]
