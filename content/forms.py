"""The Contact Us form: validated, with a honeypot field that people never see or fill."""

from django import forms

from .models import ContactMessage


class ContactForm(forms.ModelForm):
    # Hidden from people by CSS and from assistive technology; bots that fill every field do.
    website = forms.CharField(required=False, label="Leave this field empty")

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "maxlength": 120}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "subject": forms.TextInput(attrs={"maxlength": 150}),
            "message": forms.Textarea(attrs={"rows": 7, "maxlength": 5000}),
        }
        labels = {"email": "Email address"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_subject(self):
        """One line: a subject becomes an email header."""
        return " ".join(self.cleaned_data["subject"].split())

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError("Please write a little more (at least 10 characters).")
        if len(message) > 5000:
            raise forms.ValidationError(
                f"Please keep the message under 5,000 characters (it has {len(message):,})."
            )
        return message

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
