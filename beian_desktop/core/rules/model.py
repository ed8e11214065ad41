"""The rule pack as typed data: what the TOML files in resources/rules/ turn into."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from beian_desktop.core.findings import SourceRef
from beian_desktop.core.rules.conditions import Condition
from beian_desktop.core.text import Text


class SubjectKind(StrEnum):
    INDIVIDUAL = "individual"
    ORGANISATION = "organisation"


@dataclass(frozen=True, slots=True)
class SubjectType:
    """主办单位性质, e.g. 企业 or 个人."""

    id: str  # the Chinese name; stored in case files (the MIIT numbering varies, names don't)
    name: Text
    kind: SubjectKind
    miit_id: int
    certificates: tuple[str, ...]
    uscc_codes: tuple[str, ...] = ()  # USCC positions 1-2 that suggest this subject type
    common: bool = False  # shown first in the wizard
    description: Text | None = None
    alt_id: int | None = None  # the other numbering (WeChat API), icp-rules.md §1.1
    aliases: tuple[str, ...] = ()
    state: bool = False  # a state organ: may use 中国 / 国家 … in website names
    sources: tuple[SourceRef, ...] = ()

    @property
    def is_individual(self) -> bool:
        return self.kind is SubjectKind.INDIVIDUAL


@dataclass(frozen=True, slots=True)
class FilingType:
    """办理项, e.g. 首次备案."""

    id: str
    name: Text
    aliases: tuple[str, ...]
    description: Text
    sms_target: Text
    needs_documents: bool = True
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Province:
    code: str  # two-digit GB/T 2260 province code, e.g. "44"
    name: Text  # short name: 广东 / Guangdong
    full_name: str  # 广东省
    pinyin: str
    abbr: str  # the one-character abbreviation used in filing numbers, e.g. 粤
    aliases: tuple[str, ...] = ()

    @property
    def division_code(self) -> str:
        return self.code + "0000"


@dataclass(frozen=True, slots=True)
class Region:
    """A region code seen in ID numbers that has no filing bureau (71, 81, 82, 83)."""

    code: str
    name: Text
    note: Text


@dataclass(frozen=True, slots=True)
class Industry:
    """A content category; `preapproval` ones need a licence (前置审批) before filing."""

    id: str
    name: Text
    description: Text
    preapproval: bool
    licence: Text | None
    authority: Text | None
    keywords: tuple[str, ...]
    notes: Text | None
    sources: tuple[SourceRef, ...]
    miit_code: int | None = None


@dataclass(frozen=True, slots=True)
class PaperFormat:
    """One physical format a material can come in (a business licence has 正本 A3 and 副本 A4)."""

    name: Text
    width_mm: float
    height_mm: float

    @property
    def long_mm(self) -> float:
        return max(self.width_mm, self.height_mm)

    @property
    def short_mm(self) -> float:
        return min(self.width_mm, self.height_mm)


@dataclass(frozen=True, slots=True)
class Material:
    """One kind of document the filing may need, with the physical facts inspection relies on."""

    id: str
    name: Text
    description: Text
    kind: str  # certificate | id-card | letter | form | photo | screenshot
    formats: tuple[PaperFormat, ...]  # first one is the default
    sides: int  # 2 for ID cards: front and back, each its own image
    max_pages: int
    colour_required: bool
    min_dpi: int  # 0: no resolution floor (screenshots)
    accepted_inputs: tuple[str, ...]  # "jpeg", "png", "tiff", "heic", "pdf", "bmp", "webp"
    side_names: tuple[Text, ...] = ()
    named_by: str | None = None  # "subject_certificate": shown under the subject's certificate name
    name_individual: Text | None = None  # the name when the subject is a person (备案人身份证)
    # What file names say about the material (营业执照, 授权书 …); `classify` reads them.
    keywords: tuple[str, ...] = ()
    side_keywords: tuple[tuple[str, ...], ...] = ()  # per side, as `side_names`

    @property
    def is_letter(self) -> bool:
        """A document the user fills in and signs (授权书, 承诺书), not an issued certificate."""
        return self.kind in ("letter", "form")

    @property
    def default_format(self) -> PaperFormat:
        return self.formats[0]


@dataclass(frozen=True, slots=True)
class UploadProfile:
    """What one upload system accepts: formats and a size cap."""

    id: str
    name: Text
    formats: tuple[str, ...]
    max_bytes: int
    cap_inclusive: bool  # True: size <= max_bytes is fine; False: size < max_bytes
    min_bytes: int = 0
    confidence: str = "medium"
    default: bool = False
    sources: tuple[SourceRef, ...] = ()

    def accepts_size(self, size: int) -> bool:
        under = size <= self.max_bytes if self.cap_inclusive else size < self.max_bytes
        return under and size >= self.min_bytes

    @property
    def byte_budget(self) -> int:
        """The largest file size that passes."""
        return self.max_bytes if self.cap_inclusive else self.max_bytes - 1


class Level(StrEnum):
    MANDATORY = "mandatory"
    CONDITIONAL = "conditional"  # needed only when a stated condition holds
    RECOMMENDED = "recommended"

    @property
    def rank(self) -> int:
        return {"mandatory": 0, "conditional": 1, "recommended": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Alternative:
    """The other side of a disputed rule: what a conflicting source says."""

    claim: Text
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    """One conditional rule: it requires a material, blocks the filing, or advises."""

    id: str
    effect: str  # "require" | "block" | "warn" | "advise"
    when: str  # condition source text (see conditions.py); "" = always
    message: Text
    sources: tuple[SourceRef, ...]
    checked: str
    file: str  # the rule-pack file it came from, for error messages
    material: str | None = None  # for effect "require"
    level: Level = Level.MANDATORY
    condition_label: Text | None = None  # plain words for `when`, shown for conditional items
    province: str | None = None  # the bureau this rule belongs to; None = nationwide
    effective: str | None = None  # date the rule took effect
    disputed: bool = False
    alternatives: tuple[Alternative, ...] = ()
    fix: Text | None = None  # what to do instead (for blocks)
    compiled: Condition = field(default_factory=lambda: Condition.compile(""), compare=False)


@dataclass(frozen=True, slots=True)
class RulePackInfo:
    version: str
    date: str  # ISO date; a user pack with a newer date overrides the built-in one
    origin: str  # path it was loaded from
    name: Text = field(default_factory=lambda: Text("规则包", "rule pack"))
