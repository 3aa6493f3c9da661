#pragma once
// The wrap-up code (처리 코드) chooser: the server's codes grouped by category, labelled in the
// UI language, with an empty "choose…" entry first because a code must be a conscious choice.
#include <QComboBox>
#include <QList>

#include "crm/model/note.h"

namespace agentdesk::widgets {

using crm::noteLanguage;  // crm/model/note.h

class WrapupCodePicker : public QComboBox {
    Q_OBJECT
public:
    explicit WrapupCodePicker(QWidget* parent = nullptr);

    void setCodes(const QList<crm::WrapupCode>& codes);
    const QList<crm::WrapupCode>& codes() const { return codes_; }
    // Empty when nothing is chosen.
    QString currentCode() const;
    // Selects `code` (empty: back to "choose…") without emitting codeChosen.
    void setCurrentCode(const QString& code);
    const crm::WrapupCode* find(const QString& code) const;
    // The combo row of `code`, or -1.
    int indexOf(const QString& code) const;

signals:
    // The user picked a code (not emitted for setCurrentCode).
    void codeChosen(const QString& code);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    QString categoryTitle(const QString& category) const;

    QList<crm::WrapupCode> codes_;
};

}  // namespace agentdesk::widgets
