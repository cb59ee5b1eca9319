"""``{% remember "name" value ... %}…{% endremember %}``: a template fragment drawn once per
content version and kept (in this process and in the cache), varying on the values given.

For fragments that cost a lot to draw and depend only on published content and the values
named, such as a filter form (every option of every select) or the organisation chart.
Because the key carries the content version's token, a kept fragment is never stale.
"""

import hashlib

from django import template

from caching import content_token

register = template.Library()


class RememberNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        values = [str(value.resolve(context)) for value in self.vary_on]
        digest = hashlib.md5("\0".join(values).encode(), usedforsecurity=False).hexdigest()
        name = self.name.resolve(context)
        return content_token.remember(
            f"fragment:{name}:{digest}", lambda: self.nodelist.render(context)
        )


@register.tag
def remember(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% remember %} needs a name.")
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
