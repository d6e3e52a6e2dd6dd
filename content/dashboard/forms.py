from django import forms

from content.models import Article, Notice


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
            "product_link_text",
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


class NoticeForm(forms.ModelForm):
    class Meta:
        model = Notice
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6, "class": "no-widget-init"})}
        help_texts = {
            "text": "Shown word for word on the store. Each change of text is a new version; "
            "orders keep the version their customer saw."
        }


class ContactReplyForm(forms.Form):
    """A staff reply to a Contact Us message; its text is emailed to the customer as written."""

    MAX_LENGTH = 5000

    body = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(
            attrs={
                "rows": 8,
                "maxlength": MAX_LENGTH,
                "class": "form-control no-widget-init",
                "aria-describedby": "reply-help",
            }
        ),
        error_messages={"required": "Please write your reply before sending it."},
    )

    def clean_body(self):
        # Browsers send a textarea's line breaks as CRLF, which its maxlength counts as one.
        body = self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n")
        if len(body) > self.MAX_LENGTH:
            raise forms.ValidationError(
                f"Please keep the reply under {self.MAX_LENGTH:,} characters "
                f"(it has {len(body):,})."
            )
        return body
