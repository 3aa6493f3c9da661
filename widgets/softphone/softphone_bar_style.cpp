#include "widgets/softphone/softphone_bar_style.h"

namespace agentdesk::widgets {

const char* softphoneBarStyle() {
    static const char* kStyle = R"(
QToolButton { padding: 3px 8px; border: 1px solid #b6c0cb; border-radius: 4px;
              background: #f7f9fb; color: #1d2733; }
QToolButton:hover { background: #e8eef5; }
QToolButton:checked { background: #d6e4f5; border-color: #5b8bc9; }
QToolButton:disabled { color: #9aa5b1; background: #eef1f4; border-color: #d5dbe1; }
QToolButton#answerButton:enabled { background: #1f8a4c; color: white; border-color: #1a7340;
                                   font-weight: bold; }
QToolButton#hangupButton:enabled, QToolButton#abuseHangupButton:enabled {
    background: #c62828; color: white; border-color: #a32020; font-weight: bold; }
QToolButton#missedCalls { background: #fff3e0; color: #a34a00; border-color: #f0b070;
                          font-weight: bold; }
QToolButton::menu-indicator { subcontrol-position: right center; }
QLabel#agentState { border-radius: 4px; padding: 3px 8px; font-weight: bold; color: white;
                    background: #6b7785; }
QLabel#agentState[state="ready"] { background: #1f8a4c; }
QLabel#agentState[state="not_ready"] { background: #b45f06; }
QLabel#agentState[state="ringing"] { background: #1565c0; }
QLabel#agentState[state="on_call"] { background: #0d47a1; }
QLabel#agentState[state="after_call_work"] { background: #6a1b9a; }
QLabel#stateClock, QLabel#callTimer { font-weight: bold; }
QLabel#callerNumber { font-weight: bold; font-size: 11pt; }
QLabel#customerName { font-weight: bold; }
QLabel#verifiedBadge { border: 1px solid #1f8a4c; color: #1f8a4c; border-radius: 3px;
                       padding: 1px 5px; }
QLabel#abuseBadge { background: #c62828; color: white; border-radius: 3px; padding: 1px 5px;
                    font-weight: bold; }
QLabel#recordingPaused { background: #c62828; color: white; border-radius: 3px;
                         padding: 1px 5px; font-weight: bold; }
QLabel#supervisionBadge { background: #5e35b1; color: white; border-radius: 3px;
                          padding: 1px 5px; font-weight: bold; }
QLabel#phoneLine { border: 1px solid #1f8a4c; color: #1f8a4c; border-radius: 3px;
                   padding: 1px 5px; }
QLabel#phoneLine[registered="false"] { border-color: #c62828; color: white;
                                       background: #c62828; font-weight: bold; }
QLabel#abuseCount[warned="true"] { color: #c62828; font-weight: bold; }
QLabel#callTimer[exceeded="true"] { color: white; background: #c62828; border-radius: 3px;
                                    padding: 1px 5px; }
QLabel#statusMessage[error="true"] { color: #b00020; }
QLabel#idleHint, QLabel#waited, QLabel#direction { color: #3d4a57; }
QLabel#queueName, QLabel#intent, QLabel#consultInfo { color: #24313d; background: #e6ecf2;
                                                      border-radius: 3px; }
QLabel#consultInfo { background: #fff3e0; }
QLabel#queueGlance { color: #24313d; border: 1px solid #b6c0cb; border-radius: 3px; }
QLabel#queueGlance[level="waiting"] { font-weight: bold; }
QLabel#queueGlance[level="late"] { font-weight: bold; color: #7a3b00; background: #fff3e0;
                                   border-color: #f0b070; }
QLabel#todayFigures { color: #3d4a57; }
)";
    return kStyle;
}

}  // namespace agentdesk::widgets
