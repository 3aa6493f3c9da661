#pragma once
// Agent assist's analysis of a transcript (docs/assist.md): per line sentiment and abuse, the
// compliance checklist, knowledge suggestions from what the customer said, the wrap-up code
// prediction and the drafted note. Used whole by POST /assist/analyze and line by line for live
// calls (call_assist.h).
//
// Threads: const and stateless; the knowledge store given to suggest() must be used only on
// the thread that owns it (a store pool thread).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/assist/abuse_detector.h"
#include "server/assist/checklist.h"
#include "server/assist/fact_extractor.h"
#include "server/assist/lexicon.h"
#include "server/assist/sentiment.h"
#include "server/assist/wrapup_predictor.h"

namespace agentdesk::server {
class KnowledgeStore;
}

namespace agentdesk::server::assist {

// A wrap-up code's note templates, from the CRM store's wrap-up codes.
struct NoteTemplate {
    std::string ko, en;
};
using NoteTemplates = std::map<std::string, NoteTemplate>;

struct AnalyzeRequest {
    Lang lang = Lang::Ko;
    std::optional<std::string> queue, intent;
    std::vector<Line> lines;  // as given; analyze() masks them
};

struct Analysis {
    std::vector<Line> lines;                             // masked
    std::vector<double> lineScores;                      // sentiment of every line
    CallSentiment sentiment;                             // over the customer's lines
    std::vector<std::pair<int, AbuseCategory>> abusive;  // customer lines
    std::vector<ChecklistState> checklist;
    std::vector<Suggestion> suggestions;
    std::vector<CodeScore> wrapup;
    Draft draft;
};

// Knowledge suggestions: the threshold below which a search hit is not shown.
inline constexpr double kSuggestionThreshold = 0.35;

class AssistEngine {
public:
    explicit AssistEngine(const Lexicon& lexicon)
        : lex_(lexicon), abuse_(lexicon), sentiment_(lexicon), predictor_(lexicon) {}

    const Lexicon& lexicon() const { return lex_; }
    const AbuseDetector& abuse() const { return abuse_; }
    const SentimentScorer& sentiment() const { return sentiment_; }
    const WrapupPredictor& predictor() const { return predictor_; }

    // Everything but suggestions (which need the knowledge base).
    Analysis analyze(const AnalyzeRequest& request, const NoteTemplates& templates) const;
    // Articles for what the customer said most recently (up to `limit`, score ≥ threshold).
    std::vector<Suggestion> suggest(KnowledgeStore& kb, Lang lang, const std::vector<Line>& lines,
                                    int limit = 3) const;
    Draft draft(Lang lang, const std::vector<CodeScore>& wrapup, const std::vector<Line>& lines,
                const NoteTemplates& templates) const;

private:
    const Lexicon& lex_;
    AbuseDetector abuse_;
    SentimentScorer sentiment_;
    WrapupPredictor predictor_;
};

// The words of the customer's recent lines that a knowledge search is made of (tests use it).
std::string suggestionQuery(Lang lang, const std::vector<Line>& lines);

}  // namespace agentdesk::server::assist
