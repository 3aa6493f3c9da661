// Harness markdown: article bodies written in Markdown (server/kb/html_content.h) through
// markdownToHtml() (cmark, raw HTML dropped), then sanitizeHtml(), and markdownToText(), as
// SqliteKnowledgeStore::saveArticle does (and htmlToText() and markdownHtmlToText() of the
// result: HTML bodies, the knowledge store's migration 2). cmark's output alone must already
// carry no raw <script>, and after the sanitiser no element or attribute outside the allow-list
// (tests/fuzz/html_checks.h).
#include <cstdint>
#include <string>

#include "server/kb/html_content.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/html_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace kb = agentdesk::server::kb;
    const std::string_view markdown(reinterpret_cast<const char*>(data), size);
    const std::string html = kb::markdownToHtml(markdown);
    FUZZ_CHECK(agentdesk::fuzz::lowerAscii(html).find("<script") == std::string::npos,
               "cmark passed raw HTML through: " + html.substr(0, 200));
    const std::string safe = kb::sanitizeHtml(html);
    agentdesk::fuzz::checkSanitized(safe);
    (void)kb::htmlToText(safe);
    (void)kb::markdownHtmlToText(safe);
    (void)kb::markdownToText(markdown);
    return 0;
}
