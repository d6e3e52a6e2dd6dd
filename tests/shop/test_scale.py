"""A page costs the same number of queries with a large catalogue as with the seeded ten."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from content.models import Article

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

BUDGET = 10


def warm_query_counts(client):
    iron = Product.objects.get(upc="RLV-IRON-25")
    pages = {
        "home": "/",
        "list": "/catalogue/",
        "last list page": "/catalogue/?page=last",
        "category": Category.objects.get(slug="minerals").get_absolute_url(),
        "product": iron.get_absolute_url(),
        "article": Article.objects.get(slug="iron-and-rls").get_absolute_url(),
        "search": "/search/?q=iron",
    }
    counts = {}
    for name, path in pages.items():
        assert client.get(path).status_code == 200, path
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_the_catalogue(client):
    small = warm_query_counts(client)
    call_command("seed_store", "--count", "1500", stdout=StringIO())
    assert Product.objects.count() == 1500
    large = warm_query_counts(client)
    assert large == small
    over = {name: n for name, n in large.items() if n > BUDGET}
    assert not over, f"pages over the {BUDGET}-query budget: {over}"
