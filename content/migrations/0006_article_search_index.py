"""The full-text index for article search on PostgreSQL (catalogue.search); nothing elsewhere.

A GIN index on the article's weighted document (title A, summary B, body C, English), written
out here as catalogue.search.article_document() builds it: PostgreSQL uses an expression index
only for a query with the same expression, and tests/shop/test_search.py asks the planner that
it does.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations


def index():
    document = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )
    return GinIndex(document, name="content_article_search")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("content", "Article"), index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("content", "Article"), index())


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_contactreply"),
    ]

    operations = [
        migrations.RunPython(add_index, remove_index),
    ]
