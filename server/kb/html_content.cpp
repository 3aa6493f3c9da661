#include "server/kb/html_content.h"

#include <cmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <set>
#include <string_view>
#include <vector>

namespace agentdesk::server::kb {

namespace {

const std::set<std::string>& allowedElements() {
    static const std::set<std::string> tags = {
        "p",     "br",    "hr",   "h1",   "h2",    "h3",      "h4",         "h5",    "h6",
        "ul",    "ol",    "li",   "dl",   "dt",    "dd",      "strong",     "em",    "b",
        "i",     "u",     "s",    "code", "pre",   "kbd",     "blockquote", "table", "thead",
        "tbody", "tfoot", "tr",   "th",   "td",    "caption", "a",          "span",  "div",
        "sup",   "sub",   "mark", "img",  "small", "del",     "ins"};
    return tags;
}

// Elements removed together with everything inside them.
const std::set<std::string>& droppedWithContent() {
    static const std::set<std::string> tags = {
        "script", "style",  "iframe", "frame",  "frameset", "object",   "embed",
        "applet", "form",   "input",  "button", "select",   "textarea", "link",
        "meta",   "base",   "svg",    "math",   "template", "noscript", "audio",
        "video",  "source", "track",  "canvas", "head",     "title"};
    return tags;
}

std::string lower(const char* s) {
    std::string out = s ? s : "";
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trimmedLower(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (static_cast<unsigned char>(c) > ' ')
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

bool safeHref(const std::string& href) {
    const std::string v = trimmedLower(href);
    if (v.empty() || v[0] == '#' || v.rfind("kb:", 0) == 0 || v.rfind("https:", 0) == 0 ||
        v.rfind("http:", 0) == 0 || v.rfind("mailto:", 0) == 0 || v.rfind("tel:", 0) == 0) {
        return true;
    }
    // Relative links without a scheme.
    const auto colon = v.find(':');
    const auto slash = v.find('/');
    return colon == std::string::npos || (slash != std::string::npos && slash < colon);
}

bool safeImage(const std::string& src) {
    const std::string v = trimmedLower(src);
    return v.rfind("data:image/png", 0) == 0 || v.rfind("data:image/jpeg", 0) == 0 ||
           v.rfind("data:image/gif", 0) == 0 || v.rfind("data:image/webp", 0) == 0;
}

void cleanAttributes(xmlNodePtr node, const std::string& tag) {
    xmlAttrPtr attr = node->properties;
    while (attr) {
        xmlAttrPtr next = attr->next;
        const std::string name = lower(reinterpret_cast<const char*>(attr->name));
        xmlChar* raw = xmlNodeListGetString(node->doc, attr->children, 1);
        const std::string value = raw ? reinterpret_cast<const char*>(raw) : "";
        xmlFree(raw);
        bool keep = false;
        if (name == "href" && tag == "a") {
            keep = safeHref(value);
        } else if (name == "src" && tag == "img") {
            keep = safeImage(value);
        } else if (name == "alt" || name == "title" || (name == "colspan" || name == "rowspan") ||
                   (name == "start" && tag == "ol") || (name == "class" && tag == "code")) {
            keep = true;
        }
        if (!keep)
            xmlRemoveProp(attr);
        attr = next;
    }
    if (tag == "img" && !xmlHasProp(node, BAD_CAST "src")) {
        xmlNodeSetName(node, BAD_CAST "span");  // an image we cannot load is not shown
    }
}

void sanitizeChildren(xmlNodePtr parent) {
    xmlNodePtr node = parent->children;
    while (node) {
        xmlNodePtr next = node->next;
        if (node->type == XML_ELEMENT_NODE) {
            const std::string tag = lower(reinterpret_cast<const char*>(node->name));
            if (droppedWithContent().count(tag)) {
                xmlUnlinkNode(node);
                xmlFreeNode(node);
            } else if (!allowedElements().count(tag)) {
                // Unknown element: keep its content, drop the element.
                sanitizeChildren(node);
                xmlNodePtr child = node->children;
                while (child) {
                    xmlNodePtr nextChild = child->next;
                    xmlUnlinkNode(child);
                    xmlAddPrevSibling(node, child);
                    child = nextChild;
                }
                xmlUnlinkNode(node);
                xmlFreeNode(node);
            } else {
                cleanAttributes(node, tag);
                sanitizeChildren(node);
            }
        } else if (node->type != XML_TEXT_NODE) {
            xmlUnlinkNode(node);  // comments, processing instructions, CDATA
            xmlFreeNode(node);
        }
        node = next;
    }
}

struct DocDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::unique_ptr<xmlDoc, DocDeleter> parseFragment(std::string_view html) {
    const std::string wrapped = "<html><body>" + std::string(html) + "</body></html>";
    return std::unique_ptr<xmlDoc, DocDeleter>(htmlReadMemory(
        wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8",
        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS));
}

xmlNodePtr bodyOf(xmlDocPtr doc) {
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root)
        return nullptr;
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && lower(reinterpret_cast<const char*>(n->name)) == "body")
            return n;
    }
    return root;
}

// `markdownParagraphs`: a paragraph's text is rendered again with markdownToText (see
// markdownHtmlToText).
void collectText(xmlNodePtr node, std::string& out, bool markdownParagraphs) {
    static const std::set<std::string> blocks = {"p",          "div", "li", "h1", "h2", "h3",
                                                 "h4",         "h5",  "h6", "tr", "br", "pre",
                                                 "blockquote", "td",  "th", "dt", "dd", "hr"};
    for (xmlNodePtr n = node->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content) {
            out += reinterpret_cast<const char*>(n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            const std::string tag = lower(reinterpret_cast<const char*>(n->name));
            if (markdownParagraphs && tag == "p") {
                std::string paragraph;
                collectText(n, paragraph, false);
                out += markdownToText(paragraph);
            } else {
                collectText(n, out, markdownParagraphs);
            }
            if (blocks.count(tag))
                out += (tag == "td" || tag == "th") ? " " : "\n";
        }
    }
}

// Collapses runs of blank lines and spaces, drops spaces that start a line and the white space
// at the end.
std::string compactText(std::string_view text) {
    std::string compact;
    for (char c : text) {
        if ((c == ' ' || c == '\t') &&
            (compact.empty() || compact.back() == ' ' || compact.back() == '\n'))
            continue;
        if (c == '\n' && !compact.empty() && compact.back() == ' ')
            compact.pop_back();
        if (c == '\n' && (compact.empty() || compact.back() == '\n'))
            continue;
        compact.push_back(c);
    }
    while (!compact.empty() && (compact.back() == '\n' || compact.back() == ' '))
        compact.pop_back();
    return compact;
}

std::string htmlText(std::string_view html, bool markdownParagraphs) {
    auto doc = parseFragment(html);
    if (!doc)
        return {};
    xmlNodePtr body = bodyOf(doc.get());
    std::string out;
    if (body)
        collectText(body, out, markdownParagraphs);
    return compactText(out);
}

// --- Markdown → text on cmark's tree ---

struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back()))
        s.remove_suffix(1);
    return s;
}

// The next pipe of a table row that separates cells: GFM reads "\\|" as a pipe in a cell.
std::size_t nextPipe(std::string_view row, std::size_t from) {
    for (std::size_t i = from; i < row.size(); ++i) {
        if (row[i] == '\\')
            ++i;
        else if (row[i] == '|')
            return i;
    }
    return std::string_view::npos;
}

// The cells of a table row: the text between pipes, without the optional outer pipes.
std::vector<std::string_view> tableCells(std::string_view row) {
    row = trimmed(row);
    if (!row.empty() && row.front() == '|')
        row.remove_prefix(1);
    if (!row.empty() && row.back() == '|' && (row.size() < 2 || row[row.size() - 2] != '\\'))
        row.remove_suffix(1);
    std::vector<std::string_view> cells;
    for (std::size_t from = 0;;) {
        const std::size_t bar = nextPipe(row, from);
        cells.push_back(trimmed(row.substr(from, bar - from)));
        if (bar == std::string_view::npos)
            break;
        from = bar + 1;
    }
    return cells;
}

// GFM's delimiter row: cells of dashes with an optional colon at either end, and a pipe.
bool isDelimiterRow(std::string_view line) {
    if (nextPipe(line, 0) == std::string_view::npos)
        return false;
    for (std::string_view cell : tableCells(line)) {
        if (!cell.empty() && cell.front() == ':')
            cell.remove_prefix(1);
        if (!cell.empty() && cell.back() == ':')
            cell.remove_suffix(1);
        if (cell.empty() || cell.find_first_not_of('-') != std::string_view::npos)
            return false;
    }
    return true;
}

bool isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

// Bold (** or __, *** for bold italic) that cmark left as text because its closing run is
// preceded by punctuation and followed by a letter, which CommonMark's flanking rules refuse and
// Korean writes all the time (`**날짜 비율(일할)**로`): a run that could open (CommonMark's
// left-flanking rule) and the next run of the same kind, preceded by a non-space, with a letter
// or digit between them. Anything else stays: 010-****-5678, 110-***-***789, 5 * 3.
std::vector<bool> unclosedBold(std::string_view text) {
    struct Run {
        std::size_t at, length;
    };
    std::vector<Run> runs;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '*' && text[i] != '_') {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] == text[i])
            ++end;
        runs.push_back({i, end - i});
        i = end;
    }
    std::vector<bool> drop(text.size(), false);
    auto canOpen = [&](const Run& r) {
        const std::size_t next = r.at + r.length;
        if (next >= text.size() || isBlank(text[next]) || text[next] == '\n')
            return false;
        const bool afterBreak =
            r.at == 0 || isBlank(text[r.at - 1]) || isAsciiPunctuation(text[r.at - 1]);
        return !isAsciiPunctuation(text[next]) || afterBreak;
    };
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Run& open = runs[i];
        if ((open.length != 2 && open.length != 3) || drop[open.at] || !canOpen(open))
            continue;
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            const Run& close = runs[j];
            if (text[close.at] != text[open.at] || close.length != open.length)
                continue;
            const std::string_view between =
                text.substr(open.at + open.length, close.at - open.at - open.length);
            const bool wordBetween = std::any_of(between.begin(), between.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x80 ||
                       std::isalnum(static_cast<unsigned char>(c));
            });
            if (wordBetween && !isBlank(text[close.at - 1])) {
                std::fill_n(drop.begin() + static_cast<std::ptrdiff_t>(open.at), open.length, true);
                std::fill_n(drop.begin() + static_cast<std::ptrdiff_t>(close.at), close.length,
                            true);
            }
            break;  // only the nearest run of the same kind closes
        }
    }
    return drop;
}

// A text node's literal without the bold markers cmark could not close.
void appendLiteral(std::string& out, const char* literal) {
    const std::string_view text = literal ? literal : "";
    const std::vector<bool> drop = unclosedBold(text);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!drop[i])
            out.push_back(text[i]);
    }
}

void inlineText(cmark_node* node, std::string& out) {
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
            appendLiteral(out, cmark_node_get_literal(node));
            return;
        case CMARK_NODE_CODE:
            if (const char* code = cmark_node_get_literal(node))
                out += code;
            return;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            out.push_back('\n');
            return;
        case CMARK_NODE_HTML_INLINE:
            return;  // markdownToHtml drops raw HTML too
        default:
            for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c))
                inlineText(c, out);
    }
}

// The Markdown's lines. GFM splits a table row into cells before it reads their content, so a
// row is read from its source, not from cmark's tree, where emphasis may run from one cell into
// the next ("| 010-****-5678 | 110-***-***789 |" is <strong><em> to cmark).
using SourceLines = std::vector<std::string_view>;

SourceLines splitLines(std::string_view text) {
    SourceLines lines;
    for (std::size_t from = 0; from <= text.size();) {
        std::size_t end = text.find('\n', from);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(from, end - from);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        from = end + 1;
    }
    return lines;
}

// A paragraph's lines in the source without what its containers put before them (indentation,
// "> "); empty when the positions do not fit the source.
SourceLines paragraphSource(cmark_node* paragraph, const SourceLines& source) {
    const int first = cmark_node_get_start_line(paragraph);
    const int last = cmark_node_get_end_line(paragraph);
    if (first < 1 || last < first || static_cast<std::size_t>(last) > source.size())
        return {};
    int quotes = 0;
    for (cmark_node* p = cmark_node_parent(paragraph); p; p = cmark_node_parent(p))
        quotes += cmark_node_get_type(p) == CMARK_NODE_BLOCK_QUOTE;
    SourceLines lines;
    for (int n = first; n <= last; ++n) {
        std::string_view line = source[static_cast<std::size_t>(n - 1)];
        if (n == first) {
            line.remove_prefix(std::min<std::size_t>(
                static_cast<std::size_t>(std::max(cmark_node_get_start_column(paragraph) - 1, 0)),
                line.size()));
        }
        for (int q = 0; q < quotes; ++q) {
            line = trimmed(line);
            if (n != first && !line.empty() && line.front() == '>')
                line.remove_prefix(1);
        }
        lines.push_back(trimmed(line));
    }
    return lines;
}

// A table row: its cells' text, spaces between them. A cell is inline content: cmark reads it as
// the rest of a paragraph's line ("x " before it), so "1. 단계" or "# 3" in it is no block.
std::string rowText(std::string_view row) {
    std::string out;
    for (std::string_view cell : tableCells(row)) {
        std::string text = markdownToText("x " + std::string(cell));
        text.erase(0, std::min<std::size_t>(text.size(), 2));
        out += text;
        out.push_back(' ');
    }
    return std::string(trimmed(out));
}

// A paragraph line by line (lines end at soft and hard breaks): a table from the header row
// before the first delimiter row to the paragraph's end, as GFM reads it.
void paragraphText(cmark_node* paragraph, const SourceLines& source, std::string& out) {
    // Breaks may sit inside emphasis that runs over lines: the lines of the rendered text.
    std::string text;
    inlineText(paragraph, text);
    const SourceLines lines = splitLines(text);
    const SourceLines rows = paragraphSource(paragraph, source);
    std::size_t header = lines.size();
    for (std::size_t i = 1; i < lines.size() && rows.size() == lines.size(); ++i) {
        if (isDelimiterRow(rows[i]) && nextPipe(rows[i - 1], 0) != std::string_view::npos &&
            tableCells(rows[i - 1]).size() == tableCells(rows[i]).size()) {
            header = i - 1;
            break;
        }
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i == header + 1)
            continue;  // the delimiter row
        out += i < header ? lines[i] : rowText(rows[i]);
        out.push_back('\n');
    }
}

void blockText(cmark_node* node, const SourceLines& source, std::string& out) {
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH:
            paragraphText(node, source, out);
            break;
        case CMARK_NODE_HEADING:
            inlineText(node, out);
            break;
        case CMARK_NODE_CODE_BLOCK:
            if (const char* code = cmark_node_get_literal(node))
                out += code;
            break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_THEMATIC_BREAK:
            break;
        default:  // document, block quote, list, item
            for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c))
                blockText(c, source, out);
    }
    out.push_back('\n');
}

}  // namespace

bool looksLikeHtml(std::string_view body) {
    for (char c : body) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        return c == '<';
    }
    return false;
}

std::string markdownToHtml(std::string_view markdown) {
    char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
    std::string out = html ? html : "";
    std::free(html);
    return out;
}

std::string sanitizeHtml(std::string_view html) {
    auto doc = parseFragment(html);
    if (!doc)
        return {};
    xmlNodePtr body = bodyOf(doc.get());
    if (!body)
        return {};
    sanitizeChildren(body);
    std::string out;
    xmlBufferPtr buffer = xmlBufferCreate();
    for (xmlNodePtr n = body->children; n; n = n->next) {
        xmlBufferEmpty(buffer);
        htmlNodeDump(buffer, doc.get(), n);
        out.append(reinterpret_cast<const char*>(xmlBufferContent(buffer)),
                   static_cast<std::size_t>(xmlBufferLength(buffer)));
    }
    xmlBufferFree(buffer);
    return out;
}

std::string htmlToText(std::string_view html) {
    return htmlText(html, false);
}

std::string markdownHtmlToText(std::string_view html) {
    return htmlText(html, true);
}

std::string markdownToText(std::string_view markdown) {
    const std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parse_document(
        markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS));
    if (!doc)
        return {};
    std::string out;
    blockText(doc.get(), splitLines(markdown), out);
    return compactText(out);
}

}  // namespace agentdesk::server::kb
