"""What the materials page shows, as data: one SlotView per material, one CardInfo per file.

Kept apart from the page so the page only wires events; every text is in the UI language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from beian_desktop.core.errors import BeianError
from beian_desktop.gui.drops import TRAY, FileRef
from beian_desktop.gui.i18n import labelled, separator, ui_lang
from beian_desktop.gui.widgets.file_card import BadgeView, CardInfo
from beian_desktop.gui.widgets.material_slot import SlotView, ZoneView

if TYPE_CHECKING:
    from beian_desktop.core.case import Case, StoredFile
    from beian_desktop.core.classify import Placement
    from beian_desktop.core.intake import Intake, Thumbnail
    from beian_desktop.core.rules.model import Material, UploadProfile
    from beian_desktop.core.rules.pack import RulePack
    from beian_desktop.core.rules.resolve import Checklist, Reason
    from beian_desktop.core.text import Text
    from beian_desktop.gui.intake_queue import Pending

CONTEXT = "MaterialsPage"
# Files being checked shown as cards; more are counted (fifty identical "checking" cards help
# nobody, and building them at once would stall the window).
PENDING_SHOWN = 12
SIDES = ("front", "back")


@dataclass
class SlotSource:
    """A material the page shows a slot for: from the checklist, or assigned but not on it."""

    material: Material
    name: Text
    level: str  # mandatory | conditional | recommended | extra
    reasons: Sequence[Reason] = ()


@dataclass
class Loose:
    """A file taken in whose place the user must choose (the 未分类 tray)."""

    stored: StoredFile
    placement: Placement
    source_name: str = ""


@dataclass
class PageState:
    """Everything the page knows besides the case."""

    looks: dict[str, Intake | BeianError] = field(default_factory=dict)  # by SHA-256
    checking: set[str] = field(default_factory=set)  # stored files being looked at
    loose: list[Loose] = field(default_factory=list)
    notes: dict[tuple[str, str], Text] = field(default_factory=dict)  # (material, sha): why
    # (sha, material, profile, language) -> badges: a file's content never changes.
    badges: dict[tuple[str, str, str, str], tuple[BadgeView, ...]] = field(default_factory=dict)

    def badges_for(
        self, sha: str, material: Material | None, profile: UploadProfile
    ) -> tuple[BadgeView, ...]:
        look = self.looks.get(sha)
        if look is None:
            return ()
        key = (sha, material.id if material else "", profile.id, ui_lang())
        if key not in self.badges:
            self.badges[key] = badge_views(look, material, profile)
        return self.badges[key]


def slot_sources(checklist: Checklist, case: Case, pack: RulePack) -> list[SlotSource]:
    sources = [
        SlotSource(item.material, item.name, item.level.value, item.reasons)
        for item in checklist.items
    ]
    listed = {s.material.id for s in sources}
    for material_id, files in case.assignments.items():
        material = pack.materials.get(material_id)
        if files and material is not None and material_id not in listed:
            sources.append(SlotSource(material, material.name, "extra"))
    return sources


# -- texts ---------------------------------------------------------------------------------------


def level_text(source: SlotSource) -> str:
    return {
        "mandatory": QCoreApplication.translate("MaterialsPage", "必需"),
        "conditional": QCoreApplication.translate("MaterialsPage", "视情况"),
        "recommended": QCoreApplication.translate("MaterialsPage", "建议"),
        "extra": QCoreApplication.translate("MaterialsPage", "附加：不在本次清单中"),
    }[source.level]


def why_text(source: SlotSource) -> str:
    lang = ui_lang()
    if not source.reasons:
        return source.material.description.get(lang)
    reason = source.reasons[0]
    parts = []
    if source.level == "conditional" and reason.condition is not None:
        parts.append(
            QCoreApplication.translate("MaterialsPage", "仅当%1时需要。").replace(
                "%1", reason.condition.get(lang)
            )
        )
    parts.append(reason.message.get(lang))
    if reason.sources:
        cited = separator().join(s.label(lang) for s in reason.sources)
        parts.append(labelled(QCoreApplication.translate("MaterialsPage", "依据"), cited))
    return " ".join(parts)


def side_name(material: Material, side: str) -> str:
    if side in SIDES and len(material.side_names) == len(SIDES):
        return material.side_names[SIDES.index(side)].get(ui_lang())
    return (
        QCoreApplication.translate("MaterialsPage", "正面")
        if side == "front"
        else QCoreApplication.translate("MaterialsPage", "反面")
    )


# -- cards ---------------------------------------------------------------------------------------


def badge_views(
    look: Intake | BeianError | None, material: Material | None, profile: UploadProfile
) -> tuple[BadgeView, ...]:
    from beian_desktop.core.badges import file_badges

    if look is None:
        return ()
    lang = ui_lang()
    if isinstance(look, BeianError):
        return (
            BadgeView(
                "bad",
                QCoreApplication.translate("MaterialsPage", "无法读取"),
                look.user_message(lang),
            ),
        )
    return tuple(
        BadgeView(b.level.value, b.text.get(lang), b.detail.get(lang))
        for b in file_badges(look.inspection, material, profile)
    )


def _thumbnail(look: Intake | BeianError | None) -> tuple[Thumbnail | None, str]:
    if look is None or isinstance(look, BeianError) or look.thumbnail is None:
        return None, ""
    return look.thumbnail, look.stored.sha256 if look.stored else str(id(look.thumbnail))


def stored_card(
    ref: FileRef,
    key: str,
    stored: StoredFile,
    state: PageState,
    material: Material | None,
    profile: UploadProfile,
) -> CardInfo:
    look = state.looks.get(stored.sha256)
    thumbnail, thumbnail_id = _thumbnail(look)
    note = state.notes.get((ref.material, stored.sha256))
    return CardInfo(
        ref=ref,
        key=key,
        name=stored.original_name,
        busy=look is None,
        badges=state.badges_for(stored.sha256, material, profile),
        note=note.get(ui_lang()) if note is not None else "",
        note_kind="warning",
        thumbnail=thumbnail,
        thumbnail_id=thumbnail_id or stored.sha256,
    )


def pending_card(pending: Pending) -> CardInfo:
    return CardInfo(FileRef(TRAY, "", ""), pending.key, pending.name, busy=True, movable=False)


# -- slots ---------------------------------------------------------------------------------------


def slot_view(source: SlotSource, case: Case, state: PageState, profile: UploadProfile) -> SlotView:
    material = source.material
    files = case.assignments.get(material.id, [])
    seen: Counter[tuple[str, str]] = Counter()
    cards: dict[str, list[CardInfo]] = {}
    for stored in files:
        side = stored.side if material.sides == 2 and stored.side in SIDES else ""
        seen[(stored.sha256, side)] += 1
        key = f"{material.id}/{stored.sha256}/{side}/{seen[(stored.sha256, side)]}"
        ref = FileRef(material.id, stored.sha256, side)
        cards.setdefault(side, []).append(stored_card(ref, key, stored, state, material, profile))
    if material.sides == 2:
        zones = [
            ZoneView(
                material.id,
                side,
                side_name(material, side),
                QCoreApplication.translate("MaterialsPage", "把%1拖到这里").replace(
                    "%1", side_name(material, side)
                ),
                tuple(cards.get(side, [])),
            )
            for side in SIDES
        ]
        if cards.get(""):
            zones.append(
                ZoneView(
                    material.id,
                    "",
                    QCoreApplication.translate("MaterialsPage", "未标明哪一面"),
                    "",
                    tuple(cards[""]),
                )
            )
    else:
        placeholder = QCoreApplication.translate(
            "MaterialsPage", "把文件拖到这里，或用上方的“添加文件…”"
        )
        zones = [ZoneView(material.id, "", "", placeholder, tuple(cards.get("", [])))]
    return SlotView(
        material=material.id,
        title=source.name.get(ui_lang()),
        level=source.level,
        level_text=level_text(source),
        why=why_text(source),
        zones=tuple(zones),
        done=_done(material, files),
    )


def _done(material: Material, files: Sequence[StoredFile]) -> bool:
    if not files:
        return False
    if material.sides != 2:
        return True
    sides = {f.side for f in files}
    return set(SIDES) <= sides or "" in sides


def tray_view(pending: Sequence[Pending], state: PageState, profile: UploadProfile) -> SlotView:
    cards = [pending_card(p) for p in pending[:PENDING_SHOWN]]
    for loose in state.loose:
        sha = loose.stored.sha256
        look = state.looks.get(sha)
        thumbnail, thumbnail_id = _thumbnail(look)
        cards.append(
            CardInfo(
                ref=FileRef(TRAY, sha, ""),
                key=f"tray/{sha}",
                name=loose.stored.original_name,
                badges=state.badges_for(sha, None, profile),
                note=loose.placement.note.get(ui_lang()),
                note_kind="warning",
                thumbnail=thumbnail,
                thumbnail_id=thumbnail_id or sha,
            )
        )
    zone = ZoneView(TRAY, "", "", "", tuple(cards))
    why = QCoreApplication.translate(
        "MaterialsPage", "这些文件还没有放入材料：把每个文件拖到对应的材料上，或右键选择“移到…”。"
    )
    if not state.loose:
        why = QCoreApplication.translate(
            "MaterialsPage", "正在检查新加入的文件，完成后会自动放入最可能的材料。"
        )
    if len(pending) > PENDING_SHOWN:
        more = QCoreApplication.translate("MaterialsPage", "另有 %1 个文件排队等待检查。")
        why += more.replace("%1", str(len(pending) - PENDING_SHOWN))
    return SlotView(
        TRAY,
        QCoreApplication.translate("MaterialsPage", "待归类的文件"),
        "tray",
        QCoreApplication.translate("MaterialsPage", "未分类"),
        why,
        (zone,),
    )


def pages_of(state: PageState) -> dict[str, int]:
    """Page counts by SHA-256, for the two-sides check."""
    return {
        sha: look.inspection.page_count
        for sha, look in state.looks.items()
        if not isinstance(look, BeianError)
    }
