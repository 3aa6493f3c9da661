#include "server/assist/wrapup_predictor.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "server/assist/phrase_match.h"

namespace agentdesk::server::assist {

namespace {
// What the caller chose in the IVR is strong evidence, but what is said can overrule it.
constexpr double kIntentWeight = 4.0;
constexpr double kAbusiveLineWeight = 3.0;
// Softmax temperature over the evidence: lower is more confident in the leader.
constexpr double kTemperature = 2.0;
const char* const kAbusiveCode = "ABUSIVE_CALL";
}  // namespace

std::vector<CodeScore> WrapupPredictor::predict(const PredictionInput& input,
                                                std::size_t top) const {
    std::map<std::string, double> evidence;
    const auto& table = lex_.wrapup(input.lang);
    for (const auto& [code, keywords] : table)
        evidence[code] = 0;
    for (const Line& line : input.lines) {
        const MatchText text = prepareText(line.text);
        for (const auto& [code, keywords] : table) {
            for (const WrapupKeyword& k : keywords) {
                if (matches(text, input.lang, k.phrase))
                    evidence[code] += k.weight;
            }
        }
    }
    if (input.intent) {
        if (auto it = lex_.intentCodes.find(*input.intent); it != lex_.intentCodes.end())
            evidence[it->second] += kIntentWeight;
    }
    if (input.abusiveLines > 0)
        evidence[kAbusiveCode] += kAbusiveLineWeight * input.abusiveLines;

    double best = 0;
    for (const auto& [code, e] : evidence)
        best = std::max(best, e);
    if (best <= 0)
        return {};
    // Scores from a softmax over all codes (shifted by the best for stability); codes with no
    // evidence at all are left out.
    double total = 0;
    std::vector<CodeScore> all;
    for (const auto& [code, e] : evidence) {
        const double w = std::exp((e - best) / kTemperature);
        total += w;
        if (e > 0)
            all.push_back({code, w});
    }
    for (CodeScore& c : all)
        c.score = c.score / total;
    // Best first; ties by code so the same input always gives the same order.
    std::sort(all.begin(), all.end(), [](const CodeScore& a, const CodeScore& b) {
        return a.score != b.score ? a.score > b.score : a.code < b.code;
    });
    if (all.size() > top)
        all.resize(top);
    for (CodeScore& c : all)
        c.score = std::round(c.score * 1000.0) / 1000.0;
    return all;
}

}  // namespace agentdesk::server::assist
