#include "crm/model/note.h"

#include <QLocale>

#include "crm/model/json_read.h"

namespace agentdesk::crm {

QString noteLanguage() {
    return QLocale().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

Note Note::fromJson(const QJsonObject& o) {
    Note n;
    n.id = json::str(o, "id");
    n.authorId = json::str(o, "authorId");
    n.callId = json::str(o, "callId");
    n.customerId = json::str(o, "customerId");
    n.idempotencyKey = json::str(o, "idempotencyKey");
    n.text = json::str(o, "text");
    n.wrapupCode = json::str(o, "wrapupCode");
    n.createdAt = json::time(o, "createdAt");
    n.updatedAt = json::time(o, "updatedAt");
    n.version = json::integer(o, "version");
    return n;
}

WrapupCode WrapupCode::fromJson(const QJsonObject& o) {
    WrapupCode w;
    w.code = json::str(o, "code");
    w.category = json::str(o, "category");
    const QJsonObject labels = json::object(o, "labels");
    w.labelKo = json::str(labels, "ko");
    w.labelEn = json::str(labels, "en");
    const QJsonObject templates = json::object(o, "templates");
    w.templateKo = json::str(templates, "ko");
    w.templateEn = json::str(templates, "en");
    return w;
}

}  // namespace agentdesk::crm
