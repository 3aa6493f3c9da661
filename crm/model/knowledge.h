#pragma once
// Knowledge search hits and articles (docs/api.md 10a).
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace agentdesk::crm {

struct KbHit {
    QString id, title, snippetHtml, lang;  // snippet: HTML-escaped text with <mark> around matches
    QStringList tags;
    double score = 0;
    bool fuzzy = false;
    static KbHit fromJson(const QJsonObject& o);
};

struct KbArticle {
    QString id, title, bodyHtml, lang;  // bodyHtml is sanitised by the server
    QStringList tags;
    QDateTime updatedAt;
    int helpful = 0, notHelpful = 0;
    static KbArticle fromJson(const QJsonObject& o);
};

}  // namespace agentdesk::crm
