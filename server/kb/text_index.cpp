#include "server/kb/text_index.h"

#include <algorithm>

namespace agentdesk::server::kb {

namespace {

bool isHangul(char32_t c) {
    return c >= 0xAC00 && c <= 0xD7A3;
}
bool isCjk(char32_t c) {
    return isHangul(c) || (c >= 0x4E00 && c <= 0x9FFF);
}
bool isWordChar(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7);
}

enum class Kind { Cjk, Word, Space, Other };
Kind kindOf(char32_t c) {
    if (isCjk(c))
        return Kind::Cjk;
    if (isWordChar(c))
        return Kind::Word;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0)
        return Kind::Space;
    return Kind::Other;
}

struct Run {
    Kind kind;
    std::u32string text;
    bool spaceBefore;  // separated from the previous run by white space only
};

std::vector<Run> runs(std::u32string_view text) {
    std::vector<Run> out;
    bool sawSpace = false;
    bool sawOther = true;
    for (char32_t c : text) {
        const Kind k = kindOf(c);
        if (k == Kind::Space) {
            sawSpace = true;
            continue;
        }
        if (k == Kind::Other) {
            sawOther = true;
            continue;
        }
        if (!out.empty() && out.back().kind == k && !sawSpace && !sawOther) {
            out.back().text.push_back(c);
        } else {
            out.push_back({k, std::u32string(1, c), sawSpace && !sawOther});
        }
        sawSpace = false;
        sawOther = false;
    }
    return out;
}

void appendToken(std::string& out, std::u32string_view token) {
    if (!out.empty())
        out.push_back(' ');
    out += toUtf8(token);
}

std::string quote(const std::string& token) {
    std::string q = "\"";
    for (char c : token) {
        if (c == '"')
            q.push_back('"');
        q.push_back(c);
    }
    q.push_back('"');
    return q;
}

// Bigrams of one Hangul word, or the syllable itself.
std::vector<std::string> bigramsOf(const std::u32string& word) {
    std::vector<std::string> out;
    if (word.size() == 1) {
        out.push_back(toUtf8(word));
        return out;
    }
    for (std::size_t i = 0; i + 1 < word.size(); ++i)
        out.push_back(toUtf8(word.substr(i, 2)));
    return out;
}

const std::vector<std::u32string>& koreanEndings() {
    static const std::vector<std::u32string> endings = [] {
        const char* list[] = {
            "으로부터", "에서부터", "하려면요", "받으려면", "하시려면", "했는데요", "이었는데",
            "입니다",   "습니다",   "합니다",   "했어요",   "했는데",   "하려면",   "에서는",
            "에서도",   "으로는",   "으로도",   "이에요",   "인가요",   "되나요",   "하나요",
            "받으면",   "받았는데", "했습니다", "해주세요", "해줘요",   "할까요",   "에게서",
            "이라도",   "이라서",   "이라고",   "으로",     "에서",     "에게",     "한테",
            "까지",     "부터",     "처럼",     "보다",     "이랑",     "하고",     "이나",
            "예요",     "해요",     "해서",     "하는",     "하기",     "하면",     "하게",
            "받는",     "받고",     "받기",     "받을",     "받아",     "되는",     "되면",
            "나요",     "라도",     "이고",     "이면",     "에는",     "에도",     "하다",
            "되다",     "했다",     "해야",     "하여",     "시키는",   "하시려면", "하시면",
            "으시려면", "으시면",   "시려면",   "시면",     "하셨는데", "하셨어요", "었어요",
            "았어요",   "였어요",   "렸어요",   "셨어요",   "었는데",   "았는데",   "을까요",
            "는지요",   "어요",     "아요",     "어서",     "아서",     "는데",     "은데",
            "려면",     "려고",     "는지",     "면서",     "어도",     "아도",     "으면",
            "니다",     "세요",     "을",       "를",       "이",       "가",       "은",
            "는",       "에",       "의",       "와",       "과",       "도",       "만",
            "로",       "요",       "해",       "한",       "할",       "된",       "됨",
            "함"};
        std::vector<std::u32string> out;
        for (const char* e : list)
            out.push_back(toU32(e));
        std::sort(out.begin(), out.end(),
                  [](const auto& a, const auto& b) { return a.size() > b.size(); });
        return out;
    }();
    return endings;
}

}  // namespace

std::u32string toU32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp = 0xFFFD;
        std::size_t len = 1;
        if (c < 0x80) {
            cp = c;
        } else if ((c >> 5) == 0x6 && i + 1 < s.size()) {
            cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
            len = 2;
        } else if ((c >> 4) == 0xE && i + 2 < s.size()) {
            cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3F);
            len = 3;
        } else if ((c >> 3) == 0x1E && i + 3 < s.size()) {
            cp = ((c & 0x07) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
                 ((static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) |
                 (static_cast<unsigned char>(s[i + 3]) & 0x3F);
            len = 4;
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string toUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string indexTokens(std::string_view text) {
    std::string out;
    const auto all = runs(toU32(text));
    for (std::size_t r = 0; r < all.size(); ++r) {
        const Run& run = all[r];
        if (run.kind == Kind::Word) {
            appendToken(out, run.text);
            continue;
        }
        for (std::size_t i = 0; i + 1 < run.text.size(); ++i) {
            appendToken(out, run.text.substr(i, 2));
        }
        if (run.text.size() == 1)
            appendToken(out, run.text);
        // Across one space: "비밀번호 변경" also yields 호변, so 비밀번호변경 finds it.
        if (r + 1 < all.size() && all[r + 1].kind == Kind::Cjk && all[r + 1].spaceBefore) {
            std::u32string bridge{run.text.back(), all[r + 1].text.front()};
            appendToken(out, bridge);
        }
    }
    return out;
}

std::string unigramTokens(std::string_view text) {
    std::string out;
    for (char32_t c : toU32(text)) {
        if (isCjk(c))
            appendToken(out, std::u32string(1, c));
    }
    return out;
}

std::string stripKoreanEnding(const std::string& word) {
    std::u32string w = toU32(word);
    for (const auto& ending : koreanEndings()) {
        if (w.size() >= ending.size() + 2 &&
            w.compare(w.size() - ending.size(), ending.size(), ending) == 0) {
            return toUtf8(w.substr(0, w.size() - ending.size()));
        }
    }
    return word;
}

namespace {
std::string bigramGroup(const std::u32string& stem) {
    std::string group;
    for (const auto& bigram : bigramsOf(stem)) {
        group += (group.empty() ? "" : " AND ") + quote(bigram);
    }
    return "(" + group + ")";
}

// Everyday words callers and counselors use for the same thing as the articles' terms.
std::vector<std::string> synonymsOf(const std::string& stem) {
    static const std::vector<std::pair<std::string, std::string>> pairs = {
        {"잃어버", "분실"},   {"잃어버린", "분실"},   {"잃어버리", "분실"}, {"비번", "비밀번호"},
        {"핸드폰", "휴대폰"}, {"휴대전화", "휴대폰"}, {"해약", "해지"},     {"탈퇴", "해지"},
        {"재발행", "재발급"}, {"도난", "분실"},       {"택배", "배송"},     {"이사", "주소"},
        {"청구서", "명세서"}, {"명세서", "청구서"},   {"돌려받", "환불"},   {"반품", "환불"}};
    std::vector<std::string> out;
    for (const auto& [from, to] : pairs) {
        if (from == stem)
            out.push_back(to);
    }
    return out;
}

// Question words and filler that say how, not what: optional in a query.
bool isFillerWord(const std::string& stem) {
    static const std::vector<std::string> filler = {
        "어떻게", "어떤", "무엇", "뭐", "왜", "언제", "어디", "방법", "문의", "하나요", "해야",
        "있나요", "있어요", "없어요", "좀", "제", "저", "내", "알려주세요", "싶어요", "싶은데",
        "했어요", "됐어요", "안내", "관련", "가능", "가능한가요", "되나요", "how", "what", "why",
        "when", "where", "can", "do", "does", "i", "my", "the", "a", "an", "to", "of", "is", "for",
        "in", "on", "드립니다", "드려요", "주세요", "해주세요", "합니다", "됩니다", "입니다",
        "있습니다", "싶습니다", "그리고", "와요", "가요", "돼요", "되요", "안돼요", "안되요",
        "안돼", "안되", "원하시면", "원하시", "원해요", "원합니다", "궁금하시면", "궁금해요",
        "궁금합니다", "싶으시면", "하시려면", "하시면",
        // 하다 on its own after a noun (명의 변경을 하려면): says what is wanted, not what about.
        "하려면", "하려고", "하려는데", "할려면", "하는데", "하고싶어요", "하고싶은데", "get",
        "want", "need", "please", "with", "and", "or", "it", "be", "are", "was", "you", "your",
        "me", "about", "from", "at", "by", "this", "that", "should", "could", "would", "will"};
    return std::find(filler.begin(), filler.end(), stem) != filler.end();
}
}  // namespace

SearchQuery parseQuery(std::string_view query) {
    using Word = SearchQuery::Word;
    SearchQuery q;
    for (const Run& run : runs(toU32(query))) {
        if (!q.normalized.empty())
            q.normalized.push_back(' ');
        q.normalized += lowerAscii(toUtf8(run.text));
        if (run.kind == Kind::Word) {
            const std::string word = lowerAscii(toUtf8(run.text));
            q.words.push_back({Word::Kind::Latin, quote(word), isFillerWord(word), {{word}}});
            q.highlight.push_back(word);
            continue;
        }
        const std::u32string stem = toU32(stripKoreanEnding(toUtf8(run.text)));
        q.highlight.push_back(toUtf8(stem));
        if (stem.size() == 1) {
            q.words.push_back({Word::Kind::Syllable, quote(toUtf8(stem)), false, {{toUtf8(stem)}}});
            continue;
        }
        std::string group = bigramGroup(stem);
        std::vector<std::vector<std::string>> alternatives{bigramsOf(stem)};
        for (const auto& synonym : synonymsOf(toUtf8(stem))) {
            group += " OR " + bigramGroup(toU32(synonym));
            alternatives.push_back(bigramsOf(toU32(synonym)));
        }
        const bool filler = isFillerWord(toUtf8(stem)) || isFillerWord(toUtf8(run.text));
        q.words.push_back({Word::Kind::Hangul, "(" + group + ")", filler, std::move(alternatives)});
    }
    // A single syllable is required only when it is all there is to search for.
    const bool onlySyllables = std::all_of(q.words.begin(), q.words.end(), [](const Word& w) {
        return w.kind == Word::Kind::Syllable || w.optional;
    });
    for (auto& w : q.words) {
        if (w.kind == Word::Kind::Syllable && !onlySyllables)
            w.optional = true;
    }
    return q;
}

namespace {
std::string scoped(const SearchQuery::Word& w, bool titlesOnly) {
    const char* columns = titlesOnly ? "{title tags}" : "{title body tags}";
    if (w.kind == SearchQuery::Word::Kind::Syllable) {
        // A one-syllable word: as a word of its own, or inside longer words (unigram columns).
        return std::string("(") + columns + " : " + w.expr + " OR " +
               (titlesOnly ? "tuni" : "{tuni uni}") + " : " + w.expr + ")";
    }
    // Bigram tokens are only ever in the title, body and tags columns (the others hold single
    // syllables and "lang…"), so a filter would change nothing but cost FTS5 a look at each
    // candidate row's positions: about a fifth of the slowest queries' time.
    if (w.kind == SearchQuery::Word::Kind::Hangul)
        return w.expr;
    return std::string(columns) + " : " + w.expr;
}
}  // namespace

std::vector<SearchQuery::Word> SearchQuery::requiredWords() const {
    const bool anyRequired =
        std::any_of(words.begin(), words.end(), [](const Word& w) { return !w.optional; });
    std::vector<Word> out;
    for (const auto& w : words) {
        if (!anyRequired || !w.optional)
            out.push_back(w);  // a query of filler words only still searches for them
    }
    return out;
}

std::string SearchQuery::allWords(bool titlesOnly) const {
    std::string out;
    for (const auto& w : requiredWords())
        out += (out.empty() ? "" : " AND ") + scoped(w, titlesOnly);
    return out;
}

namespace {
bool hasSyllableBeside(const std::vector<SearchQuery::Word>& words) {
    return words.size() > 1 &&
           std::any_of(words.begin(), words.end(), [](const SearchQuery::Word& w) {
               return w.kind == SearchQuery::Word::Kind::Syllable;
           });
}
}  // namespace

std::vector<SearchQuery::Word> SearchQuery::titleWords() const {
    std::vector<Word> out;
    if (!hasSyllableBeside(words))
        return out;
    for (const auto& w : words) {
        if (!w.optional || w.kind == Word::Kind::Syllable)
            out.push_back(w);  // not filler
    }
    return out;
}

std::string SearchQuery::titleEveryWord() const {
    std::string out;
    for (const auto& w : titleWords())
        out += (out.empty() ? "" : " AND ") + scoped(w, true);
    return out;
}

std::string SearchQuery::anyWord() const {
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : " OR ") + scoped(w, false);
    return out;
}

namespace {
void appendEscaped(std::string& out, std::u32string_view text) {
    for (char32_t c : text) {
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\n':
            case '\r':
            case '\t':
                out += ' ';
                break;
            default:
                out += toUtf8(std::u32string_view(&c, 1));
        }
    }
}
char32_t foldAscii(char32_t c) {
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}
}  // namespace

std::string makeSnippet(std::string_view text, const std::vector<std::string>& terms,
                        std::size_t width) {
    const std::u32string t = toU32(text);
    std::u32string folded = t;
    for (auto& c : folded)
        c = foldAscii(c);
    std::vector<std::u32string> needles;
    for (const auto& term : terms) {
        std::u32string n = toU32(term);
        for (auto& c : n)
            c = foldAscii(c);
        if (!n.empty())
            needles.push_back(n);
    }
    // Mark ranges of every needle occurrence.
    std::vector<std::pair<std::size_t, std::size_t>> marks;
    for (const auto& n : needles) {
        for (std::size_t pos = folded.find(n); pos != std::u32string::npos;
             pos = folded.find(n, pos + n.size())) {
            marks.emplace_back(pos, pos + n.size());
        }
    }
    std::sort(marks.begin(), marks.end());
    std::size_t start = 0;
    if (!marks.empty())
        start = marks.front().first > width / 3 ? marks.front().first - width / 3 : 0;
    const std::size_t end = std::min(t.size(), start + width);
    std::string out;
    if (start > 0)
        out += "…";
    std::size_t pos = start;
    for (const auto& [from, to] : marks) {
        if (from < pos || from >= end)
            continue;
        appendEscaped(out, std::u32string_view(t).substr(pos, from - pos));
        out += "<mark>";
        const std::size_t stop = std::min(to, end);
        appendEscaped(out, std::u32string_view(t).substr(from, stop - from));
        out += "</mark>";
        pos = stop;
    }
    appendEscaped(out, std::u32string_view(t).substr(pos, end - pos));
    if (end < t.size())
        out += "…";
    return out;
}

std::u32string toJamo(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size() * 3);
    for (char32_t c : text) {
        if (!isHangul(c)) {
            out.push_back(c);
            continue;
        }
        const char32_t index = c - 0xAC00;
        out.push_back(0x1100 + index / 588);
        out.push_back(0x1161 + (index % 588) / 28);
        if (index % 28)
            out.push_back(0x11A7 + index % 28);
    }
    return out;
}

std::size_t editDistance(std::u32string_view a, std::u32string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace agentdesk::server::kb
