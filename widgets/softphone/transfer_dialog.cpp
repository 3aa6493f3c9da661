#include "widgets/softphone/transfer_dialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "common/phone.h"
#include "widgets/common/error_text.h"
#include "widgets/common/tone.h"
#include "widgets/softphone/softphone_texts.h"

namespace agentdesk::widgets {

using crm::CallPhase;

TransferDialog::TransferDialog(crm::ClientSession& session, QWidget* parent)
    : QDialog(parent), session_(session) {
    setObjectName(QStringLiteral("transferDialog"));
    setModal(false);

    kindTitle_ = new QLabel(this);
    toQueue_ = new QRadioButton(this);
    toQueue_->setObjectName(QStringLiteral("transferToQueue"));
    toAgent_ = new QRadioButton(this);
    toAgent_->setObjectName(QStringLiteral("transferToAgent"));
    toNumber_ = new QRadioButton(this);
    toNumber_->setObjectName(QStringLiteral("transferToNumber"));
    kinds_ = new QButtonGroup(this);
    kinds_->addButton(toQueue_);
    kinds_->addButton(toAgent_);
    kinds_->addButton(toNumber_);
    toQueue_->setChecked(true);

    queue_ = new QComboBox(this);
    queue_->setObjectName(QStringLiteral("transferQueue"));
    agent_ = new QLineEdit(this);
    agent_->setObjectName(QStringLiteral("transferAgent"));
    number_ = new QLineEdit(this);
    number_->setObjectName(QStringLiteral("transferNumber"));
    numberCheck_ = new QLabel(this);
    numberCheck_->setObjectName(QStringLiteral("transferNumberCheck"));

    modeTitle_ = new QLabel(this);
    blind_ = new QRadioButton(this);
    blind_->setObjectName(QStringLiteral("transferBlind"));
    consult_ = new QRadioButton(this);
    consult_->setObjectName(QStringLiteral("transferConsult"));
    attended_ = new QRadioButton(this);
    attended_->setObjectName(QStringLiteral("transferAttended"));
    auto* modes = new QButtonGroup(this);
    modes->addButton(blind_);
    modes->addButton(consult_);
    modes->addButton(attended_);
    blind_->setChecked(true);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("transferStatus"));
    status_->setWordWrap(true);

    send_ = new QPushButton(this);
    send_->setObjectName(QStringLiteral("transferSend"));
    send_->setDefault(true);
    cancelConsult_ = new QPushButton(this);
    cancelConsult_->setObjectName(QStringLiteral("transferCancelConsult"));
    complete_ = new QPushButton(this);
    complete_->setObjectName(QStringLiteral("transferComplete"));
    close_ = new QPushButton(this);
    close_->setObjectName(QStringLiteral("transferClose"));

    auto* grid = new QGridLayout;
    grid->addWidget(kindTitle_, 0, 0, 1, 2);
    grid->addWidget(toQueue_, 1, 0);
    grid->addWidget(queue_, 1, 1);
    grid->addWidget(toAgent_, 2, 0);
    grid->addWidget(agent_, 2, 1);
    grid->addWidget(toNumber_, 3, 0);
    grid->addWidget(number_, 3, 1);
    grid->addWidget(numberCheck_, 4, 1);
    grid->setColumnStretch(1, 1);

    auto* modeRow = new QHBoxLayout;
    modeRow->addWidget(modeTitle_);
    modeRow->addWidget(blind_);
    modeRow->addWidget(consult_);
    modeRow->addWidget(attended_);
    modeRow->addStretch();

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(cancelConsult_);
    buttons->addWidget(complete_);
    buttons->addStretch();
    buttons->addWidget(send_);
    buttons->addWidget(close_);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addLayout(modeRow);
    layout->addWidget(status_);
    layout->addLayout(buttons);

    connect(kinds_, &QButtonGroup::buttonToggled, this, [this] { refresh(); });
    connect(agent_, &QLineEdit::textChanged, this, [this] {
        toAgent_->setChecked(true);
        refresh();
    });
    connect(number_, &QLineEdit::textChanged, this, [this] {
        toNumber_->setChecked(true);
        refresh();
    });
    connect(queue_, &QComboBox::activated, this, [this] { toQueue_->setChecked(true); });
    connect(send_, &QPushButton::clicked, this, &TransferDialog::send);
    connect(cancelConsult_, &QPushButton::clicked, this, &TransferDialog::cancelConsult);
    connect(complete_, &QPushButton::clicked, this, [this] {
        if (session_.call().completeTransfer().isEmpty())
            showMessage(tr("The transfer cannot be completed now."), true);
    });
    connect(close_, &QPushButton::clicked, this, &QDialog::close);

    crm::CallSession& call = session_.call();
    connect(&call, &crm::CallSession::callUpdated, this, [this] { refresh(); });
    connect(&call, &crm::CallSession::phaseChanged, this, [this](CallPhase phase) {
        // This agent's leg is over (transferred, hung up, caller gone): nothing left to do here.
        if (phase == CallPhase::Idle || phase == CallPhase::Ended ||
            phase == CallPhase::AfterCallWork)
            close();
        refresh();
    });
    connect(&call, &crm::CallSession::consultFinished, this, [this](const QString& result) {
        if (result == QLatin1String("rejected"))
            showMessage(tr("The target rejected the consult. The caller is on hold."), true);
        else if (result == QLatin1String("missed"))
            showMessage(tr("The target did not answer. The caller is on hold."), true);
        else
            showMessage(tr("Consult cancelled."), false);
    });
    connect(&session_.commands(), &crm::CommandTracker::failed, this,
            [this](const QString& requestId, const QString&, const crm::ApiError& error) {
                if (requestId != requestId_)
                    return;
                requestId_.clear();
                if (error.httpStatus == 404)
                    showMessage(tr("No such queue or agent."), true);
                else if (error.httpStatus == 409)
                    showMessage(tr("Not possible: the agent is not ready, or a transfer is "
                                   "already in progress."),
                                true);
                else
                    showMessage(errorText(error), true);
            });

    retranslate();
    refill();
    refresh();
}

void TransferDialog::setOnline(bool online) {
    online_ = online;
    refresh();
}

void TransferDialog::prepare() {
    requestId_.clear();
    message_.clear();
    refill();
    refresh();
}

void TransferDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refill();
    }
    QDialog::changeEvent(event);
}

void TransferDialog::retranslate() {
    setWindowTitle(tr("Transfer call", "호전환"));
    kindTitle_->setText(tr("Transfer to"));
    toQueue_->setText(tr("Queue"));
    toAgent_->setText(tr("Agent"));
    agent_->setPlaceholderText(tr("Agent ID, e.g. A1003"));
    toNumber_->setText(tr("Phone number"));
    number_->setPlaceholderText(tr("e.g. 02-555-9999"));
    modeTitle_->setText(tr("Mode"));
    blind_->setText(tr("Blind", "transfer at once, without talking to the target first"));
    consult_->setText(
        tr("Consult", "talk to the target first; the transfer completes when they answer"));
    attended_->setText(tr("Talk first", "attended transfer: talk with the target, then complete"));
    attended_->setToolTip(
        tr("The caller waits on hold while you talk to the target; then "
           "complete the transfer or go back to the caller"));
    complete_->setText(tr("Complete transfer", "hands the caller to the consulted target"));
    send_->setText(tr("Transfer"));
    cancelConsult_->setText(tr("Back to caller", "cancels a consult transfer"));
    close_->setText(tr("Close"));
    refresh();
}

void TransferDialog::refill() {
    const QString current = queue_->currentData().toString();
    queue_->clear();
    for (const crm::QueueConfig& q : session_.capabilities().queues) {
        const QString name = SoftphoneTexts::koreanUi() || q.nameEn.isEmpty() ? q.name : q.nameEn;
        queue_->addItem(name.isEmpty() ? q.id : name, q.id);
    }
    const int at = queue_->findData(current);
    if (at >= 0)
        queue_->setCurrentIndex(at);
}

bool TransferDialog::target(QString& kind, QString& value, QString& problem) const {
    value.clear();
    problem.clear();
    if (toQueue_->isChecked()) {
        kind = QStringLiteral("queue");
        value = queue_->currentData().toString();
        if (value.isEmpty())
            problem = tr("Choose a queue.");
    } else if (toAgent_->isChecked()) {
        kind = QStringLiteral("agent");
        value = agent_->text().trimmed();
        if (value.isEmpty() || value.contains(QLatin1Char(' ')))
            problem = tr("Enter the agent's ID.");
        else if (value.compare(session_.agent().agent().id, Qt::CaseInsensitive) == 0)
            problem = tr("That is you.");
    } else {
        kind = QStringLiteral("number");
        const auto e164 = phone::toE164(number_->text().trimmed().toStdString());
        if (e164)
            value = QString::fromStdString(*e164);
        else
            problem = number_->text().trimmed().isEmpty() ? tr("Enter a phone number.")
                                                          : tr("Not a Korean phone number.");
    }
    if (!problem.isEmpty())
        value.clear();
    return !value.isEmpty();
}

void TransferDialog::refresh() {
    const crm::CallSession& call = session_.call();
    const bool live = call.phase() == CallPhase::Connected || call.phase() == CallPhase::Held;
    const bool consulting = live && call.call().consultInProgress;

    queue_->setEnabled(!consulting);
    agent_->setEnabled(!consulting);
    number_->setEnabled(!consulting);
    const bool canConsult = session_.capabilities().features.isEmpty() ||
                            session_.capabilities().has(QStringLiteral("consult"));
    consult_->setEnabled(canConsult && !consulting);
    attended_->setEnabled(canConsult && !consulting);
    if (!canConsult)
        blind_->setChecked(true);

    QString kind, value, problem;
    const bool valid = target(kind, value, problem);
    if (toNumber_->isChecked() && !number_->text().trimmed().isEmpty()) {
        numberCheck_->setText(
            valid ? QStringLiteral("→ ") +
                        QString::fromStdString(phone::formatLocal(value.toStdString()))
                  : problem);
        numberCheck_->setStyleSheet(valid ? QString() : toneStyle(Tone::Error));
    } else {
        numberCheck_->clear();
    }
    send_->setEnabled(online_ && live && !consulting && valid);
    cancelConsult_->setVisible(consulting);
    complete_->setVisible(consulting && call.call().consultAttended);
    complete_->setEnabled(online_ && consulting && call.call().consultTalking);
    cancelConsult_->setEnabled(online_ && consulting && call.phase() == CallPhase::Held);

    if (consulting && call.call().consultAttended) {
        status_->setText(call.call().consultTalking
                             ? tr("You are talking to the target; the caller is on hold. "
                                  "Complete the transfer, or go back to the caller.")
                             : tr("Calling the target; the caller is on hold."));
        status_->setStyleSheet(QString());
    } else if (consulting) {
        status_->setText(
            tr("Consulting: the caller is on hold. The transfer completes when "
               "the target answers."));
        status_->setStyleSheet(QString());
    } else if (!message_.isEmpty()) {
        status_->setText(message_);
        status_->setStyleSheet(messageIsError_ ? toneStyle(Tone::Error) : QString());
    } else if (!online_) {
        status_->setText(tr("Offline: transfer is not possible until the connection is back."));
        status_->setStyleSheet(QString());
    } else {
        status_->clear();
    }
}

void TransferDialog::send() {
    QString kind, value, problem;
    if (!target(kind, value, problem)) {
        showMessage(problem, true);
        return;
    }
    const QString mode = attended_->isChecked()  ? QStringLiteral("attended")
                         : consult_->isChecked() ? QStringLiteral("consult")
                                                 : QStringLiteral("blind");
    message_.clear();
    requestId_ = session_.call().transfer(kind, value, mode);
    if (requestId_.isEmpty())
        showMessage(tr("Transfer is not possible right now."), true);
    else
        showMessage(tr("Transferring…"), false);
}

void TransferDialog::cancelConsult() {
    session_.call().resume();
}

void TransferDialog::showMessage(const QString& text, bool error) {
    message_ = text;
    messageIsError_ = error;
    refresh();
}

}  // namespace agentdesk::widgets
