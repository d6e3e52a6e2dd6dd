"""Oscar's customer app, forked for registration by email link, rate-limited password resets,
sign-out by POST and the order pages: a guest's order-status page opened by its signed link
alone, the account's order history and order page (shop/customer/views.py; Oscar's get_class
finds those views there, under Oscar's own URL names)."""

import oscar.apps.customer.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CustomerConfig(apps.CustomerConfig):
    name = "shop.customer"

    def ready(self):
        super().ready()
        self.register_sent_view = get_class("customer.views", "RegistrationSentView")
        self.register_confirm_view = get_class("customer.views", "RegistrationConfirmView")

    def get_urls(self):
        registration = [
            path("register/sent/", self.register_sent_view.as_view(), name="register-sent"),
            path(
                "register/confirm/<str:token>/",
                self.register_confirm_view.as_view(),
                name="register-confirm",
            ),
        ]
        return super().get_urls() + self.post_process_urls(registration)
