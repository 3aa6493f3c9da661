#pragma once
// The article view's page: it shows exactly the HTML it is given. A click on a link to another
// article is turned into articleLinkActivated() (the panel opens it through KnowledgeSearch);
// every other navigation — external links, typed URLs, redirects — is refused, and nothing is
// handed to the desktop's browser.
#include <QWebEnginePage>

namespace agentdesk::widgets {

class ArticlePage : public QWebEnginePage {
    Q_OBJECT
public:
    ArticlePage(QWebEngineProfile* profile, QObject* parent = nullptr);

    // What the page does with a navigation (a pure function, tested on its own).
    enum class Decision { Load, OpenArticle, Refuse };
    static Decision decide(const QUrl& url, NavigationType type, bool isMainFrame);

signals:
    void articleLinkActivated(const QString& articleId);
    // A link outside the knowledge base was clicked and refused.
    void externalLinkRefused(const QUrl& url);

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;
};

}  // namespace agentdesk::widgets
