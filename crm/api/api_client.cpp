#include "crm/api/api_client.h"

#include <QJsonArray>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrl>

#include "common/logging.h"

namespace agentdesk::crm {

namespace {

QString enc(const QString& v) {
    return QString::fromLatin1(QUrl::toPercentEncoding(v));
}

template <typename T>
std::optional<T> objectOf(const QJsonDocument& doc) {
    if (!doc.isObject())
        return std::nullopt;
    return T::fromJson(doc.object());
}

template <typename T>
std::optional<QList<T>> listOf(const QJsonDocument& doc) {
    if (!doc.isArray())
        return std::nullopt;
    QList<T> out;
    for (const QJsonValue& v : doc.array())
        out.append(T::fromJson(v.toObject()));
    return out;
}

}  // namespace

QJsonObject NoteSubmission::toJson() const {
    QJsonObject o{{"idempotencyKey", idempotencyKey},
                  {"customerId", customerId},
                  {"wrapupCode", wrapupCode},
                  {"text", text}};
    if (!callId.isEmpty())
        o.insert(QStringLiteral("callId"), callId);
    return o;
}

ApiClient::ApiClient(HttpTransport& transport, QString baseUrl, QObject* parent)
    : QObject(parent), transport_(transport) {
    const QStringList parts = baseUrl.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString part : parts) {
        part = part.trimmed();
        while (part.endsWith(QLatin1Char('/')))
            part.chop(1);
        if (!part.isEmpty() && !servers_.contains(part))
            servers_.append(part);
    }
    if (servers_.isEmpty())
        servers_.append(QString());  // every request then fails as a transport error
}

void ApiClient::failover(const QString& failedBase) {
    if (servers_.size() < 2 || failedBase != baseUrl())
        return;  // one address, or another request already moved on
    current_ = (current_ + 1) % static_cast<int>(servers_.size());
    logging::get("net")->warn("{} did not answer; going on with {}", failedBase.toStdString(),
                              baseUrl().toStdString());
    emit serverChanged(baseUrl());
}

ApiClient::~ApiClient() = default;

QString ApiClient::newRequestId() {
    auto* rng = QRandomGenerator::global();
    return QStringLiteral("c-%1%2")
        .arg(rng->generate64(), 16, 16, QLatin1Char('0'))
        .arg(rng->generate(), 8, 16, QLatin1Char('0'));
}

HttpRequest ApiClient::makeRequest(const QByteArray& method, const QString& path) const {
    HttpRequest r;
    r.method = method;
    r.url = baseUrl() + path;
    r.timeout = timeout_;
    r.setHeader("Accept", "application/json");
    if (!token_.isEmpty())
        r.setHeader("Authorization", "Bearer " + token_.toUtf8());
    return r;
}

ApiClient::RequestId ApiClient::sendRaw(QObject* context, const QByteArray& method,
                                        const QString& path, const QByteArray& body,
                                        RawHandler handler, const QByteArray& requestId) {
    HttpRequest r = makeRequest(method, path);
    if (!body.isEmpty() || method != "GET") {
        r.setHeader("Content-Type", "application/json; charset=utf-8");
        r.body = body;
    }
    if (!requestId.isEmpty())
        r.setHeader("X-Request-Id", requestId);
    Q_ASSERT_X(context && context->thread() == thread(), "ApiClient",
               "a call's context lives on the client's thread");
    const bool withToken = !token_.isEmpty();
    // The transport drops the answer when the context is destroyed; `self` drops it when this
    // client went first (both live on one thread, so the check cannot race the destruction).
    return transport_.send(
        std::move(r), context,
        [self = QPointer<ApiClient>(this), withToken, base = baseUrl(),
         handler = std::move(handler)](const HttpResponse& resp, const ApiError& err) {
            if (!self)
                return;
            if (withToken && err.isUnauthorized())
                emit self->unauthorized();
            if (err.kind == ApiError::Kind::Transport)
                self->failover(base);
            if (handler)
                handler(resp, err);
        });
}

ApiClient::RequestId ApiClient::sendJson(QObject* context, const QByteArray& method,
                                         const QString& path,
                                         const std::optional<QJsonObject>& body,
                                         JsonHandler handler, const QByteArray& requestId) {
    const QByteArray bytes =
        body ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray();
    return sendRaw(
        context, method, path, bytes,
        [handler = std::move(handler)](const HttpResponse& resp, const ApiError& err) {
            if (!handler)
                return;
            if (err) {
                handler(QJsonDocument(), err);
                return;
            }
            if (resp.body.isEmpty()) {
                handler(QJsonDocument(), err);
                return;
            }
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(resp.body, &parseError);
            if (parseError.error != QJsonParseError::NoError) {
                handler(
                    QJsonDocument(),
                    ApiError::protocol(
                        resp.status, QStringLiteral("not JSON: %1").arg(parseError.errorString())));
                return;
            }
            handler(doc, err);
        },
        requestId);
}

template <typename T, typename Parse>
ApiClient::RequestId ApiClient::getTyped(QObject* context, const QString& path, Handler<T> handler,
                                         Parse parse) {
    return sendJson(
        context, "GET", path, std::nullopt,
        [handler = std::move(handler), parse](const QJsonDocument& doc, const ApiError& err) {
            if (err) {
                handler(T{}, err);
                return;
            }
            std::optional<T> value = parse(doc);
            if (!value) {
                handler(T{}, ApiError::protocol(200, QStringLiteral("unexpected JSON shape")));
                return;
            }
            handler(*value, err);
        });
}

template <typename T>
ApiClient::RequestId ApiClient::getWithRaw(
    QObject* context, const QString& path,
    std::function<void(const T&, const QByteArray&, const ApiError&)> handler) {
    return sendRaw(
        context, "GET", path, {},
        [handler = std::move(handler)](const HttpResponse& resp, const ApiError& err) {
            if (err) {
                handler({}, {}, err);
                return;
            }
            const QJsonDocument doc = QJsonDocument::fromJson(resp.body);
            if (!doc.isObject()) {
                handler({}, {},
                        ApiError::protocol(resp.status, QStringLiteral("not a JSON object")));
                return;
            }
            handler(T::fromJson(doc.object()), resp.body, err);
        });
}

QString ApiClient::command(QObject* context, const QByteArray& method, const QString& path,
                           const std::optional<QJsonObject>& body, DoneHandler handler) {
    const QString requestId = newRequestId();
    sendJson(
        context, method, path, body,
        [handler = std::move(handler)](const QJsonDocument&, const ApiError& err) {
            if (handler)
                handler(err);
        },
        requestId.toUtf8());
    return requestId;
}

// --- sessions --------------------------------------------------------------------------------

ApiClient::RequestId ApiClient::health(QObject* context, JsonHandler handler) {
    return sendJson(context, "GET", QStringLiteral("/health"), std::nullopt, std::move(handler));
}

ApiClient::RequestId ApiClient::login(QObject* context, const QString& username,
                                      const QString& password, Handler<LoginResult> handler) {
    const QJsonObject body{{"username", username}, {"password", password}};
    return sendJson(
        context, "POST", QStringLiteral("/sessions"), body,
        [this, handler = std::move(handler)](const QJsonDocument& doc, const ApiError& err) {
            if (err) {
                handler({}, err);
                return;
            }
            const auto result = objectOf<LoginResult>(doc);
            if (!result || result->token.isEmpty()) {
                handler({}, ApiError::protocol(201, QStringLiteral("no token")));
                return;
            }
            token_ = result->token;
            handler(*result, err);
        });
}

ApiClient::RequestId ApiClient::logout(QObject* context, DoneHandler handler) {
    return sendJson(
        context, "DELETE", QStringLiteral("/sessions/current"), std::nullopt,
        [this, handler = std::move(handler)](const QJsonDocument&, const ApiError& err) {
            if (!err)
                token_.clear();
            if (handler)
                handler(err);
        });
}

ApiClient::RequestId ApiClient::capabilities(QObject* context, Handler<Capabilities> handler) {
    return getTyped<Capabilities>(context, QStringLiteral("/capabilities"), std::move(handler),
                                  objectOf<Capabilities>);
}

ApiClient::RequestId ApiClient::snapshot(QObject* context, Handler<Snapshot> handler) {
    return getTyped<Snapshot>(context, QStringLiteral("/snapshot"), std::move(handler),
                              objectOf<Snapshot>);
}

ApiClient::RequestId ApiClient::me(QObject* context, Handler<Agent> handler) {
    return getTyped<Agent>(context, QStringLiteral("/agents/me"), std::move(handler),
                           objectOf<Agent>);
}

ApiClient::RequestId ApiClient::agents(QObject* context, Handler<QList<Agent>> handler) {
    return getTyped<QList<Agent>>(context, QStringLiteral("/agents"), std::move(handler),
                                  listOf<Agent>);
}

// --- commands --------------------------------------------------------------------------------

QString ApiClient::setState(QObject* context, AgentState state, const QString& reason,
                            DoneHandler handler) {
    QJsonObject body{{"state", agentStateToString(state)}};
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    return command(context, "PUT", QStringLiteral("/agents/me/state"), body, std::move(handler));
}

QString ApiClient::callAction(QObject* context, const QString& callId, const QString& action,
                              DoneHandler handler, const std::optional<QJsonObject>& body) {
    return command(context, "POST", QStringLiteral("/calls/%1/%2").arg(enc(callId), action),
                   body ? body : QJsonObject(), std::move(handler));
}

QString ApiClient::hangup(QObject* context, const QString& callId, bool forAbuse,
                          DoneHandler handler) {
    QJsonObject body;
    if (forAbuse)
        body.insert(QStringLiteral("reason"), QStringLiteral("abuse"));
    return callAction(context, callId, QStringLiteral("hangup"), std::move(handler), body);
}

QString ApiClient::transfer(QObject* context, const QString& callId, const QString& targetKind,
                            const QString& target, const QString& mode, DoneHandler handler) {
    const QJsonObject body{{"to", QJsonObject{{targetKind, target}}}, {"mode", mode}};
    return callAction(context, callId, QStringLiteral("transfer"), std::move(handler), body);
}

QString ApiClient::sendDtmf(QObject* context, const QString& callId, const QString& digits,
                            DoneHandler handler) {
    return callAction(context, callId, QStringLiteral("dtmf"), std::move(handler),
                      QJsonObject{{"digits", digits}});
}

QString ApiClient::setRecordingPaused(QObject* context, const QString& callId, bool paused,
                                      DoneHandler handler) {
    return callAction(context, callId, QStringLiteral("recording"), std::move(handler),
                      QJsonObject{{"paused", paused}});
}

QString ApiClient::wrapup(QObject* context, const QString& callId, const QString& code,
                          const QString& noteId, const QString& nextState, DoneHandler handler) {
    QJsonObject body{{"code", code}};
    if (!noteId.isEmpty())
        body.insert(QStringLiteral("noteId"), noteId);
    if (!nextState.isEmpty())
        body.insert(QStringLiteral("nextState"), nextState);
    return callAction(context, callId, QStringLiteral("wrapup"), std::move(handler), body);
}

QString ApiClient::dial(QObject* context, const QString& number, const QString& customerId,
                        const QString& phoneId, Handler<QString> handler) {
    QJsonObject body;
    if (!number.isEmpty())
        body.insert(QStringLiteral("number"), number);
    if (!customerId.isEmpty())
        body.insert(QStringLiteral("customerId"), customerId);
    if (!phoneId.isEmpty())
        body.insert(QStringLiteral("phoneId"), phoneId);
    const QString requestId = newRequestId();
    sendJson(
        context, "POST", QStringLiteral("/calls"), body,
        [handler = std::move(handler)](const QJsonDocument& doc, const ApiError& err) {
            handler(doc.object().value(QLatin1String("callId")).toString(), err);
        },
        requestId.toUtf8());
    return requestId;
}

ApiClient::RequestId ApiClient::currentCall(QObject* context,
                                            Handler<std::optional<Call>> handler) {
    return sendJson(context, "GET", QStringLiteral("/calls/current"), std::nullopt,
                    [handler = std::move(handler)](const QJsonDocument& doc, const ApiError& err) {
                        if (err.kind == ApiError::Kind::Http && err.httpStatus == 404) {
                            handler(std::nullopt, {});  // no current call is an answer
                            return;
                        }
                        if (err || !doc.isObject()) {
                            handler(std::nullopt, err);
                            return;
                        }
                        handler(Call::fromJson(doc.object()), err);
                    });
}

ApiClient::RequestId ApiClient::queues(QObject* context, const QString& window,
                                       Handler<QList<QueueStats>> handler) {
    const QString path = window.isEmpty() ? QStringLiteral("/queues")
                                          : QStringLiteral("/queues?window=%1").arg(enc(window));
    return getTyped<QList<QueueStats>>(context, path, std::move(handler), listOf<QueueStats>);
}

// --- CRM -------------------------------------------------------------------------------------

ApiClient::RequestId ApiClient::customersByPhone(QObject* context, const QString& phone,
                                                 Handler<QList<CustomerListItem>> handler) {
    return getTyped<QList<CustomerListItem>>(context,
                                             QStringLiteral("/customers?phone=%1").arg(enc(phone)),
                                             std::move(handler), listOf<CustomerListItem>);
}

ApiClient::RequestId ApiClient::searchCustomers(QObject* context, const QString& query, int limit,
                                                Handler<QList<CustomerListItem>> handler) {
    return getTyped<QList<CustomerListItem>>(
        context, QStringLiteral("/customers?q=%1&limit=%2").arg(enc(query)).arg(limit),
        std::move(handler), listOf<CustomerListItem>);
}

ApiClient::RequestId ApiClient::customer360(
    QObject* context, const QString& customerId,
    std::function<void(const Customer360&, const QByteArray&, const ApiError&)> handler) {
    return getWithRaw<Customer360>(
        context, QStringLiteral("/customers/%1/360").arg(enc(customerId)), std::move(handler));
}

ApiClient::RequestId ApiClient::interactions(
    QObject* context, const QString& customerId, const QDateTime& before, int limit,
    std::function<void(const QList<Interaction>&, bool, const ApiError&)> handler) {
    QString path =
        QStringLiteral("/customers/%1/interactions?limit=%2").arg(enc(customerId)).arg(limit);
    if (before.isValid())
        path += QStringLiteral("&before=") + enc(before.toUTC().toString(Qt::ISODate));
    return sendJson(
        context, "GET", path, std::nullopt,
        [handler = std::move(handler)](const QJsonDocument& doc, const ApiError& err) {
            QList<Interaction> items;
            for (const QJsonValue& v : doc.object().value(QLatin1String("items")).toArray())
                items.append(Interaction::fromJson(v.toObject()));
            handler(items, doc.object().value(QLatin1String("hasMore")).toBool(), err);
        });
}

ApiClient::RequestId ApiClient::createCustomer(QObject* context, const CustomerDraft& customer,
                                               Handler<Customer360> handler) {
    return sendJson(context, "POST", QStringLiteral("/customers"), customer.toJson(),
                    [handler = std::move(handler)](const QJsonDocument& doc, const ApiError& err) {
                        handler(err ? Customer360{} : Customer360::fromJson(doc.object()), err);
                    });
}

ApiClient::RequestId ApiClient::patchCustomer(QObject* context, const QString& customerId,
                                              const CustomerDraft& changes,
                                              Handler<Customer360> handler) {
    return sendJson(context, "PATCH", QStringLiteral("/customers/%1").arg(enc(customerId)),
                    changes.toJson(),
                    [handler = std::move(handler)](const QJsonDocument& doc, const ApiError& err) {
                        handler(err ? Customer360{} : Customer360::fromJson(doc.object()), err);
                    });
}

ApiClient::RequestId ApiClient::wrapupCodes(QObject* context, Handler<QList<WrapupCode>> handler) {
    return getTyped<QList<WrapupCode>>(context, QStringLiteral("/wrapup-codes"), std::move(handler),
                                       listOf<WrapupCode>);
}

ApiClient::RequestId ApiClient::createNote(QObject* context, const NoteSubmission& note,
                                           Handler<Note> handler) {
    return sendJson(context, "POST", QStringLiteral("/notes"), note.toJson(),
                    [handler = std::move(handler)](const QJsonDocument& doc, const ApiError& err) {
                        handler(err ? Note{} : Note::fromJson(doc.object()), err);
                    });
}

ApiClient::RequestId ApiClient::updateNote(QObject* context, const QString& noteId,
                                           const QString& text, const QString& wrapupCode,
                                           int version, Handler<Note> handler) {
    const QJsonObject body{{"text", text}, {"wrapupCode", wrapupCode}, {"version", version}};
    return sendJson(context, "PUT", QStringLiteral("/notes/%1").arg(enc(noteId)), body,
                    [handler = std::move(handler)](const QJsonDocument& doc, const ApiError& err) {
                        handler(err ? Note{} : Note::fromJson(doc.object()), err);
                    });
}

ApiClient::RequestId ApiClient::note(QObject* context, const QString& noteId,
                                     Handler<Note> handler) {
    return getTyped<Note>(context, QStringLiteral("/notes/%1").arg(enc(noteId)), std::move(handler),
                          objectOf<Note>);
}

// --- knowledge -------------------------------------------------------------------------------

ApiClient::RequestId ApiClient::searchKnowledge(QObject* context, const QString& query, int limit,
                                                const QString& lang,
                                                Handler<QList<KbHit>> handler) {
    QString path = QStringLiteral("/kb/search?q=%1&limit=%2").arg(enc(query)).arg(limit);
    if (!lang.isEmpty())
        path += QStringLiteral("&lang=") + enc(lang);
    return getTyped<QList<KbHit>>(context, path, std::move(handler), listOf<KbHit>);
}

ApiClient::RequestId ApiClient::suggestKnowledge(QObject* context, const QString& intent, int limit,
                                                 Handler<QList<KbHit>> handler) {
    return suggestKnowledge(context, intent, limit, QString(), std::move(handler));
}

ApiClient::RequestId ApiClient::suggestKnowledge(QObject* context, const QString& intent, int limit,
                                                 const QString& lang,
                                                 Handler<QList<KbHit>> handler) {
    QString path = QStringLiteral("/kb/search?intent=%1&limit=%2").arg(enc(intent)).arg(limit);
    if (!lang.isEmpty())
        path += QStringLiteral("&lang=") + enc(lang);
    return getTyped<QList<KbHit>>(context, path, std::move(handler), listOf<KbHit>);
}

ApiClient::RequestId ApiClient::article(
    QObject* context, const QString& articleId,
    std::function<void(const KbArticle&, const QByteArray&, const ApiError&)> handler) {
    return getWithRaw<KbArticle>(context, QStringLiteral("/kb/articles/%1").arg(enc(articleId)),
                                 std::move(handler));
}

ApiClient::RequestId ApiClient::articleFeedback(QObject* context, const QString& articleId,
                                                bool helpful, DoneHandler handler) {
    return sendJson(context, "POST", QStringLiteral("/kb/articles/%1/feedback").arg(enc(articleId)),
                    QJsonObject{{"helpful", helpful}},
                    [handler = std::move(handler)](const QJsonDocument&, const ApiError& err) {
                        if (handler)
                            handler(err);
                    });
}

// --- demo and training -----------------------------------------------------------------------

ApiClient::RequestId ApiClient::injectDemoCall(QObject* context, const InjectCallRequest& call,
                                               DoneHandler handler) {
    return sendDone(context, "POST", QStringLiteral("/demo/calls"), call.toJson(),
                    std::move(handler));
}

ApiClient::RequestId ApiClient::evaluate(QObject* context, const QJsonObject& evaluation,
                                         JsonHandler handler) {
    return sendJson(context, "POST", QStringLiteral("/evaluations"), evaluation,
                    std::move(handler));
}

ApiClient::RequestId ApiClient::evaluations(QObject* context, const QString& agentId,
                                            Handler<QList<Evaluation>> handler) {
    QString path = QStringLiteral("/evaluations");
    if (!agentId.isEmpty())
        path += QStringLiteral("?agentId=") + enc(agentId);
    return getTyped<QList<Evaluation>>(context, path, std::move(handler), listOf<Evaluation>);
}

ApiClient::RequestId ApiClient::callTranscript(QObject* context, const QString& callId,
                                               Handler<CallTranscript> handler) {
    return getTyped<CallTranscript>(
        context, QStringLiteral("/calls/") + enc(callId) + QStringLiteral("/transcript"),
        std::move(handler), objectOf<CallTranscript>);
}

ApiClient::RequestId ApiClient::demoScenarios(QObject* context,
                                              Handler<QList<DemoScenario>> handler) {
    return getTyped<QList<DemoScenario>>(context, QStringLiteral("/demo/scenarios"),
                                         std::move(handler), listOf<DemoScenario>);
}

ApiClient::RequestId ApiClient::demoStatus(QObject* context, Handler<DemoStatus> handler) {
    return getTyped<DemoStatus>(context, QStringLiteral("/demo/status"), std::move(handler),
                                objectOf<DemoStatus>);
}

ApiClient::RequestId ApiClient::startScenario(QObject* context, const QString& scenarioId,
                                              DoneHandler handler) {
    return sendDone(context, "POST",
                    QStringLiteral("/demo/scenarios/%1/start").arg(enc(scenarioId)), QJsonObject(),
                    std::move(handler));
}

ApiClient::RequestId ApiClient::stopDemo(QObject* context, DoneHandler handler) {
    return sendDone(context, "POST", QStringLiteral("/demo/stop"), QJsonObject(),
                    std::move(handler));
}

ApiClient::RequestId ApiClient::resetDemo(QObject* context, DoneHandler handler) {
    return sendDone(context, "POST", QStringLiteral("/demo/reset"), QJsonObject(),
                    std::move(handler));
}

ApiClient::RequestId ApiClient::setDemoRate(QObject* context, double callsPerMin,
                                            DoneHandler handler) {
    return sendDone(context, "PUT", QStringLiteral("/demo/rate"),
                    QJsonObject{{QStringLiteral("callsPerMin"), callsPerMin}}, std::move(handler));
}

ApiClient::RequestId ApiClient::sendDone(QObject* context, const QByteArray& method,
                                         const QString& path, const QJsonObject& body,
                                         DoneHandler handler) {
    return sendJson(context, method, path, body,
                    [handler = std::move(handler)](const QJsonDocument&, const ApiError& err) {
                        if (handler)
                            handler(err);
                    });
}

QString ApiClient::supervise(QObject* context, const QString& callId, const QString& mode,
                             DoneHandler handler) {
    return command(context, "POST", QStringLiteral("/calls/%1/supervise").arg(enc(callId)),
                   QJsonObject{{QStringLiteral("mode"), mode}}, std::move(handler));
}

QString ApiClient::stopSupervising(QObject* context, const QString& callId, DoneHandler handler) {
    return command(context, "POST", QStringLiteral("/calls/%1/supervise/stop").arg(enc(callId)),
                   QJsonObject(), std::move(handler));
}

// --- login lockouts --------------------------------------------------------------------------

ApiClient::RequestId ApiClient::loginLockouts(QObject* context,
                                              Handler<QList<LoginLockout>> handler) {
    return getTyped<QList<LoginLockout>>(context, QStringLiteral("/login-lockouts"),
                                         std::move(handler), listOf<LoginLockout>);
}

ApiClient::RequestId ApiClient::clearLoginLockout(QObject* context, const QString& kind,
                                                  const QString& key, DoneHandler handler) {
    return sendJson(context, "DELETE",
                    QStringLiteral("/login-lockouts/%1/%2").arg(enc(kind), enc(key)), std::nullopt,
                    [handler = std::move(handler)](const QJsonDocument&, const ApiError& err) {
                        if (handler)
                            handler(err);
                    });
}

}  // namespace agentdesk::crm
