#include "widgets/knowledge/knowledge_panel.h"

#include <algorithm>

#include <QAction>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "common/logging.h"
#include "widgets/common/error_text.h"
#include "widgets/knowledge/article_view.h"
#include "widgets/knowledge/hit_delegate.h"
#include "widgets/knowledge/hit_list_model.h"

namespace agentdesk::widgets {

KnowledgePanel::KnowledgePanel(crm::KnowledgeSearch& search, QWidget* parent)
    : QWidget(parent), search_(search) {
    setObjectName(QStringLiteral("knowledgePanel"));

    insertSelection_ = new QAction(this);
    insertSelection_->setObjectName(QStringLiteral("insertSelection"));
    insertSelection_->setEnabled(false);
    connect(insertSelection_, &QAction::triggered, this, &KnowledgePanel::insertSelection);

    searchPage_ = new QWidget(this);
    searchPage_->setObjectName(QStringLiteral("knowledgeSearchPage"));

    box_ = new QLineEdit(searchPage_);
    box_->setObjectName(QStringLiteral("knowledgeSearchBox"));
    box_->setClearButtonEnabled(true);
    box_->setMaxLength(200);  // the server takes 500 bytes; 200 Hangul syllables stay below
    box_->installEventFilter(this);
    connect(box_, &QLineEdit::textChanged, this, &KnowledgePanel::onTextChanged);
    connect(box_, &QLineEdit::returnPressed, this, [this] {
        search_.setQuery(box_->text());
        search_.searchNow();
    });

    // A thin running bar under the box; it keeps its space when hidden so nothing jumps.
    busy_ = new QProgressBar(searchPage_);
    busy_->setObjectName(QStringLiteral("knowledgeBusy"));
    busy_->setRange(0, 0);
    busy_->setTextVisible(false);
    busy_->setFixedHeight(3);
    QSizePolicy keep = busy_->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    busy_->setSizePolicy(keep);
    busy_->hide();
    connect(&search_, &crm::KnowledgeSearch::busyChanged, busy_, &QWidget::setVisible);

    heading_ = new QLabel(searchPage_);
    heading_->setObjectName(QStringLiteral("knowledgeHeading"));
    heading_->setTextFormat(Qt::PlainText);
    QFont headingFont = heading_->font();
    headingFont.setBold(true);
    heading_->setFont(headingFont);

    offline_ = new QLabel(searchPage_);
    offline_->setObjectName(QStringLiteral("knowledgeOffline"));
    offline_->setWordWrap(true);
    offline_->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4ce; color: #5c4400; border-radius: 3px; padding: 2px 6px; }"));
    offline_->hide();

    status_ = new QLabel(searchPage_);
    status_->setObjectName(QStringLiteral("knowledgeStatus"));
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::PlainText);
    status_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    status_->setForegroundRole(QPalette::PlaceholderText);

    model_ = new HitListModel(this);
    list_ = new QListView(searchPage_);
    list_->setObjectName(QStringLiteral("knowledgeResults"));
    list_->setModel(model_);
    list_->setItemDelegate(new HitDelegate(list_));
    list_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setResizeMode(QListView::Adjust);
    list_->setUniformItemSizes(false);
    list_->setWordWrap(true);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setMouseTracking(true);
    list_->viewport()->setCursor(Qt::PointingHandCursor);
    connect(list_, &QListView::clicked, this,
            [this](const QModelIndex& index) { openArticle(model_->idAt(index.row())); });
    connect(list_, &QListView::activated, this,
            [this](const QModelIndex& index) { openArticle(model_->idAt(index.row())); });

    auto* searchLayout = new QVBoxLayout(searchPage_);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    searchLayout->setSpacing(4);
    searchLayout->addWidget(box_);
    searchLayout->addWidget(busy_);
    searchLayout->addWidget(offline_);
    searchLayout->addWidget(heading_);
    searchLayout->addWidget(status_);
    searchLayout->addWidget(list_, 1);

    stack_ = new QStackedWidget(this);
    stack_->addWidget(searchPage_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(stack_);

    connect(&search_, &crm::KnowledgeSearch::resultsReady, this, &KnowledgePanel::onResults);
    connect(&search_, &crm::KnowledgeSearch::searchFailed, this, &KnowledgePanel::onSearchFailed);
    connect(&search_, &crm::KnowledgeSearch::suggestionsReady, this,
            &KnowledgePanel::onSuggestions);
    connect(&search_, &crm::KnowledgeSearch::articleReady, this, &KnowledgePanel::onArticle);
    connect(&search_, &crm::KnowledgeSearch::articleFailed, this, &KnowledgePanel::onArticleFailed);

    retranslate();
    updateList();
}

KnowledgePanel::~KnowledgePanel() = default;

void KnowledgePanel::suggestForIntent(const QString& intent, const QString& intentLabel) {
    intent_ = intent;
    intentLabel_ = intentLabel.isEmpty() ? intent : intentLabel;
    suggestions_.clear();
    if (!intent.isEmpty())
        search_.suggestForIntent(intent);
    updateList();
}

void KnowledgePanel::focusSearch() {
    showResults();
    box_->setFocus(Qt::ShortcutFocusReason);
    box_->selectAll();
}

void KnowledgePanel::setOnline(bool online) {
    online_ = online;
    if (article_)
        article_->setFeedbackEnabled(online);
    updateList();
}

bool KnowledgePanel::showingArticle() const {
    return article_ && stack_->currentWidget() == article_;
}

void KnowledgePanel::openArticle(const QString& articleId) {
    if (articleId.isEmpty())
        return;
    // A double click is a click and an activation: open once.
    if (showingArticle() && (pendingArticle_ == articleId ||
                             (pendingArticle_.isEmpty() && article_->articleId() == articleId)))
        return;
    ensureArticleView();
    pendingArticle_ = articleId;
    article_->showLoading(articleId);
    stack_->setCurrentWidget(article_);
    search_.openArticle(articleId);
}

void KnowledgePanel::ensureArticleView() {
    if (article_)
        return;
    article_ = new ArticleView(insertSelection_, stack_);
    article_->setFeedbackEnabled(online_);
    stack_->addWidget(article_);
    connect(article_, &ArticleView::backRequested, this, &KnowledgePanel::showResults);
    connect(article_, &ArticleView::articleLinkActivated, this, &KnowledgePanel::openArticle);
    connect(article_, &ArticleView::feedbackGiven, &search_, &crm::KnowledgeSearch::sendFeedback);
}

void KnowledgePanel::showResults() {
    pendingArticle_.clear();
    stack_->setCurrentWidget(searchPage_);
    insertSelection_->setEnabled(false);
    list_->setFocus(Qt::OtherFocusReason);
}

void KnowledgePanel::onArticle(const crm::KbArticle& article, bool fromCache) {
    if (!article_ || article.id != pendingArticle_)
        return;  // the counselor has moved on
    pendingArticle_.clear();
    article_->showArticle(article, fromCache);
    insertSelection_->setEnabled(showingArticle());
}

void KnowledgePanel::onArticleFailed(const QString& articleId, const crm::ApiError& error) {
    if (!article_ || articleId != pendingArticle_)
        return;
    pendingArticle_.clear();
    agentdesk::logging::get("ui")->info("knowledge: article {} failed: {}", articleId.toStdString(),
                                        error.describe().toStdString());
    article_->showError(tr("The article could not be opened. %1").arg(errorText(error)));
}

void KnowledgePanel::insertSelection() {
    if (!showingArticle() || article_->articleId().isEmpty())
        return;
    QString text = article_->selectedText().trimmed();
    if (text.isEmpty())
        text = article_->article().title;
    emit insertIntoNote(text);
}

void KnowledgePanel::onTextChanged(const QString& text) {
    search_.setQuery(text);
    if (text.trimmed().isEmpty()) {
        // Back to the suggestions at once; the empty query's answer only confirms it.
        mode_ = Mode::Idle;
        results_.clear();
        updateList();
    }
}

void KnowledgePanel::onResults(const QString& query, const QList<crm::KbHit>& hits) {
    // Only the answer to what is in the box now: KnowledgeSearch cancels superseded requests,
    // and an answer that arrives while a newer query waits out the typing pause is stale too.
    if (query != box_->text().trimmed())
        return;
    shownQuery_ = query;
    results_ = hits;
    mode_ = query.isEmpty() ? Mode::Idle : hits.isEmpty() ? Mode::NoResults : Mode::Results;
    updateList();
}

void KnowledgePanel::onSearchFailed(const QString& query, const crm::ApiError& error) {
    if (query != box_->text().trimmed())
        return;
    agentdesk::logging::get("ui")->info("knowledge: search failed: {}",
                                        error.describe().toStdString());
    shownQuery_ = query;
    results_.clear();
    error_ = error;
    mode_ = Mode::Failed;
    updateList();
}

void KnowledgePanel::onSuggestions(const QString& intent, const QList<crm::KbHit>& hits) {
    if (intent != intent_)
        return;
    suggestions_ = hits;
    updateList();
}

void KnowledgePanel::updateList() {
    const bool suggesting = mode_ == Mode::Idle && !intent_.isEmpty();
    QString heading;
    QString status;
    switch (mode_) {
        case Mode::Idle:
            if (suggesting) {
                heading = tr("Suggested for: %1", "Articles suggested for the call's IVR intent")
                              .arg(intentLabel_);
                if (suggestions_.isEmpty())
                    status = tr("No suggested articles yet. Type to search.");
            } else {
                status = tr("Type a few words to search the knowledge base.");
            }
            break;
        case Mode::Results:
            // No %n plural: "10 results" reads the same in Korean and needs no numerus forms.
            heading = tr("Results for “%1”: %2", "search query, number of articles")
                          .arg(shownQuery_, QString::number(results_.size()));
            break;
        case Mode::NoResults:
            status = tr("No articles match “%1”. Try other or fewer words.").arg(shownQuery_);
            break;
        case Mode::Failed:
            status = online_ ? tr("Search failed. %1").arg(errorText(error_))
                             : tr("The knowledge base cannot be searched while offline.");
            break;
    }
    const QList<crm::KbHit>& shown =
        mode_ == Mode::Results ? results_ : (suggesting ? suggestions_ : QList<crm::KbHit>());
    if (model_->hits().size() != shown.size() ||
        !std::equal(shown.begin(), shown.end(), model_->hits().begin(),
                    [](const crm::KbHit& a, const crm::KbHit& b) {
                        return a.id == b.id && a.snippetHtml == b.snippetHtml;
                    }))
        model_->setHits(shown);
    heading_->setText(heading);
    heading_->setVisible(!heading.isEmpty());
    status_->setText(status);
    status_->setVisible(!status.isEmpty());
    offline_->setVisible(!online_);
}

bool KnowledgePanel::eventFilter(QObject* watched, QEvent* event) {
    // Down from the search box into the results, as in a browser's address bar.
    if (watched == box_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down && model_->rowCount() > 0) {
            list_->setFocus(Qt::TabFocusReason);
            list_->setCurrentIndex(model_->index(0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void KnowledgePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void KnowledgePanel::retranslate() {
    box_->setPlaceholderText(tr("Search the knowledge base"));
    box_->setToolTip(tr("Results appear as you type; Enter searches at once."));
    box_->setAccessibleName(tr("Search knowledge"));
    box_->setAccessibleDescription(box_->toolTip());
    list_->setAccessibleName(tr("Knowledge articles"));
    insertSelection_->setText(tr("Insert into note",
                                 "Copy the selected article text into the "
                                 "after-call note"));
    insertSelection_->setToolTip(
        tr("Insert the selected text (or the article's title) into the call note"));
    offline_->setText(
        tr("Offline: search may not answer; articles you opened before open from the saved "
           "copy."));
    updateList();
}

}  // namespace agentdesk::widgets
