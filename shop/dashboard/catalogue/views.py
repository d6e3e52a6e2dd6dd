"""Product editing in the dashboard gains the Supplement Facts rows (catalogue.NutrientAmount).

A browser cannot re-fill a file input, so when the product form comes back with errors the
images chosen on it are kept: stored under PENDING_UPLOADS with a signed token in a hidden
field (images-N-kept_upload) and attached again on the next submit (KeptImages).
"""

import mimetypes
import posixpath
import re
import uuid

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from oscar.apps.dashboard.catalogue import views
from oscar.core.loading import get_model

from .formsets import NutrientAmountFormSet

StockRecord = get_model("partner", "StockRecord")

PENDING_UPLOADS = "pending-uploads/"
KEPT_UPLOAD_SALT = "shop.dashboard.catalogue.kept-upload"
KEPT_UPLOAD_MAX_AGE = 24 * 60 * 60  # seconds a kept image can be re-attached
IMAGE_FILE = re.compile(r"^(images-\d+)-original$")


class KeptImages:
    """The product images chosen on a form that came back with errors, kept for the next try.

    restore() puts each kept file back into request.FILES (unless a new file was chosen in its
    place); keep() stores the files of a form shown again with errors and returns, per image
    form prefix, the token and file name the page carries in a hidden field; done() deletes the
    stored copies once the product is saved (the image itself is saved again by its form).
    """

    def __init__(self, request):
        self.request = request
        self.restored = {}  # image form prefix -> (token, stored path)

    def restore(self):
        for key, token in self.request.POST.items():
            match = re.match(r"^(images-\d+)-kept_upload$", key)
            if not match or not token or f"{match[1]}-original" in self.request.FILES:
                continue
            try:
                kept = signing.loads(token, salt=KEPT_UPLOAD_SALT, max_age=KEPT_UPLOAD_MAX_AGE)
            except signing.BadSignature:
                continue
            path = kept.get("path", "")
            if not path.startswith(PENDING_UPLOADS) or not default_storage.exists(path):
                continue
            with default_storage.open(path, "rb") as stored:
                content = stored.read()
            content_type = mimetypes.guess_type(kept["name"])[0] or "application/octet-stream"
            self.request.FILES[f"{match[1]}-original"] = SimpleUploadedFile(
                kept["name"], content, content_type
            )
            self.restored[match[1]] = (token, path)

    def keep(self, image_formset):
        kept = {}
        for image_form in getattr(image_formset, "forms", ()):
            upload = self.request.FILES.get(f"{image_form.prefix}-original")
            if upload is None or image_form.errors.get("original"):
                continue  # nothing chosen, or a file that is no image: ask for another
            if image_form.prefix in self.restored:
                token = self.restored.pop(image_form.prefix)[0]
            else:
                name = posixpath.basename(upload.name)
                upload.seek(0)
                path = default_storage.save(f"{PENDING_UPLOADS}{uuid.uuid4().hex}/{name}", upload)
                token = signing.dumps({"path": path, "name": name}, salt=KEPT_UPLOAD_SALT)
            kept[image_form.prefix] = {"token": token, "name": posixpath.basename(upload.name)}
        self.done()  # restored files no longer on the form
        return kept

    def done(self):
        for _token, path in self.restored.values():
            default_storage.delete(path)
        self.restored = {}


class ProductCreateUpdateView(views.ProductCreateUpdateView):
    """Saves a product and its facts rows together, in one transaction.

    Oscar saves the product before its formsets, but the model refuses a public product without
    facts (compliance.publishing). So the product is saved as a draft first and published once
    its rows are saved, through the same model check as every other way in.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.formsets["nutrient_formset"] = NutrientAmountFormSet
        self.publish = False
        self.checked_formsets = {}

    def process_all_forms(self, form):
        kept_images = KeptImages(self.request)
        kept_images.restore()
        response = self.save_or_show_errors(form)
        if getattr(response, "context_data", None) is None:
            kept_images.done()  # saved: the images are the product's now
            return response
        kept = kept_images.keep(response.context_data.get("image_formset"))
        response.context_data["kept_images"] = kept
        for image in kept.values():
            messages.info(
                self.request, f"Your image {image['name']} is kept; fix the errors and save."
            )
        return response

    def save_or_show_errors(self, form):
        try:
            with transaction.atomic():
                if form.is_valid() and form.instance.is_public:
                    self.publish, form.instance.is_public = True, False
                return super().process_all_forms(form)
        except ValidationError as error:
            form.instance.is_public = self.publish
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
            return self.forms_invalid(form, self.checked_formsets)

    # Oscar binds these to its own process_all_forms; bind them to this one.
    form_valid = form_invalid = process_all_forms

    def clean(self, form, formsets):
        """Say before saving anything that a public product needs a facts row."""
        self.checked_formsets = formsets
        facts = formsets["nutrient_formset"]
        if self.publish and facts.is_valid() and not facts.kept_rows():
            form.add_error(
                "is_public",
                "A published product needs at least one nutrient row for its Supplement Facts "
                "(or untick “Is public” to keep it as a draft).",
            )
            return False
        return super().clean(form, formsets)

    def forms_valid(self, form, formsets):
        response = super().forms_valid(form, formsets)
        if self.publish:
            self.object.is_public = True
            self.object.save()
        return response


class ProductListView(views.ProductListView):
    """Oscar's product list, with its first stock record's price and stock to sort by."""

    def get_queryset(self):
        first = StockRecord.objects.filter(product=OuterRef("pk")).order_by("pk")
        return (
            super()
            .get_queryset()
            .annotate(
                first_price=Subquery(first.values("price")[:1]),
                first_available=Subquery(
                    first.annotate(
                        available=F("num_in_stock") - Coalesce(F("num_allocated"), 0)
                    ).values("available")[:1]
                ),
            )
        )
