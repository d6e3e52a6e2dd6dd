"""Oscar's basket app, forked only so the cart page knows which notices it carries."""

import oscar.apps.basket.apps as apps


class BasketConfig(apps.BasketConfig):
    name = "shop.basket"
