"""Draws the application icon: a white speech bubble with three dots on a blue-teal rounded square.

    python packaging/make_icon.py

Writes resources/icons/helpdesk-{16..512}.png, helpdesk.ico (Windows) and helpdesk.icns (macOS).
The files are committed (a few kilobytes); run this again only to change the drawing.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
BIG = 1024  # drawn once at this size, then scaled down


def draw() -> Image.Image:
    image = Image.new("RGBA", (BIG, BIG), (0, 0, 0, 0))
    # A vertical gradient from blue to teal, clipped to a rounded square.
    top, bottom = (37, 99, 175), (20, 150, 150)
    gradient = Image.new("RGBA", (BIG, BIG))
    pen = ImageDraw.Draw(gradient)
    for y in range(BIG):
        t = y / (BIG - 1)
        pen.line([(0, y), (BIG, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)) + (255,))
    mask = Image.new("L", (BIG, BIG), 0)
    ImageDraw.Draw(mask).rounded_rectangle([40, 40, BIG - 40, BIG - 40], radius=200, fill=255)
    image.paste(gradient, (0, 0), mask)
    # The speech bubble: a rounded body and a tail at its lower left.
    pen = ImageDraw.Draw(image)
    white = (255, 255, 255, 255)
    pen.rounded_rectangle([200, 230, 824, 700], radius=150, fill=white)
    pen.polygon([(300, 640), (450, 690), (260, 850)], fill=white)
    # Three dots: someone is answering.
    for x in (362, 512, 662):
        pen.ellipse([x - 55, 410, x + 55, 520], fill=(30, 120, 165, 255))
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    for size in SIZES:
        big.resize((size, size), Image.LANCZOS).save(ICONS / f"helpdesk-{size}.png", optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(ICONS / "helpdesk.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    big.resize((512, 512), Image.LANCZOS).save(ICONS / "helpdesk.icns")


if __name__ == "__main__":
    main()
