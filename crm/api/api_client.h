#pragma once
// Typed calls for every endpoint the desktop app and agentdesk-cli use (docs/api.md), on top of
// HttpTransport. Results are parsed into crm/model types.
//
// Every call names a context QObject living on this client's thread: the handler runs on that
// thread only while both the context and this client exist; an answer arriving after either is
// destroyed is dropped (the transport cancels a context's requests when it goes). Handlers may
// therefore capture the context (usually `this` of the caller) and nothing that can die sooner.
//
// Commands that change call or agent state return the request id they send as X-Request-Id
// at once, so a session can match the events that carry it even before the 202 arrives.
#include <algorithm>
#include <functional>
#include <optional>

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include "crm/model/agent.h"
#include "crm/model/assist.h"
#include "crm/model/call.h"
#include "crm/model/customer.h"
#include "crm/model/knowledge.h"
#include "crm/model/login_lockout.h"
#include "crm/model/note.h"
#include "crm/model/queue_stats.h"
#include "crm/model/session_info.h"
#include "crm/model/training.h"
#include "crm/net/http_transport.h"

namespace agentdesk::crm {

struct NoteSubmission {
    QString idempotencyKey, callId, customerId, wrapupCode, text;
    QJsonObject toJson() const;
};

class ApiClient : public QObject {
    Q_OBJECT
public:
    using RequestId = HttpTransport::RequestId;
    template <typename T>
    using Handler = std::function<void(const T&, const ApiError&)>;
    using DoneHandler = std::function<void(const ApiError&)>;
    using JsonHandler = std::function<void(const QJsonDocument&, const ApiError&)>;
    using RawHandler = std::function<void(const HttpResponse&, const ApiError&)>;

    // baseUrl ends in /api/v1, e.g. "http://127.0.0.1:8780/api/v1"; several, comma-separated,
    // are the nodes of one center: requests go to one of them, and a request that gets no HTTP
    // answer at all (refused, timed out) moves the client to the next (failover()).
    ApiClient(HttpTransport& transport, QString baseUrl, QObject* parent = nullptr);
    ~ApiClient() override;

    // The address requests go to now.
    QString baseUrl() const { return servers_.at(current_); }
    // One address that names the center whichever node answers and in whatever order the
    // addresses were given (the smallest): it names the local store's owner, so drafts and the
    // outbox stay with the user and the center, not the node.
    QString primaryUrl() const { return *std::min_element(servers_.begin(), servers_.end()); }
    // Every address, comma-separated, as given.
    QString serverList() const { return servers_.join(QLatin1Char(',')); }
    // A request to `failedBase` got no answer: when it is still the current address and there
    // is another, the next one becomes current (serverChanged).
    void failover(const QString& failedBase);
    void setToken(const QString& token) { token_ = token; }
    QString token() const { return token_; }
    void setTimeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }
    HttpTransport& transport() { return transport_; }

    // Building blocks (the outbox replays stored requests through sendRaw).
    RequestId sendRaw(QObject* context, const QByteArray& method, const QString& path,
                      const QByteArray& body, RawHandler handler, const QByteArray& requestId = {});
    RequestId sendJson(QObject* context, const QByteArray& method, const QString& path,
                       const std::optional<QJsonObject>& body, JsonHandler handler,
                       const QByteArray& requestId = {});
    HttpRequest makeRequest(const QByteArray& method, const QString& path) const;
    void cancel(RequestId id) { transport_.cancel(id); }
    static QString newRequestId();

    // Sessions
    RequestId health(QObject* context, JsonHandler handler);
    RequestId login(QObject* context, const QString& username, const QString& password,
                    Handler<LoginResult> handler);
    RequestId logout(QObject* context, DoneHandler handler);
    RequestId capabilities(QObject* context, Handler<Capabilities> handler);
    RequestId snapshot(QObject* context, Handler<Snapshot> handler);
    RequestId me(QObject* context, Handler<Agent> handler);
    RequestId agents(QObject* context, Handler<QList<Agent>> handler);

    // Agent and call commands (202 + events); each returns its request id.
    QString setState(QObject* context, AgentState state, const QString& reason,
                     DoneHandler handler);
    QString callAction(QObject* context, const QString& callId, const QString& action,
                       DoneHandler handler, const std::optional<QJsonObject>& body = std::nullopt);
    QString hangup(QObject* context, const QString& callId, bool forAbuse, DoneHandler handler);
    QString transfer(QObject* context, const QString& callId, const QString& targetKind,
                     const QString& target, const QString& mode, DoneHandler handler);
    QString sendDtmf(QObject* context, const QString& callId, const QString& digits,
                     DoneHandler handler);
    QString setRecordingPaused(QObject* context, const QString& callId, bool paused,
                               DoneHandler handler);
    QString wrapup(QObject* context, const QString& callId, const QString& code,
                   const QString& noteId, const QString& nextState, DoneHandler handler);
    // Click-to-dial: a number, or a customer's phone by id. The handler gets the call id.
    QString dial(QObject* context, const QString& number, const QString& customerId,
                 const QString& phoneId, Handler<QString> handler);
    RequestId currentCall(QObject* context, Handler<std::optional<Call>> handler);
    RequestId queues(QObject* context, const QString& window, Handler<QList<QueueStats>> handler);

    // CRM
    RequestId customersByPhone(QObject* context, const QString& phone,
                               Handler<QList<CustomerListItem>> handler);
    RequestId searchCustomers(QObject* context, const QString& query, int limit,
                              Handler<QList<CustomerListItem>> handler);
    // The raw JSON comes along for the offline cache.
    RequestId customer360(
        QObject* context, const QString& customerId,
        std::function<void(const Customer360&, const QByteArray& raw, const ApiError&)> handler);
    RequestId interactions(
        QObject* context, const QString& customerId, const QDateTime& before, int limit,
        std::function<void(const QList<Interaction>&, bool hasMore, const ApiError&)> handler);
    RequestId createCustomer(QObject* context, const CustomerDraft& customer,
                             Handler<Customer360> handler);
    RequestId patchCustomer(QObject* context, const QString& customerId,
                            const CustomerDraft& changes, Handler<Customer360> handler);
    RequestId wrapupCodes(QObject* context, Handler<QList<WrapupCode>> handler);
    RequestId createNote(QObject* context, const NoteSubmission& note, Handler<Note> handler);
    RequestId updateNote(QObject* context, const QString& noteId, const QString& text,
                         const QString& wrapupCode, int version, Handler<Note> handler);
    RequestId note(QObject* context, const QString& noteId, Handler<Note> handler);

    // Knowledge
    RequestId searchKnowledge(QObject* context, const QString& query, int limit,
                              const QString& lang, Handler<QList<KbHit>> handler);
    RequestId suggestKnowledge(QObject* context, const QString& intent, int limit,
                               Handler<QList<KbHit>> handler);
    // Only articles in `lang` ("ko", "en"; empty: every language).
    RequestId suggestKnowledge(QObject* context, const QString& intent, int limit,
                               const QString& lang, Handler<QList<KbHit>> handler);
    RequestId article(
        QObject* context, const QString& articleId,
        std::function<void(const KbArticle&, const QByteArray& raw, const ApiError&)> handler);
    RequestId articleFeedback(QObject* context, const QString& articleId, bool helpful,
                              DoneHandler handler);

    // Demo and training (trainer, team lead)
    RequestId injectDemoCall(QObject* context, const InjectCallRequest& call, DoneHandler handler);
    RequestId evaluate(QObject* context, const QJsonObject& evaluation, JsonHandler handler);
    RequestId evaluations(QObject* context, const QString& agentId,
                          Handler<QList<Evaluation>> handler);
    // Agent assist: a call's transcript, checklist and mood (its counselor or a supervisor).
    RequestId callTranscript(QObject* context, const QString& callId,
                             Handler<CallTranscript> handler);
    RequestId demoScenarios(QObject* context, Handler<QList<DemoScenario>> handler);
    RequestId startScenario(QObject* context, const QString& scenarioId, DoneHandler handler);
    RequestId stopDemo(QObject* context, DoneHandler handler);
    RequestId resetDemo(QObject* context, DoneHandler handler);
    RequestId demoStatus(QObject* context, Handler<DemoStatus> handler);
    RequestId setDemoRate(QObject* context, double callsPerMin, DoneHandler handler);

    // Supervision of a live call (team lead): mode listen | whisper | barge.
    QString supervise(QObject* context, const QString& callId, const QString& mode,
                      DoneHandler handler);
    QString stopSupervising(QObject* context, const QString& callId, DoneHandler handler);

    // Login lockouts (team lead): the running ones, and clearing one (kind "user" or
    // "address"; 404 when that key has none any more).
    RequestId loginLockouts(QObject* context, Handler<QList<LoginLockout>> handler);
    RequestId clearLoginLockout(QObject* context, const QString& kind, const QString& key,
                                DoneHandler handler);

signals:
    // A request made with a token got 401: the session is over (expired or revoked).
    void unauthorized();
    // Requests now go to this address (another node of the center).
    void serverChanged(const QString& baseUrl);

private:
    template <typename T, typename Parse>
    RequestId getTyped(QObject* context, const QString& path, Handler<T> handler, Parse parse);
    // A GET whose parsed object and raw JSON (for the offline cache) both go to the handler.
    template <typename T>
    RequestId getWithRaw(QObject* context, const QString& path,
                         std::function<void(const T&, const QByteArray&, const ApiError&)> handler);
    // A request whose answer body does not matter, only whether it succeeded.
    RequestId sendDone(QObject* context, const QByteArray& method, const QString& path,
                       const QJsonObject& body, DoneHandler handler);
    QString command(QObject* context, const QByteArray& method, const QString& path,
                    const std::optional<QJsonObject>& body, DoneHandler handler);

    HttpTransport& transport_;
    QStringList servers_;  // never empty
    int current_ = 0;
    QString token_;
    std::chrono::milliseconds timeout_{15000};
};

}  // namespace agentdesk::crm
