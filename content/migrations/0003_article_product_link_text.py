from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_contact_message"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="product_link_text",
            field=models.CharField(
                blank=True,
                help_text=(
                    "The text after “Learn more:” on the pages of products that link here, e.g. "
                    "“what research says about iron”. Product pages may not name a disease, so "
                    "neither may this."
                ),
                max_length=120,
            ),
        ),
    ]
