from django.db import migrations

# The events staff record in the dashboard: "Shipped" carries the carrier and tracking number.
EVENT_TYPES = [("shipped", "Shipped"), ("delivered", "Delivered")]


def seed(apps, schema_editor):
    ShippingEventType = apps.get_model("order", "ShippingEventType")
    for code, name in EVENT_TYPES:
        ShippingEventType.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("order", "0023_payment_deadline_and_tracking")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
