#include "server/embedded_demo.h"

#include <filesystem>

#include "server/server_app.h"

namespace agentdesk::server {

EmbeddedDemo::EmbeddedDemo(Options options) : options_(std::move(options)) {}

EmbeddedDemo::~EmbeddedDemo() {
    stop();
}

std::string EmbeddedDemo::start() {
    if (!app_) {
        ServerConfig config;
        config.host = "127.0.0.1";
        config.port = options_.port;
        config.dbPath = options_.dbPath.empty() ? defaultDatabasePath() : options_.dbPath;
        config.demo = true;
        config.demoRate = options_.demoRate;
        app_ = std::make_unique<ServerApp>(std::move(config));
    }
    try {
        app_->start();
    } catch (...) {
        app_.reset();  // the next attempt starts from scratch
        throw;
    }
    return app_->baseUrl() + "/api/v1";
}

void EmbeddedDemo::stop() {
    if (app_)
        app_->stop();
}

std::string EmbeddedDemo::defaultDatabasePath() {
    const std::filesystem::path serverDb = server::defaultDatabasePath();
    return (serverDb.parent_path() / "embedded-demo.db").string();
}

}  // namespace agentdesk::server
