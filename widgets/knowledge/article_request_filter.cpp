#include "widgets/knowledge/article_request_filter.h"

#include "widgets/knowledge/article_scheme.h"

namespace agentdesk::widgets {

bool ArticleRequestFilter::isAllowed(const QUrl& url) {
    const QString scheme = url.scheme().toLower();
    return scheme == articleScheme() || scheme == QLatin1String("data") ||
           scheme == QLatin1String("about");
}

void ArticleRequestFilter::interceptRequest(QWebEngineUrlRequestInfo& info) {
    // No logging here: the URL may carry personal data, and this runs on the IO thread.
    if (!isAllowed(info.requestUrl()))
        info.block(true);
}

}  // namespace agentdesk::widgets
