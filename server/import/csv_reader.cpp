#include "server/import/csv_reader.h"

namespace agentdesk::server::csv_import {

bool CsvReader::lineBreak() {
    if (pos_ >= text_.size())
        return false;
    if (text_[pos_] == '\n') {
        ++pos_;
    } else if (text_[pos_] == '\r') {
        ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '\n')
            ++pos_;
    } else {
        return false;
    }
    ++line_;
    return true;
}

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    record.unterminatedQuote = false;
    if (pos_ >= text_.size())
        return false;
    record.line = line_;
    std::string field;
    for (;;) {
        // One field: quoted or not.
        field.clear();
        if (pos_ < text_.size() && text_[pos_] == '"') {
            ++pos_;
            for (;;) {
                if (pos_ >= text_.size()) {
                    record.unterminatedQuote = true;
                    break;
                }
                const char c = text_[pos_];
                if (c == '"') {
                    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                        field.push_back('"');
                        pos_ += 2;
                        continue;
                    }
                    ++pos_;
                    break;
                }
                if (c == '\r' || c == '\n') {
                    lineBreak();
                    field.push_back('\n');  // a line break inside a value is kept as LF
                    continue;
                }
                field.push_back(c);
                ++pos_;
            }
        }
        // Unquoted text, or what follows a closing quote, up to the delimiter or line end.
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == delimiter_ || c == '\r' || c == '\n')
                break;
            field.push_back(c);
            ++pos_;
        }
        record.fields.push_back(field);
        if (pos_ < text_.size() && text_[pos_] == delimiter_) {
            ++pos_;
            continue;
        }
        lineBreak();
        return true;
    }
}

}  // namespace agentdesk::server::csv_import
