#pragma once
// Wrap-up code prediction (docs/assist.md): each code's phrases said in the call add their
// weights, the caller's IVR choice adds its code's, abusive caller lines add to ABUSIVE_CALL;
// the best three come out with scores that sum to at most 1. With no transcript the intent
// alone preselects its code.
//
// Threads: const; any thread.
#include <optional>
#include <string>
#include <vector>

#include "server/assist/lexicon.h"

namespace agentdesk::server::assist {

struct PredictionInput {
    Lang lang = Lang::Ko;
    std::optional<std::string> intent;
    std::vector<Line> lines;
    int abusiveLines = 0;  // caller lines flagged abusive
};

class WrapupPredictor {
public:
    explicit WrapupPredictor(const Lexicon& lexicon) : lex_(lexicon) {}

    std::vector<CodeScore> predict(const PredictionInput& input, std::size_t top = 3) const;

private:
    const Lexicon& lex_;
};

}  // namespace agentdesk::server::assist
