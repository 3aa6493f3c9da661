#pragma once
// An RFC 4180 CSV reader over text already in UTF-8 (text_encoding.h): quoted fields may hold
// commas, doubled quotes and line breaks; records end with CRLF, LF or a lone CR. Each record
// knows the physical line it starts on, for reports. Lenient where files in the wild are: a
// quote inside an unquoted field, or text after a closing quote, is kept as it is.
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::server::csv_import {

struct CsvRecord {
    int line = 0;  // 1-based physical line where the record starts
    std::vector<std::string> fields;
    bool unterminatedQuote = false;  // the file ended inside a quoted field
    // True for a blank line (a single empty field).
    bool blank() const { return fields.size() == 1 && fields[0].empty(); }
};

class CsvReader {
public:
    explicit CsvReader(std::string_view text, char delimiter = ',')
        : text_(text), delimiter_(delimiter) {}

    // The next record into `record`; false at the end of the text.
    bool next(CsvRecord& record);

private:
    // Consumes a line break at pos_ (CRLF, LF or CR) and counts it; false when there is none.
    bool lineBreak();

    std::string_view text_;
    char delimiter_;
    std::size_t pos_ = 0;
    int line_ = 1;
};

}  // namespace agentdesk::server::csv_import
