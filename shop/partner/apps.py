"""Oscar's partner app, forked only for its pricing strategy (strategy.py)."""

import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    name = "shop.partner"
