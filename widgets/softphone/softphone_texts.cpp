#include "widgets/softphone/softphone_texts.h"

#include <QLocale>

#include "widgets/common/format.h"

namespace agentdesk::widgets {

using crm::AgentState;

bool SoftphoneTexts::koreanUi() {
    return QLocale().language() == QLocale::Korean;
}

QString SoftphoneTexts::label(const crm::LabeledCode& code) {
    const QString& preferred = koreanUi() ? code.labelKo : code.labelEn;
    const QString& other = koreanUi() ? code.labelEn : code.labelKo;
    if (!preferred.isEmpty())
        return preferred;
    return other.isEmpty() ? code.code : other;
}

QString SoftphoneTexts::agentState(AgentState state) {
    switch (state) {
        case AgentState::NotReady:
            return tr("Not ready", "agent state: 이석/준비 안 됨");
        case AgentState::Ready:
            return tr("Ready", "agent state: 대기");
        case AgentState::Ringing:
            return tr("Ringing", "agent state: 호 수신 중");
        case AgentState::OnCall:
            return tr("On call", "agent state: 통화 중");
        case AgentState::AfterCallWork:
            return tr("After-call work", "agent state: 후처리");
        case AgentState::LoggedOut:
            return tr("Logged out", "agent state: 로그아웃");
        case AgentState::Unknown:
            break;
    }
    return tr("Unknown");
}

QString SoftphoneTexts::stateWithReason(const crm::Capabilities& caps, AgentState state,
                                        const QString& reason) {
    if (state != AgentState::NotReady || reason.isEmpty())
        return agentState(state);
    return tr("%1 · %2", "agent state · reason")
        .arg(agentState(state), SoftphoneTexts::reason(caps, reason));
}

QString SoftphoneTexts::reason(const crm::Capabilities& caps, const QString& code) {
    for (const crm::LabeledCode& r : caps.notReadyReasons) {
        if (r.code == code)
            return label(r);
    }
    return code;
}

QString SoftphoneTexts::caller(const crm::Call& call, const QString& chosenName) {
    if (!call.customerId.isEmpty()) {
        for (const crm::CustomerMatch& m : call.customerMatches) {
            if (m.id == call.customerId && !m.name.isEmpty())
                return customerDisplayName(m.name);
        }
    }
    if (call.customerMatches.size() == 1 && !call.customerMatches.first().name.isEmpty())
        return customerDisplayName(call.customerMatches.first().name);
    if (!chosenName.isEmpty())
        return customerDisplayName(chosenName);
    if (call.customerMatches.size() > 1)
        return tr("%n possible customers", "several customers share the caller's number",
                  static_cast<int>(call.customerMatches.size()));
    return tr("Unknown caller", "no customer has the caller's number");
}

QString SoftphoneTexts::queue(const crm::Capabilities& caps, const crm::Call& call) {
    if (!koreanUi()) {
        for (const crm::QueueConfig& q : caps.queues) {
            if (q.id == call.queue && !q.nameEn.isEmpty())
                return q.nameEn;
        }
    }
    return call.queueName.isEmpty() ? call.queue : call.queueName;
}

QString SoftphoneTexts::intent(const crm::Capabilities& caps, const crm::Call& call) {
    if (call.intent.isEmpty())
        return call.intentLabel;
    for (const crm::QueueConfig& q : caps.queues) {
        if (q.id != call.queue)
            continue;
        for (const crm::LabeledCode& i : q.intents) {
            if (i.code == call.intent)
                return label(i);
        }
    }
    return call.intentLabel.isEmpty() ? call.intent : call.intentLabel;
}

QString SoftphoneTexts::command(const QString& what) {
    if (what == QLatin1String("answer"))
        return tr("Answer");
    if (what == QLatin1String("reject"))
        return tr("Reject");
    if (what == QLatin1String("hold"))
        return tr("Hold", "보류");
    if (what == QLatin1String("resume"))
        return tr("Resume");
    if (what == QLatin1String("mute") || what == QLatin1String("unmute"))
        return tr("Mute", "음소거");
    if (what == QLatin1String("hangup"))
        return tr("Hang up");
    if (what == QLatin1String("abuse-warning"))
        return tr("Abuse warning", "폭언 경고");
    if (what == QLatin1String("transfer"))
        return tr("Transfer", "호전환");
    if (what == QLatin1String("dtmf"))
        return tr("Keypad");
    if (what == QLatin1String("recording"))
        return tr("Recording pause", "녹음 일시정지");
    if (what == QLatin1String("ready"))
        return tr("Go ready");
    if (what == QLatin1String("not_ready"))
        return tr("Go not ready");
    if (what == QLatin1String("dial"))
        return tr("Call");
    return what;
}

}  // namespace agentdesk::widgets
