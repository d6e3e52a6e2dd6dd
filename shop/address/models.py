from oscar.apps.address.abstract_models import AbstractUserAddress

from shop.addresses import PrintedTheUSWay


class UserAddress(PrintedTheUSWay, AbstractUserAddress):
    """Oscar's address-book entry, printed the US way ("Springfield, IL 62704")."""


from oscar.apps.address.models import *  # noqa: E402, F403  (Oscar's documented fork pattern)
