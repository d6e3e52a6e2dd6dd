from urllib.parse import urlencode

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Article
from .selectors import next_article, published_articles

PINTEREST_SHARE = "https://www.pinterest.com/pin/create/button/"


class ArticleListView(ListView):
    template_name = "content/article_list.html"
    context_object_name = "articles"

    def get_queryset(self):
        return published_articles()


class ArticleDetailView(DetailView):
    template_name = "content/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        return get_object_or_404(Article.objects.published(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        article = self.object
        articles = list(published_articles())
        # The reverse relation keeps `content` free of imports from `catalogue` (DESIGN §2).
        products = list(article.products.all().base_queryset().browsable().order_by("title"))
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
