#include "server/assist/call_assist.h"

#include "server/assist/assist_text.h"
#include "server/assist/transcript_mask.h"

namespace agentdesk::server::assist {

namespace {

std::optional<Lang> languageOf(std::string_view text) {
    bool letters = false;
    for (char32_t c : fold(text)) {
        if (isHangulSyllable(c) || isJamo(c))
            return Lang::Ko;
        letters = letters || isLetter(c);
    }
    return letters ? std::optional<Lang>(Lang::En) : std::nullopt;
}

}  // namespace

CallAssist::CallAssist(const AssistEngine& engine, std::optional<std::string> queue,
                       std::optional<std::string> intent)
    : engine_(engine), queue_(std::move(queue)), intent_(std::move(intent)) {}

LineResult CallAssist::add(Speaker speaker, std::string_view text, int atSec) {
    LineResult r;
    r.line = {speaker, maskTranscriptText(text), atSec};
    if (!lang_) {
        lang_ = languageOf(r.line.text);
        if (lang_)
            checklist_.emplace(engine_.lexicon(), *lang_, queue_);
    }
    r.index = static_cast<int>(lines_.size());
    r.score = engine_.sentiment().score(lang(), r.line.text);
    if (speaker == Speaker::Customer) {
        customerScores_.push_back(r.score);
        r.abuse = engine_.abuse().detect(lang(), r.line.text);
        if (r.abuse) {
            r.firstAbuse = abusive_.empty();
            abusive_.emplace_back(r.index, *r.abuse);
        }
        const int run = callSentiment(customerScores_).negativeRun;
        if (run < kNegativeRunAlert) {
            negativeAlerted_ = false;
        } else if (!negativeAlerted_) {
            negativeAlerted_ = true;
            r.negativeRunAlert = true;
        }
    }
    if (checklist_)
        r.checklistTicked = checklist_->add(r.line, r.index);
    lines_.push_back(r.line);
    scores_.push_back(r.score);
    return r;
}

const std::vector<ChecklistState>& CallAssist::checklist() const {
    static const std::vector<ChecklistState> kNone;
    return checklist_ ? checklist_->items() : kNone;
}

std::vector<CodeScore> CallAssist::wrapup() const {
    PredictionInput input{lang(), intent_, lines_, static_cast<int>(abusive_.size())};
    return engine_.predictor().predict(input);
}

}  // namespace agentdesk::server::assist
