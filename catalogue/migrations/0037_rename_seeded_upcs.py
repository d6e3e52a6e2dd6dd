"""Seeded product codes started with "RLS-", which printed the disease's initials on product
pages (their SKU) and image names; product pages may not name the disease (DESIGN §5)."""

from django.db import migrations
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

OLD, NEW = "RLS-", "RLV-"


def forwards(apps, schema_editor):
    renamed = Concat(Value(NEW), Substr(F("upc"), len(OLD) + 1))
    apps.get_model("catalogue", "Product").objects.filter(upc__startswith=OLD).update(upc=renamed)
    sku = Concat(Value(NEW), Substr(F("partner_sku"), len(OLD) + 1))
    apps.get_model("partner", "StockRecord").objects.filter(partner_sku__startswith=OLD).update(
        partner_sku=sku
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0036_nutrient_upper_limit_unit"),
        ("partner", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
