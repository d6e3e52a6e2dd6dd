"""Content reads: notices come from one cached dictionary, cleared whenever a notice changes."""

from django.core.cache import cache
from django.db.models import Q

from .models import Article, Notice

NOTICES_CACHE_KEY = "content:notices"


def notices_by_slug():
    notices = cache.get(NOTICES_CACHE_KEY)
    if notices is None:
        notices = {n.slug: n for n in Notice.objects.all()}
        cache.set(NOTICES_CACHE_KEY, notices, timeout=None)
    return notices


def published_articles():
    return Article.objects.published().only("title", "slug", "summary", "position")


def next_article(article, *, articles):
    """The article after this one in reading order, wrapping round to the first."""
    ordered = list(articles)
    for index, item in enumerate(ordered):
        if item.pk == article.pk:
            return ordered[(index + 1) % len(ordered)] if len(ordered) > 1 else None
    return None


def search_articles(words, limit=5):
    """Published articles whose title, summary or text contain every one of `words`."""
    articles = published_articles()
    for word in words:
        articles = articles.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        )
    return articles[:limit]
