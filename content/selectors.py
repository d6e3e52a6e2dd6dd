"""Content reads: notices come from one cached dictionary, cleared whenever a notice changes."""

from shop.request_memo import shared

from .models import Article, Notice

NOTICES_CACHE_KEY = "content:notices"


@shared(NOTICES_CACHE_KEY)
def notices_by_slug():
    return {n.slug: n for n in Notice.objects.all()}


def published_articles():
    return Article.objects.published().only("title", "slug", "summary", "position")


def next_article(article, *, articles):
    """The article after this one in reading order, wrapping round to the first."""
    ordered = list(articles)
    for index, item in enumerate(ordered):
        if item.pk == article.pk:
            return ordered[(index + 1) % len(ordered)] if len(ordered) > 1 else None
    return None


def search_articles(query, words, limit=5):
    """Up to `limit` published articles the search `query` (split into `words`) finds.

    PostgreSQL: full text over title, summary and body, most relevant first. SQLite: every word
    in the title, summary or text, in reading order. See catalogue.search.
    """
    from catalogue import search

    articles = published_articles()
    if search.uses_postgres():
        articles = search.rank_matches(articles, query, document=search.article_document)
    else:
        articles = search.matches_every_word(articles, words, ("title", "summary", "body"))
    return list(articles[:limit])
