#pragma once
// The document the article view loads: the server's sanitised article body inside the project's
// stylesheet (article.css, compiled in), with a Content-Security-Policy that allows nothing
// but inline styles and data: images — a second lock behind the request filter.
#include <QString>

#include "crm/model/knowledge.h"

namespace agentdesk::widgets {

QString articleDocumentHtml(const crm::KbArticle& article);
// The stylesheet, from the resource system.
QString articleStyleSheet();

}  // namespace agentdesk::widgets
