"""The dashboard product form with the supplement facts and the checks the law asks for."""

from django import forms
from oscar.apps.dashboard.catalogue import forms as oscar_forms

from catalogue.claims import disease_claim_message, disease_claim_words
from content.models import Article
from shop.images import validate_image_upload

# Product copy a customer reads; each is checked for disease claims on save.
CHECKED_FOR_CLAIMS = ("title", "description", "claims", "meta_title", "meta_description")


class ProductForm(oscar_forms.ProductForm):
    class Meta(oscar_forms.ProductForm.Meta):
        fields = oscar_forms.ProductForm.Meta.fields + [
            "article",
            "claims",
            "directions",
            "serving_size",
            "servings_per_container",
            "servings_per_day",
            "other_ingredients",
            "allergens",
            "requires_doctors_advice",
        ]
        widgets = {
            **oscar_forms.ProductForm.Meta.widgets,
            "claims": forms.Textarea(attrs={"rows": 3, "class": "no-widget-init"}),
            "directions": forms.Textarea(attrs={"rows": 2, "class": "no-widget-init"}),
            "other_ingredients": forms.Textarea(attrs={"rows": 2, "class": "no-widget-init"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "article" in self.fields:
            self.fields["article"].queryset = Article.objects.order_by("position", "title")
            self.fields["article"].label_from_instance = article_label

    def clean(self):
        cleaned = super().clean()
        for name in CHECKED_FOR_CLAIMS:
            words = disease_claim_words(cleaned.get(name))
            if words and name in self.fields:
                self.add_error(name, disease_claim_message(words))
        if cleaned.get("is_public") and "article" in self.fields and not cleaned.get("article"):
            self.add_error(
                "article",
                "Choose the educational article for this product before publishing it "
                "(or untick “Is public” to save it as a draft).",
            )
        return cleaned


def article_label(article):
    return article.title if article.is_published else f"{article.title} (draft)"


class ProductImageForm(oscar_forms.ProductImageForm):
    def clean_original(self):
        original = self.cleaned_data.get("original")
        validate_image_upload(original)
        return original
