#pragma once
// The inject-call form's transcript box as the server's transcript lines (POST /demo/calls
// "transcript": [{"speaker": "customer"|"agent", "text"}]): one line each, a "고객:"/"customer:"
// or "상담사:"/"agent:" prefix names the speaker; a line without one is the customer's.
#include <QJsonArray>
#include <QString>

namespace agentdesk::widgets {

QJsonArray parseTranscript(const QString& text);

}  // namespace agentdesk::widgets
