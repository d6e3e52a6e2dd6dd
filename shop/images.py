"""Checks for images staff upload (product pictures, article images) before they are stored."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000  # 5000 x 5000: far above any product photo, far below a pixel bomb
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def validate_image_upload(upload):
    """Size, real image content (verified by Pillow), allowed format, and no pixel bomb.

    Only the header is read to learn the dimensions, so a small file claiming billions of
    pixels is refused before anything is decoded.
    """
    if not isinstance(upload, UploadedFile):
        return  # nothing chosen, or the file already stored: checked when it was uploaded
    if upload.size > MAX_BYTES:
        raise ValidationError(
            f"This image is {upload.size / 1024 / 1024:.1f} MB; the limit is 5 MB. "
            "Please export it smaller (1200 px wide is plenty)."
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format, (width, height) = image.format, image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    f"This image is {width:,} × {height:,} pixels; the limit is 25 megapixels."
                )
            image.verify()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(
            "This file is not an image we can read (use JPEG, PNG or WebP)."
        ) from error
    finally:
        upload.seek(0)
    if image_format not in FORMATS:
        raise ValidationError(f"{image_format} images are not accepted: use JPEG, PNG or WebP.")
