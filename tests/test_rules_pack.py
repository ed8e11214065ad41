"""Loading the rule pack: validation with one clear error, lookups, and user-pack override."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from beian_desktop.core.errors import RulePackError, UnknownValue
from beian_desktop.core.paths import user_rules_dir
from beian_desktop.core.rules import choose_pack, import_pack, load_pack
from beian_desktop.core.rules.loader import builtin_pack_dir, load_pack_from


@pytest.fixture(scope="module")
def pack():  # type: ignore[no-untyped-def]
    return load_pack()


def test_builtin_pack_is_complete(pack) -> None:  # type: ignore[no-untyped-def]
    assert len(pack.provinces) == 31
    assert len(pack.subjects) == 18
    assert {
        "首次备案",
        "新增网站",
        "新增接入",
        "变更备案",
        "变更主体",
        "变更网站",
        "变更接入",
        "注销主体",
        "注销网站",
        "取消接入",
    } <= set(pack.filing_types)
    assert pack.default_profile.id == "generic"
    assert pack.profiles["generic"].max_bytes == 3_000_000
    assert not pack.profiles["generic"].cap_inclusive
    assert pack.profiles["huawei"].accepts_size(4_000_000)
    assert not pack.profiles["huawei"].accepts_size(4_000_001)
    card = pack.materials["id-card-principal"].default_format
    assert (card.width_mm, card.height_mm) == (85.6, 54)
    assert all(m.min_dpi in (0, 200) for m in pack.materials.values())
    assert pack.info.date == "2026-11-27"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("北京", "11"),
        ("北京市", "11"),
        ("beijing", "11"),
        ("BeiJing", "11"),
        ("Bei Jing", "11"),
        ("11", "11"),
        ("110000", "11"),
        ("内蒙古", "15"),
        ("内蒙古自治区", "15"),
        ("Inner Mongolia", "15"),
        ("广西壮族自治区", "45"),
        ("广西", "45"),
        ("shaanxi", "61"),
        ("shanxi", "14"),
        ("陕西省", "61"),
        ("新疆维吾尔自治区", "65"),
        ("ｇｕａｎｇｄｏｎｇ", "44"),
        ("粤", "44"),
    ],
)
def test_province_accepts_names_pinyin_and_codes(pack, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert pack.find_province(text).code == code


def test_unknown_names_list_accepted_values(pack) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownValue) as caught:
        pack.find_province("火星")
    assert "广东/guangdong/44" in caught.value.user_message("en")
    with pytest.raises(UnknownValue):
        pack.find_subject("外星人")
    with pytest.raises(UnknownValue):
        pack.find_filing("随便")
    assert pack.find_subject("公司").id == "企业"
    assert pack.find_filing("first").id == "首次备案"


def _copy_pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(builtin_pack_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


# (file, text to replace, replacement, expected words in the one-line error)
CORRUPTIONS = [
    (
        "requirements.toml",
        'effect = "require"',
        'effect = "forbid"',
        ["requirements.toml", "effect"],
    ),
    (
        "requirements.toml",
        '[[rule]]\nid = "base.subject-certificate"',
        '[[rule]\nid = "x"',
        ["requirements.toml", "syntax"],
    ),
    (
        "requirements.toml",
        'material = "subject-certificate"',
        'material = "no-such-thing"',
        ["requirements.toml", "base.subject-certificate", "material", "no-such-thing"],
    ),
    (
        "provinces/41-henan.toml",
        "id_province != province",
        "id_provinz != province",
        ["41-henan.toml", "41.nonlocal-individual", "when", "id_provinz"],
    ),
    (
        "provinces/41-henan.toml",
        "filing in ['首次备案'",
        "filing in ['首次备按'",
        ["41-henan.toml", "41.commitment", "首次备按"],
    ),
    (
        "provinces/44-guangdong.toml",
        'source = "H:备案材料咨询"',
        'source = "NOPE:x"',
        ["44-guangdong.toml", "44.commitment", "NOPE"],
    ),
    (
        "provinces/44-guangdong.toml",
        'id = "44.minor"',
        'id = "44.commitment"',
        ["44-guangdong.toml", "44.commitment", "already used"],
    ),
    (
        "provinces/32-jiangsu.toml",
        'condition = { zh = "负责人未满 16 周岁", en = "a responsible person under 16" }\n',
        "",
        ["32-jiangsu.toml", "32.minor-block", "condition"],
    ),
    ("materials.toml", "mm = [85.6, 54]", "mm = [85.6]", ["materials.toml", "mm"]),
    ("provinces.toml", 'code = "44"', 'code = "4"', ["provinces.toml", "code"]),
    ("pack.toml", 'date = "2026-11-27"', 'date = "2026-13-45"', ["pack.toml", "date"]),
    ("profiles.toml", "default = true\n", "", ["profile", "default"]),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "words"), CORRUPTIONS, ids=[f"{c[0]}:{c[3][-1]}" for c in CORRUPTIONS]
)
def test_corrupted_pack_gives_one_clear_line(
    tmp_path: Path, file: str, old: str, new: str, words: list[str]
) -> None:
    folder = _copy_pack(tmp_path)
    _edit(folder / file, old, new)
    with pytest.raises(RulePackError) as caught:
        load_pack_from(folder)
    line = caught.value.user_message("en")
    assert "\n" not in line
    for word in words:
        assert word in line, f"{word!r} missing from: {line}"


def test_corrupted_pack_on_the_command_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _copy_pack(tmp_path)
    _edit(folder / "provinces/41-henan.toml", "id_province != province", "id_provinz != province")
    result = cli("--rules", str(folder), "requirements", "--subject", "个人", "--province", "河南")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "41-henan.toml" in lines[0] and "id_provinz" in lines[0]


def test_single_file_and_zip_packs_load(tmp_path: Path) -> None:
    folder = builtin_pack_dir()
    files = sorted(folder.rglob("*.toml"))
    archive = tmp_path / "pack.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in files:
            zf.write(path, path.relative_to(folder))
    assert len(load_pack_from(archive).rules) == len(load_pack().rules)


def test_newer_imported_pack_overrides_builtin(tmp_path: Path) -> None:
    folder = _copy_pack(tmp_path)
    _edit(folder / "pack.toml", 'date = "2026-11-27"', 'date = "2027-03-01"')
    _edit(folder / "pack.toml", 'version = "2026.11.27"', 'version = "2027.03.01"')
    try:
        imported = import_pack(folder)
        assert imported.info.date == "2027-03-01"
        assert load_pack().info.version == "2027.03.01"
    finally:
        shutil.rmtree(user_rules_dir(), ignore_errors=True)
    assert load_pack().info.version == "2026.11.27"


def test_older_or_broken_imported_packs_do_not_override(tmp_path: Path) -> None:
    older = _copy_pack(tmp_path / "older")
    _edit(older / "pack.toml", 'date = "2026-11-27"', 'date = "2025-01-01"')
    broken = user_rules_dir() / "broken.toml"
    try:
        import_pack(older)
        broken.write_text("[pack\n", "utf-8")
        choice = choose_pack()
        assert choice.pack.info.date == "2026-11-27"
        assert len(choice.ignored) == 1 and "broken.toml" in choice.ignored[0].one_line()
    finally:
        shutil.rmtree(user_rules_dir(), ignore_errors=True)


def test_importing_a_broken_pack_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[pack]\nversion = "x"\n', "utf-8")
    with pytest.raises(RulePackError):
        import_pack(bad)
    assert not user_rules_dir().exists() or not any(user_rules_dir().iterdir())
