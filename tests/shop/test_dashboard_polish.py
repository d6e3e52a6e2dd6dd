"""Dashboard polish: the store's name, the email sign-in, price and stock in the product list."""

import io
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

PRODUCT_LIST = "/dashboard/catalogue/"


def test_the_dashboard_navbar_shows_the_store_name_and_a_store_link(client, staff):
    client.force_login(staff)
    page = client.get("/dashboard/").content.decode()
    assert settings.OSCAR_SHOP_NAME == "Restful Legs Vitamins"
    assert (
        '<a class="navbar-brand" href="/dashboard/" id="dashboard_brand">Restful Legs Vitamins</a>'
        in page
    )
    assert 'id="view_store_link"' in page and "View store</a>" in page
    assert 'class="navbar-brand" href="#"' not in page


def test_the_staff_sign_in_asks_for_an_email_not_a_username(client):
    response = client.get("/dashboard/", follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/dashboard/login/")
    assert '<label for="id_username">Email</label>' in page
    assert 'type="email"' in page and 'autocomplete="email"' in page
    assert "username" not in page.replace('"username"', "").replace("id_username", "").lower()


def test_staff_sign_in_by_email_and_a_wrong_password_names_the_email(client, staff):
    staff.set_password("staff-secret-123")
    staff.save()
    page = client.post(
        "/dashboard/login/", {"username": staff.email, "password": "wrong"}
    ).content.decode()
    assert "That email address and password do not match" in page
    assert "username" not in page.replace('"username"', "").replace("id_username", "").lower()
    response = client.post(
        "/dashboard/login/", {"username": staff.email, "password": "staff-secret-123"}
    )
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200


def add_products(count, start=0):
    iron = Product.objects.get(upc="RLV-IRON-25")
    partner = Partner.objects.get()
    for number in range(start, start + count):
        product = Product.objects.create(
            title=f"Test product {number}",
            upc=f"TEST-{number}",
            product_class=iron.product_class,
            is_public=False,
        )
        StockRecord.objects.create(
            product=product,
            partner=partner,
            partner_sku=f"TEST-{number}",
            price="4.50",
            num_in_stock=10 + number,
            num_allocated=number,
        )


def test_the_product_list_shows_price_and_stock(client, staff, iron):
    record = iron.stockrecords.get()
    record.num_in_stock, record.num_allocated = 40, 3
    record.save()
    client.force_login(staff)
    page = client.get(PRODUCT_LIST, {"title": iron.title}).content.decode()
    assert re.search(r">Price\s*<", page) and re.search(r">Stock\s*<", page)
    assert f"${record.price}" in page
    assert "37 available" in page and "in stock 40 (allocated 3)" in page


def test_the_product_list_sorts_by_price_and_stock(client, staff):
    add_products(3)
    StockRecord.objects.filter(product__upc="TEST-1").update(price="99.00", num_in_stock=500)
    client.force_login(staff)
    by_price = client.get(PRODUCT_LIST, {"sort": "-price", "title": "Test product"})
    by_stock = client.get(PRODUCT_LIST, {"sort": "-stock", "title": "Test product"})
    for response in (by_price, by_stock):
        assert response.status_code == 200
        page = response.content.decode()
        assert page.index("TEST-1") < page.index("TEST-0")
        assert page.index("TEST-1") < page.index("TEST-2")
    assert client.get(PRODUCT_LIST, {"sort": "stock"}).status_code == 200


def count_list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PRODUCT_LIST).status_code == 200
    return len(queries)


def test_the_product_list_query_count_does_not_grow_with_products(client, staff):
    client.force_login(staff)
    count_list_queries(client)  # warm caches (sessions, site, ...)
    add_products(3)
    few = count_list_queries(client)
    add_products(27, start=3)
    many = count_list_queries(client)
    assert many == few


def png_bytes(size=(40, 40)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format="PNG")
    return buffer.getvalue()


def product_form(django_app, staff, product):
    page = django_app.get(f"/dashboard/catalogue/products/{product.pk}/", user=staff)
    return page.forms["create_update_product_form"]


def pending_uploads():
    from django.core.files.storage import default_storage

    if not default_storage.exists("pending-uploads"):
        return []
    directories = default_storage.listdir("pending-uploads")[0]
    return [
        name for d in directories for name in default_storage.listdir(f"pending-uploads/{d}")[1]
    ]


def test_an_image_chosen_on_a_form_with_errors_is_kept_and_saved_next_time(django_app, staff, iron):
    before = len(pending_uploads())
    form = product_form(django_app, staff, iron)
    form["claims"] = "Relieves restless legs at night"  # a disease claim: refused
    form["images-1-original"] = ("label-photo.png", png_bytes())
    page = form.submit()
    assert page.status_code == 200 and "reads as a disease claim" in page.text
    assert "Your image <strong>label-photo.png</strong> is kept; fix the errors and save." in page
    assert iron.images.count() == 1
    assert len(pending_uploads()) == before + 1

    form = page.forms["create_update_product_form"]
    assert form["images-1-kept_upload"].value
    form["claims"] = "Supports normal oxygen transport"
    assert form.submit().status_code == 302
    assert iron.images.count() == 2
    assert iron.images.order_by("-pk").first().original.name.endswith(".png")
    assert len(pending_uploads()) == before  # the kept copy is gone once saved


def test_a_kept_image_survives_a_second_round_of_errors(django_app, staff, iron):
    form = product_form(django_app, staff, iron)
    form["claims"] = "Relieves restless legs at night"
    form["images-1-original"] = ("label-photo.png", png_bytes())
    form = form.submit().forms["create_update_product_form"]
    page = form.submit()  # still the claim: the image stays kept
    assert "Your image <strong>label-photo.png</strong> is kept" in page
    form = page.forms["create_update_product_form"]
    form["claims"] = "Supports normal oxygen transport"
    assert form.submit().status_code == 302
    assert iron.images.count() == 2


def test_a_forged_kept_image_token_is_ignored(django_app, staff, iron):
    from django.core import signing
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    path = default_storage.save("pending-uploads/forged/other.png", ContentFile(png_bytes()))
    form = product_form(django_app, staff, iron)
    fields = [(name, value) for name, value in form.submit_fields() if name != "images-1-original"]
    fields.append(("images-1-kept_upload", signing.dumps({"path": path, "name": "other.png"})))
    response = django_app.post(
        f"/dashboard/catalogue/products/{iron.pk}/", params=fields, user=staff
    )
    assert response.status_code == 302
    assert iron.images.count() == 1
    default_storage.delete(path)


def test_a_file_that_is_no_image_is_not_kept(django_app, staff, iron):
    form = product_form(django_app, staff, iron)
    form["claims"] = "Relieves restless legs at night"
    form["images-1-original"] = ("notes.png", b"this is not an image")
    page = form.submit()
    assert "Upload a valid image" in page.text and "is kept" not in page.text


def test_kept_images_older_than_their_token_are_deleted_by_the_hourly_job(settings, tmp_path):
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone

    from shop.dashboard.catalogue.tasks import delete_stale_uploads

    settings.MEDIA_ROOT = tmp_path
    path = default_storage.save("pending-uploads/abc/label.png", ContentFile(b"png"))
    assert delete_stale_uploads() == 0 and default_storage.exists(path)
    assert delete_stale_uploads(now=timezone.now() + timedelta(days=2)) == 1
    assert not default_storage.exists(path)
