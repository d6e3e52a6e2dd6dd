"""Oscar's basket app, forked so the cart page knows which notices it carries and so its
formsets refuse an update that does not match the cart (shop/basket/views.py)."""

import oscar.apps.basket.apps as apps


class BasketConfig(apps.BasketConfig):
    name = "shop.basket"
