#pragma once
// The embedded demo contact center (docs/architecture.md "Embedded default"): agentdesk-server in
// demo mode inside the app process, on a loopback port of its own, with its database next to
// the client's ($XDG_DATA_HOME/agentdesk/embedded-demo.db). The client still talks to it over
// real HTTP, exactly as to a remote server.
//
// Threads: start() returns at once; opening the store and seeding the demo data run on a
// worker thread, and ready()/failed() are emitted on the thread this object lives in. The
// server's own I/O thread is owned by ServerApp. The destructor stops the server.
#include <memory>
#include <thread>

#include <QObject>
#include <QString>

#include "server/embedded_demo.h"

namespace agentdesk::app {

class EmbeddedServer : public QObject {
    Q_OBJECT
public:
    using Options = server::EmbeddedDemo::Options;

    explicit EmbeddedServer(QObject* parent = nullptr);
    EmbeddedServer(Options options, QObject* parent = nullptr);
    ~EmbeddedServer() override;

    void start();
    bool isReady() const { return !baseUrl_.isEmpty(); }
    bool isStarting() const { return starting_; }
    // http://127.0.0.1:PORT/api/v1 once ready.
    QString baseUrl() const { return baseUrl_; }

signals:
    void ready(const QString& baseUrl);
    void failed(const QString& message);

private:
    Options options_;
    std::unique_ptr<server::EmbeddedDemo> server_;
    std::thread starter_;
    QString baseUrl_;
    bool starting_ = false;
};

}  // namespace agentdesk::app
