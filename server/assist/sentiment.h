#pragma once
// Sentiment of what a caller says (docs/assist.md): a score from -1 (angry) to 1 (pleased) per
// line from the lexicons of resources/assist/, with negation (안 좋아요, 좋지 않아요, not good),
// things that did not happen (안 와요, never arrived) and intensifiers (너무, 정말, very); and
// over a call, the overall label and its trend.
//
// Threads: const; any thread.
#include <string_view>
#include <vector>

#include "server/assist/lexicon.h"

namespace agentdesk::server::assist {

class SentimentScorer {
public:
    explicit SentimentScorer(const Lexicon& lexicon) : lex_(lexicon) {}

    double score(Lang lang, std::string_view text) const;  // -1…1, 0 when nothing is said

private:
    const Lexicon& lex_;
};

// The customer's mood over a call from the scores of the customer's lines in order.
struct CallSentiment {
    double score = 0;  // -1…1
    SentimentLabel label = SentimentLabel::Neutral;
    SentimentTrend trend = SentimentTrend::Steady;
    int negativeRun = 0;  // negative customer lines in a row at the end
};
CallSentiment callSentiment(const std::vector<double>& customerScores);

}  // namespace agentdesk::server::assist
