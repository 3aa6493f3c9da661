#pragma once
// UTF-8 text as Excel in Korea saves it (CP949), made with iconv for the import tests and the
// import benchmark, so no binary file needs committing.
#include <iconv.h>

#include <optional>
#include <string>

namespace agentdesk::test {

// nullopt when iconv has no CP949 or the text has a character CP949 lacks.
inline std::optional<std::string> toCp949(const std::string& utf8) {
    iconv_t cd = ::iconv_open("CP949", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return std::nullopt;
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t inLeft = utf8.size();
    char* outPtr = out.data();
    std::size_t outLeft = out.size();
    const std::size_t rc = ::iconv(cd, &in, &inLeft, &outPtr, &outLeft);
    ::iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1))
        return std::nullopt;
    out.resize(out.size() - outLeft);
    return out;
}

}  // namespace agentdesk::test
