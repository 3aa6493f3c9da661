#include "widgets/softphone/softphone_bar_style.h"

#include <QHash>

#include "widgets/common/tone.h"

namespace agentdesk::widgets {

namespace {

// The colours that change with the look; the state colours (white on a strong colour) read the
// same in all of them.
QHash<QString, QString> lookColours(const QPalette& palette) {
    if (isHighContrastPalette(palette)) {
        return {{"@border", "#ffffff"},         {"@buttonBg", "#000000"},
                {"@buttonText", "#ffffff"},     {"@hoverBg", "#333333"},
                {"@checkedBg", "#00336b"},      {"@checkedBorder", "#ffff00"},
                {"@disabledText", "#c0c0c0"},   {"@disabledBg", "#000000"},
                {"@disabledBorder", "#808080"}, {"@mutedText", "#ffffff"},
                {"@chipText", "#ffffff"},       {"@chipBg", "#000000"},
                {"@amberBg", "#000000"},        {"@amberText", "#ffff00"},
                {"@amberBorder", "#ffff00"},    {"@amberStrong", "#ffff00"},
                {"@errorText", "#ff9e9e"}};
    }
    if (isDarkPalette(palette)) {
        return {{"@border", "#56616d"},         {"@buttonBg", "#2b323a"},
                {"@buttonText", "#e8edf2"},     {"@hoverBg", "#36404a"},
                {"@checkedBg", "#1d3a5c"},      {"@checkedBorder", "#6d9fdc"},
                {"@disabledText", "#7d8893"},   {"@disabledBg", "#252b31"},
                {"@disabledBorder", "#3a434c"}, {"@mutedText", "#b4bec8"},
                {"@chipText", "#e8edf2"},       {"@chipBg", "#34404c"},
                {"@amberBg", "#4a3210"},        {"@amberText", "#ffcc80"},
                {"@amberBorder", "#a86a1c"},    {"@amberStrong", "#ffcc80"},
                {"@errorText", "#ff8a80"}};
    }
    return {
        {"@border", "#b6c0cb"},       {"@buttonBg", "#f7f9fb"},   {"@buttonText", "#1d2733"},
        {"@hoverBg", "#e8eef5"},      {"@checkedBg", "#d6e4f5"},  {"@checkedBorder", "#5b8bc9"},
        {"@disabledText", "#6f7a85"}, {"@disabledBg", "#eef1f4"}, {"@disabledBorder", "#d5dbe1"},
        {"@mutedText", "#3d4a57"},    {"@chipText", "#24313d"},   {"@chipBg", "#e6ecf2"},
        {"@amberBg", "#fff3e0"},      {"@amberText", "#a34a00"},  {"@amberBorder", "#f0b070"},
        {"@amberStrong", "#7a3b00"},  {"@errorText", "#b00020"}};
}

}  // namespace

QString softphoneBarStyle(const QPalette& palette) {
    static const QString kTemplate = QStringLiteral(R"(
QToolButton { padding: 3px 8px; border: 1px solid @border; border-radius: 4px;
              background: @buttonBg; color: @buttonText; }
QToolButton:hover { background: @hoverBg; }
QToolButton:checked { background: @checkedBg; border-color: @checkedBorder; }
QToolButton:disabled { color: @disabledText; background: @disabledBg; border-color: @disabledBorder; }
QToolButton#answerButton:enabled { background: #1f8a4c; color: white; border-color: #1a7340;
                                   font-weight: bold; }
QToolButton#hangupButton:enabled, QToolButton#abuseHangupButton:enabled {
    background: #c62828; color: white; border-color: #a32020; font-weight: bold; }
QToolButton#missedCalls { background: @amberBg; color: @amberText; border-color: @amberBorder;
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
QLabel#callerNumber { font-weight: bold; }
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
QLabel#statusMessage[error="true"] { color: @errorText; }
QLabel#idleHint, QLabel#waited, QLabel#direction { color: @mutedText; }
QLabel#queueName, QLabel#intent, QLabel#consultInfo { color: @chipText; background: @chipBg;
                                                      border-radius: 3px; }
QLabel#consultInfo { background: @amberBg; }
QLabel#queueGlance { color: @chipText; border: 1px solid @border; border-radius: 3px; }
QLabel#queueGlance[level="waiting"] { font-weight: bold; }
QLabel#queueGlance[level="late"] { font-weight: bold; color: @amberStrong; background: @amberBg;
                                   border-color: @amberBorder; }
QLabel#todayFigures { color: @mutedText; }
)");
    QString style = kTemplate;
    const QHash<QString, QString> colours = lookColours(palette);
    for (auto it = colours.begin(); it != colours.end(); ++it)
        style.replace(it.key(), it.value());
    return style;
}

}  // namespace agentdesk::widgets
