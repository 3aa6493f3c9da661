#include "widgets/customer/profile_card.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/common/format.h"
#include "widgets/common/hover_selectable.h"
#include "widgets/common/relative_font.h"
#include "widgets/common/tone.h"
#include "widgets/common/wrap_label.h"
#include "widgets/customer/chip_label.h"
#include "widgets/customer/customer_texts.h"

namespace agentdesk::widgets {

namespace {

QLabel* valueLabel(const char* objectName, QWidget* parent) {
    auto* label = new WrapLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    selectableOnHover(label);
    return label;
}

QString orDash(const QString& s) {
    return s.isEmpty() ? QStringLiteral("—") : s;
}

}  // namespace

// One phone number with its kind and a Call button.
class PhoneRow : public QWidget {
public:
    explicit PhoneRow(ProfileCard* card) : QWidget(card) {
        auto* row = new QHBoxLayout(this);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(8);
        number_ = new QLabel(this);
        number_->setTextFormat(Qt::PlainText);
        selectableOnHover(number_);
        row->addWidget(number_);
        kind_ = new QLabel(this);
        kind_->setTextFormat(Qt::PlainText);
        kind_->setStyleSheet(toneStyle(Tone::Hint));
        row->addWidget(kind_, 1);
        dial_ = new QPushButton(this);
        dial_->setProperty("dialButton", true);
        QObject::connect(dial_, &QPushButton::clicked, card,
                         [this, card] { emit card->dialRequested(dialNumber_, phoneId_); });
        row->addWidget(dial_);
    }
    void set(const crm::CustomerPhone& phone, const QString& kind, const QString& call,
             const QString& tip, bool dialEnabled) {
        number_->setObjectName(QStringLiteral("phoneNumberLabel_%1").arg(phone.id));
        number_->setText(phone.masked ? maskPhone(phone.number) : formatPhone(phone.number));
        kind_->setText(kind);
        dial_->setObjectName(QStringLiteral("dialButton_%1").arg(phone.id));
        dial_->setText(call);
        dial_->setToolTip(tip);
        dial_->setEnabled(dialEnabled);
        dialNumber_ = phone.masked ? QString() : phone.e164;
        phoneId_ = phone.id;
    }
    void retire() {
        number_->setObjectName(QString());
        dial_->setObjectName(QString());
    }
    void setDialEnabled(bool enabled) { dial_->setEnabled(enabled); }

private:
    QLabel* number_;
    QLabel* kind_;
    QPushButton* dial_;
    QString dialNumber_;
    QString phoneId_;
};

ProfileCard::ProfileCard(QWidget* parent)
    : QWidget(parent),
      phoneRows_([this] {
          auto* row = new PhoneRow(this);
          phones_->addWidget(row);
          return row;
      }),
      consentChips_([this] {
          auto* chip = new ChipLabel(ChipLabel::Tone::Off, this);
          consents_->insertWidget(consents_->count() - 1, chip);  // before the stretch
          return chip;
      }) {
    setObjectName(QStringLiteral("profileCard"));
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    root->setSpacing(6);

    auto* header = new QHBoxLayout;
    name_ = new WrapLabel(this);
    name_->setObjectName(QStringLiteral("customerNameLabel"));
    selectableOnHover(name_);
    setRelativeFont(name_, 1.45, true);
    header->addWidget(name_, 1);
    edit_ = new QPushButton(this);
    edit_->setObjectName(QStringLiteral("editCustomerButton"));
    connect(edit_, &QPushButton::clicked, this, &ProfileCard::editRequested);
    header->addWidget(edit_, 0, Qt::AlignTop);
    root->addLayout(header);

    subtitle_ = new QLabel(this);
    subtitle_->setObjectName(QStringLiteral("customerNumberLabel"));
    selectableOnHover(subtitle_);
    subtitle_->setStyleSheet(toneStyle(Tone::Hint));
    root->addWidget(subtitle_);

    auto* chips = new QHBoxLayout;
    chips->setSpacing(6);
    gradeChip_ = new ChipLabel(ChipLabel::Tone::Neutral, this);
    gradeChip_->setObjectName(QStringLiteral("gradeChip"));
    chips->addWidget(gradeChip_);
    vipChip_ = new ChipLabel(ChipLabel::Tone::Info, this);
    vipChip_->setObjectName(QStringLiteral("vipChip"));
    chips->addWidget(vipChip_);
    abusiveChip_ = new ChipLabel(ChipLabel::Tone::Danger, this);
    abusiveChip_->setObjectName(QStringLiteral("abusiveChip"));
    chips->addWidget(abusiveChip_);
    chips->addStretch(1);
    root->addLayout(chips);

    details_ = new QFormLayout;
    details_->setRowWrapPolicy(QFormLayout::DontWrapRows);
    details_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    details_->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    details_->setHorizontalSpacing(14);
    details_->setVerticalSpacing(4);
    auto addRow = [this](QLabel*& title, QLabel*& value, const char* objectName) {
        title = new QLabel(this);
        title->setStyleSheet(toneStyle(Tone::Hint));
        value = valueLabel(objectName, this);
        details_->addRow(title, value);
    };
    addRow(birthDateTitle_, birthDate_, "birthDateLabel");
    addRow(residentTitle_, resident_, "residentNumberLabel");
    addRow(emailTitle_, email_, "emailLabel");
    addRow(addressTitle_, address_, "addressLabel");
    addRow(languageTitle_, language_, "preferredLanguageLabel");
    addRow(lastContactTitle_, lastContact_, "lastContactReasonLabel");
    phonesTitle_ = new QLabel(this);
    phonesTitle_->setStyleSheet(toneStyle(Tone::Hint));
    phones_ = new QVBoxLayout;
    phones_->setSpacing(2);
    noPhones_ = new QLabel(QStringLiteral("—"), this);
    phones_->addWidget(noPhones_);
    details_->addRow(phonesTitle_, phones_);
    consentsTitle_ = new QLabel(this);
    consentsTitle_->setStyleSheet(toneStyle(Tone::Hint));
    consents_ = new QHBoxLayout;
    consents_->setSpacing(4);
    noConsents_ = new QLabel(QStringLiteral("—"), this);
    consents_->addWidget(noConsents_);
    consents_->addStretch(1);
    details_->addRow(consentsTitle_, consents_);
    root->addLayout(details_);

    retranslate();
}

void ProfileCard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ProfileCard::retranslate() {
    edit_->setText(tr("Edit"));
    edit_->setToolTip(tr("Edit this customer's details"));
    birthDateTitle_->setText(tr("Birth date"));
    residentTitle_->setText(tr("Resident no.", "주민등록번호, shown masked"));
    emailTitle_->setText(tr("E-mail"));
    addressTitle_->setText(tr("Address"));
    languageTitle_->setText(tr("Language"));
    lastContactTitle_->setText(tr("Last contact", "reason of the latest contact"));
    phonesTitle_->setText(tr("Phones"));
    consentsTitle_->setText(tr("Consents"));
    render();
}

void ProfileCard::setCustomer(const crm::Customer360& customer) {
    customer_ = customer;
    render();
}

void ProfileCard::setDialEnabled(bool enabled) {
    dialEnabled_ = enabled;
    for (int i = 0; i < phoneRows_.built(); ++i)
        phoneRows_.at(i)->setDialEnabled(enabled);
}

void ProfileCard::setEditEnabled(bool enabled) {
    edit_->setEnabled(enabled);
}

void ProfileCard::render() {
    const crm::CustomerProfile& p = customer_.customer;
    name_->setText(p.name.isEmpty() ? QString() : customerDisplayName(p.name));
    QStringList sub;
    if (!p.customerNo.isEmpty())
        sub << tr("Customer no. %1").arg(p.customerNo);
    if (!p.nameEn.isEmpty())
        sub << p.nameEn;
    subtitle_->setText(sub.join(QStringLiteral("  ·  ")));

    gradeChip_->setText(tr("Grade: %1").arg(CustomerTexts::grade(p.grade)));
    gradeChip_->setVisible(!p.grade.isEmpty());
    vipChip_->setText(tr("VIP"));
    vipChip_->setVisible(customer_.vip);
    abusiveChip_->setText(customer_.abusiveCount > 0
                              ? tr("Abusive history: %n call(s)",
                                   "폭언 이력; calls ended for abuse", customer_.abusiveCount)
                              : tr("Abusive history", "폭언 이력"));
    abusiveChip_->setVisible(customer_.abusiveHistory || customer_.abusiveCount > 0);

    birthDate_->setText(orDash(p.birthDate));
    resident_->setText(orDash(p.residentNumber));
    email_->setText(orDash(p.email));
    address_->setText(orDash(p.address));
    language_->setText(orDash(CustomerTexts::language(p.preferredLang)));
    lastContact_->setText(orDash(customer_.lastContactReason));
    renderPhones();
    renderConsents();
}

void ProfileCard::renderPhones() {
    const QList<crm::CustomerPhone>& phones = customer_.customer.phones;
    noPhones_->setVisible(phones.isEmpty());
    for (int i = 0; i < phones.size(); ++i) {
        const crm::CustomerPhone& phone = phones[i];
        QString kind = CustomerTexts::phoneLabel(phone.label);
        if (phone.primary)
            kind += QStringLiteral(" · ") + tr("primary");
        phoneRows_.at(i)->set(phone, kind, tr("Call"), tr("Call this number (outbound call)"),
                              dialEnabled_);
    }
    phoneRows_.showFirst(phones.size(), [](PhoneRow* row) { row->retire(); });
}

void ProfileCard::renderConsents() {
    static const char* const order[] = {"recording", "sms", "email", "marketing", "thirdParty"};
    QStringList keys;
    for (const char* k : order) {
        if (customer_.consents.contains(QLatin1String(k)))
            keys << QLatin1String(k);
    }
    for (auto it = customer_.consents.cbegin(); it != customer_.consents.cend(); ++it) {
        if (!keys.contains(it.key()))
            keys << it.key();
    }
    noConsents_->setVisible(keys.isEmpty());
    for (int i = 0; i < keys.size(); ++i) {
        const QString& key = keys[i];
        const bool given = customer_.consents.value(key);
        ChipLabel* chip = consentChips_.at(i);
        chip->setText(QStringLiteral("%1 %2").arg(
            CustomerTexts::consent(key), given ? QStringLiteral("✓") : QStringLiteral("✕")));
        chip->setTone(given ? ChipLabel::Tone::Good : ChipLabel::Tone::Off);
        chip->setObjectName(QStringLiteral("consentChip_%1").arg(key));
        chip->setToolTip(given ? tr("Consent given") : tr("No consent"));
    }
    consentChips_.showFirst(keys.size(), [](ChipLabel* chip) { chip->setObjectName(QString()); });
}

}  // namespace agentdesk::widgets
