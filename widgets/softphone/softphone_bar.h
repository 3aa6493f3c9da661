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
// the window can put the configured shortcut on it. "End call (abuse)" is the QAction
// "abuseHangup"; the not-ready reasons are QActions "notReady:<code>" in the notReady menu.
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include "crm/session/client_session.h"
#include "crm/session/server_clock.h"

class QAction;
class QLabel;
class QMenu;
class QToolButton;

namespace agentdesk::widgets {

class ElidedLabel;
class KeypadDialog;
class MissedCallsButton;
class QueueGlance;
class TodayFigures;
class TransferDialog;

class SoftphoneBar : public QWidget {
    Q_OBJECT
public:
    explicit SoftphoneBar(crm::ClientSession& session, QWidget* parent = nullptr);
    ~SoftphoneBar() override;

    // While offline every command that needs the server is disabled.
    void setOnline(bool online);
    bool isOnline() const { return online_; }

    // The bar's action with this objectName (see the header comment), or null.
    QAction* action(const QString& id) const;
    // The short message shown in the bar (a refused or failed command); empty when none.
    QString statusMessage() const;
    int missedCount() const;

signals:
    // A ringing call was not answered in time (call.ended reason missed).
    void missedCall(const agentdesk::crm::Call& call);

protected:
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void buildActions();
    void buildLayout();
    void bindSession();
    void retranslate();
    void rebuildReasonMenu();
    void checkCurrentReason();
    // Texts and enabled states from the session's current state.
    void refresh();
    void refreshCallInfo();
    void refreshPhone();
    void refreshActions();
    void refreshClocks();
    void announce(const QString& state);
    void showStatus(const QString& text, bool error);
    void onEnded(const QString& callId, const QString& reason);
    void openTransfer();
    void openKeypad();
    void popupReasons();
    static void setStyleProperty(QWidget* widget, const char* name, const QVariant& value);

    crm::ClientSession& session_;
    crm::ServerClock* clock_;
    bool online_ = true;
    QString chosenName_;  // the 360 view's customer, when the number alone does not say
    QTimer tick_;
    QTimer statusTimer_;

    QHash<QString, QAction*> actions_;
    QMenu* reasonMenu_ = nullptr;
    QToolButton* notReadyButton_ = nullptr;

    QLabel* stateLabel_ = nullptr;
    QLabel* stateClock_ = nullptr;
    QLabel* idleLabel_ = nullptr;
    QLabel* phone_ = nullptr;
    QLabel* direction_ = nullptr;
    QLabel* number_ = nullptr;
    ElidedLabel* customer_ = nullptr;
    QLabel* verified_ = nullptr;
    QLabel* abusive_ = nullptr;
    ElidedLabel* queue_ = nullptr;
    ElidedLabel* intent_ = nullptr;
    QLabel* waited_ = nullptr;
    ElidedLabel* consult_ = nullptr;
    QLabel* callTimer_ = nullptr;
    QLabel* abuseCount_ = nullptr;
    QLabel* recordingPaused_ = nullptr;
    QLabel* supervision_ = nullptr;
    ElidedLabel* status_ = nullptr;
    MissedCallsButton* missed_ = nullptr;
    QueueGlance* queueGlance_ = nullptr;
    TodayFigures* today_ = nullptr;
    QPointer<TransferDialog> transfer_;
    QPointer<KeypadDialog> keypad_;
};

}  // namespace agentdesk::widgets
