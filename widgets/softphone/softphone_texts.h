#pragma once
// The softphone bar's words: agent states, not-ready reasons, who is calling, queue and intent
// names in the UI language, and command names for messages. Pure functions, testable alone.
#include <QCoreApplication>
#include <QString>

#include "crm/model/call.h"
#include "crm/model/session_info.h"

namespace agentdesk::widgets {

class SoftphoneTexts {
    Q_DECLARE_TR_FUNCTIONS(SoftphoneTexts)
public:
    // True when labels from the server should be the Korean ones (QLocale's language).
    static bool koreanUi();
    static QString label(const crm::LabeledCode& code);

    static QString agentState(crm::AgentState state);
    // The configured label of a not-ready reason code, or the code itself.
    static QString reason(const crm::Capabilities& caps, const QString& code);
    // "이석 · 휴식": the state, with the reason when not ready for one.
    static QString stateWithReason(const crm::Capabilities& caps, crm::AgentState state,
                                   const QString& reason);
    // "김민준 (customer)", "Unknown caller", "2 possible customers". `chosenName` is the name of
    // the customer the counselor has open (the 360 view), used when the number alone does not
    // say who it is.
    static QString caller(const crm::Call& call, const QString& chosenName = {});
    static QString queue(const crm::Capabilities& caps, const crm::Call& call);
    static QString intent(const crm::Capabilities& caps, const crm::Call& call);
    // "answer", "hold", ... as the counselor would name the command.
    static QString command(const QString& what);
};

}  // namespace agentdesk::widgets
