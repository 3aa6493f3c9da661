#pragma once
// The text encodings a customer file may come in (docs/operations.md "Importing customers"):
// UTF-8 with or without a byte order mark, and CP949, which Excel in Korea writes for "CSV".
// Pure functions.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace agentdesk::server::csv_import {

enum class SourceEncoding { Utf8, Utf8WithBom, Cp949 };

// "UTF-8", "UTF-8 with BOM", "CP949".
const char* encodingName(SourceEncoding encoding);

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view bytes);

// CP949 (a superset of EUC-KR) to UTF-8 through iconv. nullopt when the bytes are not CP949;
// `badOffset` then holds the offset of the first byte that is not.
std::optional<std::string> cp949ToUtf8(std::string_view bytes, std::size_t& badOffset);

struct DecodedText {
    std::string utf8;  // without the byte order mark
    SourceEncoding encoding = SourceEncoding::Utf8;
};

// Valid UTF-8 is read as UTF-8 (a BOM removed); anything else is converted from CP949. nullopt,
// with `error` in plain words, when it is neither (or UTF-16, which Excel calls "Unicode text").
std::optional<DecodedText> decodeText(std::string_view bytes, std::string& error);

}  // namespace agentdesk::server::csv_import
