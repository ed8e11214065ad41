"""Which material slot a file most likely belongs to, from its name and its shape.

The evidence, strongest first:

1. **Name keywords.** Each material lists words its file names tend to contain (the rule pack's
   `keywords`, plus the checklist's own name for it: 营业执照, 授权书 …). The slot whose keywords
   cover most of the name wins; a side keyword (正面 / 国徽面 …) picks the side of an ID card.
2. **Shape.** A picture shaped like exactly one open slot's paper format goes there: an
   ID-card-shaped picture to the one ID slot with a free side, front before back. Such guesses
   are marked (`Basis.SHAPE`) so the page can ask the user to check them.
3. **Otherwise unsure.** The file waits in the 未分类 tray for the user: a guess never fills a
   slot when two slots fit equally well.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from beian_desktop.core.text import Text

if TYPE_CHECKING:  # for annotations only: the GUI imports this module on its first screens
    from beian_desktop.core.case.model import StoredFile
    from beian_desktop.core.inspect import Inspection
    from beian_desktop.core.rules.model import Material

SIDES = ("front", "back")  # StoredFile.side values, in the order of Material.side_names
# |ln(aspect / format's aspect)| within which a picture counts as shaped like a format: scans
# cropped to the paper are within ~2 %; a 4:3 or 3:2 photo is 6 % off A4 and the ID card.
ASPECT_TOLERANCE = 0.04
NO_NOTE = Text("", "")


class Basis(StrEnum):
    NAME = "name"  # a keyword in the file name
    SHAPE = "shape"  # the picture's shape, with only one open slot of that shape
    NONE = "none"  # unsure: the tray


@dataclass(frozen=True)
class Slot:
    """A material as the page shows it: what it is called and what it already holds."""

    material: Material
    name: Text  # the checklist's name for it (营业执照 for an enterprise's certificate)
    files: int = 0
    sides_taken: frozenset[str] = frozenset()  # two-sided materials: "front" / "back"

    @property
    def id(self) -> str:
        return self.material.id

    @property
    def two_sided(self) -> bool:
        return self.material.sides == 2

    def free_side(self) -> str | None:
        """The first side still missing (front before back); None when both are there."""
        return next((side for side in SIDES if side not in self.sides_taken), None)

    def open_for(self, side: str) -> bool:
        """Whether a new file could go here without replacing or doubling anything."""
        if not self.two_sided:
            return True
        if side:
            return side not in self.sides_taken
        return self.files == 0  # a file holding both sides needs the slot to itself


@dataclass(frozen=True)
class Shape:
    """What the classifier needs from an inspection (pixel or millimetre sizes: only the
    proportions count)."""

    width: float
    height: float
    pages: int = 1

    @property
    def aspect(self) -> float:
        return max(self.width, self.height) / max(min(self.width, self.height), 1e-6)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


@dataclass(frozen=True)
class Placement:
    material_id: str | None  # None: unsure, the file goes to the tray
    side: str = ""
    basis: Basis = Basis.NONE
    note: Text = NO_NOTE  # why, in words the user can check
    candidates: tuple[str, ...] = ()  # unsure: the materials the file might be

    @property
    def placed(self) -> bool:
        return self.material_id is not None


# -- building the inputs -----------------------------------------------------------------------


def shape_of(inspection: Inspection) -> Shape | None:
    """The first page's proportions: the picture for image files, the page for PDFs."""
    if not inspection.pages:
        return None
    page = inspection.pages[0]
    if page.page_size_mm is not None:
        width, height = page.page_size_mm
    elif page.width_px and page.height_px:
        width, height = page.width_px, page.height_px
    else:
        return None
    return Shape(float(width), float(height), inspection.page_count)


def slot_for(material: Material, name: Text, files: Sequence[StoredFile]) -> Slot:
    return Slot(
        material=material,
        name=name,
        files=len(files),
        sides_taken=frozenset(f.side for f in files if f.side in SIDES),
    )


def slots_for(
    names: Iterable[tuple[Material, Text]], assignments: Mapping[str, Sequence[StoredFile]]
) -> list[Slot]:
    """Slots for the materials shown (each with its name), filled as `assignments` says."""
    return [slot_for(m, name, assignments.get(m.id, ())) for m, name in names]


# -- matching words ------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Full-width to half-width, then case-folded: "ＩＤ卡" and "id卡" compare equal."""
    return unicodedata.normalize("NFKC", text).casefold()


@cache
def _latin_word(keyword: str) -> re.Pattern[str]:
    # Latin keywords must stand alone: "back" in "back.jpg", not in "background.jpg".
    return re.compile(rf"(?<![a-z0-9]){re.escape(keyword)}(?![a-z0-9])")


def _occurs(keyword: str, name: str) -> bool:
    if keyword.isascii():
        return _latin_word(keyword).search(name) is not None
    return keyword in name


def keyword_score(name: str, keywords: Iterable[str]) -> int:
    """How much of `name` the keywords explain: the length of every keyword found, where a
    keyword inside a longer one found (身份证 in 居民身份证) does not count again."""
    folded = fold(name)
    hits = {k for k in (fold(word) for word in keywords) if k and _occurs(k, folded)}
    kept = [k for k in hits if not any(k != other and k in other for other in hits)]
    return sum(len(k) for k in kept)


def _keywords(slot: Slot) -> list[str]:
    return [*slot.material.keywords, slot.name.zh, slot.material.name.zh]


def side_named(file_name: str, material: Material) -> str:
    """The side a name asks for ("front" / "back"), or "" when it names none or both."""
    if len(material.side_keywords) != len(SIDES):
        return ""
    scores = [keyword_score(file_name, words) for words in material.side_keywords]
    if scores[0] == scores[1]:
        return ""
    return SIDES[0] if scores[0] > scores[1] else SIDES[1]


def _stem(file_name: str) -> str:
    return file_name.rsplit(".", 1)[0] if "." in file_name else file_name


# -- the decision ------------------------------------------------------------------------------


def classify(file_name: str, shape: Shape | None, slots: Sequence[Slot]) -> Placement:
    """The most likely slot for a file called `file_name` (the name only, no folder)."""
    stem = _stem(file_name)
    return _by_name(stem, shape, slots) or _by_shape(shape, slots) or _unsure(())


def _by_name(stem: str, shape: Shape | None, slots: Sequence[Slot]) -> Placement | None:
    scores = {slot.id: keyword_score(stem, _keywords(slot)) for slot in slots}
    best = max(scores.values(), default=0)
    if best == 0:
        return None
    top = [slot for slot in slots if scores[slot.id] == best]
    if len(top) > 1:
        # Equally good names (身份证 for the principal and the website owner): only a slot
        # that can take the file still decides.
        open_slots = [s for s in top if s.open_for(_side_for(stem, shape, s))]
        if len(open_slots) != 1:
            return _unsure(tuple(s.id for s in top))
        top = open_slots
    slot = top[0]
    side = _side_for(stem, shape, slot)
    if not slot.open_for(side):
        return _unsure((slot.id,), _taken(slot, side))
    note = Text(
        f"按文件名放入“{slot.name.zh}”。", f"Placed under “{slot.name.en}” by its file name."
    )
    return Placement(slot.id, side, Basis.NAME, note)


def _side_for(stem: str, shape: Shape | None, slot: Slot) -> str:
    """Which side a file fills: the side its name says, else the first free one. A file with
    several pages holds both sides (""), as does one for a slot with both sides taken."""
    if not slot.two_sided or (shape is not None and shape.pages >= 2):
        return ""
    return side_named(stem, slot.material) or slot.free_side() or ""


def _by_shape(shape: Shape | None, slots: Sequence[Slot]) -> Placement | None:
    if shape is None:
        return None
    fitting = [s for s in slots if _empty_enough(s) and _shaped_like(shape, s.material)]
    if len(fitting) != 1:
        return None
    slot = fitting[0]
    side = "" if not slot.two_sided or shape.pages >= 2 else slot.free_side() or ""
    note = Text(
        f"按图像形状放入“{slot.name.zh}”，请核对是否正确。",
        f"Placed under “{slot.name.en}” by the picture's shape; please check.",
    )
    return Placement(slot.id, side, Basis.SHAPE, note)


def _empty_enough(slot: Slot) -> bool:
    """A shape alone may only fill an empty slot (or the missing side of an ID card)."""
    return slot.free_side() is not None if slot.two_sided else slot.files == 0


def _shaped_like(shape: Shape, material: Material) -> bool:
    for paper in material.formats:
        paper_landscape = paper.width_mm > paper.height_mm
        ratio = max(paper.width_mm, paper.height_mm) / min(paper.width_mm, paper.height_mm)
        if paper_landscape == shape.landscape and abs(math.log(shape.aspect / ratio)) <= (
            ASPECT_TOLERANCE
        ):
            return True
    return False


def _taken(slot: Slot, side: str) -> Text:
    if side and slot.material.side_names:
        which = slot.material.side_names[SIDES.index(side)]
        return Text(
            f"“{slot.name.zh}”的{which.zh}已有文件：请确认要用哪一个。",
            f"“{slot.name.en}” already has its {which.en}: choose which file to keep.",
        )
    return Text(
        f"“{slot.name.zh}”已有文件：请确认这个文件放在哪里。",
        f"“{slot.name.en}” already holds files: say where this one belongs.",
    )


def _unsure(candidates: tuple[str, ...], note: Text | None = None) -> Placement:
    if note is None and candidates:
        note = Text(
            "文件名可能对应多份材料，请拖到正确的位置。",
            "The name fits more than one material: drag it to the right place.",
        )
    if note is None:
        note = Text(
            "无法从文件名或图像形状判断是哪份材料，请拖到对应的位置。",
            "Neither the name nor the shape tells which material this is: drag it to its place.",
        )
    return Placement(None, "", Basis.NONE, note, candidates)
