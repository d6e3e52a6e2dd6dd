"""Every existing product gets its analytics record (catalogue.signals.start_analytics_record
makes one with each new product)."""

from django.db import migrations


def create_records(apps, schema_editor):
    Product = apps.get_model("catalogue", "Product")
    ProductRecord = apps.get_model("analytics", "ProductRecord")
    missing = Product.objects.filter(stats__isnull=True).values_list("pk", flat=True)
    ProductRecord.objects.bulk_create(
        [ProductRecord(product_id=pk) for pk in missing.iterator()], batch_size=1000
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0039_search_indexes"),
        ("analytics", "0003_auto_20200801_0817"),
    ]

    operations = [migrations.RunPython(create_records, migrations.RunPython.noop)]
