"""Seed the RLS store: nutrients, categories, products with stock and images, shipping, pages
(About Us, Contact Us and the policy pages of content.policy_pages).

Idempotent: every row is looked up by a natural key first, so running it again changes nothing.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Prefetch
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from catalogue import seed_data
from catalogue.labels import render_article_hero, render_label
from compliance import labels, publishing
from compliance.dosage import product_dose_warnings
from content import articles_data, notices, policy_pages
from content.models import Article, Notice

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
Nutrient = get_model("catalogue", "Nutrient")
NutrientAmount = get_model("catalogue", "NutrientAmount")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Country = get_model("address", "Country")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")

HERO_COLOURS = ["#2f6f5e", "#8a3b2e", "#3d5a80", "#6b4f8a", "#a0642b"]


class Command(BaseCommand):
    help = "Seed the RLS vitamin catalogue, shipping methods and pages (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-staff",
            action="store_true",
            help="Also create the demo staff account from the dev settings and print its login.",
        )
        parser.add_argument(
            "--count",
            type=int,
            default=0,
            help="Top the catalogue up to this many products (numbered copies, for benchmarks).",
        )
        parser.add_argument(
            "--site-domain",
            default=None,
            help="host:port the store is served at (make run passes 127.0.0.1:$PORT): the site's "
            "domain, which links in emails use, unless it is already a public one.",
        )

    def step(self, label, created, total):
        self.stdout.write(f"  {label:<22} {total:>3} ({created} new)")

    @transaction.atomic
    def handle(self, *args, demo_staff=False, count=0, **options):
        self.stdout.write("Seeding the RLS vitamin store…")
        self.seed_site(options.get("site_domain"))
        self.seed_notices()
        articles = self.seed_articles()
        nutrients = self.seed_nutrients()
        categories = self.seed_categories()
        new_products = self.seed_products(nutrients, categories, articles)
        self.seed_doctors_advice(new_products)
        self.seed_shipping()
        self.seed_pages()
        if count:
            self.seed_bulk_products(count)
        if demo_staff:
            self.seed_demo_staff()
        self.stdout.write(self.style.SUCCESS("Seeding done."))

    def seed_site(self, domain=None):
        """The site's domain is where the links in the store's emails point.

        Django's placeholder "example.com" becomes `domain` (127.0.0.1:8000 by default), and so
        does a local address an earlier run wrote, so `make run PORT=8123` moves the links to
        where the store now answers. A public domain that staff set in the admin is kept.
        """
        site = Site.objects.get_current()
        local = site.domain.split(":")[0] in ("127.0.0.1", "localhost")
        if site.domain == "example.com" or (domain and local and site.domain != domain):
            site.domain = domain or "127.0.0.1:8000"
            if site.name == "example.com":
                site.name = settings.OSCAR_SHOP_NAME
            site.save()
        self.stdout.write(f"  {'site domain':<22} {site.domain}")
        _, created = Country.objects.update_or_create(
            iso_3166_1_a2="US",
            defaults={
                "iso_3166_1_a3": "USA",
                "iso_3166_1_numeric": "840",
                "printable_name": "United States",
                "name": "United States of America",
                "is_shipping_country": True,
                "display_order": 1,
            },
        )
        self.step("shipping country", int(created), 1)

    def seed_notices(self):
        created = 0
        for slug, kind, title, text in notices.NOTICES:
            _, was_created = Notice.objects.get_or_create(
                slug=slug, defaults={"kind": kind, "title": title, "text": text}
            )
            created += was_created
        self.step("notices", created, len(notices.NOTICES))

    def seed_articles(self):
        articles, created = {}, 0
        for position, data in enumerate(articles_data.ARTICLES, start=1):
            article, was_created = Article.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "title": data["title"],
                    "summary": data["summary"],
                    "body": data["body"].strip(),
                    "pin_description": data["pin_description"],
                    "product_link_text": data["product_link_text"],
                    "references": "\n".join(data["references"]),
                    "position": position,
                    "is_published": True,
                    "last_reviewed": articles_data.REVIEWED,
                    "reviewer": articles_data.REVIEWER,
                },
            )
            if not article.hero_image:
                png = render_article_hero(
                    title=article.title,
                    kicker=f"{seed_data.PARTNER_NAME} · Article",
                    colour=HERO_COLOURS[position % len(HERO_COLOURS)],
                )
                article.hero_image.save(f"{article.slug}.png", ContentFile(png), save=True)
            articles[article.slug] = article
            created += was_created
        self.step("articles", created, len(articles))
        return articles

    def seed_nutrients(self):
        nutrients, created = {}, 0
        notice_ids = dict(Notice.objects.values_list("slug", "pk"))
        for code, name, unit, dv, ul, ul_unit, ul_basis, note in seed_data.NUTRIENTS:
            nutrient, was_created = Nutrient.objects.get_or_create(
                code=code,
                defaults={
                    "name": name,
                    "unit": unit,
                    "daily_value": dv,
                    "upper_limit": ul,
                    "upper_limit_unit": ul_unit,
                    "upper_limit_basis": ul_basis,
                    "upper_limit_note": note,
                    "position": labels.label_position(code),
                    "notice_id": notice_ids.get(notices.NUTRIENT_NOTICES.get(code)),
                },
            )
            nutrients[code] = nutrient
            created += was_created
        self.step("nutrients", created, len(nutrients))
        return nutrients

    def seed_categories(self):
        categories, created = {}, 0
        for slug, name, description, _colour in seed_data.CATEGORIES:
            category = Category.objects.filter(slug=slug).first()
            if category is None:
                category = create_from_breadcrumbs(name)
                category.slug, category.description = slug, description
                category.save()
                created += 1
            categories[slug] = category
        self.step("categories", created, len(categories))
        return categories

    def seed_products(self, nutrients, categories, articles):
        product_class, _ = ProductClass.objects.get_or_create(
            name=seed_data.PRODUCT_CLASS_NAME,
            defaults={"requires_shipping": True, "track_stock": True},
        )
        partner, _ = Partner.objects.get_or_create(name=seed_data.PARTNER_NAME)
        colours = {slug: colour for slug, _n, _d, colour in seed_data.CATEGORIES}
        created = []
        for data in seed_data.PRODUCTS:
            product = Product.objects.filter(upc=data["upc"]).first()
            if product is not None:
                continue
            serving = data["serving_size"]
            product = Product.objects.create(
                upc=data["upc"],
                title=data["title"],
                product_class=product_class,
                article=articles[data["article"]],
                description=f"<p>{data['description']}</p>",
                claims=data["claims"],
                directions=data.get("directions")
                or seed_data.DIRECTIONS.format(
                    serving=serving
                    if data.get("servings_per_day", 1) == 1
                    else f"{serving} {data['servings_per_day']} times"
                ),
                other_ingredients=data["other_ingredients"],
                allergens=data["allergens"],
                serving_size=serving,
                servings_per_container=data["servings_per_container"],
                servings_per_day=data.get("servings_per_day", 1),
                is_public=False,  # published below, once its Supplement Facts rows exist
            )
            ProductCategory.objects.create(product=product, category=categories[data["category"]])
            StockRecord.objects.create(
                product=product,
                partner=partner,
                partner_sku=data["upc"],
                price_currency=settings.OSCAR_DEFAULT_CURRENCY,
                price=data["price"],
                num_in_stock=data["stock"],
            )
            for code, amount, source_form, *share in data["nutrients"]:
                NutrientAmount.objects.create(  # save() checks the UL share (compliance.dosage)
                    product=product,
                    nutrient=nutrients[code],
                    amount=amount,
                    source_form=source_form,
                    upper_limit_amount=share[0] if share else None,
                )
            unit = serving.split(" ", 1)[-1]
            png = render_label(
                title=data["title"],
                subtitle=f"{data['servings_per_container']} {unit}s",
                colour=colours[data["category"]],
                brand=seed_data.PARTNER_NAME,
            )
            image = ProductImage(product=product, caption=data["title"], display_order=0)
            image.original.save(f"{data['upc'].lower()}.png", ContentFile(png), save=True)
            product.is_public = True
            product.save()  # the publish rules (compliance.publishing) run here, as for staff
            created.append(product.pk)
            self.stdout.write(f"    + {product.title}")
        self.step("products", len(created), len(seed_data.PRODUCTS))
        return created

    def seed_doctors_advice(self, new_products):
        """Mark the products this run created whose own daily dose is above an upper limit.

        Worked out from the facts, not listed by hand. Products that already existed are left
        as staff set them, so a flag cleared in the dashboard stays cleared.
        """
        products = Product.objects.filter(pk__in=new_products).prefetch_related(
            Prefetch("nutrient_amounts", queryset=NutrientAmount.objects.select_related("nutrient"))
        )
        over_limit = [product for product in products if product_dose_warnings(product)]
        marked = 0
        for product in over_limit:
            if not product.requires_doctors_advice:
                product.requires_doctors_advice = True
                product.save(update_fields=["requires_doctors_advice"])  # signals: page caches
                marked += 1
        self.step("doctor's advice", marked, len(over_limit))

    def seed_bulk_products(self, count, batch=1000):
        """Copies of the seeded range, numbered, until the catalogue holds `count` products."""
        originals = list(
            Product.objects.filter(upc__in=[d["upc"] for d in seed_data.PRODUCTS])
            .select_related("product_class", "article")
            .prefetch_related("nutrient_amounts", "stockrecords", "categories")
        )
        partner = originals[0].stockrecords.all()[0].partner
        existing = Product.objects.count()
        missing = max(count - existing, 0)
        for start in range(0, missing, batch):
            size = min(batch, missing - start)
            copies, original_of = [], {}
            for offset in range(size):
                number = existing + start + offset + 1
                original = originals[number % len(originals)]
                original_of[f"BULK-{number:06d}"] = original
                copies.append(
                    Product(
                        upc=f"BULK-{number:06d}",
                        title=f"{original.title} (lot {number})",
                        slug=f"{original.slug}-lot-{number}",
                        structure=original.structure,
                        product_class=original.product_class,
                        article=original.article,
                        description=original.description,
                        claims=original.claims,
                        directions=original.directions,
                        serving_size=original.serving_size,
                        servings_per_container=original.servings_per_container,
                        servings_per_day=original.servings_per_day,
                        is_public=True,
                    )
                )
                # bulk_create skips save(): the copy's text meets the claim check here instead.
                publishing.enforce(publishing.copy_errors(copies[-1], publishing.PRODUCT_COPY))
            Product.objects.bulk_create(copies)
            copies = list(Product.objects.filter(upc__in=original_of))
            StockRecord.objects.bulk_create(
                StockRecord(
                    product=copy,
                    partner=partner,
                    partner_sku=copy.upc,
                    price=Decimal("9.95"),
                    price_currency="USD",
                    num_in_stock=100,
                )
                for copy in copies
            )
            amounts, links = [], []
            for copy in copies:
                original = original_of[copy.upc]
                amounts += [
                    NutrientAmount(
                        product=copy,
                        nutrient_id=a.nutrient_id,
                        amount=a.amount,
                        upper_limit_amount=a.upper_limit_amount,  # checked when the original was
                    )
                    for a in original.nutrient_amounts.all()
                ]
                links += [
                    ProductCategory(product=copy, category=c) for c in original.categories.all()
                ]
            NutrientAmount.objects.bulk_create(amounts)
            ProductCategory.objects.bulk_create(links)
            self.stdout.write(f"    bulk products {existing + start + size:>6} / {count}")
        self.step("bulk products", missing, Product.objects.count())

    def seed_shipping(self):
        created = 0
        for name, code, price, free_over, description in seed_data.SHIPPING_METHODS:
            _, was_created = OrderAndItemCharges.objects.get_or_create(
                code=code,
                defaults={
                    "name": name,
                    "price_per_order": price,
                    "price_per_item": 0,
                    "free_shipping_threshold": free_over,
                    "description": description,
                },
            )
            created += was_created
        self.step("shipping methods", created, len(seed_data.SHIPPING_METHODS))

    def seed_pages(self):
        """About Us, Contact Us and the policy pages, each created once: staff edit them in the
        dashboard (Content > Pages), and a page that exists is never written again.

        The policy pages' facts come from the shipping methods as saved (seed_shipping runs
        first, and keeps any price staff changed) and from the settings; their copy meets the
        claim check before it is saved.
        """
        site, created = Site.objects.get_current(), 0
        methods = [
            policy_pages.Method(m.name, m.price_per_order, m.free_shipping_threshold)
            for m in OrderAndItemCharges.objects.order_by("price_per_order")
        ]
        policies = policy_pages.pages(methods)
        checked = {url for url, _title, _content in policies}
        pages = [seed_data.ABOUT_PAGE, seed_data.CONTACT_PAGE, *policies]
        for url, title, content in pages:
            page = FlatPage.objects.filter(url=url).first()
            if page is None:
                page = FlatPage(url=url, title=title, content=content)
                if url in checked:
                    publishing.enforce(publishing.copy_errors(page, ("title", "content")))
                page.save()
                created += 1
            page.sites.add(site)
        self.step("pages", created, len(pages))

    def seed_demo_staff(self):
        email = getattr(settings, "DEMO_STAFF_EMAIL", None)
        password = getattr(settings, "DEMO_STAFF_PASSWORD", None)
        if not (email and password):
            raise CommandError("No demo staff account in these settings (never in production).")
        User = get_user_model()
        user = User.objects.filter(email=email).first()
        if user is None:
            User.objects.create_superuser(
                username="staff", email=email, password=password, first_name="Sam"
            )
        self.stdout.write(
            self.style.WARNING(f"  demo staff login: {email} / {password}  (dev only)")
        )
