#include "server/kb/html_content.h"

#include <cmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <set>

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

void collectText(xmlNodePtr node, std::string& out) {
    static const std::set<std::string> blocks = {"p",          "div", "li", "h1", "h2", "h3",
                                                 "h4",         "h5",  "h6", "tr", "br", "pre",
                                                 "blockquote", "td",  "th", "dt", "dd", "hr"};
    for (xmlNodePtr n = node->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content) {
            out += reinterpret_cast<const char*>(n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            const std::string tag = lower(reinterpret_cast<const char*>(n->name));
            collectText(n, out);
            if (blocks.count(tag))
                out += (tag == "td" || tag == "th") ? " " : "\n";
        }
    }
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
    auto doc = parseFragment(html);
    if (!doc)
        return {};
    xmlNodePtr body = bodyOf(doc.get());
    std::string out;
    if (body)
        collectText(body, out);
    // Collapse runs of blank lines and spaces.
    std::string compact;
    for (char c : out) {
        if ((c == ' ' || c == '\t') &&
            (!compact.empty() && (compact.back() == ' ' || compact.back() == '\n')))
            continue;
        if (c == '\n' && !compact.empty() && compact.back() == '\n')
            continue;
        compact.push_back(c);
    }
    while (!compact.empty() && (compact.back() == '\n' || compact.back() == ' '))
        compact.pop_back();
    return compact;
}

}  // namespace agentdesk::server::kb
