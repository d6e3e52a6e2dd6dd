"""The first text of the trust and policy pages: Shipping, Returns, Privacy, Terms and FAQ.

`seed_store` creates each page once, as a flatpage staff then edit in the dashboard (Content >
Pages); a page that exists is never written again. The facts in the text come from where the
store keeps them, read when the page is first seeded: the shipping methods' prices and free
threshold (the database), the payment deadline (settings.PAYMENT_DEADLINE_DAYS), the refund time
(settings.REFUND_BUSINESS_DAYS, as in the order emails) and the legal name and state
(settings.STORE_CONTACT). The address, phone, email and hours are not in the text at all: the
page template shows them from settings (templates/flatpages/default.html).

The copy says nothing medical beyond the lawful disclaimers, and passes the claim check
(compliance.claims), which `seed_store` runs on it before saving.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from oscar.templatetags.currency_filters import currency  # USD: "$1,234.50"

SHIPPING_URL = "/shipping/"
RETURNS_URL = "/returns/"
PRIVACY_URL = "/privacy/"
TERMS_URL = "/terms/"
FAQ_URL = "/faq/"

RETURN_DAYS = 30

FDA_DISCLAIMER = (
    "These statements have not been evaluated by the Food and Drug Administration. These "
    "products are not intended to diagnose, treat, cure, or prevent any disease."
)


@dataclass(frozen=True)
class Method:
    """A shipping method as the pages describe it."""

    name: str
    price: Decimal
    free_over: Decimal | None = None


def facts(methods):
    """What the pages state, from the shipping methods given and the settings."""
    contact = settings.STORE_CONTACT
    return {
        "methods": list(methods),
        "deadline_days": settings.PAYMENT_DEADLINE_DAYS,
        "refund_days": settings.REFUND_BUSINESS_DAYS,
        "legal_name": contact["legal_name"],
        "state_name": contact["state_name"],
        "contact_url": reverse("contact"),
    }


def _days(number):
    return f"{number} day{'s' if number != 1 else ''}"


def _method_items(methods):
    items = []
    for method in methods:
        text = f"<strong>{method.name}</strong>: {currency(method.price)} per order"
        if method.free_over is not None:
            text += (
                f", or free on orders of {currency(method.free_over)} or more (the total of the "
                "products, after any discount)"
            )
        items.append(f"<li>{text}.</li>")
    return "".join(items)


def free_shipping_sentence(methods):
    free = [m for m in methods if m.free_over is not None]
    if not free:
        return ""
    return " ".join(
        f"{m.name.split(' (')[0]} shipping is free on orders of {currency(m.free_over)} or more "
        "(the total of the products, after any discount)."
        for m in free
    )


def shipping_page(f):
    methods = f["methods"]
    return (
        "<h2>Where we ship</h2>"
        "<p>We ship to addresses in the United States: the 50 states and Washington, D.C. We do "
        "not ship outside the United States. For an address in a US territory (such as Puerto "
        "Rico or Guam) or a military APO, FPO or DPO address, please "
        f'<a href="{f["contact_url"]}">contact us</a> before you order so we can confirm that '
        "we can deliver there.</p>"
        "<h2>Shipping methods and costs</h2>"
        f"<ul>{_method_items(methods)}</ul>"
        "<p>You see the shipping cost of each method, and your order's total, before you place "
        "your order.</p>"
        "<h2>When your order ships</h2>"
        "<p>You pay by bank transfer, and we ship once your payment has arrived; a transfer "
        "usually takes 1 to 3 business days to reach us. We pack and ship Standard orders "
        "within 1 to 2 business days of your payment arriving, and Express orders the next "
        "business day. Business days are Monday to Friday, except federal holidays. The "
        "delivery times in each method's name count from the day we ship.</p>"
        "<h2>Carriers and tracking</h2>"
        "<p>We ship with USPS, UPS or FedEx (occasionally DHL Express), whichever serves your "
        "address best. Every order is tracked: when it ships we email you the carrier, the "
        "tracking number and a link to follow your parcel.</p>"
        "<h2>Lost or damaged parcels</h2>"
        f"<p>If your parcel has not arrived within {_days(10)} of shipping, or arrives damaged, "
        f'<a href="{f["contact_url"]}">contact us</a> with your order number and we will send '
        "a replacement or refund you. See also our "
        f'<a href="{RETURNS_URL}">Returns</a> page.</p>'
    )


def returns_page(f):
    return (
        f"<h2>{RETURN_DAYS}-day returns</h2>"
        f"<p>You may return any product within {_days(RETURN_DAYS)} of delivery if it is "
        "unopened, with its safety seal intact. For your safety and that of other customers, "
        "we cannot take back or resell a product that has been opened.</p>"
        "<h2>How to start a return</h2>"
        f'<ol><li>Write to us through <a href="{f["contact_url"]}">Contact Us</a> with your '
        "order number and the products you want to return. We answer within one business "
        "day.</li>"
        "<li>We email you the return address and what to include in the parcel.</li>"
        "<li>Send the products back with a tracked service. Please do not send a return before "
        "we have answered.</li></ol>"
        "<p>Return shipping is paid by you, unless the return is because of our mistake.</p>"
        "<h2>Wrong, damaged or faulty items</h2>"
        f"<p>If we sent the wrong product, or it arrived damaged or faulty, contact us within "
        f"{_days(RETURN_DAYS)} of delivery, opened or not. We will send a replacement or a full "
        "refund, including the shipping you paid, and tell you whether to send the product "
        "back (at our cost).</p>"
        "<h2>Refunds</h2>"
        "<p>You paid by bank transfer, so we refund by bank transfer to the account the payment "
        f"came from, within {f['refund_days']} business days of your return arriving (or of "
        "our agreeing a refund without a return). We refund the price of the returned "
        "products; the original shipping cost is refunded when the return is because of our "
        "mistake. If we need any details from you to send the refund, we will email you.</p>"
        "<h2>Canceling an order</h2>"
        "<p>You can cancel an order at any time before it ships: contact us with your order "
        "number. An order you have not paid for is canceled automatically if the payment has "
        f"not arrived within {_days(f['deadline_days'])} of placing it, so you owe nothing. "
        f"An order you have paid for is refunded in full within {f['refund_days']} business "
        "days.</p>"
    )


def privacy_page(f):
    return (
        "<h2>Who we are</h2>"
        f"<p>This store is run by {f['legal_name']}. Our contact details are at the end of "
        "this page. This policy says what personal information we collect, why, and what you "
        "can ask us to do with it.</p>"
        "<h2>What we collect</h2>"
        "<ul>"
        "<li><strong>When you order:</strong> your name, shipping address, email address and "
        "phone number (optional), and what you ordered.</li>"
        "<li><strong>When you pay:</strong> we take no card details. Our bank tells us the "
        "name and account the transfer came from, which we use to match the payment to your "
        "order and to send any refund.</li>"
        "<li><strong>If you create an account:</strong> your email address, your password "
        "(stored only in a scrambled form that nobody can read back), your saved addresses and "
        "your order history.</li>"
        "<li><strong>When you write to us:</strong> your name, email address, your message "
        "and the internet (IP) address it was sent from.</li>"
        "<li><strong>When you sign in:</strong> the time and IP address of each attempt, to "
        "protect accounts from password guessing.</li>"
        "</ul>"
        "<h2>Why we use it</h2>"
        "<p>To pack, ship and deliver your order; to email you about it (confirmation, payment "
        "reminder, shipping and tracking); to answer your questions; to make refunds; to keep "
        "the store and your account secure; and to keep the records that tax and accounting "
        "law require. The carrier may use your phone number to arrange delivery.</p>"
        "<h2>Who we share it with</h2>"
        "<p><strong>We do not sell or rent your personal information, and we do not share it "
        "for advertising.</strong> We share only what each needs with: the carrier that "
        "delivers your order (name, address, phone); the companies that host this store and "
        "send our emails, on our behalf; our bank, for payments and refunds; and authorities, "
        "when the law requires it.</p>"
        "<h2>Cookies</h2>"
        "<p>We use only the cookies the store needs to work:</p>"
        "<ul>"
        "<li><strong>sessionid</strong>: keeps you signed in and remembers your progress "
        "through checkout.</li>"
        "<li><strong>oscar_open_basket</strong>: remembers what is in your cart.</li>"
        "<li><strong>csrftoken</strong>: a security token that stops other websites from "
        "sending forms in your name.</li>"
        "<li><strong>messages</strong>: a one-time note after an action, such as "
        "&ldquo;added to your cart&rdquo;.</li>"
        "</ul>"
        "<p>We use no advertising cookies, and no third-party tracking or analytics.</p>"
        "<h2>How long we keep it</h2>"
        "<p>Order records are kept for as long as tax and accounting law requires. Other "
        "information is kept while your account is open, or until you ask us to delete it.</p>"
        "<h2>Your choices</h2>"
        "<p>You can ask us for a copy of the personal information we hold about you, to "
        "correct it, or to delete it, wherever you live. If you have an account, you can "
        "delete it yourself from your profile under Your Account, or "
        f'<a href="{f["contact_url"]}">contact us</a> from the email address you use with us. '
        "We answer within 30 days. We keep only the order records the law requires us to "
        "keep.</p>"
        "<h2>Children</h2>"
        "<p>This store is for adults. We do not knowingly collect information from children "
        "under 13.</p>"
        "<h2>Changes</h2>"
        "<p>If we change this policy, we update this page. Questions about your privacy: "
        f'please <a href="{f["contact_url"]}">contact us</a>.</p>'
    )


def terms_page(f):
    return (
        "<h2>About these terms</h2>"
        f"<p>This store is run by {f['legal_name']} (&ldquo;we&rdquo;, &ldquo;us&rdquo;). "
        "These terms apply to every order placed on it; by placing an order you agree to "
        "them. You must be 18 or older to order.</p>"
        "<h2>Orders</h2>"
        "<p>When you place an order we email you a confirmation with its number. We may "
        "decline or cancel an order, for example when a product is out of stock or was shown "
        "at a wrong price; if you have already paid, we refund you in full.</p>"
        "<h2>Prices and payment</h2>"
        "<p>All prices are in US dollars (USD). The shipping cost is shown before you place "
        "your order. We accept payment by bank transfer only: the bank details and the amount "
        "are on the confirmation page and in the confirmation email. Please quote your order "
        "number as the payment reference.</p>"
        f"<p><strong>{deadline_sentence(f['deadline_days'])}</strong> We email a reminder "
        "halfway through. If the payment has not arrived by then, the order is canceled "
        "automatically and its items go back into stock; if your transfer arrives after that, "
        "we refund it in full.</p>"
        "<h2>Sales tax</h2>"
        "<p>At present we do not add sales tax to orders: the total shown before you place "
        "your order is the total you pay. If that changes, sales tax will be shown as its own "
        "line at checkout before you order. Some states ask their residents to report use tax "
        "on purchases that were not charged sales tax; your state's tax agency can tell you "
        "whether that applies to you.</p>"
        "<h2>Shipping and returns</h2>"
        f'<p>See our <a href="{SHIPPING_URL}">Shipping</a> and '
        f'<a href="{RETURNS_URL}">Returns</a> pages. Our '
        f'<a href="{PRIVACY_URL}">Privacy Policy</a> says how we use your information.</p>'
        "<h2>Dietary supplements</h2>"
        f"<p><strong>{FDA_DISCLAIMER}</strong></p>"
        "<p>Our products are dietary supplements. Our product pages and articles are for "
        "general education and are not medical advice. Talk to your doctor or pharmacist "
        "before starting any supplement, especially if you are pregnant or nursing, take "
        "medication, or have a medical condition. Read the label and use each product only as "
        "directed.</p>"
        "<h2>Our liability</h2>"
        "<p>To the extent the law allows, our liability for an order is limited to the amount "
        "you paid for it. Nothing in these terms takes away rights you have by law that cannot "
        "be waived.</p>"
        "<h2>Governing law</h2>"
        f"<p>These terms are governed by the laws of the State of {f['state_name']}, without "
        "regard to its conflict-of-law rules.</p>"
        "<h2>Changes</h2>"
        "<p>We may update these terms; the terms on this page when you place an order apply "
        "to that order.</p>"
    )


def faq_page(f):
    methods = f["methods"]
    method_list = "; ".join(f"{m.name}, {currency(m.price)}" for m in methods)
    return (
        "<h2>How do I pay?</h2>"
        "<p>By bank transfer. After you place your order, the confirmation page and email give "
        "our bank details and the amount. Quote your order number as the payment reference so "
        "we can match your payment.</p>"
        "<h2>How long do I have to pay?</h2>"
        f"<p>{deadline_sentence(f['deadline_days'])} We email a reminder halfway through. An "
        "order not paid by then is canceled automatically, and you owe nothing.</p>"
        "<h2>When will my order ship?</h2>"
        "<p>Once your payment has arrived: Standard orders within 1 to 2 business days, "
        "Express orders the next business day. The delivery time of each method then counts "
        f'from the day we ship. See <a href="{SHIPPING_URL}">Shipping</a>.</p>'
        "<h2>How much is shipping?</h2>"
        f"<p>{method_list}. {free_shipping_sentence(methods)} We ship within the United States "
        "only.</p>"
        "<h2>How do I track my order?</h2>"
        "<p>When your order ships we email you the carrier, the tracking number and a link to "
        "follow your parcel. Every order email also links to your order's status page, and "
        "with an account you see all your orders under Your Account.</p>"
        "<h2>Can I return a product?</h2>"
        f"<p>Yes, within {_days(RETURN_DAYS)} of delivery if it is unopened. Start a return "
        f'through <a href="{f["contact_url"]}">Contact Us</a>; see '
        f'<a href="{RETURNS_URL}">Returns</a> for the details. Refunds go back by bank transfer '
        f"within {f['refund_days']} business days.</p>"
        "<h2>Can I cancel my order?</h2>"
        "<p>Yes, any time before it ships: contact us with your order number.</p>"
        "<h2>Is the information on this site medical advice?</h2>"
        "<p>No. Our product pages and articles are general education, not medical advice, and "
        "we cannot advise you on which supplement to take. Please talk to your doctor or "
        "pharmacist before starting any supplement. We are glad to answer questions about our "
        "labels, ingredients and orders.</p>"
        "<h2>What do you do with my information?</h2>"
        "<p>We use it only to handle your order and answer you, and we never sell it. See our "
        f'<a href="{PRIVACY_URL}">Privacy Policy</a>.</p>'
        "<h2>How do I reach you?</h2>"
        f'<p>Write to us through <a href="{f["contact_url"]}">Contact Us</a>; we answer within '
        "one business day. Our phone number, email address and hours are below.</p>"
    )


def deadline_sentence(days):
    return f"Your payment must reach us within {_days(days)} of placing your order."


_BLOCK_END = re.compile(r"(</(?:h2|p|ul|ol|li)>|<(?:ul|ol)>)(?=<)")


def _lines(html):
    """One block per line: easier for staff to edit, and the meta description keeps its gaps."""
    return _BLOCK_END.sub("\\1\n", html)


def pages(methods):
    """[(url, title, html)] of the five pages, their facts from `methods` and the settings."""
    f = facts(methods)
    return [
        (url, title, _lines(build(f)))
        for url, title, build in (
            (SHIPPING_URL, "Shipping", shipping_page),
            (RETURNS_URL, "Returns", returns_page),
            (PRIVACY_URL, "Privacy Policy", privacy_page),
            (TERMS_URL, "Terms and Conditions", terms_page),
            (FAQ_URL, "Frequently Asked Questions", faq_page),
        )
    ]
