#pragma once
// Which server addresses are safe to send a password to.
#include <QString>

namespace agentdesk::crm {

// True for a plain http:// URL whose host is not this computer (localhost, 127.0.0.0/8, ::1):
// passwords, tokens and customer data would cross the network readable. Clients refuse such a
// server unless the user allowed it explicitly, and show a warning when they do.
bool isPlainHttpToRemote(const QString& url);

}  // namespace agentdesk::crm
