"""Product editing in the dashboard gains the Supplement Facts rows (catalogue.NutrientAmount)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from oscar.apps.dashboard.catalogue import views

from .formsets import NutrientAmountFormSet


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
