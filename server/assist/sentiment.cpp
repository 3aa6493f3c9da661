#include "server/assist/sentiment.h"

#include <cmath>

#include "server/assist/assist_text.h"
#include "server/assist/phrase_match.h"

namespace agentdesk::server::assist {

namespace {

// A negated score keeps most of its strength the other way ("not good" is less than "bad").
constexpr double kNegation = -0.75;
// Squashes a sum of word scores into -1…1; the larger, the more words a strong line needs.
constexpr double kAlpha = 15.0;
// How many words back a negator or an intensifier still reaches.
constexpr std::size_t kReach = 2;

const SentimentLexicon::Entry* longestEntry(const std::vector<SentimentLexicon::Entry>& entries,
                                            const std::u32string& word) {
    const SentimentLexicon::Entry* best = nullptr;
    for (const auto& entry : entries) {
        if (wordMatches(entry.phrase, word) &&
            (!best || entry.phrase.text.size() > best->phrase.text.size()))
            best = &entry;
    }
    return best;
}

bool anyMatches(const std::vector<Phrase>& phrases, const std::u32string& word) {
    for (const Phrase& p : phrases) {
        if (wordMatches(p, word))
            return true;
    }
    return false;
}

bool containsAny(const std::vector<Phrase>& phrases, const std::u32string& word) {
    for (const Phrase& p : phrases) {
        if (word.size() > p.text.size() && word.find(p.text) != std::u32string::npos)
            return true;
    }
    return false;
}

}  // namespace

double SentimentScorer::score(Lang lang, std::string_view text) const {
    const SentimentLexicon& lex = lex_.sentiment(lang);
    const std::vector<std::u32string> ws = words(fold(text));
    double sum = 0;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        const std::u32string& word = ws[i];
        if (anyMatches(lex.negators, word) || longestEntry(lex.intensifiers, word))
            continue;
        bool negated = false;
        double factor = 1.0;
        for (std::size_t back = 1; back <= kReach && back <= i; ++back) {
            const std::u32string& before = ws[i - back];
            if (anyMatches(lex.negators, before))
                negated = true;
            else if (const auto* in = longestEntry(lex.intensifiers, before))
                factor *= in->value;
            else
                break;
        }
        double value = 0;
        if (const auto* entry = longestEntry(lex.words, word)) {
            value = entry->value;
            if (negated)
                value *= kNegation;
            if (containsAny(lex.endings, word))  // 좋지않아요
                value *= kNegation;
            if (i + 1 < ws.size() && anyMatches(lex.after, ws[i + 1]))  // 좋지 않아요
                value *= kNegation;
        } else if (negated) {
            if (const auto* unmet = longestEntry(lex.unmet, word))  // 안 와요
                value = unmet->value;
        }
        sum += value * factor;
    }
    if (sum == 0)
        return 0;
    return sum / std::sqrt(sum * sum + kAlpha);
}

CallSentiment callSentiment(const std::vector<double>& customerScores) {
    CallSentiment out;
    if (customerScores.empty())
        return out;
    // The turns that say something about the customer's mood (a score other than 0), later
    // ones weighing more: how the call ends is what the customer takes away. Plain requests
    // and answers do not water the mood down.
    double weighted = 0, weights = 0;
    for (std::size_t i = 0; i < customerScores.size(); ++i) {
        if (customerScores[i] == 0)
            continue;
        const double w =
            1.0 + 2.0 * static_cast<double>(i) / static_cast<double>(customerScores.size());
        weighted += customerScores[i] * w;
        weights += w;
    }
    out.score = weights > 0 ? weighted / weights : 0;
    out.label = labelFor(out.score);
    for (auto it = customerScores.rbegin(); it != customerScores.rend(); ++it) {
        if (labelFor(*it) != SentimentLabel::Negative)
            break;
        ++out.negativeRun;
    }
    const std::size_t n = customerScores.size();
    if (n >= 4) {
        const std::size_t tail = std::min<std::size_t>(3, n / 2);
        double recent = 0, earlier = 0;
        for (std::size_t i = 0; i < n; ++i)
            (i >= n - tail ? recent : earlier) += customerScores[i];
        recent /= static_cast<double>(tail);
        earlier /= static_cast<double>(n - tail);
        if (recent - earlier >= 0.3)
            out.trend = SentimentTrend::Improving;
        else if (earlier - recent >= 0.3)
            out.trend = SentimentTrend::Worsening;
    }
    return out;
}

}  // namespace agentdesk::server::assist
