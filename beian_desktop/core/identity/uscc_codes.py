"""Code tables of GB 32100-2015 (统一社会信用代码): registration authority (position 1) and
organisation category (position 2), reference/icp-rules.md §8.2.

These are a national standard's fixed code lists, like a checksum's alphabet, not filing policy;
which 主办单位性质 a code suggests is policy and lives in the rule pack (subjects.toml `uscc`).
"""

from __future__ import annotations

from dataclasses import dataclass

from beian_desktop.core.text import Text

# Division code (positions 3-8) of organisations registered by national authorities.
NATIONAL_DIVISION_PREFIX = "10"

# Early pilot codes that break the check (aarioai/id-rule, icp-rules.md §8.2): Fujian / Xiamen
# codes whose 主体标识码 (positions 9-17) starts with M, issued before the standard settled,
# e.g. 91350100M0001TGQXM, 91350211M0000XUF46, 91350203M0001FUE2P.
PILOT_REGIONS = frozenset({"35"})
PILOT_MARKER = "M"


@dataclass(frozen=True, slots=True)
class Authority:
    name: Text
    categories: dict[str, Text]  # position-2 code -> category


def _t(zh: str, en: str) -> Text:
    return Text(zh, en)


_OTHER = _t("其他", "other")

AUTHORITIES: dict[str, Authority] = {
    "1": Authority(
        _t("机构编制", "establishment administration"),
        {
            "1": _t("机关", "government organ"),
            "2": _t("事业单位", "public institution"),
            "3": _t("中央编办直管的群众团体", "mass organisation under the central office"),
            "9": _OTHER,
        },
    ),
    "2": Authority(
        _t("外交", "foreign affairs"),
        {"1": _t("外国常驻新闻机构", "resident foreign news agency"), "9": _OTHER},
    ),
    "3": Authority(
        _t("司法行政", "judicial administration"),
        {
            "1": _t("律师执业机构", "law firm"),
            "2": _t("公证处", "notary office"),
            "3": _t("基层法律服务所", "grassroots legal service office"),
            "4": _t("司法鉴定机构", "forensic appraisal institution"),
            "5": _t("仲裁委员会", "arbitration commission"),
            "9": _OTHER,
        },
    ),
    "4": Authority(
        _t("文化", "culture"),
        {"1": _t("外国在华文化中心", "foreign cultural centre in China"), "9": _OTHER},
    ),
    "5": Authority(
        _t("民政", "civil affairs"),
        {
            "1": _t("社会团体", "social organisation"),
            "2": _t("民办非企业单位", "private non-enterprise unit"),
            "3": _t("基金会", "foundation"),
            "9": _OTHER,
        },
    ),
    "6": Authority(
        _t("旅游", "tourism"),
        {
            "1": _t("外国旅游部门常驻代表机构", "foreign tourism office"),
            "2": _t("港澳台旅游部门常驻内地代表机构", "HK/Macao/Taiwan tourism office"),
            "9": _OTHER,
        },
    ),
    "7": Authority(
        _t("宗教", "religious affairs"),
        {
            "1": _t("宗教活动场所", "place of religious activity"),
            "2": _t("宗教院校", "religious school"),
            "9": _OTHER,
        },
    ),
    "8": Authority(
        _t("工会", "trade unions"), {"1": _t("基层工会", "grassroots union"), "9": _OTHER}
    ),
    "9": Authority(
        _t("工商（市场监管）", "market regulation"),
        {
            "1": _t("企业", "enterprise"),
            "2": _t("个体工商户", "individual business"),
            "3": _t("农民专业合作社", "farmers' cooperative"),
        },
    ),
    "A": Authority(
        _t("中央军委改革和编制办公室", "CMC reform and establishment office"),
        {"1": _t("军队事业单位", "military public institution"), "9": _OTHER},
    ),
    "N": Authority(
        _t("农业", "agriculture"),
        {
            "1": _t("组级集体经济组织", "group-level collective"),
            "2": _t("村级集体经济组织", "village-level collective"),
            "3": _t("乡镇级集体经济组织", "township-level collective"),
            "9": _OTHER,
        },
    ),
    "Y": Authority(_t("其他", "other"), {"1": _OTHER}),
}


def decode_kind(code: str) -> tuple[Text | None, Text | None]:
    """(authority, category) for positions 1-2; None where the table has no entry."""
    authority = AUTHORITIES.get(code[:1])
    if authority is None:
        return None, None
    return authority.name, authority.categories.get(code[1:2])
