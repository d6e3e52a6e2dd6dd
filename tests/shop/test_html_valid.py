"""Every storefront page is valid HTML, as the W3C Nu checker (vnu.jar, run by Java) sees it.

The jar comes from the npm registry: `npm install --prefix .tools vnu-jar` (.ci/run does it;
`make tools` too). Without Java or the jar the test skips and says which is missing.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from oscar.core.loading import get_model

from content.models import Article
from tests.conftest import US_ADDRESS

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

VNU_JAR = Path(
    os.environ.get("VNU_JAR", settings.BASE_DIR / ".tools/node_modules/vnu-jar/build/dist/vnu.jar")
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not shutil.which("java"),
        reason="Java is not installed (apt-get install default-jre-headless)",
    ),
    pytest.mark.skipif(
        not VNU_JAR.exists(), reason=f"no {VNU_JAR} (npm install --prefix .tools vnu-jar)"
    ),
]


def storefront_pages(client):
    """{name: html} of every storefront page, the cart and checkout walked as a guest."""
    pages = {}

    def fetch(name, url, status=200):
        response = client.get(url)
        assert response.status_code == status, url
        pages[name] = response.content.decode()

    for url in ["/", "/catalogue/", "/articles/", "/contact/", "/about/", "/accounts/login/"]:
        fetch(url, url)
    for category in Category.objects.browsable():
        fetch(f"category {category.name}", category.get_absolute_url())
    for product in Product.objects.browsable():
        fetch(f"product {product.upc}", product.get_absolute_url())
    for article in Article.objects.published():
        fetch(f"article {article.slug}", article.get_absolute_url())
    fetch("404", "/no-such-page/", status=404)
    pages["500"] = render_to_string("500.html")

    client.post(f"/basket/add/{Product.objects.get(upc='RLV-IRON-25').pk}/", {"quantity": 2})
    fetch("cart", "/basket/")
    fetch("checkout gateway", "/checkout/")
    client.post("/checkout/", {"username": "guest@example.com", "options": "anonymous"})
    fetch("shipping address", "/checkout/shipping-address/")
    client.post("/checkout/shipping-address/", US_ADDRESS)
    fetch("shipping method", "/checkout/shipping-method/")
    client.post("/checkout/shipping-method/", {"method_code": "standard"})
    fetch("payment", "/checkout/payment-details/")
    fetch("preview", "/checkout/preview/")
    assert client.post("/checkout/preview/", {"action": "place_order"}).status_code == 302
    fetch("thank you", "/checkout/thank-you/")
    return pages


def test_every_storefront_page_is_valid_html(client, tmp_path):
    files = {}
    for number, (name, html) in enumerate(storefront_pages(client).items()):
        path = tmp_path / f"page{number:02}.html"
        path.write_text(html)
        files[str(path)] = name

    # A page with a known error proves the checker ran and its report was read.
    canary = tmp_path / "canary.html"
    canary.write_text('<!DOCTYPE html><html lang="en"><title>c</title><p id="x"></p><p id="x"></p>')
    files[str(canary)] = "canary"

    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    page = {f"file:{path}": name for path, name in files.items()}
    errors = [
        f"{page.get(m.get('url'), m.get('url'))} line {m.get('lastLine')}: {m['message']}"
        f"  [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert any(e.startswith("canary line 1: Duplicate ID") for e in errors), errors[:5]
    errors = [e for e in errors if not e.startswith("canary ")]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:60])
    assert len(files) >= 30  # every page was checked
