"""What may be saved and published: the rules every way in meets (DESIGN §2, §5).

The models call these from `clean()` (so the dashboard, the Django admin and any ModelForm show
the message beside the field) and again from `save()` (so the seed, an import, a shell or a
second worker cannot skip them). Each function returns {field: [messages]}; empty means allowed.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from .claims import claim_message, find_disease_claims

# The consumer-facing text of each model that the claim check reads (DESIGN §5).
PRODUCT_COPY = ("title", "description", "claims", "directions", "meta_title", "meta_description")
CATEGORY_COPY = ("name", "description")
IMAGE_COPY = ("caption",)
ARTICLE_COPY = ("pin_description", "product_link_text")

DOCTOR_ONLY_DIRECTIONS = "Use only as directed by your doctor."


def copy_errors(instance, fields):
    """A disease-claim message for each of `fields` whose text reads as a disease claim."""
    errors = {}
    for field in fields:
        findings = find_disease_claims(getattr(instance, field, "") or "")
        if findings:
            errors[field] = [claim_message(findings)]
    return errors


def is_live(article):
    return bool(article.is_published and article.published_at <= timezone.now())


def product_errors(product, *, check_facts=True):
    """Claim-clean copy always; a public product also needs a live article and a facts row.

    `check_facts=False` is for form validation, where the rows are still in the formset beside
    the form: the dashboard checks those itself, and `save()` checks the saved rows.
    """
    errors = copy_errors(product, PRODUCT_COPY)
    if not product.is_public:
        return errors
    if product.article_id is None:
        errors.setdefault("article", []).append(
            "Choose the educational article for this product before publishing it "
            "(or untick “Is public” to keep it as a draft)."
        )
    elif not is_live(product.article):
        errors.setdefault("article", []).append(
            f"The article “{product.article}” is not published yet: publish it first, or "
            "untick “Is public” to keep this product as a draft."
        )
    if check_facts:
        for field, messages in facts_errors(product).items():
            errors.setdefault(field, []).extend(messages)
    return errors


def facts_errors(product):
    """A public product has at least one saved Supplement Facts row."""
    if product.is_public and (product.pk is None or not product.nutrient_amounts.exists()):
        return {
            "is_public": [
                "Add at least one Supplement Facts row before publishing this product "
                "(or untick “Is public” to keep it as a draft)."
            ]
        }
    return {}


def article_errors(article):
    """Claim-clean Pin it and link texts; an article that public products link to stays live."""
    errors = copy_errors(article, ARTICLE_COPY)
    if article.pk is not None and not is_live(article):
        titles = list(
            article.products.filter(is_public=True)
            .order_by("title")
            .values_list("title", flat=True)
        )
        if titles:
            errors.setdefault("is_published", []).append(
                "Published products link to this article: "
                + ", ".join(titles)
                + ". Point them at another article (or unpublish them) first, so no product page "
                "links to a missing article."
            )
    return errors


def facts_row_removal_errors(row):
    """The last Supplement Facts row of a public product cannot go while the product is public."""
    product = row.product
    if product.is_public and not product.nutrient_amounts.exclude(pk=row.pk).exists():
        return {
            "__all__": [
                f"“{product.get_title()}” is public and this is its last Supplement Facts row: "
                "add another row or unpublish the product first."
            ]
        }
    return {}


def enforce(errors):
    """Raise the errors as one ValidationError (what `save()` and `delete()` do)."""
    if errors:
        raise ValidationError(errors)


def label_directions(product):
    """The directions a product's page shows: a doctor-only product gives no adult dose."""
    if product.requires_doctors_advice:
        return DOCTOR_ONLY_DIRECTIONS
    return product.directions
