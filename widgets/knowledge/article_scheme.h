#pragma once
// The URL scheme knowledge articles are shown under (agentdesk-kb://article/<id>) and how article
// links in a body ("kb:<id>", docs/api.md) map to article ids. The scheme must be registered before
// the QApplication exists; main() and the test main call registerArticleUrlScheme().
#include <QString>
#include <QUrl>

namespace agentdesk::widgets {

// Registers the agentdesk-kb scheme with Qt WebEngine (once; later calls do nothing).
void registerArticleUrlScheme();

// "agentdesk-kb"
QString articleScheme();
// agentdesk-kb://article/<id>: the base URL an article's page is loaded with.
QUrl articleUrl(const QString& articleId);
// The article an URL points to: "kb:<id>" (links in article bodies) or
// agentdesk-kb://article/<id>; empty for anything else.
QString articleIdFromUrl(const QUrl& url);

}  // namespace agentdesk::widgets
