"""Oscar's product formsets plus an inline editor for the amount of each nutrient per serving."""

from django import forms
from django.forms.models import inlineformset_factory

from catalogue.models import NutrientAmount, Product


class NutrientAmountForm(forms.ModelForm):
    class Meta:
        model = NutrientAmount
        fields = ["nutrient", "amount", "source_form"]


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
        if self.instance.is_public and not chosen:
            raise forms.ValidationError(
                "A published product needs at least one nutrient row for its Supplement Facts."
            )
