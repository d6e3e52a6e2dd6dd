"""Search on PostgreSQL (catalogue.search); nothing on other databases.

pg_trgm, whose similarity() corrects misspelled words, and a GIN index on the product's
weighted full-text document (title A, claims B, description C, English). The document is
written out here as catalogue.search.product_document() builds it: PostgreSQL uses an
expression index only for a query with the same expression, and tests/shop/test_search.py asks
the planner that it does.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.search import SearchVector
from django.db import migrations


def index():
    document = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("claims", weight="B", config="english")
        + SearchVector("description", weight="C", config="english")
    )
    return GinIndex(document, name="catalogue_product_search")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("catalogue", "Product"), index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("catalogue", "Product"), index())


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0038_image_upload_checks"),
    ]

    operations = [
        TrigramExtension(),  # CREATE EXTENSION pg_trgm, on PostgreSQL only
        migrations.RunPython(add_index, remove_index),
    ]
