// SoftphoneBar: its texts from the session's state — the call's details, the phone line, the
// clocks and queue figures (every second), and what assistive technology is told.
#include <QAccessible>
#include <QLabel>

#include "widgets/common/format.h"
#include "widgets/softphone/elided_label.h"
#include "widgets/softphone/missed_calls_button.h"
#include "widgets/softphone/queue_glance.h"
#include "widgets/softphone/softphone_bar.h"
#include "widgets/softphone/softphone_texts.h"

namespace agentdesk::widgets {

using crm::AgentState;
using crm::CallPhase;

// Assistive technology hears the state as it changes (the bar's accessible name carries it, and
// a ringing call is an alert): "Ringing: 김민준 (customer), 일반 문의".
void SoftphoneBar::announce(const QString& state) {
    const crm::CallSession& cs = session_.call();
    QString text = state;
    if (cs.hasCall() && session_.agent().state() == AgentState::Ringing) {
        const QString queue = SoftphoneTexts::queue(session_.capabilities(), cs.call());
        text = tr("%1: %2", "state: caller")
                   .arg(state, SoftphoneTexts::caller(cs.call(), chosenName_));
        if (!queue.isEmpty())
            text += QStringLiteral(", ") + queue;
    }
    const QString name = tr("Softphone: %1", "accessible name of the bar").arg(text);
    if (name == accessibleName())
        return;
    setAccessibleName(name);  // sends NameChanged
    if (session_.agent().state() == AgentState::Ringing) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

// Real telephony: whether the counselor's SIP phone is registered, so calls can ring on it.
void SoftphoneBar::refreshPhone() {
    const crm::PhoneLine& phone = session_.agent().phone();
    phone_->setVisible(phone.known);
    if (!phone.known)
        return;
    phone_->setText(
        phone.registered
            ? tr("Phone connected · ext. %1", "SIP phone registered: 전화기 연결됨")
                  .arg(phone.extension)
            : tr("Phone not connected · ext. %1", "SIP phone not registered: 전화기 연결 안 됨")
                  .arg(phone.extension));
    phone_->setToolTip(phone.registered
                           ? tr("Calls ring on your phone; answer there or with Answer here")
                           : tr("Connect (register) your phone to take calls: you cannot go "
                                "ready without it"));
    phone_->setAccessibleName(phone_->text());
    setStyleProperty(phone_, "registered", phone.registered);
    refreshActions();
}

void SoftphoneBar::refreshCallInfo() {
    const crm::CallSession& cs = session_.call();
    const crm::Call& call = cs.call();
    const bool show = cs.hasCall() && !(call.ani.isEmpty() && call.aniE164.isEmpty());
    const bool live = cs.phase() == CallPhase::Ringing || cs.phase() == CallPhase::Connected ||
                      cs.phase() == CallPhase::Held;
    idleLabel_->setVisible(!show);
    for (QWidget* w : {static_cast<QWidget*>(number_), static_cast<QWidget*>(customer_),
                       static_cast<QWidget*>(queue_), static_cast<QWidget*>(intent_)})
        w->setVisible(show);
    if (!show) {
        direction_->hide();
        verified_->hide();
        abusive_->hide();
        waited_->hide();
        consult_->hide();
        recordingPaused_->hide();
        supervision_->hide();
        abuseCount_->hide();
        return;
    }
    const bool outbound = call.direction == QLatin1String("outbound");
    direction_->setText(tr("Outbound", "발신"));
    direction_->setVisible(outbound);
    // The counselor handling the call sees the caller's full number (docs/api.md 7.6).
    number_->setText(formatPhone(call.aniE164.isEmpty() ? call.ani : call.aniE164));
    customer_->setFullText(SoftphoneTexts::caller(call, chosenName_));
    verified_->setVisible(call.verified);
    abusive_->setVisible(call.abusiveHistory);
    const QString queue = SoftphoneTexts::queue(session_.capabilities(), call);
    queue_->setFullText(queue);
    queue_->setVisible(!queue.isEmpty());
    const QString intent = SoftphoneTexts::intent(session_.capabilities(), call);
    intent_->setFullText(intent);
    intent_->setVisible(!intent.isEmpty());
    waited_->setText(
        tr("Waited %1", "time the caller waited in the queue: 대기시간, not the Ready state")
            .arg(formatDuration(call.waitedSec)));
    waited_->setVisible(!outbound);
    if (!cs.consultFrom().isEmpty() && cs.phase() == CallPhase::Ringing) {
        consult_->setFullText(
            tr("Consult from %1", "a colleague's consult transfer").arg(cs.consultFrom()));
        consult_->show();
    } else if (call.consultInProgress && live) {
        consult_->setFullText(tr("Consulting… caller on hold"));
        consult_->show();
    } else {
        consult_->hide();
    }
    recordingPaused_->setVisible(live && call.recordingPaused);
    // The counselor always knows when a team lead is on the call (listening or speaking).
    const QString lead = call.supervision.supervisorName.isEmpty()
                             ? tr("Team lead")
                             : call.supervision.supervisorName;
    if (call.supervision.mode == QLatin1String("listen"))
        supervision_->setText(tr("%1 is listening", "team lead monitoring: 모니터링 중").arg(lead));
    else if (call.supervision.mode == QLatin1String("whisper"))
        supervision_->setText(
            tr("%1 is coaching you (caller cannot hear)", "whisper: 코칭 중").arg(lead));
    else if (call.supervision.mode == QLatin1String("barge"))
        supervision_->setText(tr("%1 joined the call", "barge-in: 3자 통화 참여").arg(lead));
    supervision_->setVisible(live && call.supervision.active());
    const int required = call.abuseWarningsRequired > 0
                             ? call.abuseWarningsRequired
                             : session_.capabilities().abuseWarningsBeforeHangup;
    abuseCount_->setText(tr("Warnings %1/%2", "abuse warnings played / required")
                             .arg(call.abuseWarnings)
                             .arg(required));
    abuseCount_->setVisible(live && cs.phase() != CallPhase::Ringing);
    setStyleProperty(abuseCount_, "warned", call.abuseWarnings > 0);
}

void SoftphoneBar::refreshClocks() {
    queueGlance_->refresh(clock_->now());
    const crm::AgentSession& agent = session_.agent();
    stateClock_->setText(
        agent.since().isValid() ? formatDuration(clock_->secondsSince(agent.since())) : QString());
    stateClock_->setToolTip(tr("Time in this state"));

    const crm::CallSession& cs = session_.call();
    const crm::Call& call = cs.call();
    const crm::Capabilities& caps = session_.capabilities();
    QString text;
    QString tip;
    bool exceeded = false;
    switch (cs.phase()) {
        case CallPhase::Ringing:
            text = tr("Ringing %1", "time the call has rung here")
                       .arg(formatDuration(clock_->secondsSince(call.offeredAt)));
            break;
        case CallPhase::Connected:
        case CallPhase::Held: {
            const qint64 talk = clock_->secondsSince(call.answeredAt);
            int recommended = call.recommendedTalkSec;
            for (const crm::QueueConfig& q : caps.queues) {
                if (recommended <= 0 && q.id == call.queue)
                    recommended = q.recommendedTalkSec;
            }
            text = cs.phase() == CallPhase::Held
                       ? tr("On hold · %1", "talk time while held").arg(formatDuration(talk))
                       : tr("Talk %1", "talk time").arg(formatDuration(talk));
            exceeded = recommended > 0 && talk > recommended;
            tip = recommended > 0 ? (exceeded ? tr("Recommended talk time %1 exceeded")
                                              : tr("Recommended talk time %1"))
                                        .arg(formatDuration(recommended))
                                  : QString();
            break;
        }
        case CallPhase::Ended:
            text = tr("Call ended");
            break;
        case CallPhase::AfterCallWork:
        case CallPhase::Idle:
            break;
    }
    if (agent.state() == AgentState::AfterCallWork) {
        const qint64 elapsed = clock_->secondsSince(agent.since());
        if (caps.acwTimeoutSec > 0) {
            text = tr("ACW %1 left", "after-call work (후처리) time left")
                       .arg(formatDuration(caps.acwTimeoutSec - elapsed));
            tip = tr("After-call work ends by itself after %1")
                      .arg(formatDuration(caps.acwTimeoutSec));
        } else {
            text =
                tr("ACW %1", "after-call work (후처리) time so far").arg(formatDuration(elapsed));
        }
    }
    callTimer_->setText(text);
    callTimer_->setToolTip(tip);
    callTimer_->setVisible(!text.isEmpty());
    setStyleProperty(callTimer_, "exceeded", exceeded);
}

}  // namespace agentdesk::widgets
