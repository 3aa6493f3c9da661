#include "server/assist/assist_engine.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "server/assist/assist_text.h"
#include "server/assist/note_drafter.h"
#include "server/assist/transcript_mask.h"
#include "server/kb/knowledge_store.h"
#include "server/kb/text_index.h"

namespace agentdesk::server::assist {

namespace {

// Words that say nothing about what the call is about.
const std::set<std::string> kStopKo = {
    "네", "예", "아", "아니", "그", "저", "제가", "좀", "요", "거", "것", "지금", "혹시", "그런데",
    "근데", "그래서", "어떻게", "왜", "뭐", "이거", "그거", "저기", "여보세요", "안녕하세요",
    "감사합니다", "있는데", "했는데", "하는데", "싶어요", "싶은데", "됩니다", "합니다", "있어요",
    "해요", "건데",
    // Requests, times and feelings: how the caller asks, not what about.
    "받고", "받을", "받으려", "하고", "해주세요", "주세요", "했어요", "됐어요", "어제", "오늘",
    "내일", "저녁", "아침", "마지막으로", "이번", "너무", "정말", "진짜", "빨리", "얼마예요",
    "이에요", "예요", "이요"};
const std::set<std::string> kStopEn = {
    "i",     "a",     "an",   "the",  "to",    "and",    "or",     "but",   "my",   "me",   "is",
    "it",    "of",    "for",  "on",   "in",    "at",     "this",   "that",  "was",  "be",   "have",
    "has",   "you",   "your", "can",  "could", "would",  "do",     "did",   "just", "so",   "hi",
    "hello", "yes",   "no",   "okay", "ok",    "please", "thanks", "thank", "want", "need", "like",
    "with",  "about", "what", "how",  "why",   "when",   "there",  "t",     "s",    "m"};

constexpr std::size_t kQueryWords = 6;
constexpr std::size_t kQueryLines = 2;

// The text without the masks put in for personal numbers ("[account]", "[card]"…).
std::string withoutMasks(const std::string& text) {
    std::string out;
    bool inMask = false;
    for (char c : text) {
        if (c == '[')
            inMask = true;
        else if (c == ']')
            inMask = false;
        else if (!inMask)
            out.push_back(c);
    }
    return out;
}

std::string compactLower(const std::string& text) {
    std::string out;
    for (char c : kb::lowerAscii(text)) {
        if (c != ' ')
            out.push_back(c);
    }
    return out;
}

}  // namespace

std::string suggestionQuery(Lang lang, const std::vector<Line>& lines) {
    std::vector<std::string> picked;
    std::size_t seen = 0;
    for (auto it = lines.rbegin(); it != lines.rend() && seen < kQueryLines; ++it) {
        if (it->speaker != Speaker::Customer)
            continue;
        ++seen;
        std::vector<std::string> lineWords;
        for (const std::u32string& w : words(fold(withoutMasks(it->text)))) {
            // Numbers (amounts, last digits) say nothing about the topic.
            if (std::any_of(w.begin(), w.end(), [](char32_t c) { return isAsciiDigit(c); }))
                continue;
            std::string word = kb::toUtf8(w);
            if (lang == Lang::Ko)
                word = kb::stripKoreanEnding(word);
            const auto& stop = lang == Lang::Ko ? kStopKo : kStopEn;
            if (stop.count(word) || kb::toU32(word).size() < 2)
                continue;
            if (std::find(picked.begin(), picked.end(), word) == picked.end() &&
                std::find(lineWords.begin(), lineWords.end(), word) == lineWords.end())
                lineWords.push_back(word);
        }
        // The most recent line's words first.
        picked.insert(picked.end(), lineWords.begin(), lineWords.end());
    }
    if (picked.size() > kQueryWords)
        picked.resize(kQueryWords);
    std::string query;
    for (const std::string& w : picked)
        query += (query.empty() ? "" : " ") + w;
    return query;
}

Analysis AssistEngine::analyze(const AnalyzeRequest& request,
                               const NoteTemplates& templates) const {
    Analysis out;
    Checklist checklist(lex_, request.lang, request.queue);
    std::vector<double> customerScores;
    for (const Line& given : request.lines) {
        Line line = given;
        line.text = maskTranscriptText(given.text);
        const int index = static_cast<int>(out.lines.size());
        const double score = sentiment_.score(request.lang, line.text);
        out.lineScores.push_back(score);
        if (line.speaker == Speaker::Customer) {
            customerScores.push_back(score);
            if (const auto category = abuse_.detect(request.lang, line.text))
                out.abusive.emplace_back(index, *category);
        }
        checklist.add(line, index);
        out.lines.push_back(std::move(line));
    }
    out.sentiment = callSentiment(customerScores);
    out.checklist = checklist.items();
    PredictionInput input{request.lang, request.intent, out.lines,
                          static_cast<int>(out.abusive.size())};
    out.wrapup = predictor_.predict(input);
    out.draft = draft(request.lang, out.wrapup, out.lines, templates);
    return out;
}

std::vector<Suggestion> AssistEngine::suggest(KnowledgeStore& kb, Lang lang,
                                              const std::vector<Line>& lines, int limit) const {
    const std::string query = suggestionQuery(lang, lines);
    if (query.empty())
        return {};
    const std::vector<std::string> terms = [&] {
        std::vector<std::string> t;
        for (const std::u32string& w : words(fold(query)))
            t.push_back(kb::toUtf8(w));
        return t;
    }();
    const std::vector<KbHit> hits = kb.search({query, limit * 3, std::string(toString(lang))});
    std::vector<Suggestion> out;
    for (const auto& hit : hits) {
        if (hit.fuzzy)
            continue;
        // Confidence: the share of the query's words the article's title and snippet carry.
        const std::string text = compactLower(hit.title + hit.snippet);
        std::size_t found = 0;
        for (const std::string& term : terms)
            found += text.find(compactLower(term)) != std::string::npos;
        const double confidence = static_cast<double>(found) / static_cast<double>(terms.size());
        if (confidence < kSuggestionThreshold)
            continue;
        out.push_back({hit.id, hit.title, std::round(confidence * 1000.0) / 1000.0});
        if (static_cast<int>(out.size()) >= limit)
            break;
    }
    return out;
}

Draft AssistEngine::draft(Lang lang, const std::vector<CodeScore>& wrapup,
                          const std::vector<Line>& lines, const NoteTemplates& templates) const {
    const std::string code = wrapup.empty() ? std::string("GENERAL_INQUIRY") : wrapup.front().code;
    std::string text;
    if (auto it = templates.find(code); it != templates.end())
        text = lang == Lang::Ko ? it->second.ko : it->second.en;
    return draftNote(lang, code, text, extractFacts(lang, lines));
}

}  // namespace agentdesk::server::assist
