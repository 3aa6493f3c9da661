#pragma once
// The compliance checklist of a call (docs/assist.md): the items for every queue and the
// call's own queue (resources/assist/checklist.json), each ticked by the first agent line that
// says one of its phrases.
//
// Threads: one Checklist per call, on the thread that feeds it.
#include <optional>
#include <string>
#include <vector>

#include "server/assist/lexicon.h"

namespace agentdesk::server::assist {

class Checklist {
public:
    Checklist(const Lexicon& lexicon, Lang lang, const std::optional<std::string>& queue);

    // Ticks what the line says (agent lines only); true when an item was ticked.
    bool add(const Line& line, int index);
    const std::vector<ChecklistState>& items() const { return items_; }

private:
    Lang lang_;
    std::vector<const ChecklistRule*> rules_;
    std::vector<ChecklistState> items_;
};

}  // namespace agentdesk::server::assist
