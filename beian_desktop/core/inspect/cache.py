"""Inspections remembered across reviews of the same files.

A case keeps its files under their SHA-256 and never changes them, so what inspection said of
a file (under its name: the extension is checked too), for a material and an upload profile,
stays true. The desktop app reviews a case again after every fix and packs it afterwards; it
need not decode every scan each time. (A copy changed on disk behind the app's back is caught
by the review's hash check, which blocks packing.)

Not used by one-shot runs (the CLI): there is nothing to remember between them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from beian_desktop.core.errors import BeianError
from beian_desktop.core.inspect.model import Inspection

Outcome = Inspection | BeianError  # a file that cannot be read stays unreadable
# (file: SHA-256 and the case copy's name, whose extension inspection checks; material id;
# upload profile id)
Key = tuple[str, str, str]


class InspectionCache:
    """A bounded, thread-safe map from (file, material, profile) to what inspection said."""

    def __init__(self, limit: int = 4096) -> None:
        self._limit = limit
        self._items: OrderedDict[Key, Outcome] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0

    def get(self, key: Key) -> Outcome | None:
        with self._lock:
            outcome = self._items.get(key)
            if outcome is not None:
                self._items.move_to_end(key)
                self.hits += 1
            return outcome

    def put(self, key: Key, outcome: Outcome) -> None:
        with self._lock:
            self._items[key] = outcome
            self._items.move_to_end(key)
            while len(self._items) > self._limit:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
