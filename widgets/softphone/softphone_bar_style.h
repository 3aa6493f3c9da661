#pragma once
// The softphone bar's style sheet: state colours, badges, the phone line, call buttons.

namespace agentdesk::widgets {

const char* softphoneBarStyle();

}  // namespace agentdesk::widgets
