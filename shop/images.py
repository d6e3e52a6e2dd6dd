"""Checks for images staff upload (product pictures, category and article images) before they
are stored.

The models' image fields carry validate_image_upload as a validator, so every model form runs it:
the dashboard's, the Django admin's, and any other. A test (tests/shop/test_uploads.py) fails for
an image field that does not.
"""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db.models.fields.files import FieldFile
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000  # 5000 x 5000: far above any product photo, far below a pixel bomb
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def new_file(value):
    """The file about to be stored, or None when there is none (nothing chosen, a cleared field,
    or the file already in storage: checked when it was uploaded).

    A form field hands over the upload itself; a model field's validator gets the FieldFile
    around it, not yet committed to storage.
    """
    if isinstance(value, FieldFile):
        return None if value._committed else value.file
    return value if isinstance(value, File) else None


def validate_image_upload(value):
    """Size, real image content (verified by Pillow), allowed format, and no pixel bomb.

    Only the header is read to learn the dimensions, so a small file claiming billions of
    pixels is refused before anything is decoded.
    """
    upload = new_file(value)
    if upload is None:
        return
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
