#include "widgets/supervisor/supervision_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "common/logging.h"
#include "crm/session/client_session.h"
#include "widgets/common/error_text.h"
#include "widgets/softphone/softphone_texts.h"
#include "widgets/supervisor/monitor_texts.h"

namespace agentdesk::widgets {

using crm::AgentState;

SupervisionBar::SupervisionBar(crm::ClientSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      agent_(new QLabel(this)),
      listen_(new QPushButton(this)),
      whisper_(new QPushButton(this)),
      barge_(new QPushButton(this)),
      stop_(new QPushButton(this)),
      status_(new QLabel(this)) {
    setObjectName(QStringLiteral("supervisionBar"));
    agent_->setObjectName(QStringLiteral("supervisedAgentLabel"));
    listen_->setObjectName(QStringLiteral("listenButton"));
    whisper_->setObjectName(QStringLiteral("whisperButton"));
    barge_->setObjectName(QStringLiteral("bargeButton"));
    stop_->setObjectName(QStringLiteral("stopSupervisionButton"));
    status_->setObjectName(QStringLiteral("supervisionStatus"));
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    agent_->setMinimumWidth(160);
    QFont bold = agent_->font();
    bold.setBold(true);
    agent_->setFont(bold);
    for (QPushButton* b : {listen_, whisper_, barge_})
        b->setCheckable(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(agent_);
    layout->addWidget(listen_);
    layout->addWidget(whisper_);
    layout->addWidget(barge_);
    layout->addWidget(stop_);
    layout->addSpacing(12);
    layout->addWidget(status_, 1);

    connect(listen_, &QPushButton::clicked, this, [this] { request(QStringLiteral("listen")); });
    connect(whisper_, &QPushButton::clicked, this, [this] { request(QStringLiteral("whisper")); });
    connect(barge_, &QPushButton::clicked, this, [this] { request(QStringLiteral("barge")); });
    connect(stop_, &QPushButton::clicked, this, &SupervisionBar::stop);
    retranslate();
    updateButtons();
}

QString SupervisionBar::statusText() const {
    return status_->text();
}

QString SupervisionBar::agentName() const {
    if (!row_)
        return {};
    const crm::Agent& a = row_->agent;
    return !SoftphoneTexts::koreanUi() && !a.nameEn.isEmpty() ? a.nameEn : a.name;
}

bool SupervisionBar::supervisedByMe() const {
    return row_ && row_->supervision.active() &&
           row_->supervision.supervisorId == session_.agent().agent().id;
}

void SupervisionBar::setAgent(const std::optional<crm::AgentsModel::Row>& row) {
    const bool sameCall =
        row && row_ && row->agent.id == row_->agent.id && row->agent.callId == row_->agent.callId;
    const bool wasMine = supervisedByMe();
    row_ = row;
    if (row_ && row_->agent.id.isEmpty())
        row_.reset();
    // The supervised call ended under us: say so rather than leave "Listening" standing.
    if (sameCall && wasMine && !supervisedByMe() && row_->agent.callId.isEmpty() &&
        !activeCallId_.isEmpty()) {
        activeCallId_.clear();
        status_->setText(tr("The call ended; supervision stopped."));
    }
    updateStatusFromRow();
    updateButtons();
}

void SupervisionBar::updateStatusFromRow() {
    if (!row_) {
        agent_->setText(tr("No agent selected"));
        return;
    }
    agent_->setText(agentName());
    if (supervisedByMe()) {
        activeCallId_ = row_->agent.callId;
        activeMode_ = row_->supervision.mode;
        status_->setText(tr("%1 — %2's call", "e.g. \"Listening — 김하늘's call\"")
                             .arg(MonitorTexts::supervisionMode(activeMode_), agentName()));
    }
}

void SupervisionBar::updateButtons() {
    const bool onCall =
        row_ && row_->agent.state == AgentState::OnCall && !row_->agent.callId.isEmpty() &&
        row_->agent.id != session_.agent().agent().id && !row_->agent.isSupervisor();
    const bool ownCall = session_.agent().state() == AgentState::OnCall ||
                         session_.agent().state() == AgentState::Ringing;
    // Another lead on the call: the server refuses a second one.
    const bool someoneElse = row_ && row_->supervision.active() && !supervisedByMe();
    const bool canAsk = onCall && !ownCall && !someoneElse && !pending_;
    for (QPushButton* b : {listen_, whisper_, barge_})
        b->setEnabled(canAsk);
    const QString mode = supervisedByMe()                                ? row_->supervision.mode
                         : (row_ && activeCallId_ == row_->agent.callId) ? activeMode_
                                                                         : QString();
    listen_->setChecked(mode == QLatin1String("listen"));
    whisper_->setChecked(mode == QLatin1String("whisper"));
    barge_->setChecked(mode == QLatin1String("barge"));
    stop_->setEnabled(!pending_ && row_ && !row_->agent.callId.isEmpty() &&
                      (supervisedByMe() || activeCallId_ == row_->agent.callId));
}

void SupervisionBar::request(const QString& mode) {
    if (!row_ || row_->agent.callId.isEmpty())
        return;
    const QString callId = row_->agent.callId;
    const QString name = agentName();
    pending_ = true;
    pendingMode_ = mode;
    status_->setText(
        tr("Asking to join %1's call (%2)…").arg(name, MonitorTexts::supervisionMode(mode)));
    updateButtons();
    session_.api().supervise(
        this, callId, mode, [this, callId, mode, name](const crm::ApiError& error) {
            pending_ = false;
            if (error) {
                logging::get("ui")->warn("supervise: {}", error.describe().toStdString());
                status_->setText(tr("Could not join the call: %1").arg(errorText(error)));
            } else {
                activeCallId_ = callId;
                activeMode_ = mode;
                status_->setText(tr("%1 — %2's call", "e.g. \"Listening — 김하늘's call\"")
                                     .arg(MonitorTexts::supervisionMode(mode), name));
            }
            updateButtons();
            emit requestFinished(callId, mode, error);
        });
}

void SupervisionBar::stop() {
    if (!row_ || row_->agent.callId.isEmpty())
        return;
    const QString callId = row_->agent.callId;
    pending_ = true;
    status_->setText(tr("Leaving the call…"));
    updateButtons();
    session_.api().stopSupervising(this, callId, [this, callId](const crm::ApiError& error) {
        pending_ = false;
        if (error) {
            logging::get("ui")->warn("stop supervising: {}", error.describe().toStdString());
            status_->setText(tr("Could not leave the call: %1").arg(errorText(error)));
        } else {
            activeCallId_.clear();
            activeMode_.clear();
            status_->setText(tr("Supervision stopped."));
        }
        updateButtons();
        emit requestFinished(callId, QStringLiteral("stop"), error);
    });
}

void SupervisionBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SupervisionBar::retranslate() {
    listen_->setText(tr("Listen", "supervision: 감청 — hear the call, nobody hears the lead"));
    listen_->setToolTip(tr("Hear the call; neither the counselor nor the caller hears you"));
    whisper_->setText(tr("Whisper", "supervision: 코칭 — only the counselor hears the lead"));
    whisper_->setToolTip(tr("Speak to the counselor only; the caller does not hear you"));
    barge_->setText(tr("Barge in", "supervision: 3자 개입 — everyone hears the lead"));
    barge_->setToolTip(tr("Join the conversation; the counselor and the caller hear you"));
    stop_->setText(tr("Stop", "stop listening/whispering/barging"));
    if (!row_)
        agent_->setText(tr("No agent selected"));
    else
        updateStatusFromRow();
    if (status_->text().isEmpty() || !row_)
        status_->setText(tr("Select an agent on a call to listen, whisper or barge in."));
}

}  // namespace agentdesk::widgets
