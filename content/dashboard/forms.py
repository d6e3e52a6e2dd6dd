from django import forms

from content.models import Article, Notice
from shop.images import validate_image_upload


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "hero_image",
            "pin_description",
            "is_published",
            "published_at",
            "last_reviewed",
            "reviewer",
            "references",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "class": "no-widget-init"}),
            "body": forms.Textarea(attrs={"rows": 24, "class": "no-widget-init"}),
            "pin_description": forms.Textarea(attrs={"rows": 2, "class": "no-widget-init"}),
            "references": forms.Textarea(attrs={"rows": 5, "class": "no-widget-init"}),
            "last_reviewed": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {
            "body": "Markdown: ## for a heading, **bold**, - for a list, [text](url) for a link.",
            "published_at": "Hidden from the store until this time, even when published.",
        }

    def clean_hero_image(self):
        image = self.cleaned_data.get("hero_image")
        validate_image_upload(image)
        return image

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.is_published and not cleaned.get("is_published"):
            blocking = public_products_of(self.instance)
            if blocking:
                self.add_error("is_published", unpublish_refusal(blocking))
        return cleaned


def public_products_of(article):
    return list(article.products.filter(is_public=True).values_list("title", flat=True))


def unpublish_refusal(titles):
    return (
        "Published products link to this article: "
        + ", ".join(titles)
        + ". Point them at another article (or unpublish them) first, so no product page "
        "links to a missing article."
    )


class NoticeForm(forms.ModelForm):
    class Meta:
        model = Notice
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6, "class": "no-widget-init"})}
        help_texts = {
            "text": "Shown word for word on the store. Each change of text is a new version; "
            "orders keep the version their customer saw."
        }
