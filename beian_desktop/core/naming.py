"""File and package names: `主体全称-办理项-材料名.ext`, safe on every OS and in every zip tool.

Names come from what users type, so they are treated as hostile: NFC-normalised; control,
format (bidi overrides, zero-width joiners) and private-use characters removed; characters
Windows forbids and look-alike slashes replaced; no `..`, no leading/trailing dots or spaces;
Windows reserved device names avoided; at most 200 bytes of UTF-8, cut on a character
boundary. The same input always gives the same name.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MAX_NAME_BYTES = 200
SEPARATOR = "-"

# Characters Windows forbids in names, plus look-alikes of the path separators that some
# tools or fonts render as real slashes.
_FORBIDDEN = set('<>:"/\\|?*') | set("／＼∕⁄⧸⧹﹨⁄∖")
_REMOVED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CONIN$",
    "CONOUT$",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
    *(f"COM{d}" for d in "¹²³"),
    *(f"LPT{d}" for d in "¹²³"),
}
_RUNS = re.compile(r"[\s_]*-[\s\-_]*|\s+")


def _is_emoji(ch: str) -> bool:
    # Pictographs live in the supplementary planes (and a few BMP symbol blocks); portals and
    # older unzip tools mangle them, and they carry no meaning in a filing.
    return unicodedata.category(ch) == "So" and (ord(ch) > 0xFFFF or 0x2600 <= ord(ch) <= 0x27BF)


def clean_component(text: str) -> str:
    """One safe name component (no separators, no dots at the ends, never empty-safe)."""
    text = unicodedata.normalize("NFC", text)
    kept: list[str] = []
    for ch in text:
        if ch in _FORBIDDEN:
            kept.append(SEPARATOR)
        elif unicodedata.category(ch) in _REMOVED_CATEGORIES or _is_emoji(ch):
            continue
        elif ch.isspace():
            kept.append(" ")
        else:
            kept.append(ch)
    cleaned = "".join(kept)
    cleaned = re.sub(r"\.{2,}", ".", cleaned)  # no `..` anywhere
    cleaned = _RUNS.sub(lambda m: SEPARATOR if SEPARATOR in m.group() else " ", cleaned)
    return cleaned.strip(" .-")


def _avoid_reserved(stem: str) -> str:
    base = stem.split(".")[0].strip().upper()
    return f"_{stem}" if base in _RESERVED else stem


def _truncate_bytes(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    cut = encoded[: max(limit, 0)].decode("utf-8", errors="ignore")
    return cut.rstrip(" .-")


def _clean_extension(extension: str) -> str:
    extension = clean_component(extension.lstrip(".")).lower()
    extension = re.sub(r"[^a-z0-9]", "", extension)[:8]
    return f".{extension}" if extension else ""


def join_name(parts: list[str], extension: str = "", *, suffix: str = "") -> str:
    """Join cleaned parts with '-', fit into MAX_NAME_BYTES by shortening the longest first."""
    cleaned = [clean_component(p) for p in parts]
    cleaned = [p for p in cleaned if p] or ["未命名"]
    tail = (f"{SEPARATOR}{suffix}" if suffix else "") + _clean_extension(extension)
    budget = MAX_NAME_BYTES - len(tail.encode("utf-8"))
    while len(SEPARATOR.join(cleaned).encode("utf-8")) > budget:
        longest = max(range(len(cleaned)), key=lambda i: len(cleaned[i].encode("utf-8")))
        excess = len(SEPARATOR.join(cleaned).encode("utf-8")) - budget
        size = len(cleaned[longest].encode("utf-8"))
        shortened = _truncate_bytes(cleaned[longest], max(size - excess, size // 2, 1))
        if shortened == cleaned[longest]:  # cannot shrink (one multi-byte char): drop it
            shortened = ""
        cleaned[longest] = shortened
        cleaned = [p for p in cleaned if p] or ["未命名"]
    return _avoid_reserved(SEPARATOR.join(cleaned)) + tail


def material_file_name(
    subject_name: str,
    filing: str,
    material_name: str,
    extension: str,
    *,
    index: int = 1,
    count: int = 1,
) -> str:
    """`主体全称-办理项-材料名.ext`; several files of one material get `-2`, `-3` … from the 2nd."""
    suffix = str(index) if count > 1 and index > 1 else ""
    return join_name([subject_name, filing, material_name], extension, suffix=suffix)


def package_name(subject_name: str, filing: str, day: dt.date) -> str:
    """`主体全称-办理项-备案材料-YYYYMMDD`: the top folder; with `.zip` still within the limit."""
    with_zip = join_name([subject_name, filing, "备案材料", day.strftime("%Y%m%d")], ".zip")
    return with_zip.removesuffix(".zip")


def is_safe_name(name: str) -> bool:
    """True when `name` is a file name this module could have produced: safe everywhere."""
    return (
        bool(name)
        and name == unicodedata.normalize("NFC", name)
        and len(name.encode("utf-8")) <= MAX_NAME_BYTES
        and not any(
            ch in _FORBIDDEN or unicodedata.category(ch) in _REMOVED_CATEGORIES or _is_emoji(ch)
            for ch in name
        )
        and ".." not in name
        and name == name.strip(" .")
        and name.split(".")[0].strip().upper() not in _RESERVED
    )
