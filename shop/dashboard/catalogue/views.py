"""Product editing in the dashboard gains the Supplement Facts rows (catalogue.NutrientAmount)."""

from oscar.apps.dashboard.catalogue import views

from .formsets import NutrientAmountFormSet


class ProductCreateUpdateView(views.ProductCreateUpdateView):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.formsets["nutrient_formset"] = NutrientAmountFormSet
