"""planextract: structured records from Vietnamese provincial plans.

    import planextract
    doc = planextract.load("corpus/dak-nong-292-2022.pdf")
    result = planextract.extract("corpus/dak-nong-292-2022.pdf")
"""
from ._version import __version__
from .document import Block, Cell, Document, Table
from .errors import PlanextractError
from .ingest import load, load_text
from .limits import Limits
from .api import extract, extract_text
from .batch import extract_many
from .national import compare_national
from .records import Extraction


__all__ = ["Block", "Cell", "Document", "Table", "Extraction", "Limits", "PlanextractError", "compare_national", "extract_many", "extract", "extract_text",
           "load", "load_text", "__version__"]
