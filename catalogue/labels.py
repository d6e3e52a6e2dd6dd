"""Clean label-style product images drawn with Pillow at seed time (no downloaded assets)."""

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

SIZE = 800


def _font(size):
    return ImageFont.load_default(size=size)


def _centered(draw, y, text, font, fill):
    width = draw.textlength(text, font=font)
    draw.text(((SIZE - width) / 2, y), text, font=font, fill=fill)


def render_label(*, title, subtitle, colour, brand):
    """Return PNG bytes: a bottle silhouette with a white label carrying the product's name."""
    image = Image.new("RGB", (SIZE, SIZE), "#f6f4ef")
    draw = ImageDraw.Draw(image)
    # bottle: cap, shoulder and body
    draw.rounded_rectangle((300, 70, 500, 150), radius=18, fill="#2b2b2b")
    draw.rounded_rectangle((230, 140, 570, 740), radius=60, fill=colour)
    # label
    draw.rounded_rectangle((250, 280, 550, 640), radius=16, fill="#ffffff")
    _centered(draw, 300, brand.upper(), _font(20), "#555555")
    draw.line((290, 335, 510, 335), fill=colour, width=3)
    y = 355
    for line in textwrap.wrap(title, width=16)[:4]:
        _centered(draw, y, line, _font(34), "#1d1d1d")
        y += 44
    _centered(draw, max(y + 16, 560), subtitle, _font(22), colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


HERO_SIZE = (1200, 630)  # the Open Graph / Pinterest landscape size


def render_article_hero(*, title, kicker, colour):
    """Return PNG bytes: a calm title card for an article, used as its image and its pin."""
    width, height = HERO_SIZE
    image = Image.new("RGB", HERO_SIZE, "#f6f4ef")
    draw = ImageDraw.Draw(image)
    draw.ellipse((width - 420, -160, width + 220, 480), fill=colour)
    draw.ellipse((width - 300, 330, width + 40, 670), outline=colour, width=14)
    draw.rectangle((80, 110, 200, 118), fill=colour)
    draw.text((80, 140), kicker.upper(), font=_font(28), fill="#555555")
    y = 210
    for line in textwrap.wrap(title, width=24)[:4]:
        draw.text((80, y), line, font=_font(64), fill="#1d1d1d")
        y += 80
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
