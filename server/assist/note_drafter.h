#pragma once
// The after-call note drafted for the counselor (docs/assist.md): the predicted wrap-up code's
// template ("주문 번호: \n배송 상태: …") with its slots filled from the facts of the call, then
// what the template has no slot for (what was done, what was promised, other facts), so that
// nothing the note must carry is left out.
//
// Threads: pure functions.
#include <string>

#include "server/assist/fact_extractor.h"

namespace agentdesk::server::assist {

// templateText: the code's template in the call's language (empty: a generic one).
Draft draftNote(Lang lang, const std::string& code, const std::string& templateText,
                const Facts& facts);

// How much of a draft a counselor kept in the note they saved: the share of the draft's words
// that survive, in order, in the saved text (0…1; 1 when the draft is empty).
double keptShare(const std::string& draft, const std::string& saved);

}  // namespace agentdesk::server::assist
