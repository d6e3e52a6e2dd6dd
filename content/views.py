from urllib.parse import urlencode

import nh3
from django.contrib.flatpages.models import FlatPage
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, FormView, ListView, TemplateView

from compliance.notices import ARTICLE, notices_for
from shop.clientip import client_ip

from .contact import contact_rate_limit, send_to_staff
from .forms import ContactForm
from .models import Article
from .selectors import next_article, published_articles

# An article shows at most this many of its products: enough for a reader, bounded at scale.
MAX_PRODUCTS = 12
PINTEREST_SHARE = "https://www.pinterest.com/pin/create/button/"


class ArticleListView(ListView):
    template_name = "content/article_list.html"
    context_object_name = "articles"

    def get_queryset(self):
        return published_articles()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["page_notices"] = notices_for([], context=ARTICLE)
        return ctx


class ArticleDetailView(DetailView):
    template_name = "content/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        """Readers see published articles; staff also see drafts, as a preview."""
        articles = (
            Article.objects.all() if self.request.user.is_staff else Article.objects.published()
        )
        return get_object_or_404(articles, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        article = self.object
        articles = list(published_articles())
        # The reverse relation keeps `content` free of imports from `catalogue` (DESIGN §2); the
        # cards read stock records and images only (catalogue.selectors.products).
        products = list(
            article.products.base_queryset()
            .prefetch_related(None)
            .prefetch_related("stockrecords", "images")
            .browsable()
            .order_by("title")[:MAX_PRODUCTS]
        )
        page_url = self.request.build_absolute_uri(article.get_absolute_url())
        image = article.hero_image.url if article.hero_image else ""
        if not image and products:
            first_image = products[0].primary_image()
            image = "" if isinstance(first_image, dict) else first_image.original.url
        ctx.update(
            {
                "all_articles": articles,
                "next_article": next_article(article, articles=articles),
                "products": products,
                "page_notices": notices_for([], context=ARTICLE),
                "pin_url": PINTEREST_SHARE
                + "?"
                + urlencode(
                    {
                        "url": page_url,
                        "media": self.request.build_absolute_uri(image) if image else "",
                        "description": article.pin_description or article.summary,
                    }
                ),
            }
        )
        return ctx


class ContactView(FormView):
    """Contact Us: store the message first, then email staff; a mail failure loses nothing."""

    template_name = "content/contact.html"
    form_class = ContactForm
    success_url = reverse_lazy("contact-thanks")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        page = FlatPage.objects.filter(url="/contact/").first()
        # The intro is the /contact/ page staff edit under Content > Pages; cleaned like articles.
        ctx["intro_html"] = mark_safe(nh3.clean(page.content)) if page else ""
        return ctx

    def form_valid(self, form):
        if form.is_spam:
            return redirect(self.success_url)  # tell a bot nothing
        ip = client_ip(self.request)
        if not contact_rate_limit.allow(ip):
            form.add_error(
                None,
                "You have sent several messages in the last hour, so this one was not sent. "
                "Your text is still here: please try again later.",
            )
            return self.form_invalid(form)
        message = form.save(commit=False)
        message.ip_address = ip
        message.save()
        send_to_staff(message)
        return redirect(self.success_url)


class ContactThanksView(TemplateView):
    template_name = "content/contact_thanks.html"
