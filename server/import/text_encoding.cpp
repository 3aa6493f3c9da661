#include "server/import/text_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <memory>

namespace agentdesk::server::csv_import {

const char* encodingName(SourceEncoding encoding) {
    switch (encoding) {
        case SourceEncoding::Utf8:
            return "UTF-8";
        case SourceEncoding::Utf8WithBom:
            return "UTF-8 with BOM";
        case SourceEncoding::Cp949:
            return "CP949";
    }
    return "?";
}

bool isValidUtf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80;  // bounds of the second byte (overlongs, surrogates, > U+10FFFF)
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            if (c == 0xF4)
                high = 0x8F;
        } else {
            return false;
        }
        if (static_cast<std::size_t>(end - p) < length || p[1] < low || p[1] > high)
            return false;
        for (std::size_t i = 2; i < length; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
        }
        p += length;
    }
    return true;
}

std::optional<std::string> cp949ToUtf8(std::string_view bytes, std::size_t& badOffset) {
    badOffset = 0;
    iconv_t cd = ::iconv_open("UTF-8", "CP949");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return std::nullopt;
    const std::unique_ptr<void, int (*)(iconv_t)> closer(cd, ::iconv_close);
    std::string out;
    out.resize(bytes.size() * 3 / 2 + 16);  // Hangul: 2 bytes in CP949, 3 in UTF-8
    char* in = const_cast<char*>(bytes.data());
    std::size_t inLeft = bytes.size();
    std::size_t used = 0;
    while (inLeft > 0) {
        char* outPtr = out.data() + used;
        std::size_t outLeft = out.size() - used;
        const std::size_t rc = ::iconv(cd, &in, &inLeft, &outPtr, &outLeft);
        used = out.size() - outLeft;
        if (rc != static_cast<std::size_t>(-1))
            break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        badOffset = bytes.size() - inLeft;  // EILSEQ, or EINVAL: cut off at the end
        return std::nullopt;
    }
    out.resize(used);
    return out;
}

std::optional<DecodedText> decodeText(std::string_view bytes, std::string& error) {
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        error =
            "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or \"CSV\"";
        return std::nullopt;
    }
    if (isValidUtf8(bytes)) {
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
            return DecodedText{std::string(bytes.substr(3)), SourceEncoding::Utf8WithBom};
        return DecodedText{std::string(bytes), SourceEncoding::Utf8};
    }
    std::size_t bad = 0;
    if (auto text = cp949ToUtf8(bytes, bad))
        return DecodedText{std::move(*text), SourceEncoding::Cp949};
    error = "the file is neither UTF-8 nor CP949 (byte " + std::to_string(bad + 1) +
            " is not a character of either)";
    return std::nullopt;
}

}  // namespace agentdesk::server::csv_import
