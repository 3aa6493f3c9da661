#pragma once
// The one error type of the client core (docs/architecture.md): transport failures (curl code),
// HTTP statuses and the server's {"error":{code,message}} are kept apart. Only 2xx is success.
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace agentdesk::crm {

struct ApiError {
    enum class Kind {
        None,       // success
        Transport,  // no HTTP answer: connect refused, timeout, TLS, reset (curlCode set)
        Http,       // a non-2xx answer (httpStatus, and code/message from the body when present)
        Protocol,   // a 2xx answer the client cannot understand (bad JSON, missing field)
    };

    Kind kind = Kind::None;
    int curlCode = 0;    // CURLcode, Transport only
    int httpStatus = 0;  // Http (and Protocol: the 2xx status)
    QString code;        // server error code ("invalid_state"), or a client code for the others
    QString message;     // server message, curl's description, or what did not parse
    QJsonObject body;    // the whole error body (fields[], current note on 409 version_conflict)

    bool ok() const { return kind == Kind::None; }
    explicit operator bool() const { return !ok(); }  // true when there is an error

    // Worth trying again later unchanged: no answer at all (except TLS failures, which need a
    // settings change), 408, 429 and 5xx.
    bool retryable() const;
    bool isTls() const;
    bool isUnauthorized() const { return kind == Kind::Http && httpStatus == 401; }

    // The per-field messages of a 400/422 answer (body "error.fields": [{field, message}],
    // docs/api.md 1.6) keyed by field name ("email", "phones[1].number", "scores.greeting");
    // the first message of a field wins. Empty for other errors.
    QMap<QString, QString> fieldErrors() const;

    // One line for logs: "http 409 invalid_state: answer or reject first".
    QString describe() const;

    static ApiError transport(int curlCode, const QString& message);
    // Builds the Http error from a non-2xx response body (JSON error object or plain text).
    static ApiError http(int status, const QByteArray& body);
    static ApiError protocol(int status, const QString& message);
};

}  // namespace agentdesk::crm
