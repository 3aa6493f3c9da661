#include "server/assist/note_drafter.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "server/assist/assist_text.h"
#include "server/kb/text_index.h"

namespace agentdesk::server::assist {

namespace {

enum class Slot {
    None,
    Amount,
    Date,
    Order,
    Card,
    Place,
    PlaceOld,
    PlaceNew,
    Request,
    Done,
    Promised
};

struct SlotWord {
    const char* word;
    Slot slot;
};

// First match wins: the more specific words come first.
const SlotWord kSlotWords[] = {
    {"변경 전 주소", Slot::PlaceOld},
    {"변경 후 주소", Slot::PlaceNew},
    {"old address", Slot::PlaceOld},
    {"new address", Slot::PlaceNew},
    {"주문 번호", Slot::Order},
    {"order number", Slot::Order},
    {"거래", Slot::Order},
    {"transaction", Slot::Order},
    {"금액", Slot::Amount},
    {"amount", Slot::Amount},
    {"주소", Slot::Place},
    {"address", Slot::Place},
    {"카드", Slot::Card},
    {"card", Slot::Card},
    {"일시", Slot::Date},
    {"예정일", Slot::Date},
    {"수령일", Slot::Date},
    {"적용일", Slot::Date},
    {"기한", Slot::Date},
    {"date", Slot::Date},
    {"expected", Slot::Date},
    {"effective", Slot::Date},
    {"time", Slot::Date},
    {"arrival", Slot::Date},
    {"조치", Slot::Done},
    {"처리", Slot::Done},
    {"결과", Slot::Done},
    {"action", Slot::Done},
    {"result", Slot::Done},
    {"findings", Slot::Done},
    {"status", Slot::Done},
    {"상태", Slot::Done},
    {"안내", Slot::Promised},
    {"제안", Slot::Promised},
    {"advice", Slot::Promised},
    {"offer", Slot::Promised},
    {"사유", Slot::Request},
    {"내용", Slot::Request},
    {"문의", Slot::Request},
    {"요구", Slot::Request},
    {"reason", Slot::Request},
    {"question", Slot::Request},
    {"complaint", Slot::Request},
    {"asks", Slot::Request},
    {"error", Slot::Request},
};

Slot slotFor(const std::string& label) {
    const std::string lower = kb::lowerAscii(label);
    for (const SlotWord& s : kSlotWords) {
        if (lower.find(s.word) != std::string::npos)
            return s.slot;
    }
    return Slot::None;
}

std::string join(const std::vector<std::string>& values, const char* separator) {
    std::string out;
    for (const std::string& v : values) {
        if (!out.empty())
            out += separator;
        out += v;
    }
    return out;
}

// A value already in the template is kept ("사용 정지 처리: 완료"), except a bare unit.
bool isBareUnit(const std::string& value) {
    return value.empty() || value == "원" || value == "KRW" || value == "KRW ";
}

struct Filler {
    Lang lang;
    const Facts& facts;
    std::vector<std::string> used;  // the facts the draft already carries

    std::string take(const std::vector<std::string>& values, const char* separator = ", ") {
        for (const std::string& v : values)
            used.push_back(v);
        return join(values, separator);
    }

    std::string fill(Slot slot) {
        switch (slot) {
            case Slot::Amount:
                return take(facts.amounts);
            case Slot::Date: {
                std::vector<std::string> when = facts.dates;
                when.insert(when.end(), facts.times.begin(), facts.times.end());
                return take(when, " ");
            }
            case Slot::Order:
                return take(facts.orderNumbers);
            case Slot::Card:
                if (facts.cardLast4.empty())
                    return {};
                return (lang == Lang::Ko ? "끝자리 " : "ending ") + take(facts.cardLast4);
            case Slot::Place:
                return take(facts.places);
            case Slot::PlaceOld:
                return facts.places.size() >= 2 ? take({facts.places.front()}) : std::string();
            case Slot::PlaceNew:
                return facts.places.empty() ? std::string() : take({facts.places.back()});
            case Slot::Request:
                return facts.request;
            case Slot::Done:
                return take(facts.done, " ");
            case Slot::Promised:
                return take(facts.promised, " ");
            case Slot::None:
                break;
        }
        return {};
    }

    bool isUsed(const std::string& value) const {
        return std::find(used.begin(), used.end(), value) != used.end();
    }

    std::vector<std::string> unused(const std::vector<std::string>& values) const {
        std::vector<std::string> out;
        for (const std::string& v : values) {
            if (!isUsed(v))
                out.push_back(v);
        }
        return out;
    }
};

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    while (!out.empty() && out.back().empty())
        out.pop_back();
    return out;
}

std::string trim(std::string s) {
    while (!s.empty() && s.front() == ' ')
        s.erase(s.begin());
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

}  // namespace

Draft draftNote(Lang lang, const std::string& code, const std::string& templateText,
                const Facts& facts) {
    const bool ko = lang == Lang::Ko;
    std::string tmpl = templateText;
    if (tmpl.empty())
        tmpl =
            ko ? "문의 내용: \n처리 내용: \n안내 사항: " : "Question: \nAction: \nAdvice given: ";
    Filler filler{lang, facts, {}};
    std::vector<std::string> out;
    for (const std::string& line : lines(tmpl)) {
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) {
            out.push_back(line);
            continue;
        }
        const std::string label = line.substr(0, colon);
        const std::string present = trim(line.substr(colon + 1));
        if (!isBareUnit(present)) {
            out.push_back(line);
            continue;
        }
        std::string value = filler.fill(slotFor(label));
        if (!value.empty() && present == "원" && value.find("원") == std::string::npos)
            value += "원";
        out.push_back(label + ": " + value);
    }
    // What the template had no slot for.
    const auto moreDone = filler.unused(facts.done);
    if (!moreDone.empty())
        out.push_back(std::string(ko ? "처리 내용: " : "Done: ") + filler.take(moreDone, " "));
    const auto morePromised = filler.unused(facts.promised);
    if (!morePromised.empty())
        out.push_back(std::string(ko ? "약속 사항: " : "Promised: ") +
                      filler.take(morePromised, " "));
    std::vector<std::string> other;
    for (const auto* list :
         {&facts.orderNumbers, &facts.amounts, &facts.dates, &facts.times, &facts.places}) {
        for (const std::string& v : filler.unused(*list))
            other.push_back(v);
    }
    for (const std::string& v : filler.unused(facts.cardLast4))
        other.push_back((ko ? "카드 끝자리 " : "card ending ") + v);
    if (!other.empty())
        out.push_back(std::string(ko ? "참고: " : "Notes: ") + join(other, ", "));
    return {code, join(out, "\n")};
}

double keptShare(const std::string& draft, const std::string& saved) {
    const auto a = words(fold(draft));
    const auto b = words(fold(saved));
    if (a.empty())
        return 1.0;
    // Longest common subsequence of words, one row at a time.
    std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    const double share = static_cast<double>(prev[b.size()]) / static_cast<double>(a.size());
    return std::round(share * 1000.0) / 1000.0;
}

}  // namespace agentdesk::server::assist
