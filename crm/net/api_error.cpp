#include "crm/net/api_error.h"

#include <curl/curl.h>
#include <QJsonArray>
#include <QJsonDocument>

namespace agentdesk::crm {

bool ApiError::isTls() const {
    if (kind != Kind::Transport)
        return false;
    switch (curlCode) {
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CRL_BADFILE:
            return true;
        default:
            return false;
    }
}

bool ApiError::retryable() const {
    switch (kind) {
        case Kind::Transport:
            return !isTls() && curlCode != CURLE_UNSUPPORTED_PROTOCOL &&
                   curlCode != CURLE_URL_MALFORMAT;
        case Kind::Http:
            return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
        default:
            return false;
    }
}

QMap<QString, QString> ApiError::fieldErrors() const {
    QMap<QString, QString> out;
    if (kind != Kind::Http)
        return out;
    const QJsonObject err = body.value(QLatin1String("error")).toObject();
    for (const QJsonValue& v : err.value(QLatin1String("fields")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString field = f.value(QLatin1String("field")).toString();
        if (!field.isEmpty() && !out.contains(field))
            out.insert(field, f.value(QLatin1String("message")).toString());
    }
    return out;
}

QString ApiError::describe() const {
    switch (kind) {
        case Kind::None:
            return QStringLiteral("ok");
        case Kind::Transport:
            return QStringLiteral("transport (curl %1): %2").arg(curlCode).arg(message);
        case Kind::Http:
            return QStringLiteral("http %1 %2: %3").arg(httpStatus).arg(code, message);
        case Kind::Protocol:
            return QStringLiteral("protocol (http %1): %2").arg(httpStatus).arg(message);
    }
    return {};
}

ApiError ApiError::transport(int curlCode, const QString& message) {
    ApiError e;
    e.kind = Kind::Transport;
    e.curlCode = curlCode;
    e.code = QStringLiteral("transport");
    e.message = message;
    return e;
}

ApiError ApiError::http(int status, const QByteArray& body) {
    ApiError e;
    e.kind = Kind::Http;
    e.httpStatus = status;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject() && doc.object().value(QLatin1String("error")).isObject()) {
        e.body = doc.object();
        const QJsonObject err = e.body.value(QLatin1String("error")).toObject();
        e.code = err.value(QLatin1String("code")).toString();
        e.message = err.value(QLatin1String("message")).toString();
    }
    if (e.code.isEmpty())
        e.code = QStringLiteral("http_%1").arg(status);
    if (e.message.isEmpty())
        e.message = QString::fromUtf8(body.left(200)).trimmed();
    return e;
}

ApiError ApiError::protocol(int status, const QString& message) {
    ApiError e;
    e.kind = Kind::Protocol;
    e.httpStatus = status;
    e.code = QStringLiteral("protocol");
    e.message = message;
    return e;
}

}  // namespace agentdesk::crm
