#pragma once
// Article bodies: Markdown → HTML (cmark, raw HTML dropped) and an allow-list HTML sanitiser
// on libxml2's HTML parser: no script/style/iframe/object/form, no event handlers, no
// javascript: or data: links, no remote loads (images only from data:image/); and the plain
// text the search indexes and takes snippets from. Pure functions.
#include <string>
#include <string_view>

namespace agentdesk::server::kb {

std::string markdownToHtml(std::string_view markdown);
std::string sanitizeHtml(std::string_view html);
// The visible text of (sanitised) HTML, blocks separated by newlines.
std::string htmlToText(std::string_view html);
// The text of a Markdown body as a reader sees it, blocks separated by newlines (as htmlToText),
// from cmark's syntax tree. cmark knows no GFM tables: a table is a paragraph of "| a | b |"
// lines to it, so such rows are read as cells (spaces between them) and the delimiter row
// ("|---|:-:|") is dropped. Bold cmark cannot close stays text in its tree: CommonMark's
// flanking rules refuse "**날짜 비율(일할)**로" (punctuation before the closing run, a particle
// after it), which is how Korean is written; such pairs of ** or __ are dropped, while masks
// and other asterisks (010-****-5678, 5 * 3) are kept.
std::string markdownToText(std::string_view markdown);
// The text of HTML that markdownToHtml made, as markdownToText would have rendered its Markdown:
// each paragraph's text goes through markdownToText again (the table rows and unclosed emphasis
// cmark left there are still in it). For bodies stored before body_text came from
// markdownToText (the knowledge store's migration 2).
std::string markdownHtmlToText(std::string_view html);
// A body that starts with "<" is taken as HTML; anything else as Markdown.
bool looksLikeHtml(std::string_view body);

}  // namespace agentdesk::server::kb
