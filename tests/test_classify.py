"""classify(): files go to the slot their name or shape points to, or to the tray when unsure;
badges for the slot a file is in; what a drop of files and folders expands to."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.synth import Synth

from beian_desktop.core.badges import Level, file_badges, page_dpi, worst
from beian_desktop.core.case.model import StoredFile
from beian_desktop.core.classify import (
    Basis,
    Shape,
    Slot,
    classify,
    keyword_score,
    shape_of,
    side_named,
    slots_for,
)
from beian_desktop.core.errors import RulePackError
from beian_desktop.core.inspect import inspect
from beian_desktop.core.intake import expand, is_hidden, take_in, thumbnail
from beian_desktop.core.rules import load_pack
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.text import Text

ID_CARD = Shape(1011, 638)  # 85.6 × 54 mm at 300 dpi
A4_PORTRAIT = Shape(2480, 3508)
A4_LANDSCAPE = Shape(3508, 2480)
PHOTO_4_3 = Shape(4000, 3000)


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def slots(pack: RulePack, *ids: str, **filled: list[StoredFile]) -> list[Slot]:
    names = [(pack.materials[i], pack.materials[i].name) for i in ids]
    return slots_for(names, {k.replace("_", "-"): v for k, v in filled.items()})


def stored(side: str = "", sha: str = "a" * 64) -> StoredFile:
    return StoredFile(f"files/{sha}.jpg", sha, 1, "x.jpg", side=side)


ENTERPRISE = ("subject-certificate", "id-card-principal", "commitment-guangdong")


# -- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "material", "side"),
    [
        ("营业执照.jpg", "subject-certificate", ""),
        ("公司执照副本 扫描.PDF", "subject-certificate", ""),
        ("身份证正面.jpg", "id-card-principal", "front"),
        ("身份证-国徽面.png", "id-card-principal", "back"),
        ("ID card back.jpg", "id-card-principal", "back"),
        ("ＩＤ　ＣＡＲＤ　ＦＲＯＮＴ.jpg", "id-card-principal", "front"),  # full-width
        ("备案承诺书（签字版）.jpg", "commitment-guangdong", ""),
    ],
)
def test_a_keyword_in_the_name_picks_the_slot_and_side(
    pack: RulePack, name: str, material: str, side: str
) -> None:
    placement = classify(name, A4_PORTRAIT, slots(pack, *ENTERPRISE))
    assert (placement.material_id, placement.side, placement.basis) == (material, side, Basis.NAME)
    assert placement.note.zh and placement.note.en


def test_the_checklist_name_counts_as_a_keyword(pack: RulePack) -> None:
    material = pack.materials["id-card-principal"]
    filer = Slot(material, Text("备案人身份证", "Filer's ID card"))
    assert classify("备案人身份证反面.jpg", None, [filer]).side == "back"


def test_latin_keywords_must_be_whole_words(pack: RulePack) -> None:
    material = pack.materials["id-card-principal"]
    assert side_named("background.jpg", material) == ""
    assert side_named("card_back", material) == "back"
    assert keyword_score("居民身份证", ["身份证", "居民身份证"]) == len("居民身份证")


def test_an_id_card_without_a_side_fills_the_front_first(pack: RulePack) -> None:
    empty = classify("身份证.jpg", ID_CARD, slots(pack, *ENTERPRISE))
    assert (empty.material_id, empty.side) == ("id-card-principal", "front")
    half = slots(pack, *ENTERPRISE, id_card_principal=[stored("front")])
    assert classify("身份证2.jpg", ID_CARD, half).side == "back"


def test_a_side_already_taken_goes_to_the_tray(pack: RulePack) -> None:
    taken = slots(pack, *ENTERPRISE, id_card_principal=[stored("front")])
    placement = classify("身份证正面(1).jpg", ID_CARD, taken)
    assert not placement.placed and placement.candidates == ("id-card-principal",)
    assert "人像面" in placement.note.zh


def test_a_two_page_file_holds_both_sides(pack: RulePack) -> None:
    placement = classify("身份证正反面.pdf", Shape(210, 297, pages=2), slots(pack, *ENTERPRISE))
    assert (placement.material_id, placement.side) == ("id-card-principal", "")


def test_equal_names_for_two_people_go_to_the_tray_unless_one_has_room(pack: RulePack) -> None:
    both = slots(pack, "id-card-principal", "id-card-icp-owner")
    unsure = classify("身份证正面.jpg", ID_CARD, both)
    assert not unsure.placed
    assert set(unsure.candidates) == {"id-card-principal", "id-card-icp-owner"}
    one_taken = slots(
        pack, "id-card-principal", "id-card-icp-owner", id_card_principal=[stored("front")]
    )
    assert classify("身份证正面.jpg", ID_CARD, one_taken).material_id == "id-card-icp-owner"


def test_a_more_specific_name_wins(pack: RulePack) -> None:
    both = slots(pack, "id-card-principal", "id-card-icp-owner")
    placement = classify("网站负责人身份证正面.jpg", ID_CARD, both)
    assert placement.material_id == "id-card-icp-owner"
    permit = slots(pack, "residence-permit", "residence-permit-screenshot")
    assert classify("居住证有效期截图.png", None, permit).material_id == (
        "residence-permit-screenshot"
    )


# -- shapes ------------------------------------------------------------------------------------


def test_an_id_card_shaped_picture_goes_to_the_only_open_id_slot(pack: RulePack) -> None:
    placement = classify("IMG_0001.jpg", ID_CARD, slots(pack, *ENTERPRISE))
    assert (placement.material_id, placement.side, placement.basis) == (
        "id-card-principal",
        "front",
        Basis.SHAPE,
    )
    assert "核对" in placement.note.zh


def test_a_landscape_a4_scan_goes_to_the_only_landscape_slot(pack: RulePack) -> None:
    placement = classify("scan0001.jpg", A4_LANDSCAPE, slots(pack, *ENTERPRISE))
    assert placement.material_id == "subject-certificate"


@pytest.mark.parametrize("shape", [A4_PORTRAIT, PHOTO_4_3, None])
def test_a_shape_that_fits_several_slots_or_none_goes_to_the_tray(
    pack: RulePack, shape: Shape | None
) -> None:
    # A4 portrait: the licence's portrait format and the commitment letter both fit.
    placement = classify("scan0002.jpg", shape, slots(pack, *ENTERPRISE))
    assert not placement.placed and placement.basis is Basis.NONE and placement.note.en


def test_shape_never_fills_a_slot_that_already_has_files(pack: RulePack) -> None:
    full = slots(pack, *ENTERPRISE, subject_certificate=[stored()])
    assert not classify("scan0003.jpg", A4_LANDSCAPE, full).placed
    ids = slots(pack, *ENTERPRISE, id_card_principal=[stored("front"), stored("back", "b" * 64)])
    assert not classify("IMG_0002.jpg", ID_CARD, ids).placed


def test_keywords_are_validated_by_the_rule_pack_schema(tmp_path: Path) -> None:
    from beian_desktop.core.resources import resource_path

    folder = tmp_path / "pack"
    folder.mkdir()
    for source in resource_path("rules").glob("*.toml"):
        (folder / source.name).write_text(source.read_text("utf-8"), "utf-8")
    materials = folder / "materials.toml"
    text = materials.read_text("utf-8")
    materials.write_text(text.replace('keywords = ["营业执照"', 'keywords = [42, "营业执照"', 1))
    with pytest.raises(RulePackError):
        load_pack(folder)


# -- inspections -------------------------------------------------------------------------------


def test_shape_and_badges_come_from_the_inspection(pack: RulePack, synth: Synth) -> None:
    card = inspect(synth.scan("id-card", 300, seal=True))
    shape = shape_of(card)
    assert shape is not None and shape.landscape and abs(shape.aspect - 85.6 / 54) < 0.01
    material = pack.materials["id-card-principal"]
    dpi = page_dpi(card.pages[0], material)
    assert dpi is not None and abs(dpi - 300) < 2
    badges = {b.kind: b for b in file_badges(card, material, pack.default_profile)}
    assert badges["dpi"].level is Level.GOOD and badges["dpi"].text.zh == "300 dpi"
    assert badges["colour"].level is Level.GOOD
    assert badges["size"].level is Level.GOOD and badges["size"].text.en.endswith("/ 3 MB")
    assert worst(list(badges.values())) is Level.GOOD


def test_badges_turn_red_for_low_resolution_and_grey_scans(pack: RulePack, synth: Synth) -> None:
    grey = inspect(synth.scan("a4", 100))  # grey content at 100 dpi
    material = pack.materials["commitment-guangdong"]
    badges = {b.kind: b for b in file_badges(grey, material, None)}
    assert badges["dpi"].level is Level.BAD and "100" in badges["dpi"].detail.zh
    assert badges["colour"].level is Level.BAD
    assert "size" not in badges


# -- taking files in -----------------------------------------------------------------------------


def test_folders_are_walked_for_supported_files_skipping_hidden_ones(tmp_path: Path) -> None:
    top = tmp_path / "扫描件"
    (top / "中文目录").mkdir(parents=True)
    (top / ".git").mkdir()
    for name in (
        "中文目录/身份证正面.jpg",
        "b.PDF",
        "a.png",
        "说明.docx",
        ".DS_Store",
        "~$草稿.jpg",
    ):
        (top / name).write_bytes(b"x")
    (top / ".git" / "x.jpg").write_bytes(b"x")
    loose = tmp_path / "notes.gif"
    loose.write_bytes(b"GIF89a")
    found = expand([loose, top])
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == [
        "notes.gif",  # dropped as a file: kept, so the user hears why it is refused
        "扫描件/a.png",
        "扫描件/b.PDF",
        "扫描件/中文目录/身份证正面.jpg",
    ]
    assert [p.name for p in found.unsupported] == ["说明.docx"]
    assert found.hidden == 3 and found.over_limit == 0
    assert is_hidden(top / ".git") and not is_hidden(top / "a.png")


def test_take_in_copies_accepted_files_and_refuses_others(synth: Synth, tmp_path: Path) -> None:
    from beian_desktop.core.errors import EmptyFile

    source = synth.scan("id-card", 300, seal=True)
    before = source.read_bytes()
    intake = take_in(source, tmp_path / "case")
    assert intake.stored is not None and (tmp_path / "case" / intake.stored.path).is_file()
    assert source.read_bytes() == before
    assert (
        intake.thumbnail is not None and max(intake.thumbnail.width, intake.thumbnail.height) <= 176
    )
    assert len(intake.thumbnail.rgb) == intake.thumbnail.width * intake.thumbnail.height * 3
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFile):
        take_in(empty, tmp_path / "case")
    assert sorted(p.name for p in (tmp_path / "case" / "files").iterdir()) == [
        Path(intake.stored.path).name
    ]


def test_pdf_thumbnails_are_rendered(synth: Synth) -> None:
    from beian_desktop.core.inspect import FileKind

    drawn = thumbnail(synth.scanner_pdf("a4", 150), FileKind.PDF, 100)
    assert drawn is not None and drawn.height == 100 and drawn.width < 100
