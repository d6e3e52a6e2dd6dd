"""The dashboard's Content section: articles and notices, edited by staff, seen by customers."""

import pytest

from content.models import Article, Notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def article_data(**overrides):
    return {
        "title": "Sleep and RLS",
        "slug": "sleep-and-rls",
        "summary": "How sleep habits interact with restless legs.",
        "body": "## Good habits\n\nKeep a **regular** bedtime.\n\n<script>alert(1)</script>",
        "pin_description": "",
        "is_published": "",
        "published_at": "2026-01-01 09:00",
        "last_reviewed": "2026-11-01",
        "reviewer": "Editorial team",
        "references": "A reference, 2024.",
        **overrides,
    }


def test_content_section_is_in_the_dashboard_menu(staff_client):
    page = staff_client.get("/dashboard/").content.decode()
    for label, url in (
        ("Articles", "/dashboard/content/articles/"),
        ("Notices and warnings", "/dashboard/content/notices/"),
        ("Contact messages", "/dashboard/content/messages/"),
    ):
        assert label in page and url in page


def test_preview_renders_without_saving(staff_client):
    response = staff_client.post(
        "/dashboard/content/articles/create/", {**article_data(), "preview": "1"}
    )
    page = response.content.decode()
    assert "<h2>Good habits</h2>" in page and "<strong>regular</strong>" in page
    assert "<script>alert(1)</script>" not in page.split("article-preview")[1].split("</div>")[0]
    assert not Article.objects.filter(slug="sleep-and-rls").exists()


def test_create_as_draft_then_publish_and_it_appears_last_in_reading_order(staff_client, client):
    response = staff_client.post("/dashboard/content/articles/create/", article_data())
    article = Article.objects.get(slug="sleep-and-rls")
    assert response.status_code == 302 and not article.is_published
    assert article.position == Article.objects.order_by("-position").first().position

    staff_client.post(f"/dashboard/content/articles/{article.pk}/publish/")
    article.refresh_from_db()
    assert article.is_published
    index = client.get("/articles/").content.decode()
    assert "Sleep and RLS" in index


def test_drafts_are_hidden_from_readers_but_previewable_by_staff(staff_client, django_app):
    staff_client.post("/dashboard/content/articles/create/", article_data())
    assert django_app.get("/articles/sleep-and-rls/", expect_errors=True).status_code == 404
    page = staff_client.get("/articles/sleep-and-rls/").content.decode()
    assert "Draft preview" in page and "Keep a <strong>regular</strong> bedtime" in page


def test_reorder_changes_next_article(staff_client, client):
    first, second = Article.objects.order_by("position")[:2]
    assert f"Next Article: {second.title}" in client.get(first.get_absolute_url()).content.decode()
    staff_client.post(f"/dashboard/content/articles/{second.pk}/move/up/")
    ordered = list(Article.objects.order_by("position")[:2])
    assert ordered == [second, first]
    assert f"Next Article: {first.title}" in client.get(second.get_absolute_url()).content.decode()


def test_an_article_with_public_products_cannot_be_unpublished(staff_client, iron):
    article = iron.article
    response = staff_client.post(f"/dashboard/content/articles/{article.pk}/publish/", follow=True)
    article.refresh_from_db()
    assert article.is_published
    assert "Published products link to this article" in response.content.decode()
    assert iron.title in response.content.decode()


def test_notice_edit_bumps_version_and_shows_on_the_storefront(staff_client, client, iron):
    notice = Notice.objects.get(slug="medical-advice")
    listing = staff_client.get("/dashboard/content/notices/").content.decode()
    assert notice.title in listing
    response = staff_client.post(
        f"/dashboard/content/notices/{notice.pk}/",
        {"title": notice.title, "text": "Ask your doctor before taking any supplement."},
        follow=True,
    )
    assert f"version {notice.version + 1}" in response.content.decode()
    product_page = client.get(iron.get_absolute_url()).content.decode()
    assert "Ask your doctor before taking any supplement." in product_page


def test_notice_text_is_required(staff_client):
    notice = Notice.objects.get(slug="medical-advice")
    response = staff_client.post(
        f"/dashboard/content/notices/{notice.pk}/", {"title": notice.title, "text": ""}
    )
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    notice.refresh_from_db()
    assert notice.text


@pytest.mark.parametrize(
    "url",
    [
        "/dashboard/content/articles/",
        "/dashboard/content/notices/",
        "/dashboard/content/articles/create/",
    ],
)
def test_content_dashboard_is_staff_only(client, customer, url):
    assert client.get(url).status_code == 302
    client.force_login(customer)
    assert client.get(url).status_code in (302, 403)
