"""Names of official documents, shown in the UI language.

The rule pack names documents in Chinese only (they are the names on the forms). Listing them
here with QT_TRANSLATE_NOOP puts them into the translation catalogue, so the English UI shows
"Business licence (营业执照)" and the user can still match the Chinese form.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Document"

DOCUMENTS = (
    QT_TRANSLATE_NOOP("Document", "居民身份证"),
    QT_TRANSLATE_NOOP("Document", "港澳居民居住证"),
    QT_TRANSLATE_NOOP("Document", "台湾居民居住证"),
    QT_TRANSLATE_NOOP("Document", "港澳居民来往内地通行证"),
    QT_TRANSLATE_NOOP("Document", "台湾居民来往大陆通行证"),
    QT_TRANSLATE_NOOP("Document", "护照"),
    QT_TRANSLATE_NOOP("Document", "外国人永久居留身份证"),
    QT_TRANSLATE_NOOP("Document", "营业执照"),
    QT_TRANSLATE_NOOP("Document", "外国企业常驻代表机构登记证"),
    QT_TRANSLATE_NOOP("Document", "统一社会信用代码证书"),
    QT_TRANSLATE_NOOP("Document", "组织机构代码证"),
    QT_TRANSLATE_NOOP("Document", "事业单位法人证书"),
    QT_TRANSLATE_NOOP("Document", "社会团体法人登记证书"),
    QT_TRANSLATE_NOOP("Document", "民办非企业单位登记证书"),
    QT_TRANSLATE_NOOP("Document", "社会服务机构登记证书"),
    QT_TRANSLATE_NOOP("Document", "民办学校办学许可证"),
    QT_TRANSLATE_NOOP("Document", "基金会法人登记证书"),
    QT_TRANSLATE_NOOP("Document", "律师事务所执业许可证"),
    QT_TRANSLATE_NOOP("Document", "外国在华文化中心登记证"),
    QT_TRANSLATE_NOOP("Document", "外国政府旅游部门常驻代表机构批准登记证"),
    QT_TRANSLATE_NOOP("Document", "司法鉴定许可证"),
    QT_TRANSLATE_NOOP("Document", "宗教活动场所登记证"),
    QT_TRANSLATE_NOOP("Document", "境外机构证件"),
    QT_TRANSLATE_NOOP("Document", "医疗机构执业许可证"),
    QT_TRANSLATE_NOOP("Document", "公证机构执业证"),
    QT_TRANSLATE_NOOP("Document", "农村集体经济组织登记证"),
    QT_TRANSLATE_NOOP("Document", "仲裁委员会登记证"),
    QT_TRANSLATE_NOOP("Document", "军队单位对外有偿服务许可证"),
    QT_TRANSLATE_NOOP("Document", "部队代号"),
)

# Documents whose numbers are resident-ID numbers (18 characters, region code first).
RESIDENT_ID_DOCUMENTS = ("居民身份证", "港澳居民居住证", "台湾居民居住证")


def document_name(name: str) -> str:
    """The document's name in the UI language (unknown names are shown as they are)."""
    return QCoreApplication.translate(CONTEXT, name)
