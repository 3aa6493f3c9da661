#include "widgets/knowledge/article_html.h"

#include <QFile>

namespace agentdesk::widgets {

QString articleStyleSheet() {
    static const QString css = [] {
        QFile file(QStringLiteral(":/agentdesk/knowledge/article.css"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }();
    return css;
}

QString articleDocumentHtml(const crm::KbArticle& article) {
    const QString lang =
        article.lang == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("ko");
    // bodyHtml is sanitised by the server (server/kb/html_content.cpp); the title only goes
    // into <title>, escaped.
    return QStringLiteral(
               "<!DOCTYPE html><html lang=\"%1\"><head><meta charset=\"utf-8\">"
               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
               "style-src 'unsafe-inline'; img-src data:\">"
               "<title>%2</title><style>%3</style></head><body>%4</body></html>")
        .arg(lang, article.title.toHtmlEscaped(), articleStyleSheet(), article.bodyHtml);
}

}  // namespace agentdesk::widgets
