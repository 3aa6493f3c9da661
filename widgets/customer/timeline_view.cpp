#include "widgets/customer/timeline_view.h"

#include <algorithm>

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "widgets/common/format.h"
#include "widgets/common/tone.h"
#include "widgets/customer/customer_texts.h"
#include "widgets/customer/layout_util.h"

namespace agentdesk::widgets {

namespace {

QLabel* wrapped(const QString& text, QWidget* parent, Qt::TextFormat format = Qt::RichText) {
    auto* label = new QLabel(parent);
    label->setTextFormat(format);
    label->setText(text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

TimelineView::TimelineView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("timelineView"));
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
    rebuild();
}

void TimelineView::appendInteractions(const QList<crm::Interaction>& interactions, bool hasMore) {
    interactions_.append(interactions);
    buildSome(kEntriesPerPass);
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
    for (QPushButton* b : noteEditButtons_)
        b->setEnabled(enabled);
}

void TimelineView::rebuild() {
    noteEditButtons_.clear();
    clearLayout(entries_);
    built_ = 0;
    // During a screen pop only the first entries are above the fold: build those now, so the
    // 360 paints while the phone rings, and the rest right after, a few per event-loop pass.
    buildSome(kFirstEntries);
    updateFooter();
}

void TimelineView::buildSome(int count) {
    const int end = std::min<int>(interactions_.size(), built_ + count);
    for (; built_ < end; ++built_)
        entries_->addWidget(makeEntry(interactions_[built_]));
    if (built_ < interactions_.size() && !buildScheduled_) {
        buildScheduled_ = true;
        // A rebuild in between resets built_, so this continues with whatever list is current.
        QTimer::singleShot(0, this, [this] {
            buildScheduled_ = false;
            buildSome(kEntriesPerPass);
        });
    }
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

QWidget* TimelineView::makeEntry(const crm::Interaction& i) {
    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("interaction_%1").arg(i.id));
    frame->setProperty("interactionEntry", true);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setStyleSheet(QStringLiteral(
        "QFrame[interactionEntry=\"true\"]{border:1px solid palette(mid);border-radius:6px;"
        "background:palette(base);}"));
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(3);

    QStringList head;
    head << QStringLiteral("<b>%1</b>").arg(formatDateTime(i.startedAt).toHtmlEscaped());
    head << CustomerTexts::channel(i.channel, i.direction).toHtmlEscaped();
    if (!i.queue.isEmpty())
        head << queueLabel(i.queue).toHtmlEscaped();
    if (i.channel == QLatin1String("call"))
        head << tr("%1 talk", "talk time of the call").arg(formatDuration(i.durationSec));
    else if (i.channel != QLatin1String("memo") && i.durationSec > 0)
        head << formatDuration(i.durationSec);
    auto* header = wrapped(head.join(QStringLiteral(" · ")), frame);
    header->setObjectName(QStringLiteral("interactionHeader"));
    layout->addWidget(header);

    QStringList facts;
    if (!i.reason.isEmpty())
        facts << QStringLiteral("<b>%1</b>").arg(i.reason.toHtmlEscaped());
    if (!i.endReason.isEmpty())
        facts << CustomerTexts::endReason(i.endReason).toHtmlEscaped();
    if (!i.wrapupCode.isEmpty())
        facts << tr("Wrap-up: %1", "처리 코드").arg(wrapupLabel(i.wrapupCode)).toHtmlEscaped();
    if (!i.agentName.isEmpty())
        facts << tr("Agent: %1", "상담사").arg(i.agentName).toHtmlEscaped();
    if (!facts.isEmpty()) {
        auto* detail = wrapped(facts.join(QStringLiteral(" · ")), frame);
        detail->setObjectName(QStringLiteral("interactionDetail"));
        layout->addWidget(detail);
    }
    for (const crm::Note& note : i.notes)
        layout->addWidget(makeNote(note));
    return frame;
}

QWidget* TimelineView::makeNote(const crm::Note& note) {
    auto* box = new QFrame(this);
    box->setObjectName(QStringLiteral("note_%1").arg(note.id));
    box->setProperty("noteBox", true);
    box->setStyleSheet(
        QStringLiteral("QFrame[noteBox=\"true\"]{background:palette(alternate-base);border-left:"
                       "3px solid #9fb3c8;}"));
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(8, 4, 6, 4);
    layout->setSpacing(2);
    auto* text = wrapped(note.text.isEmpty() ? tr("(empty note)") : note.text, box, Qt::PlainText);
    text->setObjectName(QStringLiteral("noteText"));
    layout->addWidget(text);
    auto* meta = new QHBoxLayout;
    const QDateTime when = note.updatedAt.isValid() ? note.updatedAt : note.createdAt;
    QString metaText = formatDateTime(when);
    if (note.version > 1)
        metaText += QStringLiteral(" · ") + tr("edited (version %1)").arg(note.version);
    auto* metaLabel = new QLabel(metaText, box);
    metaLabel->setStyleSheet(toneStyle(Tone::Hint));
    meta->addWidget(metaLabel, 1);
    auto* edit = new QPushButton(tr("Edit"), box);
    edit->setObjectName(QStringLiteral("editNoteButton_%1").arg(note.id));
    edit->setFlat(true);
    edit->setCursor(Qt::PointingHandCursor);
    edit->setStyleSheet(QStringLiteral(
        "QPushButton{color:palette(link);text-decoration:underline;border:none;padding:0 4px;}"
        "QPushButton:disabled{color:palette(mid);}"));
    edit->setToolTip(tr("Edit this note"));
    edit->setEnabled(noteEditEnabled_);
    connect(edit, &QPushButton::clicked, this, [this, note] { emit editNoteRequested(note); });
    noteEditButtons_.append(edit);
    meta->addWidget(edit);
    layout->addLayout(meta);
    return box;
}

}  // namespace agentdesk::widgets
