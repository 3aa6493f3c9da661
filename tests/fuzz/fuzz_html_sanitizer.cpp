// Harness html_sanitizer: article bodies given as HTML (server/kb/html_content.h) through
// sanitizeHtml() and htmlToText(). The sanitised HTML is parsed again, as a browser would, and
// must hold only allow-listed elements and attributes, links only to safe schemes and images
// only from data:image/ (tests/fuzz/html_checks.h); sanitising it again must keep it safe.
#include <cstdint>
#include <string>

#include "server/kb/html_content.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/html_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace kb = agentdesk::server::kb;
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    (void)kb::looksLikeHtml(html);
    const std::string safe = kb::sanitizeHtml(html);
    agentdesk::fuzz::checkSanitized(safe);
    agentdesk::fuzz::checkSanitized(kb::sanitizeHtml(safe));
    (void)kb::htmlToText(safe);
    (void)kb::htmlToText(html);
    return 0;
}
