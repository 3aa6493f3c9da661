#include "crm/model/knowledge.h"

#include "crm/model/json_read.h"

namespace agentdesk::crm {

KbHit KbHit::fromJson(const QJsonObject& o) {
    KbHit h;
    h.id = json::str(o, "id");
    h.title = json::str(o, "title");
    h.snippetHtml = json::str(o, "snippet");
    h.lang = json::str(o, "lang");
    h.tags = json::strings(o, "tags");
    h.score = json::number(o, "score");
    h.fuzzy = json::boolean(o, "fuzzy");
    return h;
}

KbArticle KbArticle::fromJson(const QJsonObject& o) {
    KbArticle a;
    a.id = json::str(o, "id");
    a.title = json::str(o, "title");
    a.bodyHtml = json::str(o, "bodyHtml");
    a.lang = json::str(o, "lang");
    a.tags = json::strings(o, "tags");
    a.updatedAt = json::time(o, "updatedAt");
    a.helpful = json::integer(o, "helpful");
    a.notHelpful = json::integer(o, "notHelpful");
    return a;
}

}  // namespace agentdesk::crm
