#pragma once
// A search hit's snippet as rich text we are willing to render: the server escapes the text and
// puts <mark> around matches (docs/api.md 10a). We still trust only <mark>: any other '<'
// or '>' is escaped again, so a snippet can never bring an element (an <img> loading
// something, a link) into the results list. Pure functions.
#include <QColor>
#include <QString>

namespace agentdesk::widgets {

// The snippet with only <mark>…</mark> left as markup, marks shown as highlight spans.
QString safeSnippetHtml(const QString& snippetHtml);
// The snippet's text without markup, entities decoded (for accessibility and tooltips).
QString snippetPlainText(const QString& snippetHtml);
// The background matches are highlighted with in the results list.
QColor highlightColor();
// Title (escaped) and snippet as one rich-text document for the results delegate.
QString hitRichText(const QString& title, const QString& snippetHtml, const QColor& titleColor,
                    const QColor& textColor);

}  // namespace agentdesk::widgets
