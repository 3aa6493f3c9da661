#pragma once
// One logged-in user's connection to an AgentDesk server, assembled from the pieces of crm/:
// the API client, the event stream, the agent and call sessions, live queue figures, the note
// outbox, the 360 view and knowledge search. The desktop app and agentdesk-cli both use it.
//
// Threads: lives on one thread (the GUI thread in the app, main in the CLI); the transport and
// the store are passed in and outlive it.
#include <functional>
#include <memory>

#include <QList>
#include <QObject>
#include <QString>

#include "crm/api/api_client.h"
#include "crm/events/event_stream.h"
#include "crm/model/note.h"
#include "crm/model/session_info.h"
#include "crm/session/agent_session.h"
#include "crm/session/assist_session.h"
#include "crm/session/call_session.h"
#include "crm/session/command_tracker.h"
#include "crm/session/customer360_model.h"
#include "crm/session/knowledge_search.h"
#include "crm/session/outbox.h"
#include "crm/session/queue_stats_model.h"

namespace agentdesk::crm {

class LocalStore;

class ClientSession : public QObject {
    Q_OBJECT
public:
    struct Options {
        EventStream::Options stream;
        std::chrono::milliseconds commandTimeout{10000};
        std::chrono::milliseconds typingPause{150};
    };

    // `store` may be null: then there is no outbox, no drafts and no offline cache.
    ClientSession(HttpTransport& transport, const QString& baseUrl, LocalStore* store,
                  QObject* parent = nullptr);
    ClientSession(HttpTransport& transport, const QString& baseUrl, LocalStore* store,
                  Options options, QObject* parent = nullptr);
    ~ClientSession() override;

    // Logs in, reads capabilities and wrap-up codes, opens the event stream and resumes the
    // outbox. `done` runs once, with the first error if any step failed.
    void login(const QString& username, const QString& password,
               std::function<void(const ApiError&)> done);
    // Resumes with a token from an earlier login (agentdesk-cli keeps one between runs).
    void resume(const QString& username, const QString& token,
                std::function<void(const ApiError&)> done);
    void logout(std::function<void(const ApiError&)> done);

    bool loggedIn() const { return loggedIn_; }
    QString username() const { return username_; }
    // Key for the local store: the same username on two servers is two owners.
    QString owner() const { return owner_; }

    ApiClient& api() { return *api_; }
    EventStream& events() { return *stream_; }
    CommandTracker& commands() { return *commands_; }
    AgentSession& agent() { return *agent_; }
    CallSession& call() { return *call_; }
    AssistSession& assist() { return *assist_; }
    QueueStatsModel& queues() { return *queues_; }
    Customer360Model& customer() { return *customer_; }
    KnowledgeSearch& knowledge() { return *knowledge_; }
    Outbox* outbox() { return outbox_.get(); }
    LocalStore* store() { return store_; }
    const Capabilities& capabilities() const { return capabilities_; }
    const QList<WrapupCode>& wrapupCodes() const { return wrapupCodes_; }

signals:
    void loggedInChanged(bool loggedIn);
    void connectionStatusChanged(agentdesk::crm::ConnectionStatus status);
    // The server refused the token: a new login is needed (drafts and outbox are kept).
    void sessionExpired();
    void alertReceived(const agentdesk::crm::Alert& alert);
    void noteSaved(const agentdesk::crm::Note& note);

private:
    void afterToken(const Agent& agent, std::function<void(const ApiError&)> done);
    void onSnapshot(const Snapshot& snapshot);
    void onEvent(const StreamEvent& event);

    HttpTransport& transport_;
    LocalStore* store_;
    Options options_;
    std::unique_ptr<ApiClient> api_;
    std::unique_ptr<CommandTracker> commands_;
    std::unique_ptr<EventStream> stream_;
    std::unique_ptr<AgentSession> agent_;
    std::unique_ptr<CallSession> call_;
    std::unique_ptr<AssistSession> assist_;
    std::unique_ptr<QueueStatsModel> queues_;
    std::unique_ptr<Customer360Model> customer_;
    std::unique_ptr<KnowledgeSearch> knowledge_;
    std::unique_ptr<Outbox> outbox_;
    Capabilities capabilities_;
    QList<WrapupCode> wrapupCodes_;
    QString username_;
    QString owner_;
    bool loggedIn_ = false;
};

}  // namespace agentdesk::crm
