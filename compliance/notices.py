"""Which notices a page, an order or an email carries, and where: decided here and nowhere else.

DESIGN §5 says where each notice goes; this module turns that into one ordered list per page.
Every storefront template renders what `notices_for` returns (through `{% notices %}`), the
checkout records the same list on the order, and the email repeats the record, so a page, the
order and the email can never disagree. Each notice appears once per page: the footer shows only
what the content did not, and one iron warning names every iron product in a cart.
"""

from dataclasses import dataclass

from content import notices as wording
from content.selectors import notices_by_slug
from shop.request_memo import memoised

# What is being shown.
PAGE = "page"  # any page without products of its own: home, listings, About, account pages
ARTICLE = "article"  # an article or the article list: education, with the medical advice
PRODUCT = "product"  # one product's page
CART = "cart"
CHECKOUT = "checkout"  # every checkout step, the preview and the thank-you page
ORDER = "order"  # the record kept on a placed order, and so its confirmation email
CONTEXTS = (PAGE, ARTICLE, PRODUCT, CART, CHECKOUT, ORDER)

# Where on the page a notice goes.
MAIN = "main"  # under the page's heading
BUY_BOX = "buy-box"  # beside "Add to cart" on a product page (the law wants iron there, boxed)
CLAIMS = "claims"  # right under the structure/function claims (the FDA statement)
WARNINGS = "warnings"  # the product page's Warnings section
LINES = "lines"  # beside the lines of a cart or an order
FOOTER = "footer"  # the site footer: only what the content above did not show


@dataclass(frozen=True)
class PlacedNotice:
    """One notice as a page shows it: its current wording, where it goes, whom it concerns."""

    slug: str
    kind: str
    title: str
    text: str
    version: int
    placement: str
    products: tuple[str, ...] = ()  # the products it concerns, named where a page has several

    @property
    def is_iron_warning(self):
        return self.slug == wording.IRON_WARNING

    @property
    def is_fda_statement(self):
        return self.slug in (wording.FDA_STATEMENT, wording.FDA_STATEMENT_SINGLE)


def notices_for(products, *, context, products_by_notice=None):
    """The notices a `context` showing `products` carries, in reading order, each once.

    `products` are Product objects (title and claims are read); which nutrient warnings they
    carry follows from their Supplement Facts through `products_by_notice`, a mapping of notice
    slug to the ids of the products that carry it (by default the cached one of
    catalogue.selectors; unit tests pass their own). Worked out once per request for the same
    products and context: the page's content, its footer and its tags all ask.
    """
    if context not in CONTEXTS:
        raise ValueError(f"Unknown notice context {context!r}; one of {CONTEXTS}")
    products = _distinct(products)
    if products_by_notice is not None or any(product.pk is None for product in products):
        return _placed(products, context, products_by_notice)
    key = ("notices_for", context, tuple(product.pk for product in products))
    return list(memoised(key, lambda: _placed(products, context, None)))


def _placed(products, context, products_by_notice):
    if products_by_notice is None:
        from catalogue.selectors import products_by_notice as cached_map

        products_by_notice = cached_map()
    by_notice = products_by_notice
    claim_count = sum(len(product.claim_list) for product in products)
    shown = notices_by_slug()
    placed = []

    def place(slug, placement, concerned=()):
        notice = shown.get(slug) or SEEDED.get(slug)
        if notice is not None:
            titles = tuple(product.get_title() for product in concerned)
            placed.append(
                PlacedNotice(
                    slug=notice.slug,
                    kind=notice.kind,
                    title=notice.title,
                    text=notice.text,
                    version=notice.version,
                    placement=placement,
                    products=titles,
                )
            )

    def carrying(slug):
        ids = by_notice.get(slug, ())
        return [product for product in products if product.pk in ids]

    iron_products = carrying(wording.IRON_WARNING)
    nutrient_slugs = [
        slug for slug in sorted(by_notice) if slug != wording.IRON_WARNING and carrying(slug)
    ]
    fda = wording.FDA_STATEMENT_SINGLE if claim_count == 1 else wording.FDA_STATEMENT

    if context == PRODUCT:
        if iron_products:
            place(wording.IRON_WARNING, BUY_BOX, iron_products)
        if claim_count:
            place(fda, CLAIMS)
        for slug in nutrient_slugs:
            place(slug, WARNINGS)
        place(wording.PREGNANCY, WARNINGS)
        place(wording.MEDICAL_ADVICE, WARNINGS)
    elif context in (CART, CHECKOUT):
        place(wording.MEDICAL_ADVICE, MAIN)
        if iron_products:
            place(wording.IRON_WARNING, LINES, iron_products)
    elif context == ORDER:
        place(wording.MEDICAL_ADVICE, MAIN)
        if claim_count:
            place(fda, MAIN)
        if iron_products:
            place(wording.IRON_WARNING, MAIN, iron_products)
        for slug in nutrient_slugs:
            place(slug, MAIN, carrying(slug))
        if products:
            place(wording.PREGNANCY, MAIN)
        return placed
    elif context == ARTICLE:
        place(wording.MEDICAL_ADVICE, MAIN)

    # The footer carries the site-wide notices the content above did not show.
    if not any(notice.slug == wording.MEDICAL_ADVICE for notice in placed):
        place(wording.MEDICAL_ADVICE, FOOTER)
    if not any(notice.is_fda_statement for notice in placed):
        place(wording.FDA_STATEMENT, FOOTER)
    return placed


@dataclass(frozen=True)
class _Wording:
    slug: str
    kind: str
    title: str
    text: str
    version: int = 0


# The seeded wordings stand in for a notice row that is missing, so a page never loses a notice
# the law requires because a row was deleted or not seeded yet (version 0 marks the stand-in).
SEEDED = {slug: _Wording(slug, kind, title, text) for slug, kind, title, text in wording.NOTICES}


def at(placed, placement):
    """The notices of one placement, in order."""
    return [notice for notice in placed if notice.placement == placement]


def _distinct(products):
    seen, distinct = set(), []
    for product in products:
        if product.pk not in seen:
            seen.add(product.pk)
            distinct.append(product)
    return distinct
