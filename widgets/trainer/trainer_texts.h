#pragma once
// Small helpers the demo console's parts share.
#include <QString>

namespace agentdesk::widgets::trainer {

// "ko" or "en", from the default locale the app's language setting sets.
QString uiLanguage();

}  // namespace agentdesk::widgets::trainer
