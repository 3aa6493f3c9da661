#pragma once
// The form for a new customer (screen pop without a match, prefilled with the caller's number)
// and for editing one: name, English name, phones, e-mail, birth date, address, language.
// Checks what is obvious before sending (required name, phone numbers via common/phone.h,
// e-mail shape, birth date) and shows the server's 422 field errors next to the fields.
#include <QList>
#include <QWidget>

#include "crm/model/customer.h"
#include "widgets/customer/customer_editor.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace agentdesk::widgets {

class CustomerForm : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Create, Edit };
    explicit CustomerForm(QWidget* parent = nullptr);

    // A blank form with `phone` (formatted) in the first number row.
    void startCreate(const QString& phone);
    void startEdit(const crm::Customer360& customer);
    Mode mode() const { return mode_; }
    QString customerId() const { return original_.customer.id; }

    // Client-side checks; the errors are shown and also returned (empty: the form is fine).
    FieldErrors validate();
    // What to send: everything filled in (create), or only what changed (edit).
    crm::CustomerDraft draft() const;
    // Server-side errors, keyed as in the error body ("phones[0].number").
    void showErrors(const FieldErrors& errors, const QString& message);
    void clearErrors();
    void setBusy(bool busy);
    void setOnline(bool online);
    QLineEdit* nameEdit() const { return name_; }
    QLineEdit* emailEdit() const { return email_; }
    QLineEdit* phoneEdit(int row) const;
    // The error shown next to a field ("email", "phones[0].number"), empty if none.
    QString errorFor(const QString& field) const;

signals:
    void submitted(const agentdesk::crm::CustomerDraft& draft);
    void cancelled();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct PhoneRow {
        QWidget* widget = nullptr;
        QLineEdit* number = nullptr;
        QComboBox* label = nullptr;
        QPushButton* remove = nullptr;
        QLabel* error = nullptr;
    };
    void retranslate();
    void retranslatePhoneRow(PhoneRow& row);
    void addPhoneRow(const QString& number, const QString& label);
    void removePhoneRow(QWidget* rowWidget);
    void clearPhoneRows();
    void updateButtons();
    void submit();
    QList<crm::CustomerPhoneDraft> phoneDrafts(QList<int>* rowOfSent = nullptr) const;
    QLabel* errorLabelFor(const QString& field) const;
    static QLabel* makeErrorLabel(const QString& objectName, QWidget* parent);

    Mode mode_ = Mode::Create;
    crm::Customer360 original_;
    bool phonesLocked_ = false;
    bool busy_ = false;
    bool online_ = true;
    QList<int> sentPhoneRows_;
    QLabel* title_;
    QLabel* hint_;
    QLabel* formError_;
    QFormLayout* form_;
    QLabel* nameTitle_;
    QLineEdit* name_;
    QLabel* nameError_;
    QLabel* nameEnTitle_;
    QLineEdit* nameEn_;
    QLabel* nameEnError_;
    QLabel* phonesTitle_;
    QVBoxLayout* phoneRows_;
    QList<PhoneRow> phones_;
    QLabel* phonesHint_;
    QLabel* phonesError_;
    QPushButton* addPhone_;
    QLabel* emailTitle_;
    QLineEdit* email_;
    QLabel* emailError_;
    QLabel* birthDateTitle_;
    QLineEdit* birthDate_;
    QLabel* birthDateError_;
    QLabel* addressTitle_;
    QLineEdit* address_;
    QLabel* addressError_;
    QLabel* languageTitle_;
    QComboBox* language_;
    QLabel* languageError_;
    QPushButton* save_;
    QPushButton* cancel_;
};

}  // namespace agentdesk::widgets
