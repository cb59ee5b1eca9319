"""The contact form: messages are saved in the database before anything else, and spam is
kept out without any third-party service.

- **Honeypot**: a field people are told to leave empty (hidden from sight by the stylesheet);
  programs that fill every field fill it.
- **Minimum fill time**: the form carries a signed timestamp of when it was drawn; a message
  sent sooner than a person could write one is refused with a clear message (the form keeps
  what was typed), as is a form too old or with a timestamp that was tampered with.
- **Rate limit**: at most ``CONTACT_MESSAGES_PER_HOUR`` messages an hour from one address,
  counted in the cache (the address itself is never stored).
- CSRF as everywhere; the page is never cached (``never_cache``: its token must not be
  handed to anyone else) and must never be compressed (a response carrying a secret:
  BREACH), which ``Cache-Control: private, no-store`` on it says to the compression layer.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from pages.models import ContactMessage
from staff.client_ip import client_ip

SIGNING_SALT = "pages.contact.started"
MIN_SECONDS = 3  # nobody reads the form and writes a message faster
MAX_AGE_SECONDS = 24 * 60 * 60
RATE_WINDOW_SECONDS = 60 * 60


def started_stamp(at=None):
    """The signed moment a form was drawn."""
    return signing.dumps(time.time() if at is None else at, salt=SIGNING_SALT)


class ContactForm(forms.ModelForm):
    website = forms.CharField(
        label="Leave this field empty (it catches automated spam)",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ContactMessage
        fields = ["topic", "name", "email", "page", "message"]
        labels = {
            "topic": "What is it about?",
            "name": "Your name (optional)",
            "email": "Your e-mail address (optional: only if you would like an answer)",
            "page": "The page's address, if it is about one page (optional)",
            "message": "Your message",
        }
        widgets = {
            "topic": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].max_length = 5000
        self.fields["message"].help_text = "Up to 5,000 characters."
        self.fields["message"].error_messages["required"] = "Please write your message."
        self.fields["email"].error_messages["invalid"] = (
            "Enter an e-mail address like name@example.org, or leave it empty."
        )
        if not self.is_bound:
            self.initial["started"] = started_stamp()

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                "This field must be left empty: it is there to catch automated spam."
            )
        return ""

    def clean_started(self):
        try:
            started = float(
                signing.loads(
                    self.cleaned_data.get("started") or "",
                    salt=SIGNING_SALT,
                    max_age=MAX_AGE_SECONDS,
                )
            )
        except (signing.BadSignature, TypeError, ValueError):
            started = None
        elapsed = time.time() - started if started is not None else None
        if elapsed is None or elapsed > MAX_AGE_SECONDS:
            raise forms.ValidationError(
                "This form is out of date. Your message is still here: please send it again."
            )
        if elapsed < MIN_SECONDS:
            raise forms.ValidationError(
                "That was faster than a person can write. Please check your message and "
                "send it again."
            )
        return ""

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError("Please write your message.")
        return message

    def refresh_stamp(self):
        """A refused form is drawn again with a new timestamp (what was typed stays)."""
        self.data = self.data.copy()
        self.data["started"] = started_stamp()


def over_rate_limit(request):
    """Count this message against the sender's address; True past the hourly limit."""
    key = f"contact-rate:{client_ip(request) or 'unknown'}"
    try:
        cache.add(key, 0, RATE_WINDOW_SECONDS)
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        count = 1
    return count > settings.CONTACT_MESSAGES_PER_HOUR


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    form = ContactForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if over_rate_limit(request):
                status = 429
                form.add_error(
                    None,
                    "Too many messages have been sent from your address in the last hour. "
                    "Your message is still here: please try again later.",
                )
            else:
                form.save()  # first: whatever happens next, the message is kept
                return redirect("contact-sent")
        else:
            status = 400
        form.refresh_stamp()
    return render(request, "pages/contact.html", {"form": form}, status=status)


@never_cache
def contact_sent(request):
    return render(request, "pages/contact_sent.html")
