// common/csv_text.h: the fields every CSV export writes.
#include <catch2/catch.hpp>

#include "common/csv_text.h"

using namespace agentdesk;

TEST_CASE("csv: fields are quoted per RFC 4180 only when they need it", "[unit][csv]") {
    CHECK(csv::quoteField("김하늘") == "김하늘");
    CHECK(csv::quoteField("") == "");
    CHECK(csv::quoteField("a,b") == "\"a,b\"");
    CHECK(csv::quoteField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv::quoteField("two\nlines") == "\"two\nlines\"");
    CHECK(csv::quoteField("cr\rhere") == "\"cr\rhere\"");
    CHECK(csv::record({"a", "\"b,c\"", ""}) == "a,\"b,c\",\r\n");
    CHECK(csv::kUtf8Bom == "\xEF\xBB\xBF");
}

TEST_CASE("csv: text a spreadsheet would run as a formula is defused", "[unit][csv]") {
    for (const char* risky : {"=1+2", "+82 10", "-3", "@SUM(A1)", "\tx", "\rx"})
        CHECK(csv::defuseFormula(risky) == std::string("'") + risky);
    CHECK(csv::defuseFormula("1+2=3") == "1+2=3");
    CHECK(csv::defuseFormula("") == "");
    CHECK(csv::textField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv::textField("-") == "'-");
}
