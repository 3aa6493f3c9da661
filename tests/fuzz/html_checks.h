#pragma once
// What sanitised article HTML may hold, checked by parsing it again with libxml2's HTML parser
// (the way the desktop's web view will read it), independently of the sanitiser's own lists:
// allow-listed elements and attributes only, links to http(s), mailto, tel, kb or relative
// targets, images only from data:image/(png|jpeg|gif|webp). For the html_sanitizer and markdown
// harnesses.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <set>
#include <string>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"

namespace agentdesk::fuzz {

inline std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// A URL as a browser reads its scheme: control characters and spaces removed, lower case.
inline std::string schemeOf(const std::string& url) {
    std::string v;
    for (char c : url) {
        if (static_cast<unsigned char>(c) > ' ')
            v.push_back(c);
    }
    v = lowerAscii(v);
    const auto colon = v.find(':');
    if (colon == std::string::npos || v.find_first_of("/?#") < colon)
        return {};
    return v.substr(0, colon);
}

inline void checkSanitizedNode(xmlNodePtr node) {
    static const std::set<std::string> elements = {
        "html",  "body",  "p",     "br",    "hr",   "h1",   "h2",    "h3",      "h4",
        "h5",    "h6",    "ul",    "ol",    "li",   "dl",   "dt",    "dd",      "strong",
        "em",    "b",     "i",     "u",     "s",    "code", "pre",   "kbd",     "blockquote",
        "table", "thead", "tbody", "tfoot", "tr",   "th",   "td",    "caption", "a",
        "span",  "div",   "sup",   "sub",   "mark", "img",  "small", "del",     "ins"};
    static const std::set<std::string> schemes = {"", "http", "https", "mailto", "tel", "kb"};
    for (xmlNodePtr n = node->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const std::string tag = lowerAscii(reinterpret_cast<const char*>(n->name));
        FUZZ_CHECK(elements.count(tag) == 1, "element <" + tag + "> after sanitising");
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            const std::string name = lowerAscii(reinterpret_cast<const char*>(a->name));
            xmlChar* raw = xmlNodeListGetString(n->doc, a->children, 1);
            const std::string value = raw ? reinterpret_cast<const char*>(raw) : "";
            xmlFree(raw);
            if (name == "href") {
                FUZZ_CHECK(tag == "a", "href on <" + tag + ">");
                FUZZ_CHECK(schemes.count(schemeOf(value)) == 1, "link to " + value);
            } else if (name == "src") {
                const std::string v = lowerAscii(value);
                FUZZ_CHECK(
                    tag == "img" &&
                        (v.rfind("data:image/png", 0) == 0 || v.rfind("data:image/jpeg", 0) == 0 ||
                         v.rfind("data:image/gif", 0) == 0 || v.rfind("data:image/webp", 0) == 0),
                    "src " + value.substr(0, 80) + " on <" + tag + ">");
            } else {
                FUZZ_CHECK(name == "alt" || name == "title" || name == "colspan" ||
                               name == "rowspan" || (name == "start" && tag == "ol") ||
                               (name == "class" && tag == "code"),
                           "attribute " + name + " on <" + tag + ">");
            }
        }
        checkSanitizedNode(n);
    }
}

inline void checkSanitized(const std::string& html) {
    const std::string wrapped = "<html><body>" + html + "</body></html>";
    xmlDocPtr doc = htmlReadMemory(
        wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8",
        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
    if (!doc)
        return;
    checkSanitizedNode(reinterpret_cast<xmlNodePtr>(doc));
    xmlFreeDoc(doc);
}

}  // namespace agentdesk::fuzz
