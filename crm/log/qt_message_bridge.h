#pragma once
// Routes Qt's own messages (qDebug/qWarning from Qt and WebEngine) into the "qt" spdlog logger,
// so they share the sinks, the levels (AGENTDESK_LOG=qt=debug) and the redaction of personal
// data with everything else (docs/architecture.md). Install once, from main, after logging::init.
namespace agentdesk::crm {

void installQtMessageBridge();

}  // namespace agentdesk::crm
