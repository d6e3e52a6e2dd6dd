"""Staff views for articles, notices and Contact Us messages, in Oscar's dashboard layout."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from content.contact import attach_quoted_orders, reply_subject, reply_to_customer
from content.models import Article, ContactMessage, Notice, render_markdown

from .forms import ArticleForm, ContactReplyForm, NoticeForm


class ArticleListView(ListView):
    template_name = "content/dashboard/article_list.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.annotate(product_count=Count("products")).order_by(
            "position", "title"
        )


class ArticleEditMixin:
    """Create and edit share a form with two buttons: Preview (nothing saved) and Save."""

    model = Article
    form_class = ArticleForm
    template_name = "content/dashboard/article_form.html"

    def form_valid(self, form):
        if "preview" in self.request.POST:
            return self.render_to_response(
                self.get_context_data(
                    form=form, preview_html=render_markdown(form.cleaned_data["body"])
                )
            )
        if form.instance.pk is None:
            form.instance.position = (
                Article.objects.order_by("-position").first() or Article()
            ).position + 1
        self.object = form.save()
        messages.success(self.request, f"Saved “{self.object.title}”.")
        return redirect(reverse("dashboard:article-update", kwargs={"pk": self.object.pk}))

    def form_invalid(self, form):
        if "preview" in self.request.POST:
            messages.error(self.request, "Nothing to preview yet: please correct the errors below.")
        else:
            messages.error(
                self.request, "The article was not saved: please correct the errors below."
            )
        return super().form_invalid(form)


class ArticleCreateView(ArticleEditMixin, CreateView):
    pass


class ArticleUpdateView(ArticleEditMixin, UpdateView):
    pass


class ArticleMoveView(View):
    """Move an article one place up or down the reading order (the order of "Next Article")."""

    def post(self, request, pk, direction):
        with transaction.atomic():
            articles = list(Article.objects.select_for_update().order_by("position", "title"))
            index = next((i for i, a in enumerate(articles) if a.pk == pk), None)
            if index is None:
                messages.error(request, "That article no longer exists.")
                return redirect("dashboard:article-list")
            other = index - 1 if direction == "up" else index + 1
            if direction in ("up", "down") and 0 <= other < len(articles):
                articles[index], articles[other] = articles[other], articles[index]
            for position, article in enumerate(articles, start=1):
                if article.position != position:
                    article.position = position
                    article.save(update_fields=["position"])
        return redirect("dashboard:article-list")


class ArticlePublishView(View):
    def post(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        if article.is_published:
            article.is_published = False
            done = f"“{article.title}” is now a draft, hidden from the store."
        else:
            article.is_published = True
            article.published_at = min(article.published_at, timezone.now())
            done = f"“{article.title}” is published."
        try:
            article.save()  # the model refuses what compliance.publishing forbids
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(request, done)
        return redirect("dashboard:article-list")


class NoticeListView(ListView):
    model = Notice
    template_name = "content/dashboard/notice_list.html"
    context_object_name = "notices"


class NoticeUpdateView(UpdateView):
    """Edit a notice; a wording fixed by regulation is shown read-only, with its regulation."""

    model = Notice
    form_class = NoticeForm
    template_name = "content/dashboard/notice_form.html"
    context_object_name = "notice"

    def post(self, request, *args, **kwargs):
        notice = self.get_object()
        if notice.regulation:
            messages.error(
                request,
                f"“{notice.title}” is fixed by {notice.regulation} and cannot be edited.",
            )
            return redirect("dashboard:notice-update", pk=notice.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        notice = form.save()
        messages.success(
            self.request,
            f"Saved “{notice.title}”: version {notice.version}, shown on the store now.",
        )
        return redirect("dashboard:notice-list")


class ContactMessageListView(ListView):
    template_name = "content/dashboard/message_list.html"
    context_object_name = "contact_messages"
    paginate_by = 25
    FILTERS = {
        "open": {"handled_at__isnull": True},
        "handled": {"handled_at__isnull": False},
        "all": {},
    }

    def get_status(self):
        status = self.request.GET.get("status", "open")
        return status if status in self.FILTERS else "open"

    def get_queryset(self):
        return ContactMessage.objects.filter(**self.FILTERS[self.get_status()]).select_related(
            "handled_by"
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["status"] = status = self.get_status()
        ctx["open_count"] = (
            ctx["paginator"].count  # the open tab has just counted them
            if status == "open"
            else ContactMessage.objects.filter(handled_at__isnull=True).count()
        )
        # The orders the page's messages quote, in one query for the whole page.
        ctx["contact_messages"] = ctx["object_list"] = attach_quoted_orders(ctx["object_list"])
        return ctx


class ContactMessageDetailView(DetailView):
    model = ContactMessage
    template_name = "content/dashboard/message_detail.html"
    context_object_name = "contact_message"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        attach_quoted_orders([self.object])
        ctx["replies"] = self.object.replies.select_related("sent_by")
        ctx["reply_subject"] = reply_subject(self.object)
        ctx.setdefault("reply_form", ContactReplyForm())
        return ctx

    def post(self, request, pk):
        message = get_object_or_404(ContactMessage, pk=pk)
        if request.POST.get("action") == "reopen":
            message.handled_at, message.handled_by = None, None
            messages.success(request, "Marked as open again.")
        else:
            message.handled_at, message.handled_by = timezone.now(), request.user
            messages.success(request, f"Marked “{message.subject}” as handled.")
        message.save(update_fields=["handled_at", "handled_by"])
        return redirect("dashboard:contact-message-list")


class ContactReplyView(ContactMessageDetailView):
    """Email a reply to the customer; it is kept under the message, which is marked handled."""

    http_method_names = ["post"]

    def post(self, request, pk):
        self.object = self.get_object()
        form = ContactReplyForm(request.POST)
        if not form.is_valid():
            messages.error(request, "The reply was not sent: please correct the errors below.")
            return self.render_to_response(self.get_context_data(reply_form=form))
        reply, sent = reply_to_customer(self.object, form.cleaned_data["body"], request.user)
        if sent:
            messages.success(
                request,
                f"Reply emailed to {self.object.email} and the message marked as handled.",
            )
        else:
            messages.info(
                request,
                f"This reply was already sent at {timezone.localtime(reply.created_at):%H:%M}; "
                "it was not sent twice.",
            )
        return redirect("dashboard:contact-message-detail", pk=self.object.pk)
