#pragma once
// The top of the 360 view: name with honorific, customer number, grade, VIP and abuse flags,
// the personal details as the server sent them (already masked for the viewer's role), phone
// numbers with click-to-dial buttons, consents as chips and the last contact reason. Its parts
// are kept between customers and filled in again.
#include <QList>
#include <QWidget>

#include "crm/model/customer.h"
#include "widgets/common/widget_pool.h"

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace agentdesk::widgets {

class ChipLabel;
class PhoneRow;

class ProfileCard : public QWidget {
    Q_OBJECT
public:
    explicit ProfileCard(QWidget* parent = nullptr);

    void setCustomer(const crm::Customer360& customer);
    void setDialEnabled(bool enabled);
    void setEditEnabled(bool enabled);

signals:
    // `number` is empty when the phone is masked: the server dials it by customer and phone id.
    void dialRequested(const QString& number, const QString& phoneId);
    void editRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void render();
    void renderPhones();
    void renderConsents();

    crm::Customer360 customer_;
    bool dialEnabled_ = true;
    QLabel* name_;
    QLabel* subtitle_;
    ChipLabel* gradeChip_;
    ChipLabel* vipChip_;
    ChipLabel* abusiveChip_;
    QPushButton* edit_;
    QFormLayout* details_;
    QLabel* birthDateTitle_;
    QLabel* birthDate_;
    QLabel* residentTitle_;
    QLabel* resident_;
    QLabel* emailTitle_;
    QLabel* email_;
    QLabel* addressTitle_;
    QLabel* address_;
    QLabel* languageTitle_;
    QLabel* language_;
    QLabel* lastContactTitle_;
    QLabel* lastContact_;
    QLabel* phonesTitle_;
    QVBoxLayout* phones_;
    QLabel* noPhones_;
    WidgetPool<PhoneRow> phoneRows_;
    QLabel* consentsTitle_;
    QHBoxLayout* consents_;
    QLabel* noConsents_;
    WidgetPool<ChipLabel> consentChips_;
};

}  // namespace agentdesk::widgets
