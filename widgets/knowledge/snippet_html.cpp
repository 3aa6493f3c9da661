#include "widgets/knowledge/snippet_html.h"

#include <QTextDocument>

namespace agentdesk::widgets {

QString safeSnippetHtml(const QString& snippetHtml) {
    // Placeholders from the C0 range never occur in the server's escaped text.
    static const QChar open(0x0001), close(0x0002);
    QString s = snippetHtml;
    s.replace(QLatin1String("<mark>"), open, Qt::CaseInsensitive);
    s.replace(QLatin1String("</mark>"), close, Qt::CaseInsensitive);
    s.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    s.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    // QTextDocument does not render <mark>; a span with a background does the same.
    s.replace(open, QStringLiteral("<span style=\"background-color:%1;font-weight:600\">")
                        .arg(highlightColor().name()));
    s.replace(close, QLatin1String("</span>"));
    return s;
}

QString snippetPlainText(const QString& snippetHtml) {
    QTextDocument doc;
    doc.setHtml(safeSnippetHtml(snippetHtml));
    return doc.toPlainText();
}

QColor highlightColor() {
    return QColor(0xff, 0xe5, 0x8f);
}

QString hitRichText(const QString& title, const QString& snippetHtml, const QColor& titleColor,
                    const QColor& textColor) {
    return QStringLiteral(
               "<div style=\"color:%1;font-weight:700\">%2</div>"
               "<div style=\"color:%3\">%4</div>")
        .arg(titleColor.name(), title.toHtmlEscaped(), textColor.name(),
             safeSnippetHtml(snippetHtml));
}

}  // namespace agentdesk::widgets
