"""The trust and policy pages: Shipping, Returns, Privacy, Terms and FAQ (flatpages staff edit),
their facts taken from the store's own shipping methods and settings, the business's contact
details from settings, and the footer that links to all of them."""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.flatpages.models import FlatPage
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from catalogue import seed_data
from catalogue.management.commands.seed_store import Command as SeedStore
from compliance.claims import find_disease_claims
from content import policy_pages
from shop.chrome import store_contact

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")

pytestmark = pytest.mark.django_db

POLICY_PAGES = {
    "/shipping/": "Shipping",
    "/returns/": "Returns",
    "/privacy/": "Privacy Policy",
    "/terms/": "Terms and Conditions",
    "/faq/": "Frequently Asked Questions",
}
FOOTER_LINKS = [*POLICY_PAGES, "/about/", "/contact/"]

EXAMPLE_CONTACT = {
    "legal_name": "Quiet Nights Nutrition LLC",
    "street": "42 Maple Avenue",
    "city": "Portland",
    "state": "OR",
    "state_name": "Oregon",
    "zip": "97201",
    "phone": "(503) 555-0199",
    "email": "help@quiet-nights.example",
    "hours": "Tuesday to Saturday, 10 a.m. to 4 p.m. Pacific Time",
}


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return re.sub(r"\s+", " ", element.get_text()).strip()


def page_text(client, url):
    """The page's own text (the flatpage), without the header, footer and contact block."""
    return text_of(soup_of(client, url).select_one("#content_inner .page-text"))


def seed_pages(**kwargs):
    out = StringIO()
    SeedStore(stdout=out).seed_pages(**kwargs)
    return out.getvalue()


@pytest.mark.parametrize("url, title", POLICY_PAGES.items())
def test_each_policy_page_answers_with_its_heading_and_contact_details(client, url, title):
    soup = soup_of(client, url)
    assert soup.h1.get_text(strip=True) == title
    assert soup.title.get_text().startswith(f"{title} | ")
    assert soup.select_one("#content_inner address")  # the contact block from settings
    assert soup.select_one(".site-footer .notice")  # the medical and FDA notices stay


def test_shipping_states_the_seeded_methods_prices_and_free_threshold(client):
    text = page_text(client, "/shipping/")
    standard = OrderAndItemCharges.objects.get(code="standard")
    seeded = {code: free_over for _n, code, _p, free_over, _d in seed_data.SHIPPING_METHODS}
    assert standard.free_shipping_threshold == seeded["standard"]
    assert f"free on orders of {currency(standard.free_shipping_threshold)} or more" in text
    for method in OrderAndItemCharges.objects.all():
        assert f"{method.name}: {currency(method.price_per_order)} per order" in text
    assert "United States" in text and "business days" in text
    for carrier in ("USPS", "UPS", "FedEx"):
        assert carrier in text
    assert "tracking number" in text
    faq = page_text(client, "/faq/")
    assert f"free on orders of {currency(standard.free_shipping_threshold)} or more" in faq


def test_terms_and_faq_state_the_payment_deadline_of_the_settings(client, settings):
    deadline = f"within {settings.PAYMENT_DEADLINE_DAYS} days of placing"
    terms = page_text(client, "/terms/")
    assert deadline in terms and "canceled automatically" in terms
    assert "bank transfer" in terms and "US dollars (USD)" in terms
    assert "we do not add sales tax" in terms
    assert policy_pages.FDA_DISCLAIMER in terms
    assert f"laws of the State of {settings.STORE_CONTACT['state_name']}" in terms
    assert settings.STORE_CONTACT["legal_name"] in terms
    assert deadline in page_text(client, "/faq/")


def test_returns_explain_the_window_how_to_start_and_the_refund(client, settings):
    soup = soup_of(client, "/returns/")
    text = text_of(soup.select_one("#content_inner .page-text"))
    assert "within 30 days of delivery" in text and "unopened" in text
    assert "by bank transfer to the account the payment came from" in text
    refund_days = settings.REFUND_BUSINESS_DAYS
    assert f"within {refund_days} business days" in text
    assert soup.select_one('#content_inner .page-text a[href="/contact/"]')


def test_privacy_says_what_is_collected_why_and_which_cookies(client):
    text = page_text(client, "/privacy/")
    assert "your name, shipping address, email address and phone number" in text
    assert "We do not sell or rent your personal information" in text
    for cookie in ("sessionid", "oscar_open_basket", "csrftoken"):
        assert cookie in text
    assert "delete" in text and "contact us" in text


def test_faq_answers_the_common_questions(client):
    questions = [h.get_text() for h in soup_of(client, "/faq/").select("#content_inner h2")]
    for question in (
        "How do I pay?",
        "How long do I have to pay?",
        "When will my order ship?",
        "How do I track my order?",
        "Can I return a product?",
        "Is the information on this site medical advice?",
    ):
        assert question in questions
    assert "talk to your doctor or pharmacist" in page_text(client, "/faq/")


def test_the_footer_links_every_trust_page_and_each_answers(client):
    footer = soup_of(client, "/").select_one("footer.site-footer")
    hrefs = [a["href"] for a in footer.select("nav a")]
    for url in FOOTER_LINKS:
        assert url in hrefs
        assert client.get(url).status_code == 200, url
    assert store_contact()["email"] in footer.get_text()


def test_about_us_shows_the_contact_details_from_settings(client, settings):
    settings.STORE_CONTACT = EXAMPLE_CONTACT
    soup = soup_of(client, "/about/")
    address = soup.select_one("#content_inner address")
    text = " ".join(address.stripped_strings)
    assert "Quiet Nights Nutrition LLC" in text
    assert "42 Maple Avenue" in text and "Portland, OR 97201" in text
    assert address.select_one('a[href="tel:+15035550199"]').get_text() == "(503) 555-0199"
    assert address.select_one('a[href="mailto:help@quiet-nights.example"]')
    assert EXAMPLE_CONTACT["hours"] in soup.select_one("#content_inner").get_text()
    assert "Quiet Nights Nutrition LLC" in soup.select_one("footer.site-footer").get_text()


def test_seeding_again_keeps_a_staff_edit_and_adds_nothing():
    page = FlatPage.objects.get(url="/shipping/")
    page.content = "<p>Edited by staff.</p>"
    page.save()
    count = FlatPage.objects.count()
    out = seed_pages()
    assert FlatPage.objects.get(url="/shipping/").content == "<p>Edited by staff.</p>"
    assert FlatPage.objects.count() == count
    assert "(0 new)" in out


def test_a_missing_page_is_seeded_with_the_current_settings_and_prices(client, settings):
    FlatPage.objects.filter(url__in=["/terms/", "/shipping/"]).delete()
    settings.PAYMENT_DEADLINE_DAYS = 10
    settings.STORE_CONTACT = EXAMPLE_CONTACT
    OrderAndItemCharges.objects.filter(code="standard").update(free_shipping_threshold=75)
    assert "(2 new)" in seed_pages()
    terms = page_text(client, "/terms/")
    assert "within 10 days of placing" in terms
    assert "Quiet Nights Nutrition LLC" in terms and "State of Oregon" in terms
    assert "free on orders of $75.00 or more" in page_text(client, "/shipping/")


def test_the_seeded_pages_make_no_disease_claims():
    for url in POLICY_PAGES:
        page = FlatPage.objects.get(url=url)
        assert not find_disease_claims(page.title), url
        assert not find_disease_claims(page.content), url


def test_seeding_refuses_a_policy_text_that_reads_as_a_disease_claim(monkeypatch):
    FlatPage.objects.filter(url="/faq/").delete()
    claim = [("/faq/", "FAQ", "<p>Our iron relieves restless legs at night.</p>")]
    monkeypatch.setattr(policy_pages, "pages", lambda methods: claim)
    with pytest.raises(ValidationError):
        seed_pages()
    assert not FlatPage.objects.filter(url="/faq/").exists()


def test_the_phone_link_is_a_us_number(settings):
    settings.STORE_CONTACT = {**settings.STORE_CONTACT, "phone": "802.555.0142"}
    assert store_contact()["phone_uri"] == "tel:+18025550142"
    settings.STORE_CONTACT = {**settings.STORE_CONTACT, "phone": ""}
    assert store_contact()["phone_uri"] == ""


def test_the_sitemap_lists_the_policy_pages(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    for url in POLICY_PAGES:
        assert f"{url}</loc>" in sitemap
