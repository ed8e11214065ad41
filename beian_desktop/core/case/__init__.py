"""The case: model (model.py) and its folder on disk (store.py)."""

from beian_desktop.core.case.model import Case, Event, Person, StoredFile, Subject, Website
from beian_desktop.core.case.store import (
    CaseFileError,
    add_file,
    load_case,
    new_case_folder,
    save_case,
)

__all__ = [
    "Case",
    "CaseFileError",
    "Event",
    "Person",
    "StoredFile",
    "Subject",
    "Website",
    "add_file",
    "load_case",
    "new_case_folder",
    "save_case",
]
