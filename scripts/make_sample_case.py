#!/usr/bin/env python3
"""Generate the demo case in resources/samples/demo/: made-up scans of fake documents.

Everything is fictitious: the company, the person and their numbers (checksum-valid so the
checks pass, but invented), and every image carries a 样本 / SAMPLE watermark. Run it again
after changing it; the output is deterministic.

    .venv/bin/python scripts/make_sample_case.py
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from beian_desktop.core.case import Case, Person, Website, save_case  # noqa: E402
from beian_desktop.core.case.store import add_file  # noqa: E402

OUT = ROOT / "resources" / "samples" / "demo"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
DPI = 300
COMPANY = "深圳市示例科技有限公司"
USCC = "91440300MA5DXAMPXK"  # checksum-valid, invented
PERSON = "张示例"
ID_NUMBER = "440305199003071201"  # checksum-valid, invented (Shenzhen Nanshan, born 1990-03-07)
RED = (200, 30, 30)
INK = (30, 30, 30)
PAPER = (250, 246, 232)


def mm(value: float) -> int:
    return round(value / 25.4 * DPI)


def font(size_pt: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), round(size_pt / 72 * DPI), index=0)


def watermark(image: Image.Image) -> None:
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    text = "样本 仅供演示 SAMPLE"
    mark = ImageFont.truetype(str(FONT), max(image.width // 45, 16), index=0)
    width = round(draw.textlength(text, font=mark))
    for row, y in enumerate(range(0, image.height, mark.size * 5)):
        for x in range(-width // 2 * (row % 2), image.width, width * 2):
            draw.text((x, y), text, font=mark, fill=(120, 120, 120, 60))
    image.paste(Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB"))


def seal(draw: ImageDraw.ImageDraw, centre: tuple[int, int], radius: int, text: str) -> None:
    x, y = centre
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=RED, width=radius // 12)
    star = font(radius / DPI * 72 * 0.5)
    draw.text((x, y), "★", font=star, fill=RED, anchor="mm")
    draw.text(
        (x, y + radius * 0.55), text, font=font(radius / DPI * 72 * 0.16), fill=RED, anchor="mm"
    )


def business_licence() -> Image.Image:
    image = Image.new("RGB", (mm(297), mm(210)), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((mm(8), mm(8), mm(289), mm(202)), outline=(150, 110, 40), width=mm(1.5))
    draw.text((mm(148.5), mm(30)), "营 业 执 照", font=font(40), fill=INK, anchor="mm")
    draw.text((mm(148.5), mm(45)), "（副  本）", font=font(16), fill=INK, anchor="mm")
    rows = [
        ("统一社会信用代码", USCC),
        ("名        称", COMPANY),
        ("类        型", "有限责任公司"),
        ("法定代表人", PERSON),
        ("经营范围", "计算机软件开发；信息技术咨询服务（样本）"),
        ("注册资本", "壹佰万元整"),
        ("成立日期", "2020年01月02日"),
        ("营业期限", "长期"),
        ("住        所", "深圳市南山区示例路1号（虚构地址）"),
    ]
    for number, (label, value) in enumerate(rows):
        y = mm(62 + number * 14)
        draw.text((mm(30), y), label, font=font(13), fill=INK)
        draw.text((mm(85), y), value, font=font(13), fill=INK)
    draw.text((mm(200), mm(176)), "登记机关（样本）", font=font(12), fill=INK)
    draw.text((mm(200), mm(188)), "2024年05月06日", font=font(12), fill=INK)
    seal(draw, (mm(232), mm(178)), mm(20), "示例登记机关")
    watermark(image)
    return image


def id_card(front: bool) -> Image.Image:
    image = Image.new("RGB", (mm(85.6), mm(54)), (232, 240, 246))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        (0, 0, image.width - 1, image.height - 1), radius=mm(3), outline=(160, 170, 180), width=4
    )
    if front:
        lines = [
            ("姓名", PERSON),
            ("性别", "男   民族  汉"),
            ("出生", "1990年3月7日"),
            ("住址", "广东省深圳市南山区示例路1号"),
        ]
        for number, (label, value) in enumerate(lines):
            y = mm(6 + number * 8)
            draw.text((mm(5), y), label, font=font(7), fill=(60, 90, 140))
            draw.text((mm(15), y), value, font=font(8), fill=INK)
        draw.text((mm(5), mm(45)), "公民身份号码", font=font(7), fill=(60, 90, 140))
        draw.text((mm(25), mm(44.5)), ID_NUMBER, font=font(9), fill=INK)
        draw.rectangle((mm(58), mm(7), mm(80), mm(35)), fill=(200, 205, 212))
        draw.ellipse((mm(63), mm(10), mm(75), mm(22)), fill=(150, 155, 165))
        draw.rectangle((mm(61), mm(23), mm(77), mm(35)), fill=(150, 155, 165))
    else:
        draw.ellipse((mm(5), mm(5), mm(20), mm(20)), outline=RED, width=6)
        draw.text((mm(12.5), mm(12.5)), "★", font=font(14), fill=RED, anchor="mm")
        draw.text((mm(48), mm(13)), "中华人民共和国", font=font(11), fill=INK, anchor="mm")
        draw.text((mm(48), mm(24)), "居 民 身 份 证", font=font(15), fill=INK, anchor="mm")
        draw.text(
            (mm(12), mm(40)), "签发机关  深圳市公安局南山分局（样本）", font=font(7), fill=INK
        )
        draw.text((mm(12), mm(47)), "有效期限  2020.03.07-2040.03.07", font=font(7), fill=INK)
    watermark(image)
    return image


def commitment_letter() -> Image.Image:
    image = Image.new("RGB", (mm(210), mm(297)), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.text((mm(105), mm(30)), "互联网信息服务备案承诺书", font=font(20), fill=INK, anchor="mm")
    body = [
        "本单位（本人）郑重承诺：",
        "一、所提交的备案信息真实、准确、完整；",
        "二、遵守国家有关互联网信息服务的法律法规；",
        "三、如信息发生变化，及时办理变更手续。",
        "（此为演示样本，内容不具任何效力。）",
    ]
    for number, line in enumerate(body):
        draw.text((mm(25), mm(55 + number * 12)), line, font=font(13), fill=INK)
    draw.text((mm(110), mm(200)), f"承诺单位：{COMPANY}", font=font(12), fill=INK)
    draw.text((mm(110), mm(215)), f"法定代表人签字：{PERSON}", font=font(12), fill=INK)
    draw.text((mm(110), mm(230)), "2026年11月27日", font=font(12), fill=INK)
    seal(draw, (mm(150), mm(210)), mm(21), COMPANY[:8])
    watermark(image)
    return image


def save_jpeg(image: Image.Image, path: Path) -> Path:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, dpi=(DPI, DPI), optimize=True)
    path.write_bytes(buffer.getvalue())
    return path


def build_case() -> Case:
    case = Case(id="demo")
    case.created_at = "2026-11-27T00:00:00+00:00"
    case.subject.type = "企业"
    case.subject.full_name = COMPANY
    case.subject.certificate_type = "营业执照"
    case.subject.certificate_number = USCC
    case.subject.certificate_valid_until = "长期"
    case.subject.province = "44"
    case.subject.city = "深圳市"
    case.subject.address = "深圳市南山区示例路1号（虚构地址）"
    person = Person(
        name=PERSON,
        id_number=ID_NUMBER,
        id_valid_until="2040-03-07",
        phone="13800000001",
        email="demo@example.com",
    )
    case.principal = person
    case.icp_owner = Person(**vars(person))
    case.icp_owner_is_principal = True
    case.principal_is_legal_rep = True
    case.icp_owner_is_legal_rep = True
    case.filing_type = "首次备案"
    case.province = "44"
    case.websites = [
        Website(
            name="示例科技官网",
            domain="example.com",
            remark="公司介绍与产品展示，无在线交易（演示）",
        )
    ]
    return case


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    case = build_case()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        scans = [
            ("subject-certificate", "", save_jpeg(business_licence(), folder / "营业执照.jpg")),
            ("id-card-principal", "front", save_jpeg(id_card(True), folder / "身份证正面.jpg")),
            ("id-card-principal", "back", save_jpeg(id_card(False), folder / "身份证反面.jpg")),
            ("commitment-guangdong", "", save_jpeg(commitment_letter(), folder / "备案承诺书.jpg")),
        ]
        for material, side, path in scans:
            stored = add_file(case, OUT, material, path, side=side)
            stored.original_path = f"demo/{path.name}"
            stored.added_at = case.created_at
    case.history = []
    case.record("created", "demo case generated by scripts/make_sample_case.py")
    case.history[-1].at = case.created_at
    save_case(case, OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
