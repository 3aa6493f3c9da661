#pragma once
// Translated labels for the codes the CRM sends (product kinds, statuses, channels, phone
// labels, consents, ...): unknown codes are shown as they came.
#include <QCoreApplication>
#include <QString>

namespace agentdesk::widgets {

// A translation context of its own (no QObject), so lupdate and tr() agree on it.
class CustomerTexts {
    Q_DECLARE_TR_FUNCTIONS(CustomerTexts)
public:
    static QString productKind(const QString& kind);
    static QString productStatus(const QString& status);
    static QString caseStatus(const QString& status);
    static QString casePriority(const QString& priority);
    // "Inbound call", "Outbound call", "Memo", "Chat", "E-mail" from channel and direction.
    static QString channel(const QString& channel, const QString& direction);
    static QString endReason(const QString& endReason);
    static QString phoneLabel(const QString& label);
    static QString consent(const QString& key);
    static QString grade(const QString& grade);
    static QString language(const QString& code);
    // "₩1,017,000" (thousands separators whatever the UI locale).
    static QString won(qint64 amount);
    // The server's English message for a field ("is not an e-mail address"), translated.
    static QString fieldMessage(const QString& message);
};

}  // namespace agentdesk::widgets
