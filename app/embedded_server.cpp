#include "app/embedded_server.h"

#include <QMetaObject>
#include <QPointer>

#include "common/logging.h"

namespace agentdesk::app {

EmbeddedServer::EmbeddedServer(QObject* parent) : EmbeddedServer(Options{}, parent) {}

EmbeddedServer::EmbeddedServer(Options options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {}

EmbeddedServer::~EmbeddedServer() {
    if (starter_.joinable())
        starter_.join();
    if (server_)
        server_->stop();
}

void EmbeddedServer::start() {
    if (starting_ || isReady())
        return;
    starting_ = true;
    if (starter_.joinable())
        starter_.join();  // an earlier attempt that failed
    if (!server_)
        server_ = std::make_unique<server::EmbeddedDemo>(options_);
    QPointer<EmbeddedServer> self(this);
    auto* app = server_.get();
    starter_ = std::thread([self, app] {
        QString url, error;
        try {
            url = QString::fromStdString(app->start());
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        // The object outlives this thread (its destructor joins it), so self stays valid here.
        QMetaObject::invokeMethod(
            self.data(),
            [self, url, error] {
                if (!self)
                    return;
                self->starting_ = false;
                if (!error.isEmpty()) {
                    logging::get("ui")->error("embedded demo server failed: {}",
                                              error.toStdString());
                    emit self->failed(error);
                    return;
                }
                self->baseUrl_ = url;
                logging::get("ui")->info("embedded demo server at {}", url.toStdString());
                emit self->ready(url);
            },
            Qt::QueuedConnection);
    });
}

}  // namespace agentdesk::app
