"""What goes into the package and under which names, decided before any conversion runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from beian_desktop.core.case.model import Case, StoredFile
from beian_desktop.core.naming import material_file_name, package_name
from beian_desktop.core.review import Review
from beian_desktop.core.rules.model import Material
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.text import Text

UPLOAD_DIR = "上传"
ARCHIVE_DIR = "存档"
_SIDE_ORDER = {"front": 0, "": 1, "back": 2}


@dataclass
class MaterialPlan:
    material: Material
    name: Text  # as this case calls it (营业执照 for an enterprise's certificate)
    level: str  # mandatory | conditional | recommended | extra
    files: list[StoredFile]
    rules: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def side_name(self, stored: StoredFile) -> str:
        """The side as people name it (人像面 / 国徽面), for two-sided materials."""
        if self.material.sides != 2 or not stored.side or not self.material.side_names:
            return ""
        return self.material.side_names[0 if stored.side == "front" else 1].zh


@dataclass
class PackagePlan:
    top: str  # 主体全称-办理项-备案材料-YYYYMMDD
    subject_name: str
    filing: str
    day: dt.date
    materials: list[MaterialPlan]

    @property
    def zip_name(self) -> str:
        return f"{self.top}.zip"

    @property
    def timestamp(self) -> dt.datetime:
        """One fixed time for every date in the package, so a case always packs the same."""
        return dt.datetime(self.day.year, self.day.month, self.day.day, 12, 0, 0, tzinfo=dt.UTC)

    def upload_name(self, plan: MaterialPlan, index: int, count: int, side: str = "") -> str:
        name = f"{plan.name.zh}（{side}）" if side else plan.name.zh
        return material_file_name(
            self.subject_name, self.filing, name, ".jpg", index=index, count=count
        )

    def archive_name(self, plan: MaterialPlan) -> str:
        return material_file_name(self.subject_name, self.filing, plan.name.zh, ".pdf")

    @property
    def file_count(self) -> int:
        return sum(len(m.files) for m in self.materials)


def make_plan(case: Case, pack: RulePack, result: Review, day: dt.date) -> PackagePlan:
    """Materials in checklist order (then extras), files front before back."""
    plans: list[MaterialPlan] = []
    seen: set[str] = set()
    for item in result.checklist.items:
        files = case.assignments.get(item.material.id)
        if files:
            seen.add(item.material.id)
            plans.append(
                MaterialPlan(
                    item.material,
                    item.name,
                    item.level.value,
                    _ordered(files),
                    rules=[r.rule_id for r in item.reasons],
                    reasons=[r.message.zh for r in item.reasons],
                )
            )
    for material_id, files in sorted(case.assignments.items()):
        material = pack.materials.get(material_id)
        if files and material is not None and material_id not in seen:
            plans.append(MaterialPlan(material, material.name, "extra", _ordered(files)))
    subject, filing = case.subject.full_name, case.filing_type
    return PackagePlan(package_name(subject, filing, day), subject, filing, day, plans)


def _ordered(files: list[StoredFile]) -> list[StoredFile]:
    return sorted(files, key=lambda f: _SIDE_ORDER.get(f.side, 1))
