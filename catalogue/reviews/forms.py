from django import forms
from oscar.apps.catalogue.reviews import forms as oscar_forms

SCORES = [(score, f"{score} star" + ("" if score == 1 else "s")) for score in range(5, 0, -1)]


class ProductReviewForm(oscar_forms.ProductReviewForm):
    """Oscar's form, for signed-in customers: one to five stars (Oscar allows zero)."""

    score = forms.TypedChoiceField(label="Rating", choices=SCORES, coerce=int)

    class Meta(oscar_forms.ProductReviewForm.Meta):
        fields = ("score", "title", "body")


class VoteForm(oscar_forms.VoteForm):
    pass


class SortReviewsForm(oscar_forms.SortReviewsForm):
    pass
