from django import forms
from django.contrib import admin
from oscar.apps.catalogue import admin as oscar_admin
from oscar.apps.catalogue.admin import *  # noqa: F403

from compliance import publishing

from .models import Nutrient, NutrientAmount, Product


@admin.register(Nutrient)
class NutrientAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "unit",
        "daily_value",
        "upper_limit",
        "upper_limit_unit",
        "upper_limit_basis",
        "position",
    )
    fieldsets = (
        (None, {"fields": ("code", "name", "unit", "daily_value", "notice", "position")}),
        (
            "Adult upper limit",
            {
                "fields": (
                    "upper_limit",
                    "upper_limit_unit",
                    "upper_limit_basis",
                    "upper_limit_note",
                ),
                "description": (
                    "The cart and the checkout warn when the daily amounts of the products in a "
                    "cart add up to more than this. Where the limit counts only a share (folic "
                    "acid of folate, preformed vitamin A), each product's row records it."
                ),
            },
        ),
    )


@admin.register(NutrientAmount)
class NutrientAmountAdmin(admin.ModelAdmin):
    """Saves go through NutrientAmount.clean(): a share-counting nutrient needs its share."""

    list_display = ("product", "nutrient", "amount", "upper_limit_amount", "source_form")
    list_select_related = ("product", "nutrient")


class ProductAdminForm(forms.ModelForm):
    """Oscar's product admin, with the facts rule the model's save() enforces shown as a message."""

    def _post_clean(self):
        super()._post_clean()
        for field, messages in publishing.facts_errors(self.instance).items():
            self.add_error(field if field in self.fields else None, messages)


class ProductAdmin(oscar_admin.ProductAdmin):
    form = ProductAdminForm


admin.site.unregister(Product)
admin.site.register(Product, ProductAdmin)
