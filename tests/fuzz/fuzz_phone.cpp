// Harness phone: Korean phone numbers (common/phone.h) and the redaction of personal data before
// logging (common/redact.h), on any text.
//   - toE164() gives "+82" and 8-11 digits or nothing; it is idempotent, and formatLocal() of
//     its result reads back to the same number;
//   - maskLocal() of a number and of its E.164 form agree;
//   - a personal number (not a 15xx-18xx representative one) written in local form or E.164
//     never reaches a log unmasked;
//   - escapeControlCharacters() leaves no control character.
#include <cstdint>
#include <string>

#include "common/phone.h"
#include "common/redact.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

bool allDigits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace phone = agentdesk::phone;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)phone::formatLocal(text);
    const std::string masked = phone::maskLocal(text);

    const std::string escaped = agentdesk::escapeControlCharacters(text);
    for (char c : escaped)
        FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f, "control character left");
    (void)agentdesk::redactPersonalData(text);

    const auto e164 = phone::toE164(text);
    if (!e164)
        return 0;
    FUZZ_CHECK(e164->rfind("+82", 0) == 0 && allDigits(e164->substr(3)), *e164);
    FUZZ_CHECK(e164->size() >= 11 && e164->size() <= 14, *e164);
    FUZZ_CHECK(phone::toE164(*e164) == e164, "toE164 not idempotent on " + *e164);
    const std::string local = phone::formatLocal(*e164);
    FUZZ_CHECK(phone::toE164(local) == e164, *e164 + " formats as " + local);
    FUZZ_CHECK(phone::maskLocal(*e164) == masked, masked + " vs " + phone::maskLocal(*e164));
    FUZZ_CHECK(masked.find('*') != std::string::npos, "nothing masked in " + masked);

    const bool representative = (*e164)[3] == '1' && (*e164)[4] >= '5' && (*e164)[4] <= '8';
    if (!representative) {
        const std::string inLog = agentdesk::redactPersonalData("caller " + local + " waiting");
        FUZZ_CHECK(inLog.find(local) == std::string::npos, local + " logged as " + inLog);
        const std::string inLogE164 = agentdesk::redactPersonalData("caller " + *e164);
        FUZZ_CHECK(inLogE164.find(*e164) == std::string::npos, *e164 + " logged as " + inLogE164);
    }
    return 0;
}
