"""File and package names stay safe whatever the user typed."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beian_desktop.core.naming import (
    MAX_NAME_BYTES,
    clean_component,
    material_file_name,
    package_name,
)

FORBIDDEN = set('<>:"/\\|?*') | {"\x00", "／", "＼"}
RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def assert_safe(name: str) -> None:
    assert name and name == unicodedata.normalize("NFC", name)
    assert not (set(name) & FORBIDDEN)
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co") for c in name)
    assert ".." not in name and name not in (".", "..")
    assert not name.startswith((" ", ".")) and not name.endswith((" ", "."))
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.split(".")[0].strip().upper() not in RESERVED


def test_the_usual_name() -> None:
    assert material_file_name("深圳市某某科技有限公司", "首次备案", "营业执照", "jpg") == (
        "深圳市某某科技有限公司-首次备案-营业执照.jpg"
    )
    names = [
        material_file_name("张三", "首次备案", "身份证", ".JPG", index=i, count=3)
        for i in (1, 2, 3)
    ]
    assert names == [
        "张三-首次备案-身份证.jpg",
        "张三-首次备案-身份证-2.jpg",
        "张三-首次备案-身份证-3.jpg",
    ]
    package = package_name("某某公司", "首次备案", dt.date(2026, 11, 27))
    assert package == "某某公司-首次备案-备案材料-20261127"


@pytest.mark.parametrize(
    ("subject", "expected_part"),
    [
        ("../../x", "x"),
        ("..\\..\\windows\\system32", "windows-system32"),
        ("CON", "CON-首次备案"),
        ("a／b＼c", "a-b-c"),
        ("公司\u202egpj.exe", "公司gpj.exe"),  # right-to-left override removed
        ("公司\x00名称\x1f", "公司名称"),
        ("某某😀公司🏢", "某某公司"),
        ("  空格  公司  ", "空格 公司"),
        ('问号?星号*引号"冒号:', "问号-星号-引号-冒号"),
    ],
)
def test_hostile_subject_names_become_safe(subject: str, expected_part: str) -> None:
    name = material_file_name(subject, "首次备案", "营业执照", "jpg")
    assert_safe(name)
    assert expected_part in name


def test_reserved_device_names_are_avoided() -> None:
    for reserved in ("CON", "nul", "Com1", "LPT9", "aux"):
        assert_safe(material_file_name(reserved, "", "", "pdf"))
        assert_safe(clean_component(reserved) and material_file_name(reserved, "", "", ""))


def test_long_names_are_cut_on_a_character_boundary() -> None:
    subject = "很长的公司名称" * 40  # 840 bytes
    name = material_file_name(subject, "首次备案", "营业执照", "jpg", index=2, count=2)
    assert_safe(name)
    assert name.endswith("-首次备案-营业执照-2.jpg")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert len(name.encode("utf-8")) > MAX_NAME_BYTES - 4  # cut, not emptied


def test_names_are_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Café公司")
    assert material_file_name(decomposed, "首次备案", "营业执照", "jpg").startswith("Café公司")


@given(
    st.text(max_size=400),
    st.text(max_size=60),
    st.text(max_size=60),
    st.sampled_from(["jpg", "pdf", "", ".PNG", "tar.gz", "../x"]),
    st.integers(1, 12),
)
def test_any_input_gives_a_safe_deterministic_name(
    subject: str, filing: str, material: str, extension: str, index: int
) -> None:
    name = material_file_name(subject, filing, material, extension, index=index, count=12)
    assert_safe(name)
    assert name == material_file_name(subject, filing, material, extension, index=index, count=12)


def test_package_name_leaves_room_for_the_zip_suffix() -> None:
    top = package_name("很长的公司名称" * 40, "首次备案", dt.date(2026, 11, 27))
    assert top.endswith("-首次备案-备案材料-20261127")
    assert len(f"{top}.zip".encode()) <= MAX_NAME_BYTES
    assert_safe(f"{top}.zip")
