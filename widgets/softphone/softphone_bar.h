#pragma once
// The softphone control bar across the top of the counselor's window: agent state with
// not-ready reasons and a time-in-state clock; on a call the caller, customer, queue, IVR
// intent, waited time, verified and abusive-history badges; answer, reject, hold/resume, mute,
// transfer, keypad, recording pause, abuse warning and hang up; talk timer, ACW countdown and
// the recommended-talk-time indicator; missed calls. Driven by ClientSession's AgentSession and
// CallSession (events only); its commands go through them.
//
// Every action is a QAction whose objectName is its id in app/shortcut_table.h (answer,
// reject, hold, mute, transfer, keypad, recording, abuseWarning, hangup, ready, notReady), so
// the window can put the configured shortcut on it.
#include <QWidget>

#include "crm/session/client_session.h"

namespace agentdesk::widgets {

class SoftphoneBar : public QWidget {
    Q_OBJECT
public:
    explicit SoftphoneBar(crm::ClientSession& session, QWidget* parent = nullptr);
    ~SoftphoneBar() override;

    // While offline every command that needs the server is disabled.
    void setOnline(bool online);

signals:
    // A ringing call was not answered in time (call.ended reason missed).
    void missedCall(const agentdesk::crm::Call& call);
};

}  // namespace agentdesk::widgets
