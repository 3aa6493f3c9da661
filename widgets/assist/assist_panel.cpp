#include "widgets/assist/assist_panel.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/assist/assist_texts.h"

namespace agentdesk::widgets {

namespace {

constexpr int kArticleIdRole = Qt::UserRole + 1;

QLabel* sectionTitle(QWidget* parent, const char* name) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

}  // namespace

AssistPanel::AssistPanel(crm::AssistSession& assist, QWidget* parent)
    : QWidget(parent),
      assist_(assist),
      title_(sectionTitle(this, "assistTitle")),
      mood_(new QLabel(this)),
      abuseBar_(new QFrame(this)),
      abuseText_(new QLabel(abuseBar_)),
      warn_(new QPushButton(abuseBar_)),
      dismiss_(new QPushButton(abuseBar_)),
      transcriptTitle_(sectionTitle(this, "assistTranscriptTitle")),
      empty_(new QLabel(this)),
      transcript_(new QListWidget(this)),
      suggestionsTitle_(sectionTitle(this, "assistSuggestionsTitle")),
      suggestions_(new QListWidget(this)),
      checklistTitle_(sectionTitle(this, "assistChecklistTitle")),
      checklist_(new QListWidget(this)) {
    setObjectName(QStringLiteral("assistPanel"));
    mood_->setObjectName(QStringLiteral("assistMood"));
    mood_->setContentsMargins(6, 2, 6, 2);
    abuseBar_->setObjectName(QStringLiteral("assistAbuseBar"));
    abuseBar_->setStyleSheet(QStringLiteral(
        "#assistAbuseBar { background: #fdecea; border: 1px solid #c62828; border-radius: 4px; }"
        "#assistAbuseBar QLabel { color: #5c0f0a; }"));
    abuseText_->setObjectName(QStringLiteral("assistAbuseText"));
    abuseText_->setWordWrap(true);
    warn_->setObjectName(QStringLiteral("assistPlayWarning"));
    dismiss_->setObjectName(QStringLiteral("assistDismissAbuse"));
    auto* abuseLayout = new QHBoxLayout(abuseBar_);
    abuseLayout->setContentsMargins(8, 6, 8, 6);
    abuseLayout->addWidget(abuseText_, 1);
    abuseLayout->addWidget(warn_);
    abuseLayout->addWidget(dismiss_);
    abuseBar_->hide();

    empty_->setObjectName(QStringLiteral("assistEmpty"));
    empty_->setWordWrap(true);
    transcript_->setObjectName(QStringLiteral("assistTranscript"));
    transcript_->setWordWrap(true);
    transcript_->setSelectionMode(QAbstractItemView::NoSelection);
    transcript_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    suggestions_->setObjectName(QStringLiteral("assistSuggestions"));
    suggestions_->setMaximumHeight(90);
    checklist_->setObjectName(QStringLiteral("assistChecklist"));
    checklist_->setMaximumHeight(120);
    checklist_->setSelectionMode(QAbstractItemView::NoSelection);

    auto* header = new QHBoxLayout;
    header->addWidget(title_);
    header->addStretch(1);
    header->addWidget(mood_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(abuseBar_);
    layout->addWidget(transcriptTitle_);
    layout->addWidget(empty_);
    layout->addWidget(transcript_, 1);
    layout->addWidget(suggestionsTitle_);
    layout->addWidget(suggestions_);
    layout->addWidget(checklistTitle_);
    layout->addWidget(checklist_);

    connect(warn_, &QPushButton::clicked, this, [this] {
        abuseBar_->hide();
        emit warningRequested();
    });
    connect(dismiss_, &QPushButton::clicked, abuseBar_, &QWidget::hide);
    connect(suggestions_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit articleRequested(item->data(kArticleIdRole).toString());
    });
    connect(suggestions_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        emit articleRequested(item->data(kArticleIdRole).toString());
    });
    connect(&assist_, &crm::AssistSession::callChanged, this, [this] {
        abuseBar_->hide();
        reload();
    });
    connect(&assist_, &crm::AssistSession::lineAdded, this, &AssistPanel::addLine);
    connect(&assist_, &crm::AssistSession::updated, this, &AssistPanel::refreshSummary);
    connect(&assist_, &crm::AssistSession::abuseDetected, this,
            [this](const QString&, const crm::AssistLine& line) { showAbusePrompt(line); });
    retranslate();
    reload();
}

void AssistPanel::setWarningShortcut(const QKeySequence& keys) {
    warningKeys_ = keys;
    retranslate();
}

void AssistPanel::setCanWarn(bool canWarn) {
    warn_->setVisible(canWarn);
}

void AssistPanel::setUse(Use use) {
    use_ = use;
    setCanWarn(use == Use::OwnCall);
    retranslate();
}

void AssistPanel::showAbusePrompt(const crm::AssistLine& line) {
    abuseCategory_ = line.abusive;
    retranslate();
    abuseBar_->show();
}

void AssistPanel::reload() {
    transcript_->clear();
    for (const crm::AssistLine& line : assist_.lines())
        addLine(line);
    refreshSummary();
}

void AssistPanel::addLine(const crm::AssistLine& line) {
    QString text =
        QStringLiteral("%1  %2: %3")
            .arg(AssistTexts::clock(line.atSec), AssistTexts::speaker(line.speaker), line.text);
    auto* item = new QListWidgetItem(transcript_);
    if (!line.abusive.isEmpty()) {
        text = tr("⚠ %1 — %2").arg(AssistTexts::abuse(line.abusive), text);
        item->setBackground(QColor(0xfd, 0xec, 0xea));
        item->setForeground(QColor(0xb7, 0x1c, 0x1c));
    } else if (line.speaker == QLatin1String("customer") &&
               line.sentiment != QLatin1String("neutral") && !line.sentiment.isEmpty()) {
        // The line's mood as a word after the text, and its colour.
        text += QStringLiteral("  [%1]").arg(AssistTexts::mood(line.sentiment));
        item->setForeground(AssistTexts::moodColor(line.sentiment));
    }
    item->setText(text);
    item->setData(Qt::UserRole, line.index);
    transcript_->scrollToBottom();
    empty_->setVisible(transcript_->count() == 0);
}

void AssistPanel::refreshSummary() {
    const crm::AssistMood& mood = assist_.mood();
    const bool any = !assist_.lines().isEmpty();
    empty_->setVisible(!any);
    mood_->setVisible(any && !mood.overall.isEmpty());
    mood_->setText(AssistTexts::moodLine(mood.overall, mood.trend));
    const QColor c = AssistTexts::moodColor(mood.overall);
    mood_->setStyleSheet(
        QStringLiteral("color: white; background: %1; border-radius: 3px;").arg(c.name()));

    suggestions_->clear();
    for (const crm::AssistSuggestion& s : assist_.suggestions()) {
        auto* item = new QListWidgetItem(
            tr("%1 (%2% match)").arg(s.title).arg(qRound(s.score * 100)), suggestions_);
        item->setData(kArticleIdRole, s.articleId);
        item->setToolTip(tr("Open the article in the knowledge panel"));
    }
    suggestionsTitle_->setVisible(!assist_.suggestions().isEmpty());
    suggestions_->setVisible(!assist_.suggestions().isEmpty());

    checklist_->clear();
    for (const crm::AssistCheckItem& c : assist_.checklist()) {
        auto* item = new QListWidgetItem(
            c.done ? tr("✓ %1 (done)").arg(c.label) : tr("☐ %1 (not yet)").arg(c.label),
            checklist_);
        item->setFlags(Qt::ItemIsEnabled);
        if (c.done)
            item->setForeground(QColor(0x2e, 0x7d, 0x32));
    }
    checklistTitle_->setVisible(!assist_.checklist().isEmpty());
    checklist_->setVisible(!assist_.checklist().isEmpty());
}

void AssistPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QWidget::changeEvent(event);
}

void AssistPanel::retranslate() {
    title_->setText(tr("Assist"));
    transcriptTitle_->setText(use_ == Use::Review ? tr("Transcript") : tr("Live transcript"));
    transcript_->setAccessibleName(transcriptTitle_->text());
    suggestionsTitle_->setText(tr("Suggested articles"));
    checklistTitle_->setText(tr("Checklist"));
    switch (use_) {
        case Use::OwnCall:
            empty_->setText(
                tr("The call's transcript, the customer's mood and suggestions "
                   "appear here while you are on a call."));
            break;
        case Use::Listening:
            empty_->setText(
                tr("Listen to a counselor's call: its transcript and the customer's "
                   "mood appear here."));
            break;
        case Use::Review:
            empty_->setText(
                tr("The evaluated call's transcript and checklist appear here (calls "
                   "with agent assist)."));
            break;
    }
    abuseText_->setText(
        use_ == Use::OwnCall
            ? tr("Abusive language detected (%1). You may play the warning to the caller.")
                  .arg(AssistTexts::abuse(abuseCategory_))
            : tr("Abusive language detected (%1) on this call.")
                  .arg(AssistTexts::abuse(abuseCategory_)));
    warn_->setText(
        warningKeys_.isEmpty()
            ? tr("Play warning")
            : tr("Play warning (%1)").arg(warningKeys_.toString(QKeySequence::NativeText)));
    dismiss_->setText(tr("Dismiss"));
}

}  // namespace agentdesk::widgets
