#pragma once
// One knowledge article on screen: a header (back, title, tags, updated date, "from saved
// copy"), the body in a Qt WebEngine view with its own off-the-record profile (JavaScript and
// plugins off, every request outside the article scheme and data: blocked), and a footer with
// "insert into note" and helpful / not helpful. The knowledge panel creates it on the first
// article, so starting the app never starts WebEngine.
#include <QSet>
#include <QWidget>

#include "crm/model/knowledge.h"

class QAction;
class QLabel;
class QToolButton;
class QWebEngineProfile;
class QWebEngineView;

namespace agentdesk::widgets {

class ArticlePage;

class ArticleView : public QWidget {
    Q_OBJECT
public:
    // insertSelection: the panel's "insert into note" action, shown in the footer and the
    // page's context menu.
    explicit ArticleView(QAction* insertSelection, QWidget* parent = nullptr);
    ~ArticleView() override;

    void showLoading(const QString& articleId);
    void showArticle(const crm::KbArticle& article, bool fromCache);
    void showError(const QString& message);
    // Feedback needs the server; while offline the buttons are disabled.
    void setFeedbackEnabled(bool enabled);

    QString articleId() const { return article_.id; }
    const crm::KbArticle& article() const { return article_; }
    bool fromCache() const { return fromCache_; }
    bool loaded() const { return loaded_; }
    // The text selected in the page, as plain text (empty when nothing is selected).
    QString selectedText() const;

    QWebEngineView* webView() const { return web_; }
    ArticlePage* page() const { return page_; }
    QWebEngineProfile* profile() const { return profile_; }

signals:
    void backRequested();
    void articleLinkActivated(const QString& articleId);
    void feedbackGiven(const QString& articleId, bool helpful);
    // The page finished loading the current article's HTML.
    void articleLoaded(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateMeta();
    void updateFeedback();
    void giveFeedback(bool helpful);

    QWebEngineProfile* profile_;
    ArticlePage* page_;
    QWebEngineView* web_;
    QToolButton* back_;
    QLabel* title_;
    QLabel* meta_;
    QLabel* savedCopy_;
    QLabel* message_;
    QToolButton* insert_;
    QLabel* feedbackPrompt_;
    QToolButton* helpful_;
    QToolButton* notHelpful_;
    QLabel* thanks_;

    crm::KbArticle article_;
    bool fromCache_ = false;
    bool loaded_ = false;
    bool feedbackEnabled_ = true;
    bool opening_ = false;  // "Opening the article…" shown (retranslated with the rest)
    QSet<QString> rated_;   // articles rated in this session: one vote each
};

}  // namespace agentdesk::widgets
