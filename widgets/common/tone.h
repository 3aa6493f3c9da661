#pragma once
// Coloured text that stays readable in every look (light, the system's dark mode, high
// contrast): a hint, an error, a success, a warning or a notice, as a style-sheet rule chosen
// for the application's current palette. Views ask for a tone instead of writing a colour that
// only works on white.
#include <QPalette>
#include <QString>

namespace agentdesk::widgets {

enum class Tone { Hint, Error, Success, Warning, Info };

// Dark: the window colour is darker than mid-grey. High contrast: black window, white text (the
// app's high-contrast look, or a system one like it).
bool isDarkPalette(const QPalette& palette);
bool isHighContrastPalette(const QPalette& palette);

// "color: #b3261e;" (and "font-weight: bold;" when asked) for the application palette.
QString toneStyle(Tone tone, bool bold = false);
// The tone's colour as "#rrggbb", for rules that need it elsewhere (borders, backgrounds).
QString toneColor(Tone tone, const QPalette& palette);

// After the application palette changed from `from` (a new look): every widget's style sheet
// gets the new look's tone colours in place of the old ones, and widgets under a style sheet
// (whom Qt does not tell) receive QEvent::ApplicationPaletteChange, so views that build their
// sheet from the palette (the softphone bar) rebuild it.
void retoneStyleSheets(const QPalette& from, const QPalette& to);

}  // namespace agentdesk::widgets
