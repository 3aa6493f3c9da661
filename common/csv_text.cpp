#include "common/csv_text.h"

namespace agentdesk::csv {

std::string defuseFormula(std::string_view text) {
    constexpr std::string_view risky = "=+-@\t\r";
    if (!text.empty() && risky.find(text.front()) != std::string_view::npos)
        return "'" + std::string(text);
    return std::string(text);
}

std::string quoteField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string quoted;
    quoted.reserve(text.size() + 2);
    quoted += '"';
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string record(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            line += ',';
        line += fields[i];
    }
    line += kRecordEnd;
    return line;
}

}  // namespace agentdesk::csv
