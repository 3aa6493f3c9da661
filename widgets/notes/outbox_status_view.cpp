#include "widgets/notes/outbox_status_view.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "widgets/common/error_text.h"
#include "widgets/common/tone.h"

namespace agentdesk::widgets {

OutboxStatusView::OutboxStatusView(crm::Outbox* outbox, QWidget* parent)
    : QWidget(parent), outbox_(outbox) {
    setObjectName(QStringLiteral("outboxStatusView"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("outboxStatus"));
    status_->setTextFormat(Qt::PlainText);
    rejectedRow_ = new QWidget(this);
    rejected_ = new QLabel(rejectedRow_);
    rejected_->setObjectName(QStringLiteral("outboxRejected"));
    rejected_->setTextFormat(Qt::PlainText);
    rejected_->setWordWrap(true);
    rejected_->setStyleSheet(toneStyle(Tone::Error));
    copy_ = new QPushButton(rejectedRow_);
    copy_->setObjectName(QStringLiteral("copyRejectedButton"));
    dismiss_ = new QPushButton(rejectedRow_);
    dismiss_->setObjectName(QStringLiteral("dismissRejectedButton"));
    dismiss_->setFlat(true);

    auto* row = new QHBoxLayout(rejectedRow_);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(rejected_, 1);
    row->addWidget(copy_);
    row->addWidget(dismiss_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(rejectedRow_);
    layout->addWidget(status_);

    connect(copy_, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(rejectedNote_); });
    connect(dismiss_, &QPushButton::clicked, this, [this] {
        dismissed_.insert(rejectedKey_);
        refresh();
    });
    if (outbox_) {
        connect(outbox_, &crm::Outbox::pendingCountChanged, this, &OutboxStatusView::refresh);
        connect(outbox_, &crm::Outbox::entryChanged, this, &OutboxStatusView::refresh);
    }
    retranslate();
}

void OutboxStatusView::setOnline(bool online) {
    if (online_ == online)
        return;
    online_ = online;
    refresh();
}

void OutboxStatusView::refresh() {
    // One problem at a time: a rejected note first (it will not be sent), else a note the
    // server keeps failing on (it is retried; the others are not held up).
    const crm::OutboxEntry* rejected = nullptr;
    const crm::OutboxEntry* stuck = nullptr;
    const crm::OutboxEntry* delivered = nullptr;
    if (outbox_) {
        for (const crm::OutboxEntry& entry : outbox_->recent()) {
            const bool shown = !dismissed_.contains(entry.idempotencyKey);
            if (entry.state == crm::OutboxItem::State::Rejected && shown)
                rejected = &entry;
            else if (entry.state == crm::OutboxItem::State::Pending && entry.needsAttention &&
                     shown)
                stuck = &entry;
            else if (entry.state == crm::OutboxItem::State::Delivered &&
                     (!delivered || delivered->updatedAt <= entry.updatedAt))
                delivered = &entry;
        }
    }
    const crm::OutboxEntry* problem = rejected ? rejected : stuck;
    rejectedKey_ = problem ? problem->idempotencyKey : QString();
    rejectedNote_ = problem ? problem->text : QString();
    rejectedRow_->setVisible(problem != nullptr);
    if (rejected) {
        rejected_->setText(tr("Note not accepted: %1 Your text is kept: copy it and submit again.")
                               .arg(errorText(rejected->error)));
    } else if (stuck) {
        // Shown from the kAttentionAfter-th (3rd) failure on, so always a plural.
        rejected_->setText(tr("Needs attention: the server could not save a note after %1 tries. "
                              "%2 The note is kept and retried automatically; your other notes "
                              "are still sent.")
                               .arg(stuck->serverFailures)
                               .arg(errorText(stuck->error)));
    }
    if (problem)
        rejected_->setToolTip(problem->text);

    const int pending = outbox_ ? outbox_->pendingCount() : 0;
    QString status;
    if (pending > 0) {
        status = online_
                     ? tr("Sending (%1)…").arg(pending)
                     : tr("Pending (%1) — will be sent when the connection returns").arg(pending);
    } else if (delivered) {
        status = tr("Sent %1").arg(delivered->updatedAt.toString(QStringLiteral("HH:mm:ss")));
    }
    status_->setText(status);
    status_->setVisible(!status.isEmpty());
}

void OutboxStatusView::retranslate() {
    copy_->setText(tr("Copy text"));
    copy_->setToolTip(tr("Copy the rejected note's text to the clipboard"));
    dismiss_->setText(tr("Dismiss"));
    refresh();
}

void OutboxStatusView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace agentdesk::widgets
