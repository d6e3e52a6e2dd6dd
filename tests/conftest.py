"""Shared fixtures: the seeded store is built once per test session and rolled back per test."""

import pytest
from django.core.management import call_command
from oscar.core.loading import get_model
from pytest_django.plugin import blocking_manager_key

Product = get_model("catalogue", "Product")
TEST_DATABASE_READY = pytest.StashKey[bool]()

US_ADDRESS = {
    "first_name": "Ann",
    "last_name": "Lee",
    "line1": "1 Main Street",
    "line4": "Springfield",
    "state": "IL",
    "postcode": "62701",
    "country": "US",
    "phone_number": "",
}


def seed_store():
    call_command("seed_store", "--demo-staff", verbosity=0, stdout=open("/dev/null", "w"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, pytestconfig):
    with django_db_blocker.unblock():
        seed_store()
    pytestconfig.stash[TEST_DATABASE_READY] = True
    yield
    pytestconfig.stash[TEST_DATABASE_READY] = False


@pytest.fixture
def iron(db):
    return Product.objects.get(upc="RLV-IRON-25")


@pytest.fixture
def magnesium(db):
    return Product.objects.get(upc="RLV-MAG-120")


@pytest.fixture
def customer(db, django_user_model):
    return django_user_model.objects.create_user(
        username="ann", email="ann@example.com", password="a-long-secret-9", first_name="Ann"
    )


@pytest.fixture
def staff(db, django_user_model):
    return django_user_model.objects.get(email="staff@example.com")


def pytest_report_header(config):
    from django.db import connection

    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test rolls its database back, so cached reads of it must not outlive the test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed_db(transactional_db):
    """Real commits, for concurrent requests (see pytest_runtest_teardown)."""


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Seed the store again when a test has emptied the database.

    A test that commits for real (live_server, committed_db) ends with a flush of every table,
    which would wipe the session-wide seed the rest of the suite relies on. Asking the database
    is simpler and surer than guessing from fixture names; seed_store is idempotent.
    """
    yield  # the fixtures, and with them any flush, are torn down in here
    if nextitem is None or not item.config.stash.get(TEST_DATABASE_READY, False):
        return  # never touch a database that is not the seeded test database
    with item.config.stash[blocking_manager_key].unblock():
        if not Product.objects.exists():
            seed_store()
