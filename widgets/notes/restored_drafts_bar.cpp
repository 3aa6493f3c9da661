#include "widgets/notes/restored_drafts_bar.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "widgets/common/format.h"
#include "widgets/common/tone.h"

namespace agentdesk::widgets {

QString draftTime(qint64 updatedAtMs) {
    return formatDateTime(QDateTime::fromMSecsSinceEpoch(updatedAtMs));
}

RestoredDraftsBar::RestoredDraftsBar(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("restoredDraftsBar"));
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("restoredNotice"));
    notice_->setTextFormat(Qt::PlainText);
    notice_->setStyleSheet(toneStyle(Tone::Info));
    close_ = new QPushButton(this);
    close_->setObjectName(QStringLiteral("dismissRestoredButton"));
    close_->setFlat(true);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("restoredDraftList"));
    list_->setMaximumHeight(64);
    list_->setTextElideMode(Qt::ElideRight);
    list_->setUniformItemSizes(true);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(notice_, 1);
    top->addWidget(close_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(list_);

    connect(close_, &QPushButton::clicked, this, &QWidget::hide);
    connect(list_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int row = list_->row(item);
        if (row >= 0 && row < drafts_.size()) {
            shownKey_ = drafts_[row].key;
            retranslate();
            emit draftChosen(drafts_[row]);
        }
    });
    connect(list_, &QListWidget::itemClicked, list_, &QListWidget::itemActivated);
    hide();
    retranslate();
}

void RestoredDraftsBar::showDrafts(const QList<crm::NoteDraft>& drafts, const QString& shownKey) {
    drafts_ = drafts;
    shownKey_ = shownKey;
    retranslate();
    setVisible(!drafts_.isEmpty());
}

QString RestoredDraftsBar::describe(const crm::NoteDraft& draft) const {
    QString firstLine = draft.text.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (firstLine.isEmpty())
        firstLine = tr("(no text yet)");
    const QString what =
        draft.callId.isEmpty()
            ? tr("memo for %1").arg(draft.customerId)
            : tr("call %1").arg(draft.customerId.isEmpty() ? draft.callId : draft.customerId);
    return QStringLiteral("%1 · %2 · %3").arg(draftTime(draft.updatedAtMs), what, firstLine);
}

void RestoredDraftsBar::retranslate() {
    close_->setText(tr("Dismiss"));
    const crm::NoteDraft* shown = nullptr;
    for (const crm::NoteDraft& d : drafts_) {
        if (d.key == shownKey_)
            shown = &d;
    }
    if (shown) {
        notice_->setText(drafts_.size() > 1
                             ? tr("Restored draft from %1 (%2 drafts kept: click one to open it)")
                                   .arg(draftTime(shown->updatedAtMs))
                                   .arg(drafts_.size())
                             : tr("Restored draft from %1").arg(draftTime(shown->updatedAtMs)));
    }
    list_->clear();
    for (const crm::NoteDraft& d : drafts_) {
        auto* item = new QListWidgetItem(describe(d), list_);
        item->setToolTip(d.text);
        if (d.key == shownKey_) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    list_->setVisible(drafts_.size() > 1);
}

void RestoredDraftsBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace agentdesk::widgets
