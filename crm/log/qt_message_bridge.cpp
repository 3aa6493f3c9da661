#include "crm/log/qt_message_bridge.h"

#include <QString>
#include <QtGlobal>

#include "common/logging.h"

namespace agentdesk::crm {

namespace {
void handle(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    static const auto logger = logging::get("qt");
    const std::string text = message.toStdString();
    const char* category = context.category ? context.category : "default";
    switch (type) {
        case QtDebugMsg:
            logger->debug("[{}] {}", category, text);
            break;
        case QtInfoMsg:
            logger->info("[{}] {}", category, text);
            break;
        case QtWarningMsg:
            logger->warn("[{}] {}", category, text);
            break;
        case QtCriticalMsg:
            logger->error("[{}] {}", category, text);
            break;
        case QtFatalMsg:
            logger->critical("[{}] {}", category, text);
            logger->flush();
            break;
    }
}
}  // namespace

void installQtMessageBridge() {
    qInstallMessageHandler(handle);
}

}  // namespace agentdesk::crm
