#pragma once
// The facts a call note must carry, taken from the transcript (docs/assist.md): amounts, dates
// and times, order numbers, card last-4 digits, places, what the agent did and what the agent
// promised, and what the customer asked for.
//
// Threads: pure functions.
#include <string>
#include <vector>

#include "server/assist/assist_types.h"

namespace agentdesk::server::assist {

struct Facts {
    std::string request;  // the customer's first line that asks for something
    std::vector<std::string> amounts, dates, times, orderNumbers, cardLast4, places;
    std::vector<std::string> done, promised;  // the agent's own sentences
};

Facts extractFacts(Lang lang, const std::vector<Line>& lines);

}  // namespace agentdesk::server::assist
