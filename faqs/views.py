from django.db.models import F
from django.views.generic import TemplateView

from public import opendata
from public.listing import filter_errors

from .filters import FAQFilter
from .models import FAQ
from .opendata import FAQS


class FAQListView(TemplateView):
    """Every published FAQ, grouped by owning division, filterable by topic and division."""

    template_name = "faqs/faq_list.html"

    def get(self, request, *args, **kwargs):
        queryset = (
            FAQ.objects.published()
            .select_related("division")
            .order_by(F("division__order").asc(nulls_last=True), "division__name", "order")
        )
        filterset = FAQFilter(request.GET or None, queryset=queryset, request=request)
        errors = filter_errors(filterset)
        fmt, format_error = opendata.requested_format(request)
        if fmt:
            if errors:
                return opendata.error_response(fmt, errors)
            return opendata.export_response(request, FAQS, filterset.qs, fmt)
        if format_error:
            errors.append(format_error)
        context = self.get_context_data(
            filter=filterset,
            faqs=filterset.qs if not errors else FAQ.objects.none(),
            errors=errors,
            is_filtered=bool(filterset.is_bound and filterset.form.has_changed()),
        )
        return self.render_to_response(context, status=400 if errors else 200)
