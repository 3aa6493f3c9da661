#include "widgets/customer/timeline_view.h"

#include <algorithm>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "widgets/common/format.h"
#include "widgets/common/tone.h"
#include "widgets/customer/customer_texts.h"
#include "widgets/customer/timeline_entry.h"

namespace agentdesk::widgets {

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent), entryCards_([this] {
          auto* entry = new TimelineEntry(this);
          connect(entry, &TimelineEntry::editNoteRequested, this, &TimelineView::editNoteRequested);
          entries_->addWidget(entry);
          return entry;
      }) {
    setObjectName(QStringLiteral("timelineView"));
    finishTimer_ = new QTimer(this);
    finishTimer_->setSingleShot(true);
    finishTimer_->setInterval(kFinishAfterMs);
    connect(finishTimer_, &QTimer::timeout, this, &TimelineView::finish);
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    root->setSpacing(6);
    empty_ = new QLabel(this);
    empty_->setObjectName(QStringLiteral("timelineEmptyLabel"));
    empty_->setStyleSheet(toneStyle(Tone::Hint));
    root->addWidget(empty_);
    entries_ = new QVBoxLayout;
    entries_->setSpacing(6);
    root->addLayout(entries_);
    auto* footer = new QHBoxLayout;
    footerStatus_ = new QLabel(this);
    footerStatus_->setObjectName(QStringLiteral("timelineFooterLabel"));
    footerStatus_->setWordWrap(true);
    footerStatus_->setStyleSheet(toneStyle(Tone::Hint));
    footer->addWidget(footerStatus_, 1);
    more_ = new QPushButton(this);
    more_->setObjectName(QStringLiteral("loadMoreInteractionsButton"));
    connect(more_, &QPushButton::clicked, this, &TimelineView::moreRequested);
    footer->addWidget(more_);
    root->addLayout(footer);
    retranslate();
}

void TimelineView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TimelineView::retranslate() {
    empty_->setText(tr("No contacts yet."));
    more_->setText(tr("Show older contacts"));
    rebuild();
}

void TimelineView::setInteractions(const QList<crm::Interaction>& interactions, bool hasMore) {
    interactions_ = interactions;
    hasMore_ = hasMore;
    loadingMore_ = false;
    moreError_.clear();
    // The first cards now (what a screen pop shows above the fold; the 360 view asks for more
    // with fillMore() until the view is covered), the rest on the next pass of the event loop.
    filled_ = 0;
    fillMore(kFirstEntries);
    // After the next paint that shows the history (the screen pop's), or after a moment if none.
    // (With every card filled in, fillMore() has finished already.)
    finishPending_ = filled_ < interactions_.size();
    if (finishPending_)
        finishTimer_->start();
    updateFooter();
}

bool TimelineView::event(QEvent* event) {
    const bool handled = QWidget::event(event);
    if (event->type() == QEvent::Paint && finishPending_) {
        finishPending_ = false;
        finishTimer_->stop();
        // Queued: the window's paint this one is part of ends first.
        QMetaObject::invokeMethod(this, &TimelineView::finish, Qt::QueuedConnection);
    }
    return handled;
}

bool TimelineView::fillMore(int count) {
    const int end = std::min<int>(interactions_.size(), filled_ + count);
    const bool more = filled_ < end;
    for (; filled_ < end; ++filled_) {
        TimelineEntry* entry = entryCards_.at(filled_);
        fill(entry, interactions_[filled_]);
        entry->setVisible(true);
    }
    // All in: cards below them still show the previous customer; they go now, since they may
    // be in view. (While some are still to fill, the unfilled ones are below the view.)
    if (filled_ == interactions_.size())
        finish();
    return more;
}

int TimelineView::filledBottom() const {
    return filled_ > 0 ? entryCards_.peek(filled_ - 1)->geometry().bottom() : 0;
}

void TimelineView::finish() {
    finishPending_ = false;
    finishTimer_->stop();
    for (; filled_ < interactions_.size(); ++filled_)
        fill(entryCards_.at(filled_), interactions_[filled_]);
    entryCards_.showFirst(interactions_.size(),
                          [](TimelineEntry* entry) { entry->setObjectName(QString()); });
}

void TimelineView::appendInteractions(const QList<crm::Interaction>& interactions, bool hasMore) {
    interactions_.append(interactions);
    finish();
    hasMore_ = hasMore;
    loadingMore_ = false;
    moreError_.clear();
    updateFooter();
}

void TimelineView::setLoadingMore(bool loading) {
    loadingMore_ = loading;
    if (loading)
        moreError_.clear();
    updateFooter();
}

void TimelineView::setMoreError(const QString& message) {
    loadingMore_ = false;
    moreError_ = message;
    updateFooter();
}

void TimelineView::setNoteEditEnabled(bool enabled) {
    noteEditEnabled_ = enabled;
    for (int i = 0; i < entryCards_.built(); ++i)
        entryCards_.at(i)->setNoteEditEnabled(enabled);
}

void TimelineView::rebuild() {
    filled_ = 0;
    finish();
    updateFooter();
}

void TimelineView::updateFooter() {
    empty_->setVisible(interactions_.isEmpty());
    more_->setVisible(hasMore_ && !loadingMore_);
    if (loadingMore_)
        footerStatus_->setText(tr("Loading older contacts…"));
    else if (!moreError_.isEmpty())
        footerStatus_->setText(moreError_);
    else if (!hasMore_ && !interactions_.isEmpty())
        footerStatus_->setText(tr("No older contacts."));
    else
        footerStatus_->clear();
    footerStatus_->setVisible(!footerStatus_->text().isEmpty());
}

QString TimelineView::wrapupLabel(const QString& code) const {
    const QString lang =
        QLocale().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
    for (const crm::WrapupCode& c : codes_) {
        if (c.code == code)
            return c.label(lang);
    }
    return code;
}

QString TimelineView::queueLabel(const QString& id) const {
    const bool korean = QLocale().language() == QLocale::Korean;
    for (const crm::QueueConfig& q : queues_) {
        if (q.id == id)
            return korean || q.nameEn.isEmpty() ? q.name : q.nameEn;
    }
    return id;
}

void TimelineView::fill(TimelineEntry* entry, const crm::Interaction& i) const {
    TimelineEntryTexts texts;
    texts.when = formatDateTime(i.startedAt);
    QStringList head;
    head << CustomerTexts::channel(i.channel, i.direction);
    if (!i.queue.isEmpty())
        head << queueLabel(i.queue);
    if (i.channel == QLatin1String("call"))
        head << tr("%1 talk", "talk time of the call").arg(formatDuration(i.durationSec));
    else if (i.channel != QLatin1String("memo") && i.durationSec > 0)
        head << formatDuration(i.durationSec);
    const QString dot = QStringLiteral(" · ");
    texts.head = QStringLiteral("· ") + head.join(dot);
    texts.reason = i.reason;
    QStringList facts;
    if (!i.endReason.isEmpty())
        facts << CustomerTexts::endReason(i.endReason);
    if (!i.wrapupCode.isEmpty())
        facts << tr("Wrap-up: %1", "처리 코드").arg(wrapupLabel(i.wrapupCode));
    if (!i.agentName.isEmpty())
        facts << tr("Agent: %1", "상담사").arg(i.agentName);
    if (!facts.isEmpty())
        texts.facts = (i.reason.isEmpty() ? QString() : QStringLiteral("· ")) + facts.join(dot);
    for (const crm::Note& note : i.notes) {
        TimelineEntryTexts::Note n;
        n.note = note;
        n.text = note.text.isEmpty() ? tr("(empty note)") : note.text;
        const QDateTime when = note.updatedAt.isValid() ? note.updatedAt : note.createdAt;
        n.meta = formatDateTime(when);
        if (note.version > 1)
            n.meta += dot + tr("edited (version %1)").arg(note.version);
        texts.notes.append(n);
    }
    texts.editText = tr("Edit");
    texts.editToolTip = tr("Edit this note");
    texts.copyText = tr("Copy note");
    entry->setContent(i.id, texts);
}

}  // namespace agentdesk::widgets
