#include "widgets/knowledge/article_page.h"

#include "widgets/knowledge/article_scheme.h"

namespace agentdesk::widgets {

ArticlePage::ArticlePage(QWebEngineProfile* profile, QObject* parent)
    : QWebEnginePage(profile, parent) {}

ArticlePage::Decision ArticlePage::decide(const QUrl& url, NavigationType type, bool isMainFrame) {
    // In-page anchors (#section) of the article itself.
    if (url.scheme() == articleScheme() && url.hasFragment())
        return Decision::Load;
    if (!articleIdFromUrl(url).isEmpty())
        return type == NavigationTypeLinkClicked && isMainFrame ? Decision::OpenArticle
                                                                : Decision::Refuse;
    // setHtml() loads the document as a data: URL; that is the only load we start ourselves.
    if (url.scheme() == QLatin1String("data") && isMainFrame &&
        (type == NavigationTypeTyped || type == NavigationTypeOther ||
         type == NavigationTypeReload))
        return Decision::Load;
    return Decision::Refuse;
}

bool ArticlePage::acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) {
    switch (decide(url, type, isMainFrame)) {
        case Decision::Load:
            return true;
        case Decision::OpenArticle:
            emit articleLinkActivated(articleIdFromUrl(url));
            return false;
        case Decision::Refuse:
            if (type == NavigationTypeLinkClicked)
                emit externalLinkRefused(url);
            return false;
    }
    return false;
}

QWebEnginePage* ArticlePage::createWindow(WebWindowType) {
    return nullptr;  // no pop-ups or new tabs
}

}  // namespace agentdesk::widgets
