from django.contrib import messages
from oscar.apps.catalogue.reviews import views


class CreateProductReview(views.CreateProductReview):
    def get_success_url(self):
        if self.object.is_approved:
            messages.success(self.request, "Thank you for reviewing this product.")
        else:
            messages.info(
                self.request,
                "Thank you for your review. It will appear once our staff have checked it: "
                "it may contain contact details, strong language or a health claim we have to "
                "review first.",
            )
        return self.product.get_absolute_url()


class ProductReviewDetail(views.ProductReviewDetail):
    pass


class AddVoteView(views.AddVoteView):
    pass


class ProductReviewList(views.ProductReviewList):
    def get_queryset(self):
        # Newest first, reviewers joined: one query for the page, whatever its length.
        return super().get_queryset().select_related("user").order_by("-date_created", "-pk")
