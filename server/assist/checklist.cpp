#include "server/assist/checklist.h"

#include "server/assist/phrase_match.h"

namespace agentdesk::server::assist {

Checklist::Checklist(const Lexicon& lexicon, Lang lang, const std::optional<std::string>& queue)
    : lang_(lang) {
    for (const ChecklistRule& rule : lexicon.checklistAll)
        rules_.push_back(&rule);
    if (queue) {
        if (auto it = lexicon.checklistQueues.find(*queue); it != lexicon.checklistQueues.end()) {
            for (const ChecklistRule& rule : it->second)
                rules_.push_back(&rule);
        }
    }
    for (const ChecklistRule* rule : rules_)
        items_.push_back({rule->id, lang == Lang::Ko ? rule->labelKo : rule->labelEn, false, -1});
}

bool Checklist::add(const Line& line, int index) {
    if (line.speaker != Speaker::Agent)
        return false;
    const MatchText text = prepareText(line.text);
    bool ticked = false;
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        if (items_[i].done)
            continue;
        for (const Phrase& phrase : lang_ == Lang::Ko ? rules_[i]->ko : rules_[i]->en) {
            if (matches(text, lang_, phrase)) {
                items_[i].done = true;
                items_[i].index = index;
                ticked = true;
                break;
            }
        }
    }
    return ticked;
}

}  // namespace agentdesk::server::assist
