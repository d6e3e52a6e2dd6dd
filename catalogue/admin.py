from django.contrib import admin
from oscar.apps.catalogue.admin import *  # noqa: F403

from .models import Nutrient, NutrientAmount


@admin.register(Nutrient)
class NutrientAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "daily_value", "upper_limit", "position")


@admin.register(NutrientAmount)
class NutrientAmountAdmin(admin.ModelAdmin):
    list_display = ("product", "nutrient", "amount", "source_form")
