"""Settings shared by every environment; deploy-specific values come from the environment."""

import hashlib
import warnings
from datetime import timedelta
from pathlib import Path

import environ
from django.urls import reverse_lazy
from oscar.defaults import *  # noqa: F403  (Oscar's documented way to take its defaults)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "shop.checkout.apps.CheckoutConfig",
    "shop.address.apps.AddressConfig",
    "shop.shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "shop.partner.apps.PartnerConfig",
    "shop.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "shop.order.apps.OrderConfig",
    "content.apps.ContentConfig",
    "mail.apps.MailConfig",
    "shop.customer.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "shop.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "shop.dashboard.orders.apps.OrdersDashboardConfig",
    "shop.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "content.dashboard.apps.ContentDashboardConfig",
    # Oscar's own dependencies
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    "axes",
    "shop.apps.ShopConfig",
]

SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "shop.middleware.personal_pages_not_stored",
    "csp.middleware.CSPMiddleware",
    "shop.middleware.dashboard_script_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "shop.middleware.reject_control_characters",  # before anything reads the input
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "shop.middleware.PageCache",  # a hit skips everything below
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "mail.middleware.deferred_email_notice",  # after messages: it adds one
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "shop.chrome.chrome",
            ],
            "builtins": ["content.templatetags.notices", "shop.templatetags.seo"],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: a new one per request costs a connect on PostgreSQL and, on SQLite,
# reading the schema again on the first statement (about a millisecond), which was most of what
# a cached page served to a shopper with a cart cost (its one query: shop.holes).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # RedisCache that steps aside when Redis is unreachable (shop/cache.py): pages are
            # rendered uncached and orders still taken. Short timeouts, so a dead Redis costs
            # milliseconds, not a request's worth of waiting.
            "BACKEND": "shop.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": env.float("REDIS_CONNECT_TIMEOUT", default=0.25),
                "socket_timeout": env.float("REDIS_TIMEOUT", default=0.5),
            },
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="rls"),
        }
    }
    # The database holds the sessions (and so carts and sign-ins) and Redis sits in front: a
    # Redis outage or restart loses no session.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Without Redis, a file cache that every process on this machine shares (gunicorn workers,
    # runserver, manage.py commands): a price changed in one retires the pages every other one
    # serves, where a per-process memory cache kept serving the old price. One folder per
    # database, so switching DATABASE_URL (or `make bench`'s scratch database) never reads
    # another database's cached rows. Several machines share Redis instead (README).
    _db = DATABASES["default"]
    _db_id = "|".join(str(_db.get(key, "")) for key in ("ENGINE", "HOST", "PORT", "NAME"))
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": Path(env.str("CACHE_DIR", default=str(BASE_DIR / ".cache")))
            / hashlib.sha256(_db_id.encode()).hexdigest()[:16],
            # Django's default of 300 files is culled (a third at random, with a directory
            # listing on every write past it) as soon as a few hundred shoppers have a cart
            # count, retiring pages and versions with it. Pages are compressed: a few KB each.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

AUTHENTICATION_BACKENDS = (
    "shop.auth.SignInRateLimitBackend",
    "shop.auth.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = reverse_lazy("customer:summary")

# Sign-in limits (shop/auth.py says how they work together). Per account, from any address: 5
# failures free, then a pause after each failure that doubles from 1 minute up to 15, never a
# hard lock. Per address, across accounts: 50 failures in 15 minutes (an office behind one
# address fits) pause that address, except for accounts that signed in from it before.
SIGNIN_ACCOUNT_FREE_FAILURES = 5
SIGNIN_ACCOUNT_FIRST_PAUSE = timedelta(minutes=1)
SIGNIN_ACCOUNT_MAX_PAUSE = timedelta(minutes=15)
SIGNIN_ADDRESS_FAILURE_LIMIT = env.int("SIGNIN_ADDRESS_FAILURE_LIMIT", default=50)
SIGNIN_ADDRESS_WINDOW = timedelta(minutes=15)
SIGNIN_KNOWN_ADDRESS_DAYS = 90
# django-axes records the failures and clears them on success; shop.auth.SignInAttempts applies
# the limits above instead of axes' single failure limit (so axes' own lock-out is off).
AXES_HANDLER = "shop.auth.SignInAttempts"
AXES_LOCK_OUT_AT_FAILURE = False
AXES_COOLOFF_TIME = timedelta(days=1)  # how long failures are remembered
# A success clears the failures of that account from that address, and nothing else.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a refused try is not another failure
AXES_USERNAME_FORM_FIELD = "username"  # the keyword authenticate() receives the email under
AXES_USERNAME_CALLABLE = "shop.auth.signin_username"
AXES_DISABLE_ACCESS_LOG = False  # successful sign-ins: the addresses an account is known at
AXES_LOCKOUT_CALLABLE = "shop.views.signin_locked_out"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "shop.clientip.client_ip"
# How many proxies (load balancer, CDN) put their hop into X-Forwarded-For in front of the app.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Content-Security-Policy: no inline scripts on the store's pages (their one start-up script is
# static/js/store.js). Oscar's dashboard keeps its inline scripts: shop.middleware allows them
# there, for staff only. Inline styles stay allowed (Oscar's templates use style attributes).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Permissions-Policy (django-permissions-policy): the store uses none of these browser features,
# so no page, nor anything injected into one, may ask for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Whole pages for visitors without a session or cart (shop.middleware); 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploaded images served by Django itself: for one machine without a proxy (make serve).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
# /bench/bare, the baseline view of `make bench`; off unless the benchmark turns it on.
BENCH_BARE_VIEW = env.bool("BENCH_BARE_VIEW", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)  # seconds; smtplib's default is forever
# Every email goes through the outbox (mail/backends.py), which hands it to the backend that
# delivers (EMAIL_URL's) and, when the mail server fails, stores it to be retried by
# `manage.py retry_emails` (run it from cron every minute or two) instead of failing the request.
EMAIL_DELIVERY_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_BACKEND = "mail.backends.OutboxBackend"
# A stored email is tried again after 1, 2, 4 ... minutes (at most 2 hours apart), 10 tries in
# all (about 6 hours), then marked failed for staff (Django admin, Mail > Outbound emails).
EMAIL_RETRY_ATTEMPTS = env.int("EMAIL_RETRY_ATTEMPTS", default=10)
EMAIL_RETRY_FIRST_DELAY = timedelta(minutes=1)
EMAIL_RETRY_MAX_DELAY = timedelta(hours=2)
# The addresses show on every page (footer): none of them may name the condition, which product
# pages must not (DESIGN: no disease claims), so the example domain spells the store's name.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="orders@restful-legs.example")
STAFF_EMAIL = env.str("STAFF_EMAIL", default="staff@restful-legs.example")

# The store's address as customers reach it: every link in an email starts with it (never the
# Sites framework's domain or the port a worker happens to run on). `make run` sets it to its
# own address; production sets its https address.
STORE_URL = env.str("STORE_URL", default="http://127.0.0.1:8000").rstrip("/")

# --- Background jobs: Celery (shop/celery.py) ---
# Production gives Celery a Redis broker (CELERY_BROKER_URL, or REDIS_URL's); without one, as in
# `make run` and the tests, every task runs inline at the moment it is queued ("eager"), so the
# two commands need no service. Tasks are queued after the transaction commits (shop/tasks.py).
_broker = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_BROKER_URL = _broker or "memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not _broker)
CELERY_TASK_EAGER_PROPAGATES = False  # an eager task's failure is logged, never the request's
CELERY_RESULT_BACKEND = None  # nothing waits on a task's result
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a worker killed mid-task leaves it to another worker
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "America/New_York"
# A broker that does not answer makes queuing fail fast: the job then runs inline (shop/tasks.py).
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=1.0)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 1,
    "socket_timeout": 2,
    "max_retries": 0,
    "visibility_timeout": 3600,
}
CELERY_BEAT_SCHEDULE = {
    # Reminders at half the payment window, cancellation at its end (shop/order/payments.py).
    "payment-deadlines": {"task": "shop.order.tasks.sweep_payment_deadlines", "schedule": 600},
    # Emails the mail server refused, tried again with growing delays (mail/outbox.py).
    "retry-emails": {"task": "mail.tasks.retry_emails", "schedule": 60},
    # Images kept for a dashboard product form that failed and was never saved (a day old).
    "stale-uploads": {
        "task": "shop.dashboard.catalogue.tasks.delete_stale_uploads",
        "schedule": 3600,
    },
}

# Bank-transfer orders not paid within this many days are cancelled and their stock released;
# a reminder goes out halfway.
PAYMENT_DEADLINE_DAYS = env.int("PAYMENT_DEADLINE_DAYS", default=7)
# Business days within which staff refund a paid order that is canceled (emails, Returns page).
REFUND_BUSINESS_DAYS = env.int("REFUND_BUSINESS_DAYS", default=5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# --- The store ---
OSCAR_SHOP_NAME = "Restful Legs Vitamins"
OSCAR_SHOP_TAGLINE = "Vitamins and minerals, explained"
OSCAR_HOMEPAGE = reverse_lazy("catalogue:index")
OSCAR_DEFAULT_CURRENCY = "USD"
OSCAR_CURRENCY_FORMAT = {"USD": {"currency_digits": False, "format_type": "standard"}}
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Oscar's scheme for absolute links; the store's own email links come from STORE_URL
# (shop/templatetags/url_tags.py), so the two always agree.
OSCAR_URL_SCHEMA = STORE_URL.split("://", 1)[0]
# That tag library replaces Oscar's `url_tags` on purpose; Django warns of any such replacement.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_ALLOW_GUEST_CHECKOUT_WITH_ACCOUNT = True
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
# sorl-thumbnail through Oscar, each thumbnail remembered in the process (shop/thumbnails.py):
# a page of product cards makes no cache call for its images.
OSCAR_THUMBNAILER = "shop.thumbnails.MemoisedSorlThumbnail"
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_MAX_BASKET_QUANTITY_THRESHOLD = 50
# No Oscar feature is hidden: reviews are on (see the reviews block below).
OSCAR_HIDDEN_FEATURES = []
OSCAR_REQUIRED_ADDRESS_FIELDS = (
    "first_name",
    "last_name",
    "line1",
    "line4",
    "state",
    "postcode",
    "country",
)

# Bank transfer: the order waits for the money, staff mark it paid in the dashboard.
OSCAR_INITIAL_ORDER_STATUS = "Pending payment"
OSCAR_INITIAL_LINE_STATUS = "Pending payment"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Pending payment": ("Paid", "Cancelled"),
    "Paid": ("Shipped", "Cancelled"),
    "Shipped": ("Delivered",),
    "Delivered": (),
    "Cancelled": (),
}
OSCAR_LINE_STATUS_PIPELINE = OSCAR_ORDER_STATUS_PIPELINE
# Cancelling gives the allocated stock back (see shop.order.processing).
OSCAR_ORDER_STATUS_CASCADE = {
    "Paid": "Paid",
    "Shipped": "Shipped",
    "Delivered": "Delivered",
    "Cancelled": "Cancelled",
}

BANK_TRANSFER_DETAILS = {
    "account_name": env.str("BANK_ACCOUNT_NAME", default="Restful Legs Vitamins LLC"),
    "bank_name": env.str("BANK_NAME", default="First Example Bank"),
    "routing_number": env.str("BANK_ROUTING_NUMBER", default="011000015"),
    "account_number": env.str("BANK_ACCOUNT_NUMBER", default="000123456789"),
}

# The dashboard's Content section (the one holding Oscar's Pages) gains the store's articles,
# notices and Contact Us messages.
OSCAR_DASHBOARD_NAVIGATION = [
    section
    if "dashboard:page-list" not in [child["url_name"] for child in section.get("children", [])]
    else {
        **section,
        "children": [
            {"label": "Articles", "url_name": "dashboard:article-list"},
            {"label": "Notices and warnings", "url_name": "dashboard:notice-list"},
            {"label": "Contact messages", "url_name": "dashboard:contact-message-list"},
            *section["children"],
        ],
    }
    for section in OSCAR_DASHBOARD_NAVIGATION
]

# Oscar saves products through Haystack's signal processor; the simple backend has no index
# to update and says so on every save.
warnings.filterwarnings("ignore", "update is not implemented in this backend", UserWarning)

# The business's contact details (shop.chrome): the footer and every Pages page (About Us,
# Shipping, Returns, Privacy, Terms, FAQ) show them, and the seeded Terms name the legal name and
# the state whose law governs them. The defaults are EXAMPLES (a 555 number, a .example address):
# production sets every STORE_* variable. STORE_STATE is the postal code in the address;
# STORE_STATE_NAME the same state written out.
STORE_CONTACT = {
    "legal_name": env.str("STORE_LEGAL_NAME", default="Restful Legs Vitamins LLC"),
    "street": env.str("STORE_STREET", default="123 Example Street, Suite 100"),
    "city": env.str("STORE_CITY", default="Burlington"),
    "state": env.str("STORE_STATE", default="VT"),
    "state_name": env.str("STORE_STATE_NAME", default="Vermont"),
    "zip": env.str("STORE_ZIP", default="05401"),
    "phone": env.str("STORE_PHONE", default="(802) 555-0142"),
    "email": env.str("STORE_EMAIL", default=STAFF_EMAIL),
    "hours": env.str("STORE_HOURS", default="Monday to Friday, 9 a.m. to 5 p.m. Eastern Time"),
}

# Product reviews (catalogue.reviews, Oscar's reviews app forked): signed-in customers only.
# Moderation is content-neutral (FTC rule on consumer reviews, 16 CFR 465): a review is published
# at once whatever its star rating, unless its text makes a disease claim, carries personal data
# or abuse; those are held for staff with the reason (catalogue.reviews.moderation).
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = False
OSCAR_REVIEWS_PER_PAGE = 10

# Product pages (catalogue.templatetags.product_extras): stock at or below this many is shown
# as "Only N left"; above it as "In stock". Arrival estimates per shipping method code, in
# business days (processing after the payment arrives, transit), skipping weekends and US
# federal holidays.
LOW_STOCK_THRESHOLD = env.int("LOW_STOCK_THRESHOLD", default=10)
SHIPPING_BUSINESS_DAYS = {"standard": (1, 5), "express": (1, 2)}
