#include "widgets/knowledge/article_scheme.h"

#include <QWebEngineUrlScheme>

namespace agentdesk::widgets {

namespace {
const char kScheme[] = "agentdesk-kb";
const QString kHost = QStringLiteral("article");

// Article ids are short tokens (kb-ko-001); anything else is not an article link.
bool plausibleId(const QString& id) {
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ||
              c == QLatin1Char('.')))
            return false;
    }
    return true;
}
}  // namespace

void registerArticleUrlScheme() {
    static bool registered = false;
    if (registered)
        return;
    registered = true;
    QWebEngineUrlScheme scheme(kScheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Secure so a page under it is a secure context; local so remote pages can never reach it.
    // Not LocalAccessAllowed: an article has no business reading file: URLs.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

QString articleScheme() {
    return QString::fromLatin1(kScheme);
}

QUrl articleUrl(const QString& articleId) {
    QUrl url;
    url.setScheme(articleScheme());
    url.setHost(kHost);
    url.setPath(QLatin1Char('/') + articleId);
    return url;
}

QString articleIdFromUrl(const QUrl& url) {
    QString id;
    if (url.scheme() == QLatin1String("kb")) {
        id = url.path();
    } else if (url.scheme() == articleScheme() && url.host() == kHost) {
        id = url.path().mid(1);
    }
    return plausibleId(id) ? id : QString();
}

}  // namespace agentdesk::widgets
