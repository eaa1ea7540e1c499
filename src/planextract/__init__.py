"""planextract: structured records from Vietnamese provincial plans.

    import planextract
    doc = planextract.load("corpus/dak-nong-292-2022.pdf")
    result = planextract.extract("corpus/dak-nong-292-2022.pdf")
    nlp = spacy.load(planextract.MODEL_NAME)   # the pipeline extract runs

Names are imported when first used, so that `import planextract` (and a command that
needs neither spaCy nor pandas) starts quickly.
"""
import sys
import types

from ._version import __version__

_LAZY = {
    "Block": ".document", "Cell": ".document", "Document": ".document", "Table": ".document",
    "PlanextractError": ".errors", "load": ".ingest", "load_text": ".ingest",
    "extract": ".api", "extract_text": ".api", "extract_many": ".api",
    "compare_national": ".national", "Extraction": ".records", "Limits": ".limits",
}

__all__ = ["Block", "Cell", "Document", "Table", "Extraction", "Limits", "PlanextractError", "compare_national", "extract_many",
           "extract", "extract_text", "load", "load_text", "MODEL_NAME", "LABEL_STUDIO_CONFIG", "__version__"]


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    if name == "MODEL_NAME":
        # spaCy loads a pipeline by package name or by path; this one ships inside
        # planextract's own wheel, so its name for spacy.load is its path.
        from .resources import default_model, model_locations
        return str(default_model() or model_locations()[0])
    if name == "LABEL_STUDIO_CONFIG":
        from .resources import shipped_file
        return shipped_file("label-studio.xml")
    raise AttributeError(f"module 'planextract' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """`planextract.extract` is the function, also once the subpackage of extractors that
    bears the same name has been imported (the import system would bind the subpackage
    here; it stays reachable as sys.modules["planextract.extract"])."""

    def __setattr__(self, name, value):
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
