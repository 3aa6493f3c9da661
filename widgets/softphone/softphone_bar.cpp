#include "widgets/softphone/softphone_bar.h"
#include "widgets/softphone/softphone_bar_style.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "common/logging.h"
#include "widgets/common/error_text.h"
#include "widgets/common/format.h"
#include "widgets/common/relative_font.h"
#include "widgets/softphone/elided_label.h"
#include "widgets/softphone/keypad_dialog.h"
#include "widgets/softphone/missed_calls_button.h"
#include "widgets/softphone/queue_glance.h"
#include "widgets/softphone/softphone_texts.h"
#include "widgets/softphone/transfer_dialog.h"

namespace agentdesk::widgets {

using crm::AgentState;
using crm::CallPhase;

namespace {

// Ids of app/shortcut_table.h (plus abuseHangup, which has no default key on purpose: ending
// a call first should be a deliberate click).
const char* const kCallActions[] = {"answer",      "reject", "hold",      "mute",
                                    "transfer",    "keypad", "recording", "abuseWarning",
                                    "abuseHangup", "hangup"};

// Commands of the bar whose failure the bar reports (other views report their own).
bool isBarCommand(const QString& what) {
    static const QStringList bar = {
        QStringLiteral("answer"),    QStringLiteral("reject"),        QStringLiteral("hold"),
        QStringLiteral("resume"),    QStringLiteral("mute"),          QStringLiteral("unmute"),
        QStringLiteral("hangup"),    QStringLiteral("abuse-warning"), QStringLiteral("transfer"),
        QStringLiteral("dtmf"),      QStringLiteral("recording"),     QStringLiteral("ready"),
        QStringLiteral("not_ready"), QStringLiteral("dial")};
    return bar.contains(what);
}

constexpr int kStatusShownMs = 6000;

}  // namespace

SoftphoneBar::SoftphoneBar(crm::ClientSession& session, QWidget* parent)
    : QWidget(parent), session_(session), clock_(new crm::ServerClock(this)) {
    setObjectName(QStringLiteral("softphoneBar"));
    setStyleSheet(softphoneBarStyle(QApplication::palette()));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    clock_->follow(session_.events());
    // Made after login, the bar missed the snapshot's serverTime: start from the newest server
    // time the sessions hold.
    QDateTime latest;
    for (const QDateTime& t : {session_.agent().since(), session_.call().call().answeredAt,
                               session_.call().call().offeredAt}) {
        if (t.isValid() && (!latest.isValid() || t > latest))
            latest = t;
    }
    clock_->observe(latest);

    buildActions();
    buildLayout();
    bindSession();

    tick_.setInterval(1000);
    connect(&tick_, &QTimer::timeout, this, &SoftphoneBar::refreshClocks);
    tick_.start();
    statusTimer_.setSingleShot(true);
    connect(&statusTimer_, &QTimer::timeout, this, [this] {
        status_->setFullText({});
        status_->setToolTip({});
    });

    retranslate();
}

SoftphoneBar::~SoftphoneBar() = default;

QAction* SoftphoneBar::action(const QString& id) const {
    return actions_.value(id);
}

QString SoftphoneBar::statusMessage() const {
    return status_->text();
}

int SoftphoneBar::missedCount() const {
    return missed_->count();
}

void SoftphoneBar::buildActions() {
    auto make = [this](const char* id) {
        auto* a = new QAction(this);
        a->setObjectName(QString::fromLatin1(id));
        // The window puts its configured shortcut on it (app::applyShortcuts); the bar carries
        // it so the key works wherever the focus is in the window.
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
        actions_.insert(a->objectName(), a);
        return a;
    };
    crm::CallSession& call = session_.call();
    connect(make("ready"), &QAction::triggered, this, [this] { session_.agent().goReady(); });
    connect(make("notReady"), &QAction::triggered, this, &SoftphoneBar::popupReasons);
    for (const char* id : kCallActions)
        make(id);
    connect(actions_["answer"], &QAction::triggered, &call, &crm::CallSession::answer);
    connect(actions_["reject"], &QAction::triggered, &call, &crm::CallSession::reject);
    connect(actions_["hold"], &QAction::triggered, this, [this] {
        crm::CallSession& c = session_.call();
        c.phase() == CallPhase::Held ? c.resume() : c.hold();
    });
    actions_["mute"]->setCheckable(true);
    connect(actions_["mute"], &QAction::triggered, this, [this] {
        crm::CallSession& c = session_.call();
        c.setMuted(!c.call().muted);
        // The check mark follows the server (call.state), not the click.
        actions_["mute"]->setChecked(c.call().muted);
    });
    connect(actions_["transfer"], &QAction::triggered, this, &SoftphoneBar::openTransfer);
    connect(actions_["keypad"], &QAction::triggered, this, &SoftphoneBar::openKeypad);
    connect(actions_["recording"], &QAction::triggered, this, [this] {
        crm::CallSession& c = session_.call();
        c.setRecordingPaused(!c.call().recordingPaused);
    });
    connect(actions_["abuseWarning"], &QAction::triggered, &call,
            &crm::CallSession::playAbuseWarning);
    connect(actions_["abuseHangup"], &QAction::triggered, this,
            [this] { session_.call().hangup(true); });
    connect(actions_["hangup"], &QAction::triggered, this,
            [this] { session_.call().hangup(false); });
}

void SoftphoneBar::buildLayout() {
    auto label = [this](const char* name) {
        auto* l = new QLabel(this);
        l->setObjectName(QString::fromLatin1(name));
        return l;
    };
    auto elided = [this](const char* name) {
        auto* l = new ElidedLabel(this);
        l->setObjectName(QString::fromLatin1(name));
        return l;
    };
    auto button = [this](const QString& id) {
        auto* b = new QToolButton(this);
        b->setObjectName(id + QStringLiteral("Button"));
        b->setDefaultAction(actions_.value(id));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setFocusPolicy(Qt::TabFocus);
        return b;
    };

    stateLabel_ = label("agentState");
    stateClock_ = label("stateClock");
    reasonMenu_ = new QMenu(this);
    reasonMenu_->setObjectName(QStringLiteral("notReadyMenu"));
    QToolButton* readyButton = button(QStringLiteral("ready"));
    notReadyButton_ = button(QStringLiteral("notReady"));
    notReadyButton_->setMenu(reasonMenu_);
    notReadyButton_->setPopupMode(QToolButton::InstantPopup);

    phone_ = label("phoneLine");
    phone_->setVisible(false);
    idleLabel_ = label("idleHint");
    direction_ = label("direction");
    number_ = label("callerNumber");
    number_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setRelativeFont(number_, 1.15, true);  // follows the font size setting
    customer_ = elided("customerName");
    verified_ = label("verifiedBadge");
    abusive_ = label("abuseBadge");
    queue_ = elided("queueName");
    intent_ = elided("intent");
    for (ElidedLabel* chip : {queue_, intent_})
        chip->setContentsMargins(6, 1, 6, 1);
    waited_ = label("waited");
    consult_ = elided("consultInfo");
    consult_->setContentsMargins(6, 1, 6, 1);
    callTimer_ = label("callTimer");
    missed_ = new MissedCallsButton(this);
    queueGlance_ = new QueueGlance(session_, this);
    today_ = new TodayFigures(session_.agent(), this);

    auto* row1 = new QHBoxLayout;
    row1->setSpacing(8);
    row1->addWidget(stateLabel_);
    row1->addWidget(stateClock_);
    row1->addWidget(readyButton);
    row1->addWidget(notReadyButton_);
    row1->addWidget(phone_);
    row1->addSpacing(10);
    row1->addWidget(idleLabel_);
    row1->addWidget(direction_);
    row1->addWidget(number_);
    row1->addWidget(customer_);
    row1->addWidget(verified_);
    row1->addWidget(abusive_);
    row1->addWidget(queue_);
    row1->addWidget(intent_);
    row1->addWidget(waited_);
    row1->addWidget(consult_);
    row1->addStretch(1);
    row1->addWidget(queueGlance_);
    row1->addWidget(callTimer_);
    row1->addWidget(missed_);

    abuseCount_ = label("abuseCount");
    recordingPaused_ = label("recordingPaused");
    supervision_ = label("supervisionBadge");
    status_ = elided("statusMessage");

    auto* row2 = new QHBoxLayout;
    row2->setSpacing(4);
    for (const char* id : kCallActions) {
        const QString name = QString::fromLatin1(id);
        // Groups: ringing | in call | transfer and tools | abuse | end.
        if (name == QLatin1String("transfer") || name == QLatin1String("hangup"))
            row2->addSpacing(8);
        if (name == QLatin1String("hold") || name == QLatin1String("abuseWarning"))
            row2->addSpacing(8);
        row2->addWidget(button(name));
        if (name == QLatin1String("abuseWarning"))
            row2->addWidget(abuseCount_);
        if (name == QLatin1String("recording"))
            row2->addWidget(recordingPaused_);
    }
    row2->addSpacing(12);
    row2->addWidget(supervision_);
    row2->addWidget(status_, 1);
    row2->addWidget(today_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(4);
    layout->addLayout(row1);
    layout->addLayout(row2);
}

void SoftphoneBar::bindSession() {
    crm::CallSession& call = session_.call();
    connect(&call, &crm::CallSession::offered, this, [this] {
        chosenName_.clear();
        refresh();
    });
    connect(&call, &crm::CallSession::callUpdated, this, &SoftphoneBar::refresh);
    connect(&call, &crm::CallSession::phaseChanged, this, &SoftphoneBar::refresh);
    connect(&call, &crm::CallSession::ended, this, &SoftphoneBar::onEnded);
    connect(&call, &crm::CallSession::consultFinished, this, [this](const QString& result) {
        if (result == QLatin1String("rejected"))
            showStatus(tr("The consult was rejected; the caller is on hold."), true);
        else if (result == QLatin1String("missed"))
            showStatus(tr("The consult was not answered; the caller is on hold."), true);
        else
            showStatus(tr("Consult cancelled."), false);
    });
    connect(&call, &crm::CallSession::commandRefused, this, [this](const QString& what) {
        showStatus(tr("%1 is not possible right now.").arg(SoftphoneTexts::command(what)), true);
    });
    connect(&session_.commands(), &crm::CommandTracker::failed, this,
            [this](const QString&, const QString& what, const crm::ApiError& error) {
                if (!isBarCommand(what))
                    return;
                showStatus(tr("%1 failed: %2", "command name: reason")
                               .arg(SoftphoneTexts::command(what), errorText(error)),
                           true);
            });
    connect(&session_.agent(), &crm::AgentSession::phoneChanged, this, [this] { refreshPhone(); });
    connect(&session_.agent(), &crm::AgentSession::stateChanged, this, [this] {
        checkCurrentReason();
        refresh();
    });
    connect(&session_.customer(), &crm::Customer360Model::loaded, this,
            [this](const crm::Customer360& c) {
                const crm::Call& now = session_.call().call();
                if (session_.call().hasCall() &&
                    (now.customerId.isEmpty() || now.customerId == c.customer.id)) {
                    chosenName_ = c.customer.name;
                    refreshCallInfo();
                }
            });
    connect(&session_, &crm::ClientSession::loggedInChanged, this, [this] {
        rebuildReasonMenu();
        refresh();
    });
}

void SoftphoneBar::setOnline(bool online) {
    if (online_ == online)
        return;
    online_ = online;
    if (transfer_)
        transfer_->setOnline(online);
    if (keypad_)
        keypad_->setOnline(online);
    refreshActions();
}

void SoftphoneBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool SoftphoneBar::event(QEvent* event) {
    // A new look (QWidget::event does not pass this one on to changeEvent).
    if (event->type() == QEvent::ApplicationPaletteChange)
        setStyleSheet(softphoneBarStyle(QApplication::palette()));
    return QWidget::event(event);
}

void SoftphoneBar::retranslate() {
    actions_["ready"]->setText(tr("Ready", "go to the ready state: 대기"));
    actions_["ready"]->setToolTip(tr("Go ready to take calls"));
    actions_["notReady"]->setText(tr("Not ready", "go to not ready, with a reason: 이석"));
    actions_["notReady"]->setToolTip(tr("Go not ready, with a reason"));
    actions_["answer"]->setText(tr("Answer", "응답"));
    actions_["reject"]->setText(tr("Reject", "거절"));
    actions_["transfer"]->setText(tr("Transfer", "호전환"));
    actions_["transfer"]->setToolTip(tr("Transfer to a queue, an agent or a number"));
    actions_["keypad"]->setText(tr("Keypad", "DTMF keypad: 키패드"));
    actions_["abuseWarning"]->setText(tr("Abuse warning", "폭언 경고"));
    actions_["abuseWarning"]->setToolTip(tr("Play the abuse warning announcement to the caller"));
    actions_["abuseHangup"]->setText(tr("End call (abuse)", "상담원 선종료"));
    actions_["abuseHangup"]->setToolTip(
        tr("End the call after the required warnings; the team lead is alerted"));
    actions_["hangup"]->setText(tr("Hang up", "통화 종료"));
    idleLabel_->setText(tr("No call", "no call in progress"));
    // The clocks are numbers; their names say what they count.
    stateClock_->setAccessibleName(tr("Time in this state"));
    callTimer_->setAccessibleName(tr("Call time"));
    refreshPhone();
    verified_->setText(tr("Verified", "caller identity verified: 본인 확인"));
    verified_->setToolTip(tr("The caller's identity was verified in the IVR"));
    abusive_->setText(tr("Abusive history", "폭언 이력"));
    abusive_->setToolTip(tr("This caller was abusive on earlier calls"));
    recordingPaused_->setText(tr("Recording paused", "녹음 일시정지 중"));
    recordingPaused_->setToolTip(
        tr("The recording is paused (never stopped); resume it when "
           "the card number has been given"));
    rebuildReasonMenu();
    refresh();
}

void SoftphoneBar::rebuildReasonMenu() {
    reasonMenu_->clear();
    const crm::AgentSession& agent = session_.agent();
    for (const crm::LabeledCode& r : session_.capabilities().notReadyReasons) {
        // Set by the server, not chosen: just after login, after a missed call, and when the
        // phone went away.
        if (r.code == QLatin1String("login") || r.code == QLatin1String("missed_call") ||
            r.code == QLatin1String("phone_offline"))
            continue;
        QAction* a = reasonMenu_->addAction(SoftphoneTexts::label(r));
        a->setObjectName(QStringLiteral("notReady:") + r.code);
        a->setCheckable(true);
        a->setChecked(agent.state() == AgentState::NotReady && agent.reason() == r.code);
        const QString code = r.code;
        connect(a, &QAction::triggered, this, [this, code] { session_.agent().goNotReady(code); });
    }
    if (reasonMenu_->isEmpty()) {
        // A server without configured reasons: not ready with its default reason.
        QAction* a = reasonMenu_->addAction(tr("Not ready"));
        a->setObjectName(QStringLiteral("notReady:"));
        connect(a, &QAction::triggered, this, [this] { session_.agent().goNotReady({}); });
    }
}

void SoftphoneBar::checkCurrentReason() {
    // The menu's actions stay (rebuilt only when the reasons or the language change); a state
    // change moves the check mark.
    const crm::AgentSession& agent = session_.agent();
    const bool notReady = agent.state() == AgentState::NotReady;
    const QString prefix = QStringLiteral("notReady:");
    for (QAction* a : reasonMenu_->actions()) {
        if (a->isCheckable())
            a->setChecked(notReady && a->objectName() == prefix + agent.reason());
    }
}

void SoftphoneBar::popupReasons() {
    if (!actions_["notReady"]->isEnabled())
        return;
    // popup(), not exec(): a call may ring while the menu is open.
    reasonMenu_->popup(notReadyButton_->mapToGlobal(QPoint(0, notReadyButton_->height())));
}

void SoftphoneBar::refresh() {
    const crm::AgentSession& agent = session_.agent();
    const QString state =
        SoftphoneTexts::stateWithReason(session_.capabilities(), agent.state(), agent.reason());
    stateLabel_->setText(state);
    setStyleProperty(stateLabel_, "state", crm::agentStateToString(agent.state()));
    refreshCallInfo();
    refreshActions();
    refreshClocks();
    announce(state);
}

void SoftphoneBar::refreshActions() {
    const crm::CallSession& cs = session_.call();
    const crm::Call& call = cs.call();
    const CallPhase phase = cs.phase();
    const bool ringing = phase == CallPhase::Ringing;
    const bool outbound = call.direction == QLatin1String("outbound");
    const bool connected = phase == CallPhase::Connected;
    const bool live = connected || phase == CallPhase::Held;
    const crm::Capabilities& caps = session_.capabilities();
    auto feature = [&caps](const char* name) {
        return caps.features.isEmpty() || caps.has(QString::fromLatin1(name));
    };
    const int required = call.abuseWarningsRequired > 0 ? call.abuseWarningsRequired
                                                        : caps.abuseWarningsBeforeHangup;

    const AgentState state = session_.agent().state();
    const bool acwMayLeave =
        state == AgentState::AfterCallWork && caps.acwMode == QLatin1String("optional");
    const bool loggedIn = session_.loggedIn();

    auto set = [this](const char* id, bool enabled) {
        actions_[id]->setEnabled(online_ && enabled);
    };
    // Real telephony: calls ring on the phone, so without it there is no ready (the server would
    // refuse it too); the phone label says why.
    const crm::PhoneLine& phone = session_.agent().phone();
    const bool phoneOk = !phone.known || phone.registered;
    set("ready", loggedIn && phoneOk && (state == AgentState::NotReady || acwMayLeave));
    set("notReady",
        loggedIn && (state == AgentState::Ready || state == AgentState::NotReady || acwMayLeave));
    set("answer", ringing && !outbound);
    set("reject", ringing && !outbound);
    set("hold", live);
    set("mute", live);
    set("transfer", live && !call.consultInProgress && feature("transfer"));
    set("keypad", connected && feature("dtmf"));
    set("recording", live && feature("recordingPause"));
    set("abuseWarning", connected && feature("abuseWarning"));
    set("abuseHangup", live && call.abuseWarnings >= required);
    set("hangup", live || (ringing && outbound));

    actions_["hold"]->setText(phase == CallPhase::Held ? tr("Resume", "보류 해제")
                                                       : tr("Hold", "보류"));
    actions_["mute"]->setText(live && call.muted ? tr("Unmute", "음소거 해제")
                                                 : tr("Mute", "음소거"));
    actions_["mute"]->setChecked(live && call.muted);
    actions_["recording"]->setText(live && call.recordingPaused
                                       ? tr("Resume recording", "녹음 재개")
                                       : tr("Pause recording", "녹음 일시정지"));
    actions_["recording"]->setToolTip(
        tr("Pause the recording while the caller gives a card number; it is never stopped"));
    const QString offline = tr("Offline: waiting for the connection");
    for (QAction* a : std::as_const(actions_))
        a->setStatusTip(online_ ? QString() : offline);
}

void SoftphoneBar::showStatus(const QString& text, bool error) {
    status_->setFullText(text);
    setStyleProperty(status_, "error", error);
    statusTimer_.start(kStatusShownMs);
}

void SoftphoneBar::onEnded(const QString& callId, const QString& reason) {
    // call.ended comes before the session forgets the call: its data is still there.
    const crm::Call& call = session_.call().call();
    if (reason == QLatin1String("missed")) {
        logging::get("ui")->info("missed call {}", callId.toStdString());
        missed_->add(call, clock_->now(), SoftphoneTexts::caller(call, chosenName_));
        showStatus(tr("Missed call: you were set to Not ready."), true);
        emit missedCall(call);
    } else if (reason == QLatin1String("transferred")) {
        showStatus(tr("Call transferred."), false);
    } else if (reason == QLatin1String("abandoned")) {
        showStatus(tr("The caller hung up before the call was answered."), false);
    } else if (reason == QLatin1String("agent_ended_abuse")) {
        showStatus(tr("Call ended after abuse warnings; your team lead has been alerted."), false);
    } else if (reason == QLatin1String("cancelled")) {
        showStatus(tr("The consult offer was withdrawn."), false);
    } else if (reason == QLatin1String("rejected")) {
        showStatus(tr("Call rejected."), false);
    }
}

void SoftphoneBar::openTransfer() {
    if (!transfer_) {
        transfer_ = new TransferDialog(session_, this);
        transfer_->setOnline(online_);
    }
    transfer_->prepare();
    transfer_->show();
    transfer_->raise();
    transfer_->activateWindow();
}

void SoftphoneBar::openKeypad() {
    if (!keypad_) {
        keypad_ = new KeypadDialog(session_, this);
        keypad_->setOnline(online_);
    }
    keypad_->show();
    keypad_->raise();
    keypad_->activateWindow();
}

void SoftphoneBar::setStyleProperty(QWidget* widget, const char* name, const QVariant& value) {
    if (widget->property(name) == value)
        return;
    widget->setProperty(name, value);
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

}  // namespace agentdesk::widgets
