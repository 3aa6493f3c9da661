#pragma once
// The article view's network guard: every request the article page makes goes through it, and
// only the article scheme, data: (the page itself and inline images) and about: pass. Nothing
// remote is ever loaded, whatever an article contains.
//
// Threads: interceptRequest() runs on WebEngine's IO thread; it only reads the request.
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace agentdesk::widgets {

class ArticleRequestFilter : public QWebEngineUrlRequestInterceptor {
    Q_OBJECT
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    // The decision, as a pure function (tested on its own).
    static bool isAllowed(const QUrl& url);

    void interceptRequest(QWebEngineUrlRequestInfo& info) override;
};

}  // namespace agentdesk::widgets
