"""Educational articles and the staff-editable notices (disclaimers and warnings)."""

import markdown
import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from compliance import publishing
from shop.images import validate_image_upload

from .notices import FIXED_BY_REGULATION, seeded_text

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code",
    "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "sup", "sub",
}  # fmt: skip


def render_markdown(source):
    """Markdown to HTML, then cleaned so staff-written text can never carry a script."""
    html = markdown.markdown(source, extensions=["extra", "sane_lists"])
    return nh3.clean(html, tags=ALLOWED_TAGS, link_rel="noopener noreferrer")


class Notice(models.Model):
    """One disclaimer or warning; its version goes up on every change of text."""

    KINDS = [("disclaimer", "Disclaimer"), ("statement", "Statement"), ("warning", "Warning")]

    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=16, choices=KINDS)
    title = models.CharField(max_length=128)
    text = models.TextField()
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        publishing.enforce(self.fixed_wording_errors())
        if self.pk:
            previous = Notice.objects.filter(pk=self.pk).values_list("text", flat=True).first()
            if previous is not None and previous != self.text:
                self.version += 1
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.regulation:
            raise ValidationError(f"This notice is required by {self.regulation}; it stays.")
        return super().delete(*args, **kwargs)

    def clean(self):
        super().clean()
        publishing.enforce(self.fixed_wording_errors())

    @property
    def regulation(self):
        """The regulation that fixes this wording, or "" for a notice staff may edit."""
        return FIXED_BY_REGULATION.get(self.slug, "")

    def fixed_wording_errors(self):
        """A wording fixed by regulation keeps its text and its slug."""
        stored_slug = None
        if self.pk:
            stored_slug = Notice.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        if stored_slug in FIXED_BY_REGULATION and stored_slug != self.slug:
            regulation = FIXED_BY_REGULATION[stored_slug]
            return {"slug": [f"This wording is fixed by {regulation}: its slug stays."]}
        if self.regulation and self.text != seeded_text(self.slug):
            return {
                "text": [
                    f"This wording is fixed by {self.regulation} and must be shown word for word; "
                    "it cannot be edited."
                ]
            }
        return {}


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, published_at__lte=timezone.now())


class Article(models.Model):
    """An educational article; `position` is the reading order behind "Next Article"."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True, max_length=200)
    summary = models.CharField(max_length=300)
    body = models.TextField(help_text="Markdown")
    body_html = models.TextField(editable=False, blank=True)
    hero_image = models.ImageField(
        upload_to="articles/", blank=True, validators=[validate_image_upload]
    )
    pin_description = models.CharField(max_length=300, blank=True)
    product_link_text = models.CharField(
        max_length=120,
        blank=True,
        help_text=(
            "The text after “Learn more:” on the pages of products that link here, e.g. “what "
            "research says about iron”. Product pages may not name a disease, so neither may this."
        ),
    )
    position = models.PositiveSmallIntegerField(default=0)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(default=timezone.now)
    last_reviewed = models.DateField(null=True, blank=True)
    reviewer = models.CharField(max_length=128, blank=True)
    references = models.TextField(blank=True, help_text="One citation per line")
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        publishing.enforce(publishing.article_errors(self))
        self.body_html = render_markdown(self.body)
        if kwargs.get("update_fields") is not None and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("content:article", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        publishing.enforce(publishing.article_errors(self))

    @property
    def link_text(self):
        return self.product_link_text or "what the research says"

    @property
    def reference_list(self):
        return [line.strip() for line in self.references.splitlines() if line.strip()]


class ContactMessage(models.Model):
    """A message sent through Contact Us; kept even when the email to staff could not be sent."""

    name = models.CharField(max_length=120)
    email = models.EmailField()
    subject = models.CharField(max_length=150)
    message = models.TextField()
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    email_sent = models.BooleanField(default=False)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} ({self.email})"

    @property
    def is_handled(self):
        return self.handled_at is not None


class ContactReply(models.Model):
    """A staff reply to a Contact Us message, emailed to its sender and kept with the message."""

    message = models.ForeignKey(ContactMessage, on_delete=models.CASCADE, related_name="replies")
    body = models.TextField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "contact replies"

    def __str__(self):
        return f"Reply to {self.message}"
