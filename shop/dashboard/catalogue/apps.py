"""Oscar's catalogue dashboard, forked for the supplement-facts fields and checks (forms.py)."""

from oscar.apps.dashboard.catalogue import apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    name = "shop.dashboard.catalogue"
