#pragma once
// Notes and wrap-up codes (docs/api.md 8).
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace agentdesk::crm {

struct Note {
    QString id, authorId, callId, customerId, idempotencyKey, text, wrapupCode;
    QDateTime createdAt, updatedAt;
    int version = 0;
    static Note fromJson(const QJsonObject& o);
};

struct WrapupCode {
    QString code, category, labelKo, labelEn, templateKo, templateEn;
    QString label(const QString& lang) const {
        return lang == QLatin1String("en") && !labelEn.isEmpty() ? labelEn : labelKo;
    }
    QString noteTemplate(const QString& lang) const {
        return lang == QLatin1String("en") ? templateEn : templateKo;
    }
    static WrapupCode fromJson(const QJsonObject& o);
};

// "ko" when the UI runs in Korean (the default QLocale), else "en": which label and template of
// a code to show.
QString noteLanguage();

}  // namespace agentdesk::crm
