#pragma once
// Translated labels for the codes the CRM sends (product kinds, statuses, channels, phone
// labels, consents, ...): unknown codes are shown as they came.
#include <QString>

namespace agentdesk::widgets::customer_texts {

QString productKind(const QString& kind);
QString productStatus(const QString& status);
QString caseStatus(const QString& status);
QString casePriority(const QString& priority);
// "Inbound call", "Outbound call", "Memo", "Chat", "E-mail" from channel and direction.
QString channel(const QString& channel, const QString& direction);
QString endReason(const QString& endReason);
QString phoneLabel(const QString& label);
QString consent(const QString& key);
QString grade(const QString& grade);
QString language(const QString& code);
// "₩1,017,000" (thousands separators whatever the UI locale).
QString won(qint64 amount);
// The server's English message for a field ("is not an e-mail address"), translated.
QString fieldMessage(const QString& message);

}  // namespace agentdesk::widgets::customer_texts
