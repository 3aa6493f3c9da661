#pragma once
// The softphone bar's style sheet: state colours, badges, the phone line, call buttons — in the
// variant for the application's look (light, dark, high contrast: see widgets/common/tone.h).
#include <QPalette>
#include <QString>

namespace agentdesk::widgets {

QString softphoneBarStyle(const QPalette& palette);

}  // namespace agentdesk::widgets
