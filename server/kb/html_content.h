#pragma once
// Article bodies: Markdown → HTML (cmark, raw HTML dropped) and an allow-list HTML sanitiser
// on libxml2's HTML parser: no script/style/iframe/object/form, no event handlers, no
// javascript: or data: links, no remote loads (images only from data:image/). Pure functions.
#include <string>
#include <string_view>

namespace agentdesk::server::kb {

std::string markdownToHtml(std::string_view markdown);
std::string sanitizeHtml(std::string_view html);
// The visible text of (sanitised) HTML, blocks separated by newlines.
std::string htmlToText(std::string_view html);
// A body that starts with "<" is taken as HTML; anything else as Markdown.
bool looksLikeHtml(std::string_view body);

}  // namespace agentdesk::server::kb
