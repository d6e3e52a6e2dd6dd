"""Draw the PNG and ICO fallbacks of static/favicon.svg (a crescent moon: restful nights).

Usage: python scripts/favicons.py  (writes static/favicon-32.png, favicon-512.png,
apple-touch-icon.png and favicon.ico; run again after changing the drawing)
"""

from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).resolve().parent.parent / "static"
BLUE, PAPER = "#2f5d8a", "#fbfaf7"


def draw(size):
    """The SVG's shapes on its 64-unit grid, drawn 4× larger and scaled down for smooth edges."""
    scale = size * 4 / 64
    image = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def circle(cx, cy, r, fill):
        pen.ellipse([(cx - r) * scale, (cy - r) * scale, (cx + r) * scale, (cy + r) * scale], fill)

    pen.rounded_rectangle([0, 0, size * 4 - 1, size * 4 - 1], radius=14 * scale, fill=BLUE)
    circle(30, 34, 20, PAPER)
    circle(40, 24, 16, BLUE)
    return image.resize((size, size), Image.LANCZOS)


def main():
    draw(32).save(STATIC / "favicon-32.png")
    draw(512).save(STATIC / "favicon-512.png")
    draw(180).convert("RGB").save(STATIC / "apple-touch-icon.png")
    draw(48).save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
