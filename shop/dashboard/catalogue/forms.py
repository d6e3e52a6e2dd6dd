"""The dashboard product form with the supplement facts.

The checks the law asks for (claims, article, facts) live on the model (compliance.publishing),
so this form shows them beside the fields like any model validation.
"""

from django import forms
from oscar.apps.dashboard.catalogue import forms as oscar_forms

from content.models import Article


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


def article_label(article):
    return article.title if article.is_published else f"{article.title} (draft)"
