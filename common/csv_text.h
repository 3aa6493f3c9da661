#pragma once
// CSV for spreadsheets (the files a center opens in Excel): RFC 4180 fields and the guard
// against formula injection. Every export of the project (the evaluation CSV on the desktop,
// agentdesk-server export-interactions and export-notes) writes its fields through here.
//
// Threads: pure functions.
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::csv {

// UTF-8 byte order mark: Excel on a Korean Windows then reads Hangul as UTF-8, not CP949.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// RFC 4180 ends every record, the last one too, with CRLF.
inline constexpr std::string_view kRecordEnd = "\r\n";

// Text a spreadsheet would run as a formula — starting with = + - @, a tab or a CR — gets a
// leading apostrophe (OWASP "CSV injection"). Other text is returned unchanged.
std::string defuseFormula(std::string_view text);

// One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF, with quotes doubled.
std::string quoteField(std::string_view text);

// A field of free text (names, notes, ids from outside): defused, then quoted.
inline std::string textField(std::string_view text) {
    return quoteField(defuseFormula(text));
}

// Fields already made with quoteField()/textField() joined into one record, CRLF included.
std::string record(const std::vector<std::string>& fields);

}  // namespace agentdesk::csv
