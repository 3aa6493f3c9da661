#include "widgets/customer/profile_card.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/common/format.h"
#include "widgets/common/relative_font.h"
#include "widgets/common/tone.h"
#include "widgets/customer/chip_label.h"
#include "widgets/customer/customer_texts.h"
#include "widgets/customer/layout_util.h"

namespace agentdesk::widgets {

namespace {

QLabel* valueLabel(const char* objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString orDash(const QString& s) {
    return s.isEmpty() ? QStringLiteral("—") : s;
}

}  // namespace

ProfileCard::ProfileCard(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("profileCard"));
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    root->setSpacing(6);

    auto* header = new QHBoxLayout;
    name_ = new QLabel(this);
    name_->setObjectName(QStringLiteral("customerNameLabel"));
    name_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    name_->setWordWrap(true);
    setRelativeFont(name_, 1.45, true);
    header->addWidget(name_, 1);
    edit_ = new QPushButton(this);
    edit_->setObjectName(QStringLiteral("editCustomerButton"));
    connect(edit_, &QPushButton::clicked, this, &ProfileCard::editRequested);
    header->addWidget(edit_, 0, Qt::AlignTop);
    root->addLayout(header);

    subtitle_ = new QLabel(this);
    subtitle_->setObjectName(QStringLiteral("customerNumberLabel"));
    subtitle_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    subtitle_->setStyleSheet(toneStyle(Tone::Hint));
    root->addWidget(subtitle_);

    chips_ = new QHBoxLayout;
    chips_->setSpacing(6);
    root->addLayout(chips_);

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
    details_->addRow(phonesTitle_, phones_);
    consentsTitle_ = new QLabel(this);
    consentsTitle_->setStyleSheet(toneStyle(Tone::Hint));
    consents_ = new QHBoxLayout;
    consents_->setSpacing(4);
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
    for (QPushButton* b : dialButtons_)
        b->setEnabled(enabled);
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

    clearLayout(chips_);
    if (!p.grade.isEmpty()) {
        auto* grade = new ChipLabel(tr("Grade: %1").arg(CustomerTexts::grade(p.grade)),
                                    ChipLabel::Tone::Neutral, this);
        grade->setObjectName(QStringLiteral("gradeChip"));
        chips_->addWidget(grade);
    }
    if (customer_.vip) {
        auto* vip = new ChipLabel(tr("VIP"), ChipLabel::Tone::Info, this);
        vip->setObjectName(QStringLiteral("vipChip"));
        chips_->addWidget(vip);
    }
    if (customer_.abusiveHistory || customer_.abusiveCount > 0) {
        const QString text = customer_.abusiveCount > 0
                                 ? tr("Abusive history: %n call(s)",
                                      "폭언 이력; calls ended for abuse", customer_.abusiveCount)
                                 : tr("Abusive history", "폭언 이력");
        auto* abuse = new ChipLabel(text, ChipLabel::Tone::Danger, this);
        abuse->setObjectName(QStringLiteral("abusiveChip"));
        chips_->addWidget(abuse);
    }
    chips_->addStretch(1);

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
    clearLayout(phones_);
    dialButtons_.clear();
    if (customer_.customer.phones.isEmpty()) {
        phones_->addWidget(new QLabel(QStringLiteral("—"), this));
        return;
    }
    for (const crm::CustomerPhone& phone : customer_.customer.phones) {
        auto* row = new QHBoxLayout;
        row->setSpacing(8);
        auto* number = new QLabel(this);
        number->setObjectName(QStringLiteral("phoneNumberLabel_%1").arg(phone.id));
        number->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QString text = phone.masked ? maskPhone(phone.number) : formatPhone(phone.number);
        text =
            QStringLiteral("%1  <span style='color:#5b6670'>%2%3</span>")
                .arg(text.toHtmlEscaped(), CustomerTexts::phoneLabel(phone.label).toHtmlEscaped(),
                     phone.primary ? QStringLiteral(" · ") + tr("primary") : QString());
        number->setText(text);
        row->addWidget(number, 1);
        auto* dial = new QPushButton(tr("Call"), this);
        dial->setObjectName(QStringLiteral("dialButton_%1").arg(phone.id));
        dial->setToolTip(tr("Call this number (outbound call)"));
        dial->setEnabled(dialEnabled_);
        const QString dialNumber = phone.masked ? QString() : phone.e164;
        const QString phoneId = phone.id;
        connect(dial, &QPushButton::clicked, this,
                [this, dialNumber, phoneId] { emit dialRequested(dialNumber, phoneId); });
        dialButtons_.append(dial);
        row->addWidget(dial);
        phones_->addLayout(row);
    }
}

void ProfileCard::renderConsents() {
    clearLayout(consents_);
    if (customer_.consents.isEmpty()) {
        consents_->addWidget(new QLabel(QStringLiteral("—"), this));
        consents_->addStretch(1);
        return;
    }
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
    for (const QString& key : keys) {
        const bool given = customer_.consents.value(key);
        auto* chip = new ChipLabel(
            QStringLiteral("%1 %2").arg(CustomerTexts::consent(key),
                                        given ? QStringLiteral("✓") : QStringLiteral("✕")),
            given ? ChipLabel::Tone::Good : ChipLabel::Tone::Off, this);
        chip->setObjectName(QStringLiteral("consentChip_%1").arg(key));
        chip->setToolTip(given ? tr("Consent given") : tr("No consent"));
        consents_->addWidget(chip);
    }
    consents_->addStretch(1);
}

}  // namespace agentdesk::widgets
