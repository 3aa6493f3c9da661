#include "server/assist/fact_extractor.h"

#include <algorithm>
#include <regex>

#include "server/assist/assist_text.h"
#include "server/kb/text_index.h"

namespace agentdesk::server::assist {

namespace {

using Re = std::wregex;

std::wstring wide(std::string_view utf8) {
    const std::u32string u = kb::toU32(utf8);
    return std::wstring(u.begin(), u.end());
}

std::string narrow(const std::wstring& w) {
    return kb::toUtf8(std::u32string(w.begin(), w.end()));
}

Re re(const wchar_t* pattern) {
    return Re(pattern, Re::ECMAScript | Re::icase | Re::optimize);
}

struct Patterns {
    std::vector<Re> amounts, dates, times, places, done, promised, skip;
    std::vector<Re> orderNumbers, cardLast4;  // the value is group 1
};

const Patterns& korean() {
    static const Patterns p = [] {
        Patterns k;
        k.amounts = {re(LR"((?:\d{1,3}(?:,\d{3})+|\d+)\s*(?:만|천)?(?:\s*\d+\s*천)?\s*원)")};
        k.dates = {re(LR"(\d{4}[.-]\d{1,2}[.-]\d{1,2})"), re(LR"(\d{1,2}\s*월\s*\d{1,2}\s*일)"),
                   re(LR"((?:다음|이번)\s*주\s*[월화수목금토일]요일)"),
                   re(LR"(\d+\s*(?:영업일|일)\s*(?:이내|안에|뒤에|후에|뒤|후))"),
                   re(LR"((?:오늘|내일|모레|글피|다음\s*달|다음\s*주|이번\s*주))")};
        k.times = {re(LR"((?:오전|오후|저녁|아침|밤)\s*\d{1,2}\s*시(?:\s*\d{1,2}\s*분|\s*반)?)"),
                   re(LR"(\d{1,2}\s*시\s*\d{1,2}\s*분)"), re(LR"(\b\d{1,2}:\d{2}\b)")};
        k.orderNumbers = {re(
            LR"((?:주문|운송장|송장|접수|예약)\s*번호\s*(?:는|은|가|이|요)?\s*(?:요\s*)?([A-Za-z0-9][A-Za-z0-9-]{4,}))")};
        k.cardLast4 = {re(LR"(끝\s*(?:번호|자리)\s*(?:는|가|은)?\s*(\d{4}))"),
                       re(LR"((\d{4})\s*(?:로|으로)\s*끝나)")};
        k.places = {
            re(LR"((?:[가-힣]+(?:특별시|광역시|시|도)\s+){0,2}[가-힣]+(?:구|군)\s+[가-힣0-9]+(?:동|로|길)(?:\s*\d+(?:-\d+)?(?:번지)?)?)"),
            re(LR"([가-힣]{2,}\s*지점)")};
        k.done = {re(LR"((?:했습니다|하였습니다|되었습니다|됐습니다|완료|드렸습니다|해\s*드렸))")};
        k.promised = {
            re(LR"((?:드리겠습니다|드릴게요|드릴\s*예정|예정입니다|될\s*예정|하겠습니다))")};
        k.skip = {re(LR"((?:잠시만|확인해\s*보겠|확인하겠|찾아보겠|기다려))")};
        return k;
    }();
    return p;
}

const Patterns& english() {
    static const Patterns p = [] {
        Patterns e;
        const std::wstring month =
            L"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
            L"sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
        e.amounts = {re(LR"(\$\s?\d{1,3}(?:,\d{3})*(?:\.\d{2})?)"),
                     re(LR"(\b\d+(?:,\d{3})*(?:\.\d{2})?\s*(?:dollars|won|krw)\b)"),
                     re(LR"(\bkrw\s?\d{1,3}(?:,\d{3})*)")};
        e.dates = {
            re((L"\\b" + month + L"\\s+\\d{1,2}(?:st|nd|rd|th)?\\b").c_str()),
            re((L"\\b\\d{1,2}(?:st|nd|rd|th)?\\s+of\\s+" + month + L"\\b").c_str()),
            re(LR"(\b(?:today|tomorrow|next\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month))\b)"),
            re(LR"(\bwithin\s+\d+\s+(?:business\s+)?days\b)")};
        e.times = {re(LR"(\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))"),
                   re(LR"(\b\d{1,2}:\d{2}\b)")};
        e.orderNumbers = {re(
            LR"(\b(?:order|tracking|reference|case)\s*(?:number|no\.?|#)?\s*(?:is\s*)?([a-z0-9][a-z0-9-]{4,}))")};
        e.cardLast4 = {re(LR"(\bending\s+(?:in|with)\s+(\d{4})\b)"),
                       re(LR"(\blast\s+(?:four|4)(?:\s+digits)?\s+(?:are|is)?\s*(\d{4})\b)")};
        e.places = {
            re(LR"(\b\d+\s+[a-z]+(?:\s+[a-z]+)?\s+(?:street|st|avenue|ave|road|rd|lane|boulevard|blvd|drive|dr)\b)"),
            re(LR"(\b[a-z]+\s+branch\b)")};
        e.done = {re(
            LR"(\b(?:i have|i ve|i've|we have|we've|has been|have been|is now|are now|done)\b)")};
        e.promised = {re(LR"(\b(?:i will|i'll|we will|we'll|will be|going to)\b)")};
        e.skip = {re(LR"(\b(?:one moment|let me check|bear with me|hold on)\b)")};
        return e;
    }();
    return p;
}

// Adds a value unless it is already there, whole or as part of a longer one (다음 주 in
// 다음 주 월요일); patterns run longest first.
void addUnique(std::vector<std::string>& out, std::string value) {
    if (value.empty())
        return;
    for (const std::string& have : out) {
        if (have.find(value) != std::string::npos)
            return;
    }
    out.push_back(std::move(value));
}

void findAll(const std::vector<Re>& patterns, const std::wstring& text,
             std::vector<std::string>& out, int group = 0) {
    for (const Re& pattern : patterns) {
        for (std::wsregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
            addUnique(out, narrow((*it)[group].str()));
    }
}

bool anyMatch(const std::vector<Re>& patterns, const std::wstring& text) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const Re& r) { return std::regex_search(text, r); });
}

// libstdc++'s std::regex recurses once for each character a loop takes in: a line of thousands
// of letters overflows a thread's stack (found under ASan with a 2,000-character line). Lines
// are matched in pieces of at most kPieceLength characters, cut after sentence ends or spaces.
constexpr std::size_t kPieceLength = 120;

std::vector<std::wstring> pieces(const std::wstring& text) {
    std::vector<std::wstring> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + kPieceLength);
        if (end < text.size()) {
            std::size_t cut = std::wstring::npos;
            for (std::size_t i = end; i > start + kPieceLength / 2; --i) {
                const wchar_t c = text[i - 1];
                if (c == L'.' || c == L'?' || c == L'!') {
                    cut = i;
                    break;
                }
                if (cut == std::wstring::npos && c == L' ')
                    cut = i;
            }
            if (cut != std::wstring::npos)
                end = cut;
        }
        out.push_back(text.substr(start, end - start));
        start = end;
    }
    return out;
}

// A customer line that asks for something: not only a greeting or a yes.
bool isRequest(const std::string& text) {
    std::size_t letters = 0;
    for (char32_t c : fold(text))
        letters += c != U' ';
    return letters >= 8;
}

}  // namespace

Facts extractFacts(Lang lang, const std::vector<Line>& lines) {
    const Patterns& p = lang == Lang::Ko ? korean() : english();
    Facts facts;
    for (const Line& line : lines) {
        const std::vector<std::wstring> parts = pieces(wide(line.text));
        for (const std::wstring& text : parts) {
            findAll(p.amounts, text, facts.amounts);
            findAll(p.dates, text, facts.dates);
            findAll(p.times, text, facts.times);
            findAll(p.orderNumbers, text, facts.orderNumbers, 1);
            findAll(p.cardLast4, text, facts.cardLast4, 1);
            findAll(p.places, text, facts.places);
        }
        if (line.speaker == Speaker::Customer) {
            if (facts.request.empty() && isRequest(line.text))
                facts.request = line.text;
            continue;
        }
        auto anyPiece = [&](const std::vector<Re>& patterns) {
            return std::any_of(parts.begin(), parts.end(),
                               [&](const std::wstring& t) { return anyMatch(patterns, t); });
        };
        if (anyPiece(p.skip))
            continue;
        if (anyPiece(p.promised))
            addUnique(facts.promised, line.text);
        else if (anyPiece(p.done))
            addUnique(facts.done, line.text);
    }
    return facts;
}

}  // namespace agentdesk::server::assist
