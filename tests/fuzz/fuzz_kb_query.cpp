// Harness kb_query: knowledge-base queries as a counselor types them (GET /kb/search?q=, at
// most 500 bytes), through parseQuery() and the FTS5 expressions it builds, snippets and the
// jamo edit distance (server/kb/text_index.h), and a real search of the demo knowledge base
// (SqliteKnowledgeStore, built once, in memory). Whatever the query, the search must answer
// with a JSON array of at most `limit` articles and never a store error (an FTS5 syntax error
// is a 500 for the counselor).
#include <cstdint>
#include <string>

#include "common/sqlite_db.h"
#include "resources/embedded.h"
#include "server/kb/kb_import.h"
#include "server/kb/sqlite_knowledge_store.h"
#include "server/kb/text_index.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace agentdesk::server;

struct DemoKnowledge {
    agentdesk::SqliteDb db{":memory:"};
    SqliteKnowledgeStore kb{db};
    DemoKnowledge() {
        importArticles(kb, agentdesk::resources::demoKnowledgeJsonl(),
                       *agentdesk::parseRfc3339("2026-11-23T01:00:00Z"));
    }
};

SqliteKnowledgeStore& knowledge() {
    static DemoKnowledge demo;
    return demo.kb;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 500)
        return 0;  // the route refuses longer queries
    const std::string text(reinterpret_cast<const char*>(data), size);
    const kb::SearchQuery query = kb::parseQuery(text);
    (void)query.allWords(false);
    (void)query.allWords(true);
    (void)query.anyWord();
    (void)kb::indexTokens(text);
    (void)kb::unigramTokens(text);
    (void)kb::stripKoreanEnding(text);
    (void)kb::makeSnippet("카드를 분실하셨다면 즉시 사용 정지 후 재발급을 안내합니다. " + text,
                          query.highlight, 60);
    const std::u32string jamo = kb::toJamo(kb::toU32(text));
    (void)kb::editDistance(jamo, kb::toJamo(kb::toU32("비밀번호 변경")));

    KbSearch search;
    search.query = text;
    search.limit = 5;
    try {
        const auto found = knowledge().search(search);
        FUZZ_CHECK(found.size() <= 5, std::to_string(found.size()) + " hits for a limit of 5");
    } catch (const agentdesk::SqliteError& e) {
        FUZZ_CHECK(false, std::string("store error: ") + e.what());
    }
    return 0;
}
