"""Conversions for the package: upload images (this package) and the PDF/A archive (core.pdfa).

Public API for the packaging pipeline:

- `to_upload_jpegs(source, material, profile, out_dir, base_name, *, suffix=page_suffix,
  pages=None, inspection=None, limits=None) -> list[UploadResult]`: one image per page or
  frame, named `base_name + suffix(page, page_count) + ".jpg"`, written atomically
- `to_upload_jpeg(source, material, profile, out_dir, name, *, page=0, ...) -> UploadResult`
- `UploadResult`: path, method ("copied" / "re-encoded" / "downscaled"), how (bilingual), size,
  effective DPI, bytes, SHA-256, quality, scale, findings; `.to_dict()` for JSON
- `page_suffix(page, pages)`: "", "-2", "-3", … (the default)
"""

from beian_desktop.core.convert.upload import (
    UploadResult,
    page_suffix,
    to_upload_jpeg,
    to_upload_jpegs,
)

__all__ = ["UploadResult", "page_suffix", "to_upload_jpeg", "to_upload_jpegs"]
