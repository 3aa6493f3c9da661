#pragma once
// The inject-call form's transcript box as the server's transcript lines (POST /demo/calls
// "transcript", speaker "customer" or "agent"): one line each, a "고객:"/"customer:"
// or "상담사:"/"agent:" prefix names the speaker; a line without one is the customer's.
#include <QList>
#include <QString>

#include "crm/model/training.h"

namespace agentdesk::widgets {

QList<crm::DemoTranscriptLine> parseTranscript(const QString& text);

}  // namespace agentdesk::widgets
