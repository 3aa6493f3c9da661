#pragma once
// Agent assist on a live call (docs/assist.md): the transcript analysed line by line as it
// arrives — each line masked, scored and checked for abuse, the checklist ticked, the caller's
// mood over the call kept — and at hang-up the wrap-up prediction and the drafted note from
// everything said.
//
// Threads: one CallAssist per call, used on one thread (the server's I/O thread); the engine it
// holds is const.
#include <optional>
#include <string>
#include <vector>

#include "server/assist/assist_engine.h"

namespace agentdesk::server::assist {

// A customer's negative lines in a row that make an alert for the team lead.
inline constexpr int kNegativeRunAlert = 3;

// What one line changed.
struct LineResult {
    int index = 0;
    Line line;  // masked
    double score = 0;
    std::optional<AbuseCategory> abuse;  // customer lines only
    bool checklistTicked = false;
    bool firstAbuse = false;        // the call's first abusive line
    bool negativeRunAlert = false;  // the customer's negative run just reached kNegativeRunAlert
};

class CallAssist {
public:
    CallAssist(const AssistEngine& engine, std::optional<std::string> queue,
               std::optional<std::string> intent);

    // The call's language is the first line's that has letters: Korean when it has Hangul.
    LineResult add(Speaker speaker, std::string_view text, int atSec);

    Lang lang() const { return lang_.value_or(Lang::Ko); }
    const std::optional<std::string>& queue() const { return queue_; }
    const std::optional<std::string>& intent() const { return intent_; }
    const std::vector<Line>& lines() const { return lines_; }
    const std::vector<double>& lineScores() const { return scores_; }
    const std::vector<std::pair<int, AbuseCategory>>& abusive() const { return abusive_; }
    const std::vector<ChecklistState>& checklist() const;
    CallSentiment sentiment() const { return callSentiment(customerScores_); }
    // The wrap-up codes best first (≤ 3); with no transcript, from the IVR intent alone.
    std::vector<CodeScore> wrapup() const;

private:
    const AssistEngine& engine_;
    std::optional<std::string> queue_, intent_;
    std::optional<Lang> lang_;
    std::optional<Checklist> checklist_;  // made once the language is known
    std::vector<Line> lines_;
    std::vector<double> scores_;
    std::vector<double> customerScores_;
    std::vector<std::pair<int, AbuseCategory>> abusive_;
    bool negativeAlerted_ = false;  // cleared when the run is broken
};

}  // namespace agentdesk::server::assist
