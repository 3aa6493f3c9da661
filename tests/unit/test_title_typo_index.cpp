// server/kb/title_typo_index.h: the typo fallback's candidates and distances, against a
// brute-force comparison of the query with every run of every title, jamo by jamo.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "server/kb/text_index.h"
#include "server/kb/title_typo_index.h"

using agentdesk::server::kb::TitleTypoIndex;
namespace kb = agentdesk::server::kb;

namespace {

std::vector<TitleTypoIndex::Title> typoTitles() {
    return {{1, "환불 방법", "ko"},
            {2, "집전화 해지 위약금 방법", "ko"},
            {3, "온라인 주문 배송 조회 상담 가이드", "ko"},
            {4, "카드 분실 신고", "ko"},
            {5, "Refund policy", "en"},
            {6, "환율 우대 안내", "ko"}};
}

// The fewest edits between the query's jamo and any run of the title's jamo.
std::size_t bruteForce(const std::string& query, const std::string& title) {
    auto compact = [](const std::string& s) {
        std::string out;
        for (char c : kb::lowerAscii(s)) {
            if (c != ' ')
                out.push_back(c);
        }
        return kb::toU32(out);
    };
    const std::u32string needle = kb::toJamo(compact(query));
    const std::u32string t = kb::toJamo(compact(title));
    std::size_t best = needle.size();
    for (std::size_t i = 0; i <= t.size(); ++i) {
        for (std::size_t len = 0; i + len <= t.size(); ++len)
            best = std::min(best, kb::editDistance(needle, t.substr(i, len)));
    }
    return best;
}

}  // namespace

TEST_CASE("typo index: a wrong jamo still finds the title", "[unit][kb][typo]") {
    TitleTypoIndex index;
    index.rebuild(typoTitles());
    REQUIRE(index.size() == 6);
    auto first = [&](const std::string& query) {
        const auto found = index.closest(query, std::nullopt, 10);
        return found.empty() ? std::int64_t{-1} : found.front().rowid;
    };
    CHECK(first("환뷸") == 1);
    CHECK(index.closest("환뷸", std::nullopt, 10).front().distance == 1);
    CHECK(first("위약굼") == 2);
    CHECK(first("배송조희") == 3);
    CHECK(first("분실싱고") == 4);
    CHECK(first("refnd") == 5);
    CHECK(index.closest("전혀다른말", std::nullopt, 10).empty());
    // One syllable is too short to guess a typo from: only the exact syllable counts.
    CHECK(index.closest("홴", std::nullopt, 10).empty());
    CHECK(index.closest("ㅎ", std::nullopt, 10).empty());
    // The language filter.
    CHECK(index.closest("refnd", std::string("ko"), 10).empty());
    CHECK(index.closest("환뷸", std::string("en"), 10).empty());
    CHECK(index.closest("환뷸", std::string("ja"), 10).empty());
    // Rebuilt: the old titles are gone.
    index.rebuild({{9, "요금제 변경", "ko"}});
    CHECK(first("환뷸") == -1);
    CHECK(first("요금재") == 9);
}

TEST_CASE("typo index: the bigram filter loses no title the brute force finds",
          "[unit][kb][typo]") {
    const std::vector<std::string> words = {
        "환불", "방법", "카드",     "분실",   "신고",   "요금제", "변경", "해지", "위약금",
        "배송", "조회", "비밀번호", "재발급", "명세서", "인터넷", "설치", "앱",   "폰"};
    std::mt19937 rng(7);
    std::vector<TitleTypoIndex::Title> titles;
    for (int i = 0; i < 300; ++i) {
        std::string title;
        const int n = 2 + static_cast<int>(rng() % 3);
        for (int w = 0; w < n; ++w)
            title += (w ? " " : "") + words[rng() % words.size()];
        titles.push_back({i + 1, title, "ko"});
    }
    TitleTypoIndex index;
    index.rebuild(titles);
    // Queries: words of the titles with one or two jamo wrong.
    for (const char* query :
         {"환뷸", "방뻡", "카두", "분실싱고", "요굼제", "변겅", "해즈", "위약굼", "배숑", "조휘",
          "비밀번후", "재발굽", "명세사", "인터냇", "설츠", "비밀번호변겅", "카드분싱"}) {
        const auto found = index.closest(query, std::nullopt, 1000);
        std::set<std::int64_t> got;
        for (const auto& m : found) {
            got.insert(m.rowid);
            CHECK(m.distance ==
                  bruteForce(query, titles[static_cast<std::size_t>(m.rowid - 1)].title));
        }
        const std::size_t m = kb::toJamo(kb::toU32(query)).size();
        const std::size_t allowed = m <= 6 ? 1 : (m <= 12 ? 2 : 3);
        std::set<std::int64_t> expected;
        for (const auto& t : titles) {
            const std::size_t d = bruteForce(query, t.title);
            if (d <= allowed && d * 3 < m)
                expected.insert(t.rowid);
        }
        INFO(query);
        CHECK(got == expected);
        CHECK_FALSE(expected.empty());
    }
}
