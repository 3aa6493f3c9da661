#include "crm/session/client_session.h"

#include <QUrl>

#include "common/logging.h"
#include "crm/store/local_store.h"

namespace agentdesk::crm {

ClientSession::ClientSession(HttpTransport& transport, const QString& baseUrl, LocalStore* store,
                             QObject* parent)
    : ClientSession(transport, baseUrl, store, Options{}, parent) {}

ClientSession::ClientSession(HttpTransport& transport, const QString& baseUrl, LocalStore* store,
                             Options options, QObject* parent)
    : QObject(parent), transport_(transport), store_(store), options_(options) {
    api_ = std::make_unique<ApiClient>(transport_, baseUrl);
    commands_ = std::make_unique<CommandTracker>(nullptr, options_.commandTimeout);
    stream_ = std::make_unique<EventStream>(*api_, options_.stream);
    agent_ = std::make_unique<AgentSession>(*api_, *commands_);
    call_ = std::make_unique<CallSession>(*api_, *commands_);
    assist_ = std::make_unique<AssistSession>(*api_);
    queues_ = std::make_unique<QueueStatsModel>();
    customer_ = std::make_unique<Customer360Model>(*api_, store_);
    knowledge_ = std::make_unique<KnowledgeSearch>(*api_, store_, nullptr, options_.typingPause);
    if (store_) {
        outbox_ = std::make_unique<Outbox>(*store_, *api_);
        // The 360's history shows a note as soon as it reached the server, however late that was
        // (a note queued while offline is delivered after the reconnect or the next login).
        connect(outbox_.get(), &Outbox::delivered, this, [this](const QString&, const Note& note) {
            if (!note.customerId.isEmpty() && note.customerId == customer_->customerId())
                customer_->reload();
        });
    }

    connect(stream_.get(), &EventStream::snapshotReceived, this, &ClientSession::onSnapshot);
    connect(stream_.get(), &EventStream::eventReceived, this, &ClientSession::onEvent);
    connect(stream_.get(), &EventStream::statusChanged, this, [this](ConnectionStatus status) {
        if (status == ConnectionStatus::Connected && outbox_)
            outbox_->resume();
        if (status == ConnectionStatus::AuthExpired && loggedIn_) {
            loggedIn_ = false;
            if (outbox_)
                outbox_->pause();
            emit loggedInChanged(false);
            emit sessionExpired();
        }
        emit connectionStatusChanged(status);
    });
}

ClientSession::~ClientSession() {
    stream_->stop();
    transport_.cancelAll(api_.get());
}

void ClientSession::login(const QString& username, const QString& password,
                          std::function<void(const ApiError&)> done) {
    username_ = username;
    api_->login(this, username, password,
                [this, done = std::move(done)](const LoginResult& result, const ApiError& error) {
                    if (error) {
                        done(error);
                        return;
                    }
                    afterToken(result.agent, done);
                });
}

void ClientSession::resume(const QString& username, const QString& token,
                           std::function<void(const ApiError&)> done) {
    username_ = username;
    api_->setToken(token);
    api_->me(this, [this, done = std::move(done)](const Agent& agent, const ApiError& error) {
        if (error) {
            done(error);
            return;
        }
        afterToken(agent, done);
    });
}

void ClientSession::afterToken(const Agent& agent, std::function<void(const ApiError&)> done) {
    const QString owner = username_ + QLatin1Char('@') + QUrl(api_->primaryUrl()).authority();
    if (owner != owner_)
        stream_->resetPosition();  // another user: start from their snapshot, not our position
    owner_ = owner;
    agent_->setIdentity(agent);
    call_->setAgentId(agent.id);
    customer_->setOwner(owner_);
    knowledge_->setOwner(owner_);
    // Capabilities and wrap-up codes are needed before the first call; the stream starts after.
    api_->capabilities(this, [this, done](const Capabilities& caps, const ApiError& error) {
        if (error) {
            done(error);
            return;
        }
        capabilities_ = caps;
        api_->wrapupCodes(this,
                          [this, done](const QList<WrapupCode>& codes, const ApiError& error) {
                              if (error) {
                                  done(error);
                                  return;
                              }
                              wrapupCodes_ = codes;
                              loggedIn_ = true;
                              if (outbox_)
                                  outbox_->setOwner(owner_);
                              stream_->start();
                              emit loggedInChanged(true);
                              done({});
                          });
    });
}

void ClientSession::logout(std::function<void(const ApiError&)> done) {
    // Cached customers leave the computer with the counselor, whatever the server answers.
    if (store_ && !owner_.isEmpty())
        store_->clearCache(owner_);
    api_->logout(this, [this, done = std::move(done)](const ApiError& error) {
        if (!error) {
            stream_->stop();
            if (outbox_)
                outbox_->pause();
            commands_->clear();
            loggedIn_ = false;
            emit loggedInChanged(false);
        }
        if (done)
            done(error);
    });
}

void ClientSession::onSnapshot(const Snapshot& snapshot) {
    agent_->applySnapshot(snapshot);
    call_->applySnapshot(snapshot);
    queues_->applySnapshot(snapshot);
    commands_->snapshotApplied();
}

void ClientSession::onEvent(const StreamEvent& event) {
    const QString& type = event.type;
    if (type == QLatin1String("agent.state")) {
        agent_->applyEvent(event);
        call_->applyEvent(event);
    } else if (type.startsWith(QLatin1String("call.")) ||
               type == QLatin1String("transcript.segment")) {
        call_->applyEvent(event);
    } else if (type.startsWith(QLatin1String("assist."))) {
        assist_->applyEvent(event);
    } else if (type == QLatin1String("queue.stats")) {
        queues_->applyEvent(event);
    } else if (type == QLatin1String("alert")) {
        emit alertReceived(Alert::fromJson(event.data));
    } else if (type == QLatin1String("note.saved")) {
        emit noteSaved(Note::fromJson(event.data.value(QLatin1String("note")).toObject()));
    }
}

}  // namespace agentdesk::crm
