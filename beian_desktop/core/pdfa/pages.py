"""Pages that show one image each, filling the page: the PDF side of a scan."""

from __future__ import annotations

import pikepdf

from beian_desktop.core.pdfa.encode import EncodedImage

_DEVICE = {1: pikepdf.Name.DeviceGray, 3: pikepdf.Name.DeviceRGB}


class ImagePages:
    """Appends image pages to a document. Identical ICC profiles and identical content streams
    (every page of one size draws its image the same way) are stored once."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self._profiles: dict[bytes, pikepdf.Array] = {}
        self._contents: dict[bytes, pikepdf.Stream] = {}

    def _content(self, width: float, height: float) -> pikepdf.Stream:
        drawing = f"q {width:.3f} 0 0 {height:.3f} 0 0 cm /Im0 Do Q".encode()
        stream = self._contents.get(drawing)
        if stream is None:
            stream = self._contents[drawing] = pikepdf.Stream(self.pdf, drawing)
        return stream

    def _colour_space(self, image: EncodedImage) -> pikepdf.Object:
        if image.icc is None:
            return _DEVICE[image.channels]
        space = self._profiles.get(image.icc)
        if space is None:
            stream = pikepdf.Stream(self.pdf, image.icc)
            stream.N = image.channels
            stream.Alternate = _DEVICE[image.channels]
            space = pikepdf.Array([pikepdf.Name.ICCBased, self.pdf.make_indirect(stream)])
            self._profiles[image.icc] = space
        return space

    def _xobject(self, image: EncodedImage) -> pikepdf.Stream:
        xobject = pikepdf.Stream(self.pdf, image.data)
        xobject.Type, xobject.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        xobject.Width, xobject.Height = image.width, image.height
        xobject.ColorSpace = self._colour_space(image)
        xobject.BitsPerComponent = image.bits
        xobject.Filter = pikepdf.Name(image.filter)
        if image.parms:
            xobject.DecodeParms = pikepdf.Dictionary(image.parms)
        return xobject

    def add(self, image: EncodedImage, width_pt: float, height_pt: float, rotate: int = 0) -> None:
        """A page showing `image` upright at `width_pt` × `height_pt` (as displayed).

        With `rotate` 90 or 270 the stored picture lies on its side: the page's MediaBox is
        turned with it, and viewers apply /Rotate to show it upright.
        """
        if rotate in (90, 270):
            width_pt, height_pt = height_pt, width_pt
        width, height = round(width_pt, 3), round(height_pt, 3)
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=pikepdf.Array([0, 0, width, height]),
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=self._xobject(image))),
            Contents=self._content(width, height),
        )
        if rotate:
            page.Rotate = rotate
        self.pdf.pages.append(pikepdf.Page(page))
