"""Oscar's product formsets plus an inline editor for the amount of each nutrient per serving."""

from django import forms
from django.forms.models import inlineformset_factory

from catalogue.models import NutrientAmount, Product


class NutrientAmountForm(forms.ModelForm):
    """A fact row; the model's clean() asks for the UL share where the nutrient counts one."""

    class Meta:
        model = NutrientAmount
        fields = ["nutrient", "amount", "upper_limit_amount", "source_form"]
        labels = {"upper_limit_amount": "Counted against the upper limit"}


BaseNutrientAmountFormSet = inlineformset_factory(
    Product, NutrientAmount, form=NutrientAmountForm, extra=3, can_delete=True
)


class NutrientAmountFormSet(BaseNutrientAmountFormSet):
    """Takes Oscar's (product_class, user) arguments like its other product formsets."""

    def __init__(self, product_class, user, *args, **kwargs):
        super().__init__(*args, **kwargs)

    def clean(self):
        """Name the repeated nutrient before Django's generic "duplicate data" message."""
        chosen = [
            form.cleaned_data["nutrient"]
            for form in self.forms
            if form.cleaned_data.get("nutrient") and not form.cleaned_data.get("DELETE")
        ]
        repeated = {nutrient.name for nutrient in chosen if chosen.count(nutrient) > 1}
        if repeated:
            raise forms.ValidationError(
                f"Each nutrient once per product: {', '.join(sorted(repeated))} is listed twice."
            )
        super().clean()

    def kept_rows(self):
        return [
            form
            for form in self.forms
            if form.cleaned_data.get("nutrient") and not form.cleaned_data.get("DELETE")
        ]
