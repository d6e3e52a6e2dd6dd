from django.db import models
from oscar.apps.catalogue.reviews.abstract_models import AbstractProductReview, AbstractVote
from oscar.core.loading import get_model, is_model_registered

from catalogue.reviews.moderation import hold_reasons

if not is_model_registered("reviews", "ProductReview"):

    class ProductReview(AbstractProductReview):
        """Oscar's review, moderated on every save whatever path wrote it (form, dashboard, admin).

        A new review, or one whose title or body changed, is checked
        (catalogue.reviews.moderation): held for moderation with the reasons recorded for staff
        when a check hits, published otherwise. A save that leaves the text alone (staff
        approving or rejecting) keeps the status it is given. The score is never looked at.
        """

        hold_reason = models.TextField(
            "Hold reason",
            blank=True,
            default="",
            help_text="Why the review was held for moderation; empty when it passed the checks.",
        )
        verified_purchase = models.BooleanField(
            "Verified buyer",
            default=False,
            help_text="The reviewer had ordered this product (an order not cancelled) when "
            "the review was written.",
        )

        @classmethod
        def from_db(cls, db, field_names, values):
            review = super().from_db(db, field_names, values)
            review._checked_text = (review.__dict__.get("title"), review.__dict__.get("body"))
            return review

        def text_changed(self):
            return getattr(self, "_checked_text", None) != (self.title, self.body)

        def moderate(self):
            reasons = hold_reasons(self.title, self.body)
            self.hold_reason = "\n".join(reasons)
            if reasons:
                self.status = self.FOR_MODERATION
            elif self._state.adding:
                self.status = self.APPROVED

        def bought_by_reviewer(self):
            if self.user_id is None or self.product_id is None:
                return False
            from shop.order.models import CANCELLED

            Line = get_model("order", "Line")
            return (
                Line.objects.filter(order__user_id=self.user_id, product_id=self.product_id)
                .exclude(order__status=CANCELLED)
                .exists()
            )

        def save(self, *args, **kwargs):
            if self._state.adding:
                self.verified_purchase = self.bought_by_reviewer()
            if self._state.adding or self.text_changed():
                self.moderate()
            super().save(*args, **kwargs)
            self._checked_text = (self.title, self.body)


if not is_model_registered("reviews", "Vote"):

    class Vote(AbstractVote):
        pass


from oscar.apps.catalogue.reviews.models import *  # noqa: E402, F403
