#pragma once
// Lets the mouse select a label's text while it is over the label, and only then. A label that
// is always selectable keeps its text in a rich-text document, which is laid out again on every
// setText() and for every width a layout asks about: for the dozen values of a customer's
// profile that was a fifth of a screen pop. Under the mouse the label is selectable as usual
// (I-beam cursor, drag to select, the Copy context menu); once the mouse leaves with nothing
// selected and no menu open it is a plain label again.
class QLabel;

namespace agentdesk::widgets {

void selectableOnHover(QLabel* label);

}  // namespace agentdesk::widgets
