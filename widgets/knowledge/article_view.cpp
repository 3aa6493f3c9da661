#include "widgets/knowledge/article_view.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include "common/logging.h"
#include "widgets/common/format.h"
#include "widgets/common/relative_font.h"
#include "widgets/knowledge/article_html.h"
#include "widgets/knowledge/article_page.h"
#include "widgets/knowledge/article_request_filter.h"
#include "widgets/knowledge/article_scheme.h"

namespace agentdesk::widgets {

namespace {

// Settings for a page that shows trusted-but-sanitised HTML and nothing else.
void lockDown(QWebEngineSettings* s) {
    s->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    s->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    s->setAttribute(QWebEngineSettings::WebGLEnabled, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    s->setDefaultTextEncoding(QStringLiteral("utf-8"));
}

// Intent ids (billing_inquiry) are tags for the server's suggestions, not for people.
bool isMachineTag(const QString& tag) {
    if (!tag.contains(QLatin1Char('_')))
        return false;
    for (const QChar c : tag) {
        if (!(c.isLower() || c == QLatin1Char('_') || c.isDigit()))
            return false;
    }
    return true;
}

QToolButton* makeButton(const char* objectName, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setObjectName(QLatin1String(objectName));
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setAutoRaise(false);
    return b;
}

}  // namespace

ArticleView::ArticleView(QAction* insertSelection, QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("articleView"));
    agentdesk::logging::get("ui")->debug("knowledge: starting the article view (WebEngine)");

    // Off the record: no cookies, cache or history on disk; its own settings and filter.
    profile_ = new QWebEngineProfile(this);
    profile_->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    profile_->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    profile_->setUrlRequestInterceptor(new ArticleRequestFilter(profile_));
    lockDown(profile_->settings());

    web_ = new QWebEngineView(this);
    web_->setObjectName(QStringLiteral("articleWebView"));
    page_ = new ArticlePage(profile_, web_);
    lockDown(page_->settings());
    web_->setPage(page_);
    web_->setMinimumHeight(80);
    // Our own short menu instead of WebEngine's (back/reload/view source/save page).
    web_->setContextMenuPolicy(Qt::ActionsContextMenu);
    web_->addAction(page_->action(QWebEnginePage::Copy));
    web_->addAction(insertSelection);
    connect(page_, &ArticlePage::articleLinkActivated, this, &ArticleView::articleLinkActivated);
    connect(page_, &ArticlePage::externalLinkRefused, this, [this] {
        opening_ = false;
        message_->setText(tr("Links outside the knowledge base are not opened here."));
        message_->show();
    });
    connect(page_, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        loaded_ = ok;
        emit articleLoaded(ok);
    });

    back_ = makeButton("articleBack", this);
    back_->setShortcut(QKeySequence::Back);
    connect(back_, &QToolButton::clicked, this, &ArticleView::backRequested);

    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("articleTitle"));
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::PlainText);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setRelativeFont(title_, 1.12, true);

    meta_ = new QLabel(this);
    meta_->setObjectName(QStringLiteral("articleMeta"));
    meta_->setTextFormat(Qt::PlainText);
    meta_->setWordWrap(true);
    meta_->setForegroundRole(QPalette::PlaceholderText);

    savedCopy_ = new QLabel(this);
    savedCopy_->setObjectName(QStringLiteral("articleSavedCopy"));
    savedCopy_->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4ce; color: #5c4400; border-radius: 3px; padding: 1px 6px; }"));
    savedCopy_->hide();

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("articleMessage"));
    message_->setWordWrap(true);
    message_->hide();

    insert_ = makeButton("insertSelectionButton", this);
    insert_->setDefaultAction(insertSelection);
    insert_->setToolButtonStyle(Qt::ToolButtonTextOnly);

    feedbackPrompt_ = new QLabel(this);
    feedbackPrompt_->setObjectName(QStringLiteral("feedbackPrompt"));
    helpful_ = makeButton("helpfulButton", this);
    notHelpful_ = makeButton("notHelpfulButton", this);
    connect(helpful_, &QToolButton::clicked, this, [this] { giveFeedback(true); });
    connect(notHelpful_, &QToolButton::clicked, this, [this] { giveFeedback(false); });
    thanks_ = new QLabel(this);
    thanks_->setObjectName(QStringLiteral("feedbackThanks"));
    thanks_->hide();

    auto* header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(back_, 0, Qt::AlignTop);
    auto* titleBox = new QVBoxLayout;
    titleBox->setSpacing(2);
    titleBox->addWidget(title_);
    auto* metaRow = new QHBoxLayout;
    metaRow->setSpacing(6);
    metaRow->addWidget(meta_, 1);
    metaRow->addWidget(savedCopy_, 0, Qt::AlignTop);
    titleBox->addLayout(metaRow);
    titleBox->addWidget(message_);
    header->addLayout(titleBox, 1);

    auto* footer = new QHBoxLayout;
    footer->setSpacing(6);
    footer->addWidget(insert_);
    footer->addStretch(1);
    footer->addWidget(feedbackPrompt_);
    footer->addWidget(helpful_);
    footer->addWidget(notHelpful_);
    footer->addWidget(thanks_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(web_, 1);
    layout->addLayout(footer);

    retranslate();
    updateFeedback();
}

ArticleView::~ArticleView() {
    // The page must go before its profile (WebEngine warns and may crash otherwise); both are
    // children of this widget, the profile created first, so delete the view by hand.
    delete web_;
}

void ArticleView::showLoading(const QString& articleId) {
    Q_UNUSED(articleId);
    loaded_ = false;
    opening_ = true;
    message_->setText(tr("Opening the article…"));
    message_->show();
}

void ArticleView::showArticle(const crm::KbArticle& article, bool fromCache) {
    article_ = article;
    fromCache_ = fromCache;
    loaded_ = false;
    opening_ = false;
    message_->hide();
    title_->setText(article.title);
    savedCopy_->setVisible(fromCache);
    updateMeta();
    updateFeedback();
    page_->setHtml(articleDocumentHtml(article), articleUrl(article.id));
}

void ArticleView::showError(const QString& message) {
    opening_ = false;
    message_->setText(message);
    message_->show();
}

void ArticleView::setFeedbackEnabled(bool enabled) {
    feedbackEnabled_ = enabled;
    updateFeedback();
}

QString ArticleView::selectedText() const {
    return page_->selectedText();
}

void ArticleView::giveFeedback(bool helpful) {
    if (article_.id.isEmpty() || rated_.contains(article_.id) || !feedbackEnabled_)
        return;
    rated_.insert(article_.id);
    updateFeedback();
    emit feedbackGiven(article_.id, helpful);
}

void ArticleView::updateFeedback() {
    const bool hasArticle = !article_.id.isEmpty();
    const bool rated = rated_.contains(article_.id);
    feedbackPrompt_->setVisible(hasArticle && !rated);
    helpful_->setVisible(hasArticle && !rated);
    notHelpful_->setVisible(hasArticle && !rated);
    thanks_->setVisible(hasArticle && rated);
    helpful_->setEnabled(feedbackEnabled_);
    notHelpful_->setEnabled(feedbackEnabled_);
    const QString tip =
        feedbackEnabled_ ? QString() : tr("Feedback needs the connection to the server.");
    helpful_->setToolTip(tip);
    notHelpful_->setToolTip(tip);
}

void ArticleView::updateMeta() {
    QStringList parts;
    QStringList tags;
    for (const QString& tag : article_.tags) {
        if (!isMachineTag(tag))
            tags << QLatin1Char('#') + tag;
    }
    if (!tags.isEmpty())
        parts << tags.join(QLatin1Char(' '));
    if (article_.updatedAt.isValid())
        parts << tr("Updated %1").arg(formatDateTime(article_.updatedAt));
    meta_->setText(parts.join(QStringLiteral("  ·  ")));
    meta_->setVisible(!parts.isEmpty());
}

void ArticleView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ArticleView::retranslate() {
    back_->setText(tr("← Results", "Back from an article to the search results"));
    back_->setToolTip(tr("Back to the search results (%1)")
                          .arg(back_->shortcut().toString(QKeySequence::NativeText)));
    savedCopy_->setText(tr("From saved copy", "The article was opened from the local cache"));
    savedCopy_->setToolTip(
        tr("The server could not be reached; this is the copy saved when the article was last "
           "opened."));
    feedbackPrompt_->setText(tr("Was this helpful?"));
    helpful_->setText(tr("Helpful"));
    notHelpful_->setText(tr("Not helpful"));
    thanks_->setText(tr("Thanks for your feedback."));
    if (opening_)
        message_->setText(tr("Opening the article…"));
    updateMeta();
    updateFeedback();
}

}  // namespace agentdesk::widgets
