import oscar.apps.catalogue.reviews.apps as apps
from django.contrib.auth.decorators import login_required
from django.urls import path


class CatalogueReviewsConfig(apps.CatalogueReviewsConfig):
    name = "catalogue.reviews"

    def get_urls(self):
        # Oscar's URLs, except that writing a review needs a signed-in customer
        # (OSCAR_ALLOW_ANON_REVIEWS = False): "Write a review" sends a visitor to sign in and
        # back, rather than to Oscar's "You can't leave a review for this product".
        urls = [
            path("<int:pk>/", self.detail_view.as_view(), name="reviews-detail"),
            path("add/", login_required(self.create_view.as_view()), name="reviews-add"),
            path("<int:pk>/vote/", login_required(self.vote_view.as_view()), name="reviews-vote"),
            path("", self.list_view.as_view(), name="reviews-list"),
        ]
        return self.post_process_urls(urls)
