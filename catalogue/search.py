"""Search that finds: full text on PostgreSQL, a plain word match on SQLite, and on both a
"Did you mean …?" for a misspelling.

PostgreSQL (production). A product is one weighted English document: title (A), claims (B),
description (C). The query is read by websearch_to_tsquery (every word, stemmed: "legs" finds
"leg"; "quoted phrases", "or" and "-word" work as on a web search engine) and results are ranked
by ts_rank_cd, so a title match comes before a description match. Articles get the same
treatment on title (A), summary (B) and body (C). Each document has a GIN expression index
(migrations catalogue 0039, content 0006), which serves only a query with the same expression:
change a document here and there together (tests/shop/test_search.py asks the planner).

SQLite (`make run`). Every word must appear in the title, description or claims, as before.

Misspellings. When neither a product nor an article matches the words as typed, each word the
catalogue does not know is replaced by the closest word of its vocabulary (the words of the
nutrient names and product titles): by pg_trgm's trigram similarity on PostgreSQL, by difflib
on SQLite. The page offers the corrected search ("Did you mean magnesium?") and shows what it
finds, so "magnesum" finds Magnesium.
"""

import difflib
import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from oscar.core.loading import get_model

CONFIG = "english"
VOCABULARY_CACHE_KEY = "catalogue:search-vocabulary"
VOCABULARY_SECONDS = 300  # a new product's title words reach "Did you mean" within minutes
# How close a correction must be: pg_trgm similarity ("magnesum" and "magnesium" share 7 of 12
# trigrams, 0.58; "vitamen" and "vitamin" 0.45), or difflib's ratio on SQLite (0.94 and 0.86).
TRIGRAM_SIMILARITY = 0.45
CLOSE_MATCH_CUTOFF = 0.75
WORD = re.compile(r"[^\W\d_]{3,}")  # words of three letters or more: the ones worth correcting


MAX_QUERY_LENGTH = 200


def normalised_query(text):
    """The search box's text as the store reads it: words separated by single spaces, at most
    MAX_QUERY_LENGTH characters. The search page and the page cache's key both use it."""
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def uses_postgres():
    return connection.vendor == "postgresql"


def product_document():
    """The weighted document a product is found by; the index in catalogue 0039 is built on it."""
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("claims", weight="B", config=CONFIG)
        + SearchVector("description", weight="C", config=CONFIG)
    )


def article_document():
    """The weighted document an article is found by; the index in content 0006 is built on it."""
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("summary", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
    )


def text_query(query):
    return SearchQuery(query, search_type="websearch", config=CONFIG)


def rank_matches(queryset, query, *, document):
    """`queryset` narrowed to the rows whose document matches `query` (PostgreSQL), best first.

    `document` is product_document or article_document, built afresh for each use: the WHERE
    clause, which its index serves, and `search_rank`, ts_rank_cd, which weighs each extent
    holding every word by where it is, so a title match outranks a description match.
    """
    words = text_query(query)
    return (
        queryset.alias(search_document=document())
        .filter(search_document=words)
        .annotate(search_rank=SearchRank(document(), words, cover_density=True))
        .order_by("-search_rank", *listing_order(queryset))
    )


def listing_order(queryset):
    """The order `queryset` lists its rows in: its order_by(), else its model's Meta.ordering."""
    return queryset.query.order_by or queryset.model._meta.ordering


def matches_every_word(queryset, words, fields):
    """`queryset` narrowed to rows where each word appears in one of `fields` (any case)."""
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def did_you_mean(words):
    """`words` with each word the catalogue does not know replaced by the closest one it does,
    as a query; "" when no word was replaced. At most one query on PostgreSQL, plus one to
    read the vocabulary when it is not cached."""
    vocabulary = search_vocabulary()
    known = set(vocabulary)
    unknown = sorted({word.casefold() for word in words if WORD.fullmatch(word)} - known)
    if not unknown:
        return ""
    if uses_postgres():
        closest = closest_by_trigrams(unknown, vocabulary)
    else:
        closest = closest_by_difflib(unknown, vocabulary)
    if not closest:
        return ""
    return " ".join(closest.get(word.casefold(), word) for word in words)


def closest_by_trigrams(words, vocabulary):
    """{word: its closest vocabulary word by pg_trgm similarity}, for the words that have one."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT word, (
                SELECT term FROM unnest(%s::text[]) AS term
                WHERE similarity(word, term) >= %s
                ORDER BY similarity(word, term) DESC, term
                LIMIT 1
            )
            FROM unnest(%s::text[]) AS word
            """,
            [vocabulary, TRIGRAM_SIMILARITY, words],
        )
        return {word: term for word, term in cursor.fetchall() if term}


def closest_by_difflib(words, vocabulary):
    """{word: its closest vocabulary word by difflib's ratio}, for the words that have one."""
    closest = {}
    for word in words:
        matches = difflib.get_close_matches(word, vocabulary, n=1, cutoff=CLOSE_MATCH_CUTOFF)
        if matches:
            closest[word] = matches[0]
    return closest


def search_vocabulary():
    """The words of the nutrient names and public product titles, lower case, sorted (cached).

    Read in one query, the titles deduplicated by the database; a catalogue of copies with
    numbered titles ("… (lot 123)") adds no words, as numbers are not words here.
    """
    vocabulary = cache.get(VOCABULARY_CACHE_KEY)
    if vocabulary is None:
        Nutrient = get_model("catalogue", "Nutrient")
        Product = get_model("catalogue", "Product")
        names = (
            Nutrient.objects.order_by()
            .values_list("name", flat=True)
            .union(Product.objects.browsable().order_by().values_list("title", flat=True))
        )
        vocabulary = sorted({word for name in names for word in WORD.findall(name.casefold())})
        cache.set(VOCABULARY_CACHE_KEY, vocabulary, timeout=VOCABULARY_SECONDS)
    return vocabulary
